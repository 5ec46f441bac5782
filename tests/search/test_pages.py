"""The vacancy search pages at the office PC: server-rendered, translated, private.

Served from the embedded index in a folder of the test's own; both backends
answer the same queries the same way (tests/search/test_contract.py).
"""

from __future__ import annotations

import datetime as dt
import logging
import re

import pytest
from django.utils import timezone

from cms.management.commands.serve import process_commands
from search import sync
from search.catalogue import upsert
from search.index import get_index
from search.models import Vacancy
from search.templatetags.vacancy_tags import distance_words, posted_words
from search.vacancies import AUSBILDUNG, TEILZEIT, Place
from tests.cms import guide_builders as build

from .builders import vacancy

pytestmark = pytest.mark.django_db

START = "/stellen/"
RESULTS = "/stellen/suche/"
GOTHA = Place(postal_code="99867", city="Gotha", latitude=50.95, longitude=10.7)
ERFURT = Place(postal_code="99084", city="Erfurt", latitude=50.978, longitude=11.03)
BERLIN = Place(postal_code="10115", city="Berlin", latitude=52.53, longitude=13.38)


@pytest.fixture
def index(settings, tmp_path):
    settings.EMBEDDED_INDEX_PATH = tmp_path / "index" / "vacancies.sqlite3"
    settings.ELASTICSEARCH_URLS = []
    get_index.cache_clear()
    yield get_index()
    get_index.cache_clear()


def add(**changes) -> int:
    """One vacancy in the catalogue and in the index; its id."""
    changes.setdefault("external_id", changes.get("title", "x") + str(changes.get("places", "")))
    vacancy_id = upsert(vacancy(**changes)).vacancy_id
    sync.drain()
    return vacancy_id


def days_ago(days: int) -> dt.date:
    return timezone.localdate() - dt.timedelta(days=days)


@pytest.fixture
def vacancies(index) -> dict[str, int]:
    return {
        "lager": add(title="Lagerhelfer (m/w/d)", posted=days_ago(3)),
        "koch": add(
            title="Koch in der Kantine",
            employer="Kantine am Park",
            places=(ERFURT,),
            working_time=frozenset({TEILZEIT}),
            german_level="B2",
            driving_licence=True,
            posted=days_ago(1),
        ),
        "azubi": add(
            title="Ausbildung Fachkraft für Lagerlogistik",
            kind=AUSBILDUNG,
            german_level="A2",
            driving_licence=False,
            posted=days_ago(20),
        ),
        "berlin": add(title="Lagerhelfer Berlin", places=(BERLIN,), posted=days_ago(2)),
    }


def page(client, url: str, status: int = 200) -> str:
    response = client.get(url)
    assert response.status_code == status, (url, response.status_code)
    return response.content.decode()


def hit_titles(html: str) -> list[str]:
    return re.findall(r'class="hit__title"><a [^>]*>([^<]+)</a>', html)


# --- Start page ---------------------------------------------------------------------


def test_start_page_offers_one_search_field_and_the_four_kinds(client, index):
    html = page(client, START)
    assert '<html lang="de" dir="ltr">' in html
    assert html.count('name="q"') == 1
    assert re.search(r'<label for="vacancy-q"[^>]*>Was suchen Sie\?</label>', html)
    for kind, label in [
        ("job", "Arbeit"),
        ("ausbildung", "Ausbildung"),
        ("praktikum", "Praktikum"),
        ("weiterbildung", "Weiterbildung"),
    ]:
        assert re.search(rf'name="kind" value="{kind}"[^>]*>.*?<span>{label}</span>', html, re.S)


def test_start_page_links_to_itself_in_every_language_by_native_name(client, index):
    html = page(client, START)
    for code, name in [("en", "English"), ("ar", "العربية"), ("fa", "فارسی"), ("tr", "Türkçe")]:
        assert f'<a href="/{code}/stellen/" lang="{code}" hreflang="{code}"' in html
        assert f">{name}</a>" in html


def test_start_page_passes_the_idle_time_to_the_script_by_data_attributes(client, settings, index):
    settings.LOTSE_KIOSK_IDLE_SECONDS = 45
    html = page(client, START)
    assert 'data-idle-seconds="45" data-start-url="/stellen/"' in html
    assert "<script>" not in html and " onclick=" not in html and "style=" not in html


# --- Results --------------------------------------------------------------------------


def test_a_typo_still_finds_the_vacancy(client, vacancies):
    html = page(client, RESULTS + "?q=Lagerhelfr")
    assert "Lagerhelfer (m/w/d)" in hit_titles(html)


def test_results_are_around_the_district_by_default(client, vacancies):
    titles = hit_titles(page(client, RESULTS + "?q=Lagerhelfer"))
    assert "Lagerhelfer (m/w/d)" in titles
    assert "Lagerhelfer Berlin" not in titles


def test_any_distance_finds_vacancies_far_away(client, vacancies):
    titles = hit_titles(page(client, RESULTS + "?q=Lagerhelfer&distance=any"))
    assert "Lagerhelfer Berlin" in titles


def test_a_hit_shows_employer_place_distance_working_time_and_when_it_was_posted(client, vacancies):
    html = page(client, RESULTS + "?q=Koch")
    assert "Kantine am Park" in html
    assert "99084 Erfurt" in html
    assert re.search(r"\d+ km entfernt", html)
    assert "Teilzeit" in html
    assert "Vor 1 Tag veröffentlicht" in html or "Gestern veröffentlicht" in html


def test_kind_filter_keeps_only_that_kind_and_counts_the_others(client, vacancies):
    html = page(client, RESULTS + "?kind=ausbildung")
    assert hit_titles(html) == ["Ausbildung Fachkraft für Lagerlogistik"]
    assert re.search(r'value="ausbildung" checked><span>Ausbildung <span[^>]*>\(1\)', html)
    assert re.search(r'value="job"><span>Arbeit <span[^>]*>\(2\)', html)


def test_little_german_leaves_out_vacancies_asking_for_more_than_a2(client, vacancies):
    titles = hit_titles(page(client, RESULTS + "?little_german=1"))
    assert "Koch in der Kantine" not in titles
    assert {"Lagerhelfer (m/w/d)", "Ausbildung Fachkraft für Lagerlogistik"} <= set(titles)


def test_no_driving_licence_leaves_out_vacancies_that_need_one(client, vacancies):
    titles = hit_titles(page(client, RESULTS + "?no_licence=1"))
    assert "Koch in der Kantine" not in titles
    assert "Ausbildung Fachkraft für Lagerlogistik" in titles


def test_working_time_filter(client, vacancies):
    titles = hit_titles(page(client, RESULTS + "?working_time=teilzeit"))
    assert titles == ["Koch in der Kantine"]


def test_no_results_suggest_what_was_meant(client, vacancies):
    html = page(client, RESULTS + "?q=Lagerhelfer+Kantine+Mond")
    assert "Keine Stellen gefunden." in html


def test_pagination_links_keep_the_choices_and_mark_the_current_page(client, index):
    employers = (
        "Albrecht Berger Conrad Dietrich Engel Fischer Gruber Hoffmann Ibsen Jung Keller Lorenz"
    )
    for number, employer in enumerate(employers.split()):
        add(
            title=f"Lagerhelfer Halle {number}",
            employer=f"{employer} Logistik",
            external_id=f"p{number}",
            url=f"https://jobs.example.org/{number}",
        )
    html = page(client, RESULTS + "?q=Lagerhelfer")
    assert "12 Stellen gefunden" in html
    assert len(hit_titles(html)) == 10
    assert 'href="?q=Lagerhelfer&amp;page=2" aria-label="Seite 2"' in html
    assert 'rel="next"' in html
    second = page(client, RESULTS + "?q=Lagerhelfer&page=2")
    assert len(hit_titles(second)) == 2
    assert 'aria-current="page" aria-label="Seite 2"' in second
    assert 'rel="prev"' in second


def test_hand_made_parameters_the_form_does_not_offer_are_ignored(client, vacancies):
    html = page(client, RESULTS + "?q=Koch&distance=7&page=abc&kind=boat&sort=x")
    assert hit_titles(html) == ["Koch in der Kantine"]


def test_a_search_the_index_cannot_answer_is_explained_and_not_logged_with_its_terms(
    client, index, monkeypatch, caplog
):
    def broken(query):
        raise ConnectionError(f"cannot search for {query.text}")

    monkeypatch.setattr("search.views.search", broken)
    with caplog.at_level(logging.DEBUG):
        html = page(client, RESULTS + "?q=Geheimwort", status=503)
    assert "funktioniert gerade nicht" in html
    assert "Geheimwort" not in caplog.text


# --- Languages --------------------------------------------------------------------------


def test_arabic_pages_are_right_to_left_with_translated_labels_and_texts_as_published(
    client, vacancies
):
    html = page(client, "/ar/stellen/suche/?q=Lagerhelfer")
    assert '<html lang="ar" dir="rtl">' in html
    assert "Lagerhelfer (m/w/d)" in html
    assert 'lang="de" dir="auto">Lagerhelfer (m/w/d)</a>' in html
    assert "دوام كامل" in html  # full-time
    assert "كم" in html  # kilometres


@pytest.mark.parametrize("language", ["de-x-ls", "en", "uk", "ru", "ar", "fa", "tr"])
def test_every_interface_language_translates_the_labels(client, vacancies, language):
    html = page(client, f"/{language}/stellen/suche/?q=Koch")
    german = page(client, "/stellen/suche/?q=Koch")
    for label in ("Teilzeit", "Arbeitszeit", "Neu anfangen", "Entfernung vom Büro"):
        assert label in german
        if language != "de-x-ls":
            assert label not in html, (language, label)


# --- Detail ------------------------------------------------------------------------------


@pytest.fixture
def coach():
    home = build.german_home()
    offers = build.offer_index(home)
    return build.offer(
        "Jobcoaching",
        parent=offers,
        slug="jobcoaching",
        slots=[(0, "09:00", "12:00"), (3, "13:00", "16:00")],
        street="Am Westpark 4",
        postal_code="99867",
        city="Gotha",
        phone="03621 000 410",
    )


def test_detail_shows_the_sanitised_description_as_stored_and_escapes_the_rest(client, index):
    vacancy_id = add(
        title="Helfer <b>sofort</b>",
        employer="A & B <GmbH>",
        description="<p>Wir suchen <strong>Sie</strong>.</p><ul><li>Lager</li></ul>",
    )
    html = page(client, f"/stellen/{vacancy_id}/")
    assert "<p>Wir suchen <strong>Sie</strong>.</p><ul><li>Lager</li></ul>" in html
    assert "Helfer &lt;b&gt;sofort&lt;/b&gt;" in html
    assert "A &amp; B &lt;GmbH&gt;" in html


def test_detail_tells_how_to_apply_with_a_qr_code_made_on_the_server(client, index):
    vacancy_id = add(title="Lagerhelfer", url="https://jobs.example.org/lagerhelfer")
    html = page(client, f"/stellen/{vacancy_id}/")
    assert 'href="https://jobs.example.org/lagerhelfer"' in html
    assert re.search(r'<figure class="qr">\s*<svg role="img" aria-label="[^"]+"', html)
    assert "data-print hidden" in html


def test_detail_asks_to_see_the_coach_at_the_offices_hours_and_address(client, index, coach):
    vacancy_id = add(title="Lagerhelfer")
    html = page(client, f"/stellen/{vacancy_id}/")
    assert "Fragen Sie Ihren Coach" in html
    assert "Am Westpark 4" in html and "99867 Gotha" in html
    assert "Montag" in html and "09:00–12:00" in html
    assert "Donnerstag" in html and "13:00–16:00" in html


def test_detail_without_the_coaching_offer_points_to_the_reception(client, index):
    html = page(client, f"/stellen/{add(title='Lagerhelfer')}/")
    assert "Bitte fragen Sie am Empfang." in html


def test_detail_shows_the_distance_from_the_office(client, index):
    html = page(client, f"/stellen/{add(title='Koch', places=(ERFURT,))}/")
    assert re.search(r"2\d km entfernt", html)


def test_detail_keeps_the_search_for_the_way_back(client, vacancies):
    html = page(client, RESULTS + "?q=Fachkraft&little_german=1&distance=any")
    link = re.search(r'href="(/stellen/\d+/\?[^"]+)"', html).group(1).replace("&amp;", "&")
    detail = page(client, link)
    assert 'href="/stellen/suche/?q=Fachkraft&amp;distance=any&amp;little_german=1"' in detail


def test_an_expired_vacancy_says_it_is_no_longer_open(client, index):
    vacancy_id = add(title="Lagerhelfer", valid_through=days_ago(2), posted=days_ago(40))
    html = page(client, f"/stellen/{vacancy_id}/", status=410)
    assert "Diese Stelle ist nicht mehr offen." in html
    assert "<svg role" not in html


def test_a_duplicate_leads_to_the_first_sources_page(client, index):
    first = add(title="Lagerhelfer", external_id="a")
    second = add(title="Lagerhelfer", external_id="b", source="other")
    Vacancy.objects.filter(pk=second).update(duplicate_of=first)
    response = client.get(f"/stellen/{second}/?q=Lager")
    assert response.status_code == 302
    assert response["Location"] == f"/stellen/{first}/?q=Lager"
    # Once the first source drops it, the other source's page is the opening's page.
    Vacancy.objects.filter(pk=first).update(state=Vacancy.State.REMOVED)
    assert client.get(f"/stellen/{second}/").status_code == 200


def test_an_unknown_vacancy_is_not_found(client, index):
    page(client, "/stellen/999999/", status=404)


# --- Suggestions --------------------------------------------------------------------------


def test_suggestions_complete_a_title_as_json(client, vacancies):
    response = client.get("/stellen/vorschlaege/?q=Lagerh")
    assert response.status_code == 200
    assert "Lagerhelfer" in response.json()["suggestions"]


def test_suggestions_for_odd_input_are_empty_not_an_error(client, index):
    assert client.get("/stellen/vorschlaege/?q=" + "x" * 300).json() == {"suggestions": []}


# --- Privacy -----------------------------------------------------------------------------


def test_no_page_sets_a_cookie_or_may_be_cached(client, vacancies, coach):
    urls = [
        START,
        RESULTS + "?q=Lagerhelfer&kind=job",
        f"/stellen/{vacancies['lager']}/?q=Lagerhelfer",
        "/ar/stellen/suche/?q=Koch",
        "/stellen/vorschlaege/?q=Lag",
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert not response.cookies, (url, list(response.cookies))
        assert response["Cache-Control"] == "no-store", url
    assert not client.cookies


def test_search_terms_are_not_logged(client, vacancies, caplog):
    with caplog.at_level(logging.DEBUG):
        page(client, RESULTS + "?q=Lagerhelfr+Zauberwort")
        page(client, "/stellen/vorschlaege/?q=Zauberw")
        page(client, f"/stellen/{vacancies['lager']}/?q=Zauberwort")
    assert "Zauberw" not in caplog.text


def test_the_web_server_writes_no_access_log():
    web = process_commands("127.0.0.1", 8000, 2)["web"]
    assert not any(arg.startswith(("--access-log", "--log-config")) for arg in web)


# --- Plain words ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("days", "words"),
    [
        (0, "Posted today"),
        (1, "Posted yesterday"),
        (3, "Posted 3 days ago"),
        (15, "Posted 2 weeks ago"),
        (90, "Posted on 08/24/2026"),
    ],
)
def test_posted_date_in_plain_words(days, words):
    from django.utils import translation

    today = dt.date(2026, 11, 22)
    with translation.override("en"):
        assert posted_words(today - dt.timedelta(days=days), today) == words


def test_distance_in_plain_words():
    from django.utils import translation

    with translation.override("en"):
        assert distance_words(0.4) == "less than 1 km away"
        assert distance_words(3.26) == "3.3 km away"
        assert distance_words(21.7) == "22 km away"
