"""The public guide pages: server-rendered, in the page's language and direction."""

import pytest
from django.core.management import call_command

from tests.cms import guide_builders as build

pytestmark = pytest.mark.django_db

TOPIC_BODY = [
    ("text", "<p>Deutsch lernen lohnt sich.</p>"),
    (
        "steps",
        {"heading": "So geht es", "steps": [{"title": "Termin machen", "text": "<p>Anrufen.</p>"}]},
    ),
    (
        "faq",
        {
            "heading": "Fragen",
            "questions": [{"question": "Kostet das etwas?", "answer": "<p>Nein.</p>"}],
        },
    ),
    (
        "documents",
        {"heading": "Bitte mitbringen", "documents": ["Pass", "Aufenthaltstitel"], "note": ""},
    ),
    (
        "contact",
        {
            "name": "Frau Beispiel",
            "phone": "03621 000000",
            "email": "kurs@example.org",
            "address": "Gotha",
            "hours": "Mo 9–12",
        },
    ),
]


@pytest.fixture
def guide():
    home = build.german_home()
    offers = build.offer_index(home)
    course = build.offer(
        "Integrationskurs",
        parent=offers,
        topics=[build.topic("sprache", "Deutsch lernen")],
        languages=["ar", "uk"],
        slots=[(0, "09:00", "12:00")],
        summary="Deutschkurs mit Orientierungskurs für Neuzugewanderte.",
        step_free_entrance=True,
        phone="03621 000000",
    )
    topics = build.guide_index(home)
    body = [*TOPIC_BODY, ("offers", {"heading": "Angebote", "offers": [course]})]
    topic = build.topic_page("Deutsch lernen", parent=topics, summary="Kurse in Gotha.", body=body)
    return {"home": home, "course": course, "topic": topic}


def html(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_german_pages_say_lang_de_and_ltr(client, guide):
    assert '<html lang="de" dir="ltr">' in html(client, guide["course"].url)


def test_arabic_translation_is_served_right_to_left(client, guide):
    arabic = build.translate(
        guide["course"], "ar", title="دورة الاندماج", summary="دورة لغة ألمانية."
    )
    page = html(client, arabic.url)
    assert arabic.url.startswith("/ar/")
    assert '<html lang="ar" dir="rtl">' in page
    assert "دورة الاندماج" in page


def test_language_picker_lists_the_page_in_its_languages_by_native_name(client, guide):
    arabic = build.translate(guide["course"], "ar", title="دورة الاندماج", summary="دورة")
    page = html(client, guide["course"].url)
    assert f'href="{arabic.url}" lang="ar"' in page
    assert ">العربية<" in page and ">Deutsch<" in page


def test_every_page_has_a_skip_link_to_the_main_content(client, guide):
    page = html(client, guide["home"].url)
    assert 'class="skip-link" href="#main"' in page and '<main id="main"' in page


def test_topic_page_renders_every_block(client, guide):
    page = html(client, guide["topic"].url)
    for text in [
        "Deutsch lernen lohnt sich",
        "Termin machen",
        "<summary>Kostet das etwas?</summary>",
        "Aufenthaltstitel",
        "kurs@example.org",
        "Integrationskurs",
    ]:
        assert text in page


def test_offer_page_shows_hours_languages_and_accessibility(client, guide):
    page = html(client, guide["course"].url)
    assert "Montag" in page and "09:00–12:00" in page
    assert 'lang="uk">Українська<' in page
    assert "Stufenloser Eingang" in page or "Step-free entrance" in page


def test_offer_list_filters_without_javascript(client, guide):
    offers_url = guide["course"].get_parent().url
    assert "Integrationskurs" in html(client, f"{offers_url}?language=ar")
    assert "Integrationskurs" not in html(client, f"{offers_url}?language=tr")


def test_stylesheet_has_print_rules():
    from django.contrib.staticfiles import finders

    with open(finders.find("cms/base.css"), encoding="utf-8") as stylesheet:
        css = stylesheet.read()
    assert "@media print" in css


def test_search_finds_german_pages_in_german(client, guide):
    call_command("update_index", verbosity=0)
    assert "Integrationskurs" in html(client, "/search/?q=Orientierungskurs")


def test_search_forgives_a_typo(client, guide):
    call_command("update_index", verbosity=0)
    page = html(client, "/search/?q=Orientirungskurs")
    assert "Integrationskurs" in page
    assert "orientierungskurs" in page.lower()


def test_search_in_arabic_finds_arabic_pages_only(client, guide):
    build.translate(
        guide["course"], "ar", title="دورة الاندماج", summary="دورة لغة ألمانية للقادمين الجدد."
    )
    call_command("update_index", verbosity=0)
    page = html(client, "/ar/search/?q=الاندماج")
    assert "دورة الاندماج" in page
    assert "Integrationskurs" not in page
