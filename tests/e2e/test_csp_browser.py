"""The Content-Security-Policy in Chromium: no page reports a violation, and the
Wagtail admin still works under it (login, the page editor's widgets, the
translation editor, the coaches' pages).

Chromium logs every blocked script, style, image or connection to the console
with "Content Security Policy"; each test collects those messages.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import Page, expect

from matching.models import Membership, Office
from search.index import get_index
from tests.cms import translation_builders as translations
from tests.e2e.conftest import new_page
from tests.matching.conftest import make_participant
from tests.staff import StaffClient

pytestmark = [pytest.mark.slow, pytest.mark.browser]

PASSWORD = "ein langes Passwort 42"  # noqa: S105


class Violations:
    """The CSP violations Chromium reports while a page is used."""

    def __init__(self, page: Page) -> None:
        self.found: list[str] = []
        page.on("console", self._note)

    def _note(self, message) -> None:
        if "Content Security Policy" in message.text:
            self.found.append(message.text)


def visit(page: Page, url: str) -> None:
    page.goto(url)
    page.wait_for_load_state("networkidle")


@dataclass(frozen=True)
class Admin:
    """What the admin tests open, made before the browser starts."""

    session: str
    offer_edit: str
    topic_edit: str
    translation_edit: str
    submit_translation: str
    participant: str


@pytest.fixture
def index(settings, tmp_path):
    settings.EMBEDDED_INDEX_PATH = tmp_path / "index" / "vacancies.sqlite3"
    settings.ELASTICSEARCH_URLS = []
    get_index.cache_clear()
    yield
    get_index.cache_clear()


@pytest.fixture
def admin(german_pages, index) -> Admin:
    user = get_user_model().objects.create_superuser("admin", "admin@example.org", PASSWORD)
    office = Office.objects.create(name="Anlaufstelle Gotha-West", code="gw", postal_code="99867")
    Membership.objects.create(office=office, user=user, role=Membership.Role.COACH)
    participant = make_participant(office)
    topic = translations.german_topic_page("Sprachkurse")
    translations.translate(topic, "uk")
    ukrainian = translations.translated(topic, "uk")
    client = StaffClient()
    client.force_login(user)
    return Admin(
        session=client.cookies["sessionid"].value,
        offer_edit=f"/admin/pages/{german_pages.offer.pk}/edit/",
        topic_edit=f"/admin/pages/{german_pages.topic.pk}/edit/",
        translation_edit=f"/admin/pages/{ukrainian.pk}/edit/",
        submit_translation=f"/admin/localize/submit/page/{topic.pk}/",
        participant=f"/admin/matching/participants/{participant.pk}/",
    )


@pytest.fixture
def admin_page(admin, browser, live_server) -> Page:
    page = new_page(browser, timezone_id="Europe/Berlin")
    page.context.add_cookies(
        [{"name": "sessionid", "value": admin.session, "url": live_server.url}]
    )
    return page


def test_the_public_pages_report_no_violation(german, index, page, live_server):
    violations = Violations(page)
    for path in (
        german.home.url,
        german.topic.url,
        german.offers.url,
        german.offer.url,
        "/search/?q=Beratung",
        "/stellen/",
        "/stellen/suche/?q=Lager",
        "/ar/stellen/",
        "/no-such-page/",
        "/api/v2/pages/",
        "/healthz",
    ):
        visit(page, live_server.url + path)
    assert violations.found == []


def test_the_admin_login_works_under_the_policy(admin, browser, live_server):
    page = new_page(browser, timezone_id="Europe/Berlin")
    violations = Violations(page)
    visit(page, live_server.url + "/admin/")
    expect(page).to_have_url(f"{live_server.url}/admin/login/?next=/admin/")
    page.fill("#id_username", "admin")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_load_state("networkidle")
    # In, past the password: the dashboard, or the second factor's page.
    assert "/admin/login/" not in page.url
    assert violations.found == []


def test_the_page_editor_works_under_the_policy(admin, admin_page, live_server):
    page = admin_page
    violations = Violations(page)
    visit(page, live_server.url + admin.offer_edit)

    # The inline panel (started by cms/static/cms/admin-init.js) adds a row,
    # whose time fields get Wagtail's picker.
    total = page.locator("#id_opening_slots-TOTAL_FORMS")
    before = int(total.input_value())
    page.click("#id_opening_slots-ADD")
    expect(total).to_have_value(str(before + 1))
    row = f"#id_opening_slots-{before}"
    page.click(f"{row}-opens")
    expect(page.locator(".xdsoft_datetimepicker:visible")).to_have_count(1)
    page.fill(f"{row}-opens", "14:00")
    page.fill(f"{row}-closes", "16:00")
    page.select_option(f"{row}-weekday", index=4)
    page.keyboard.press("Escape")

    # The image chooser (an image is chosen: "Change image" is in its menu)
    # opens its modal.
    page.click("#id_image-chooser .w-dropdown__toggle")
    page.locator("[data-chooser-action-choose]:visible").first.click()
    expect(page.locator(".modal.fade.in .modal-content")).to_be_visible()
    page.wait_for_load_state("networkidle")
    page.click(".modal.fade.in .modal-header button.close, .modal.fade.in [data-dismiss=modal]")

    # The live preview shows the page in a frame of the same origin.
    page.click('[data-side-panel-toggle="preview"]')
    expect(page.frame_locator("iframe").first.locator("h1")).to_be_visible()
    page.click('[data-side-panel-toggle="preview"]')

    # Saving a draft goes through.
    page.locator("button.action-save").first.click()
    page.wait_for_load_state("networkidle")
    expect(page.locator(".messages .success")).to_be_visible()

    visit(page, live_server.url + admin.topic_edit)
    expect(page.locator("#id_topic-chooser")).to_be_attached()
    assert violations.found == []


def test_the_translation_editor_works_under_the_policy(admin, admin_page, live_server):
    page = admin_page
    violations = Violations(page)
    visit(page, live_server.url + admin.translation_edit)
    # wagtail-localize's editor is a React app: it has drawn the source strings.
    expect(page.locator(".js-translation-editor").get_by_text("Sprachkurse").first).to_be_visible()
    visit(page, live_server.url + admin.submit_translation)
    select_all = page.locator('[name="select_all"]')
    if select_all.count():
        select_all.check()
        for locale in page.locator('[name="locales"]').all():
            expect(locale).to_be_checked()
    assert violations.found == []


def test_the_coaches_pages_work_under_the_policy(admin, admin_page, live_server):
    page = admin_page
    violations = Violations(page)
    for path in (
        "/admin/",
        "/admin/matching/participants/",
        "/admin/matching/participants/new/",
        admin.participant,
        "/admin/matching/review/",
        "/admin/matching/follow-ups/",
        "/admin/matching/participants/inactive/",
    ):
        visit(page, live_server.url + path)
        expect(page.locator("h1").first).to_be_visible()
    assert violations.found == []
