"""The vacancy search at the office PC in Chromium: a participant's way through
search, filters and a vacancy, print, Arabic, the keyboard, the idle reset,
axe-core in German and Arabic, and no request to any other host."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from search import sync
from search.catalogue import upsert
from search.index import get_index
from search.vacancies import AUSBILDUNG, TEILZEIT, Place
from tests.cms import guide_builders as build
from tests.e2e.test_guide_browser import describe_violations
from tests.search.builders import vacancy

pytestmark = [pytest.mark.slow, pytest.mark.browser]

ERFURT = Place(postal_code="99084", city="Erfurt", latitude=50.978, longitude=11.03)


@dataclass(frozen=True)
class Vacancies:
    lager: int
    koch: int
    azubi: int


@pytest.fixture
def vacancies(settings, tmp_path, german_pages) -> Vacancies:
    """Three vacancies in a fresh embedded index, and the guide's coaching offer."""
    settings.EMBEDDED_INDEX_PATH = tmp_path / "index" / "vacancies.sqlite3"
    settings.ELASTICSEARCH_URLS = []
    get_index.cache_clear()
    build.offer(
        "Jobcoaching",
        parent=german_pages.offers,
        slug="jobcoaching",
        slots=[(0, "09:00", "12:00"), (3, "09:00", "12:00")],
        street="Am Westpark 4",
        postal_code="99867",
        city="Gotha",
    )
    today = timezone.localdate()
    ids = Vacancies(
        lager=upsert(
            vacancy(
                external_id="lager",
                description="<p>Wir suchen <strong>Verstärkung</strong> im Lager.</p>",
                posted=today - dt.timedelta(days=3),
            )
        ).vacancy_id,
        koch=upsert(
            vacancy(
                external_id="koch",
                title="Koch in der Kantine",
                employer="Kantine am Park",
                description="<p>Kochen für 200 Gäste.</p>",
                places=(ERFURT,),
                working_time=frozenset({TEILZEIT}),
                german_level="B2",
                url="https://jobs.example.org/koch",
            )
        ).vacancy_id,
        azubi=upsert(
            vacancy(
                external_id="azubi",
                kind=AUSBILDUNG,
                title="Ausbildung Fachkraft für Lagerlogistik",
                employer="Logistikzentrum Gotha",
                german_level="A2",
                url="https://jobs.example.org/azubi",
            )
        ).vacancy_id,
    )
    sync.drain()
    yield ids
    get_index.cache_clear()


@pytest.fixture
def browser(vacancies, browser):
    # The vacancies go into the database and index before Playwright starts.
    return browser


def start(page, live_server, language: str = "") -> None:
    prefix = f"/{language}" if language else ""
    page.goto(f"{live_server.url}{prefix}/stellen/")


def field(page):
    # A search field with suggestions (a datalist) is a combobox to the browser.
    return page.get_by_role("combobox", name="Was suchen Sie?")


def search_for(page, text: str) -> None:
    field(page).fill(text)
    field(page).press("Enter")


def hits(page):
    return page.locator(".hit__title a")


def test_a_typo_finds_the_vacancy_then_a_filter_narrows_and_a_detail_opens(
    page, live_server, vacancies
):
    start(page, live_server)
    search_for(page, "Lagerhelfr")

    expect(page).to_have_url(re.compile(r"/stellen/suche/\?q=Lagerhelfr$"))
    expect(hits(page)).to_have_text(["Lagerhelfer (m/w/d)"])

    search_for(page, "")
    expect(hits(page)).to_have_count(3)
    page.get_by_label("Wenig Deutsch nötig").check()
    page.get_by_role("button", name="Ergebnisse zeigen").click()
    expect(page).to_have_url(re.compile(r"little_german=1"))
    expect(hits(page)).to_have_count(2)
    expect(page.get_by_role("link", name="Koch in der Kantine")).to_have_count(0)

    page.get_by_role("link", name="Ausbildung Fachkraft für Lagerlogistik").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Ausbildung Fachkraft für Lagerlogistik"
    )
    expect(page.get_by_role("heading", name="Fragen Sie Ihren Coach")).to_be_visible()
    page.get_by_role("link", name="Zurück zu den Ergebnissen").click()
    expect(page.get_by_label("Wenig Deutsch nötig")).to_be_checked()


def test_the_four_kinds_on_the_start_page_search_by_kind(page, live_server, vacancies):
    start(page, live_server)
    page.get_by_role("button", name="Ausbildung").click()

    expect(page).to_have_url(re.compile(r"kind=ausbildung"))
    expect(hits(page)).to_have_text(["Ausbildung Fachkraft für Lagerlogistik"])


def test_titles_are_suggested_while_typing(page, live_server, vacancies):
    start(page, live_server)
    field(page).press_sequentially("Lagerh", delay=50)

    options = page.locator("#vacancy-q-suggestions option")
    expect(options.first).to_have_attribute("value", re.compile("^Lagerhelfer"))


def test_the_printed_vacancy_is_one_tidy_page_with_the_offices_address(
    page, live_server, vacancies
):
    page.goto(f"{live_server.url}/stellen/{vacancies.lager}/")
    expect(page.get_by_role("button", name="Drucken")).to_be_visible()

    page.emulate_media(media="print")

    expect(page.locator(".site-header")).to_be_hidden()
    expect(page.locator(".language-picker")).to_be_hidden()
    expect(page.get_by_role("link", name="Neu anfangen")).to_be_hidden()
    expect(page.get_by_role("button", name="Drucken")).to_be_hidden()
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    expect(page.locator(".qr svg")).to_be_visible()
    expect(page.locator(".coach address")).to_contain_text("Am Westpark 4")
    pdf = page.pdf(format="A4")
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 1


def test_switching_to_arabic_keeps_the_search_and_reads_right_to_left(page, live_server, vacancies):
    start(page, live_server)
    search_for(page, "Lagerhelfer")

    page.locator(".language-picker").get_by_role("link", name="العربية").click()

    expect(page).to_have_url(re.compile(r"/ar/stellen/suche/\?q=Lagerhelfer$"))
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.locator("html")).to_have_attribute("lang", "ar")
    expect(hits(page)).to_have_text(["Lagerhelfer (m/w/d)"])
    expect(page.locator(".hit")).to_contain_text("دوام كامل")


def focused(page) -> str:
    return page.evaluate(
        "() => { const e = document.activeElement;"
        " return (e.id || e.getAttribute('name') || e.textContent || '').trim(); }"
    )


def tab_to(page, wanted: str, limit: int = 40) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if focused(page) == wanted:
            outline = page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")
            assert outline != "none", f"{wanted} shows no focus outline"
            return
    raise AssertionError(f"{wanted!r} not reached with Tab; last focus on {focused(page)!r}")


def test_keyboard_alone_searches_filters_and_opens_a_vacancy(page, live_server, vacancies):
    start(page, live_server)
    tab_to(page, "vacancy-q")
    page.keyboard.type("Lager")
    page.keyboard.press("Enter")
    expect(hits(page)).to_have_count(2)

    tab_to(page, "little_german")
    page.keyboard.press("Space")
    tab_to(page, "Ergebnisse zeigen")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"little_german=1"))

    tab_to(page, "Ausbildung Fachkraft für Lagerlogistik")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Ausbildung Fachkraft für Lagerlogistik"
    )


def test_start_over_clears_the_search(page, live_server, vacancies):
    start(page, live_server)
    search_for(page, "Lagerhelfer")

    page.get_by_role("link", name="Neu anfangen").click()

    expect(page).to_have_url(f"{live_server.url}/stellen/")
    expect(field(page)).to_have_value("")


def test_after_the_idle_time_the_page_returns_to_the_start_and_forgets_the_search(
    settings, page, live_server, vacancies
):
    settings.LOTSE_KIOSK_IDLE_SECONDS = 2
    start(page, live_server)
    search_for(page, "Lagerhelfer")
    page.goto(f"{live_server.url}/stellen/{vacancies.lager}/?q=Lagerhelfer")
    entries = page.evaluate("() => history.length")

    expect(page).to_have_url(f"{live_server.url}/stellen/", timeout=8_000)
    expect(field(page)).to_have_value("")
    # The vacancy's entry was replaced by the start page, not added to.
    assert page.evaluate("() => history.length") == entries


def test_typed_text_on_the_start_page_is_cleared_after_the_idle_time(
    settings, page, live_server, vacancies
):
    settings.LOTSE_KIOSK_IDLE_SECONDS = 2
    start(page, live_server)
    field(page).fill("Lagerhelfer")

    expect(field(page)).to_have_value("", timeout=8_000)


def vacancy_pages(live_server, vacancies, language: str) -> list[str]:
    prefix = f"{live_server.url}/{language}" if language != "de" else live_server.url
    return [
        f"{prefix}/stellen/",
        f"{prefix}/stellen/suche/?q=Lager&little_german=1",
        f"{prefix}/stellen/suche/?q=Mondfahrer",
        f"{prefix}/stellen/{vacancies.lager}/?q=Lager",
    ]


@pytest.mark.parametrize("language", ["de", "ar"])
def test_vacancy_pages_have_no_accessibility_violations(
    page, live_server, vacancies, axe, language
):
    found = []
    for url in vacancy_pages(live_server, vacancies, language):
        page.goto(url)
        expect(page.locator("html")).to_have_attribute("lang", language)
        violations = axe.run(page).response["violations"]
        if violations:
            found.append(describe_violations(url, violations))

    assert not found, "\n\n".join(found)


def test_vacancy_pages_request_nothing_from_other_hosts(page, live_server, vacancies):
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    for language in ("de", "ar"):
        for url in vacancy_pages(live_server, vacancies, language):
            page.goto(url)
    start(page, live_server)
    field(page).press_sequentially("Lagerh", delay=50)
    expect(page.locator("#vacancy-q-suggestions option").first).to_be_attached()

    foreign = [url for url in requested if not url.startswith(live_server.url + "/")]
    assert any("/stellen/vorschlaege/" in url for url in requested)
    assert not foreign, f"requests to other hosts: {foreign}"


def test_the_search_works_without_javascript(page_without_javascript, live_server, vacancies):
    page = page_without_javascript
    start(page, live_server)
    search_for(page, "Lagerhelfr")
    expect(hits(page)).to_have_text(["Lagerhelfer (m/w/d)"])

    page.get_by_label("Teilzeit").check()
    page.get_by_label("Egal wie weit").check()
    page.get_by_role("button", name="Ergebnisse zeigen").click()
    expect(hits(page)).to_have_count(0)
    expect(page.get_by_role("status")).to_have_text("Keine Stellen gefunden.")


@pytest.mark.parametrize("width", [640, 320])
def test_pages_reflow_without_sideways_scrolling_at_200_and_400_percent_zoom(
    browser, live_server, vacancies, width
):
    # 1280 CSS pixels at 200 % (and 400 %) zoom leave 640 (and 320) for the page.
    context = browser.new_context(locale="de-DE", viewport={"width": width, "height": 480})
    page = context.new_page()
    for language in ("de", "ar"):
        for url in vacancy_pages(live_server, vacancies, language):
            page.goto(url)
            overflow = page.evaluate(
                "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
            )
            assert overflow <= 0, f"{url} scrolls sideways by {overflow}px at {width}px"
    context.close()
