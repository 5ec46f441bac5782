"""The demo guide for Gotha-West: German pages and snippets with synced translations."""

import html
import re

import pytest
from django.db import transaction
from django.utils import translation
from wagtail.models import Locale, Page, ReferenceIndex, Site
from wagtail_localize.models import StringTranslation, Translation

from cms.guide.demo import TRANSLATED_LANGUAGES, Text, gotha_west
from cms.guide.demo.loader import DemoContentError, TranslationMemory
from cms.guide.models import (
    GuideIndexPage,
    HomePage,
    OfferIndexPage,
    OfferPage,
    Partner,
    Topic,
    TopicPage,
)
from cms.guide.translation import TranslationState, translation_states
from cms.setup import load_demo_content

pytestmark = pytest.mark.django_db

LANGUAGES = ("de", *TRANSLATED_LANGUAGES)
ARABIC_LETTER = re.compile("[\u0600-\u06ff]")
CYRILLIC_LETTER = re.compile("[\u0400-\u04ff]")


@pytest.fixture(scope="module", autouse=True)
def demo(django_db_setup, django_db_blocker):
    """Load the demo once for this module (it takes seconds) and roll it back afterwards."""
    with django_db_blocker.unblock(), transaction.atomic():
        assert load_demo_content() is True
        yield
        transaction.set_rollback(True)


@pytest.fixture(autouse=True)
def no_language_left_active():
    """A request to /ar/ leaves Arabic active in this thread; later tests expect the default."""
    yield
    translation.deactivate()


def german(model):
    return model.objects.filter(locale__language_code="de")


def in_language(instance, code):
    return instance.get_translation(Locale.objects.get(language_code=code))


def demo_texts():
    """Every Text in the demo data, slugs aside."""
    found = []

    def walk(value):
        if isinstance(value, Text):
            found.append(value)
        elif isinstance(value, dict):
            # Slugs are part of addresses, not text on the page.
            for name, item in value.items():
                if name != "slug":
                    walk(item)
        elif isinstance(value, list | tuple):
            for item in value:
                walk(item)
        elif hasattr(value, "__dataclass_fields__"):
            walk(list(vars(value).values()))

    for name in ("TOPICS", "PARTNERS", "HOME", "GUIDE_INDEX", "OFFER_INDEX", "OFFERS"):
        walk(getattr(gotha_west, name))
    walk(gotha_west.TOPIC_PAGES)
    return found


def german_only_texts(code):
    """German demo texts that must not show on a page in `code`.

    A German name kept inside a translation ("Anlaufstelle Gotha-West") is allowed.
    """
    texts = demo_texts()
    translations = " ".join(text.translated(code) for text in texts)
    plain = {re.sub(r"<[^>]+>", "", text.de) for text in texts if text.de != text.translated(code)}
    return {german for german in plain if german not in translations}


def visible_text(response):
    return html.unescape(re.sub(r"<[^>]+>", " ", response.content.decode()))


# --- The German guide --------------------------------------------------------------------


def test_demo_guide_has_a_home_with_guide_and_offer_index():
    home = german(HomePage).get()
    assert home.title == "Lotse – Wegweiser Gotha-West"
    assert [type(page.specific) for page in home.get_children()] == [
        GuideIndexPage,
        OfferIndexPage,
    ]
    assert german(TopicPage).live().child_of(german(GuideIndexPage).get()).count() == 7
    assert german(OfferPage).live().child_of(german(OfferIndexPage).get()).count() == 11


def test_demo_guide_is_the_default_sites_root():
    site = Site.objects.get(is_default_site=True)
    assert site.root_page.specific == german(HomePage).get()


def test_demo_topics_keep_their_slugs_in_every_language():
    slugs = {"arbeit", "sprache", "anerkennung", "geld-schulden", "wohnen", "kinder", "beratung"}
    assert set(german(Topic).values_list("slug", flat=True)) == slugs
    for code in TRANSLATED_LANGUAGES:
        assert (
            set(Topic.objects.filter(locale__language_code=code).values_list("slug", flat=True))
            == slugs
        )


def test_demo_partners_cover_the_local_help_system():
    kinds = set(german(Partner).values_list("kind", flat=True))
    assert {
        "counselling",
        "jobcenter",
        "adult_education",
        "migration_counselling",
        "housing",
        "childcare",
    } <= kinds
    assert german(Partner).count() == 8


def test_demo_topic_pages_use_every_block_type():
    used = {block.block_type for page in german(TopicPage) for block in page.body}
    assert used == {"text", "steps", "faq", "documents", "contact", "offers"}


def test_demo_offers_have_their_details_as_data():
    for offer in german(OfferPage):
        assert offer.provider and offer.summary and offer.description
        assert offer.topics.exists() and offer.target_groups.exists()
        assert offer.staff_languages.filter(code="de").exists()
        assert offer.postal_code == "99867" and offer.city == "Gotha"
        assert 50.9 < offer.latitude < 51.0 and 10.6 < offer.longitude < 10.8
        assert offer.opening_slots.exists()
        assert offer.phone and offer.email.endswith("example.org")


def test_one_demo_offer_is_temporarily_closed_and_one_course_runs_for_a_while():
    assert german(OfferPage).filter(temporarily_closed=True).count() == 1
    course = german(OfferPage).get(valid_until__isnull=False)
    assert course in german(OfferPage).valid_on(course.valid_from)
    assert course.valid_from < course.valid_until


# --- The translations ----------------------------------------------------------------------


def test_every_demo_page_is_live_in_german_english_ukrainian_and_arabic():
    german_pages = Page.objects.filter(locale__language_code="de", depth__gt=1)
    assert german_pages.count() == 21
    for page in german_pages:
        for code in LANGUAGES:
            translated = in_language(page, code)
            assert translated.live and translated.alias_of_id is None, (page, code)


def test_every_demo_snippet_is_translated():
    for model in (Topic, Partner):
        for snippet in german(model):
            for code in TRANSLATED_LANGUAGES:
                assert in_language(snippet, code).description != snippet.description


def test_demo_translations_are_synced_and_up_to_date():
    for page in Page.objects.filter(locale__language_code="de", depth__gt=1):
        states = translation_states(page)
        assert {states[code] for code in TRANSLATED_LANGUAGES} == {TranslationState.UP_TO_DATE}
        synced = Translation.objects.filter(
            source__object_id=page.translation_key, enabled=True
        ).values_list("target_locale__language_code", flat=True)
        assert set(synced) == set(TRANSLATED_LANGUAGES)


def test_demo_translations_are_made_by_people_not_machines():
    assert not StringTranslation.objects.exclude(
        translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL
    ).exists()


def test_arabic_offer_is_written_in_arabic():
    offer = german(OfferPage).get(slug="jobcoaching")
    arabic = in_language(offer, "ar")
    assert ARABIC_LETTER.search(arabic.title)
    assert ARABIC_LETTER.search(arabic.summary) and arabic.summary != offer.summary
    assert ARABIC_LETTER.search(arabic.description)
    assert ARABIC_LETTER.search(in_language(offer, "uk").title) is None
    assert CYRILLIC_LETTER.search(in_language(offer, "uk").title)


def test_translated_offer_keeps_its_data_and_points_at_translated_snippets():
    offer = german(OfferPage).get(slug="integrationskurs-vormittag")
    arabic = in_language(offer, "ar")
    assert arabic.provider.locale.language_code == "ar"
    assert arabic.provider.translation_key == offer.provider.translation_key
    assert {topic.locale.language_code for topic in arabic.topics.all()} == {"ar"}
    assert {t.slug for t in arabic.topics.all()} == {t.slug for t in offer.topics.all()}
    assert set(arabic.staff_languages.all()) == set(offer.staff_languages.all())
    assert [str(slot) for slot in arabic.opening_slots.all()] == [
        str(slot) for slot in offer.opening_slots.all()
    ]
    assert (arabic.latitude, arabic.valid_until) == (offer.latitude, offer.valid_until)
    assert arabic.street == offer.street == "Parkallee 7"


def test_translated_topic_page_lists_and_contacts_translated_objects():
    page = german(TopicPage).get(slug="arbeit")
    arabic = in_language(page, "ar")
    assert arabic.topic.locale.language_code == "ar"
    blocks = {block.block_type: block.value for block in arabic.body}
    assert {offer.locale.language_code for offer in blocks["offers"]["offers"]} == {"ar"}
    assert blocks["contact"]["partner"].locale.language_code == "ar"
    assert ARABIC_LETTER.search(blocks["steps"]["steps"][0]["title"])


@pytest.mark.parametrize("code", TRANSLATED_LANGUAGES)
def test_no_german_text_on_translated_pages(client, code):
    leaks = german_only_texts(code)
    for page in Page.objects.filter(locale__language_code=code, depth__gt=1).specific():
        response = client.get(page.get_url())
        assert response.status_code == 200, page.url
        assert [text for text in leaks if text in visible_text(response)] == [], page.url
        # The same check finds German text on the German page, so it would notice.
        original = visible_text(client.get(in_language(page, "de").get_url()))
        assert any(text in original for text in leaks), page.url


# --- Served pages -----------------------------------------------------------------------


def test_german_home_is_served_at_the_root(client):
    response = client.get("/")
    assert response.status_code == 200
    assert "Willkommen beim Lotsen der Anlaufstelle Gotha-West" in response.content.decode()


def test_arabic_home_is_served_right_to_left_in_arabic(client):
    response = client.get("/ar/")
    assert response.status_code == 200
    page = response.content.decode()
    assert 'dir="rtl"' in page
    assert "دليل غوتا-فيست" in page
    assert "Willkommen" not in page


def test_translated_pages_live_under_their_language_prefix():
    for code in TRANSLATED_LANGUAGES:
        offer = in_language(german(OfferPage).get(slug="sprachcafe"), code)
        assert offer.url == f"/{code}/services/language-cafe/"


def test_demo_pages_are_in_the_search_index_without_a_rebuild():
    found = OfferPage.objects.live().search("Jugendmigrationsdienst")
    assert german(OfferPage).get(slug="jugendmigrationsdienst") in found


def test_editors_see_where_a_demo_partner_is_used():
    anlaufstelle = german(Partner).get(name="Anlaufstelle Gotha-West")
    using = {reference.object_id for reference in ReferenceIndex.get_references_to(anlaufstelle)}
    offers = german(OfferPage).filter(provider=anlaufstelle)
    assert {str(offer.pk) for offer in offers} <= using


# --- Loading is safe to repeat, and the data is checked ----------------------------------


def test_loading_the_demo_twice_changes_nothing():
    counts = [
        model.objects.count() for model in (Page, Topic, Partner, Translation, StringTranslation)
    ]
    assert load_demo_content() is False
    assert counts == [
        model.objects.count() for model in (Page, Topic, Partner, Translation, StringTranslation)
    ]


def test_a_text_without_translation_stops_the_load_with_its_wording():
    memory = TranslationMemory()
    with pytest.raises(DemoContentError, match=r"'Sprechzeiten am Samstag'.*'ar'"):
        memory.translate("Sprechzeiten am Samstag", "ar", is_slug=False, where="OfferPage")


def test_a_text_translated_in_two_ways_stops_the_load():
    memory = TranslationMemory()
    memory.text(Text("Beratung", "Counselling", "Консультація", "استشارة"))
    with pytest.raises(DemoContentError, match="two different ways"):
        memory.text(Text("Beratung", "Advice", "Консультація", "استشارة"))


def test_an_address_stays_the_same_in_every_language():
    memory = TranslationMemory()
    memory.verbatim("Am Westpark 4\n99867 Gotha")
    stored = "Am Westpark 4<br/>99867 Gotha"
    assert memory.translate(stored, "ar", is_slug=False, where="contact") == stored
