"""The guide's headless API at /api/v2/: locales, languages, direction, offers and filters."""

import datetime as dt

import pytest
from django.core.management import call_command
from django.utils import timezone, translation

from tests.cms import guide_builders as build

pytestmark = pytest.mark.django_db


@pytest.fixture
def offers():
    home = build.german_home()
    index = build.offer_index(home)
    language = build.topic("sprache-test", "Deutsch lernen")
    money = build.topic("geld-test", "Geld")
    course = build.offer(
        "Integrationskurs Test",
        parent=index,
        topics=[language],
        languages=["de", "ar"],
        slots=[(day, "00:00", "23:59") for day in range(7)],
        description='<p>Mehr <a href="https://example.org/kurs">hier</a>.</p>',
    )
    debts = build.offer(
        "Schuldnerberatung Test",
        parent=index,
        topics=[money],
        languages=["de", "uk"],
        point=(50.98, 10.31),  # Eisenach, about 27 km west
        slots=[],
    )
    return {"course": course, "debts": debts, "home": home}


def items(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200, response.content
    return response.json()["items"]


def titles(client, url, **params):
    return {item["title"] for item in items(client, url, **params)}


def test_pages_can_be_filtered_by_locale(client, offers):
    arabic = build.translate(offers["course"], "ar", title="دورة الاندماج", summary="دورة")
    assert "دورة الاندماج" in titles(client, "/api/v2/pages/", locale="ar")
    assert "دورة الاندماج" not in titles(client, "/api/v2/pages/", locale="de")
    assert arabic.locale.language_code == "ar"


def test_every_item_names_its_languages_and_text_direction(client, offers):
    build.translate(offers["course"], "ar", title="دورة الاندماج", summary="دورة")
    by_title = {
        item["title"]: item for item in items(client, "/api/v2/pages/", type="guide.OfferPage")
    }
    german = by_title["Integrationskurs Test"]["meta"]
    arabic = by_title["دورة الاندماج"]["meta"]
    assert german["dir"] == "ltr" and arabic["dir"] == "rtl"
    assert german["available_languages"] == ["ar", "de"]


def test_alias_pages_are_never_served_by_the_api(client, offers):
    german = offers["course"]
    arabic_parent = build.translate(german.get_parent().specific, "ar", title="العروض")
    alias = german.create_alias(parent=arabic_parent, update_locale=arabic_parent.locale)
    assert alias.live
    listed = items(client, "/api/v2/pages/", locale="ar")
    assert alias.pk not in {item["id"] for item in listed}
    assert client.get(f"/api/v2/pages/{alias.pk}/").status_code == 404
    assert (
        "ar" not in items(client, "/api/v2/offers/", locale="de")[0]["meta"]["available_languages"]
    )


def test_alias_page_url_redirects_to_the_german_original(client, offers):
    german = offers["course"]
    arabic_parent = build.translate(german.get_parent().specific, "ar", title="العروض")
    alias = german.create_alias(parent=arabic_parent, update_locale=arabic_parent.locale)
    response = client.get(alias.url)
    assert response.status_code == 302
    assert response["Location"] == german.url


def test_offer_detail_has_its_structured_fields_and_html(client, offers):
    detail = client.get(f"/api/v2/offers/{offers['course'].pk}/").json()
    assert detail["opening_hours"]["slots"][0]["opens"] == "00:00"
    assert detail["opening_hours"]["open_now"] is True
    assert {lang["code"] for lang in detail["staff_languages"]} == {"de", "ar"}
    assert detail["topics"] == [{"slug": "sprache-test", "name": "Deutsch lernen"}]
    assert detail["address"]["latitude"] == pytest.approx(50.9487)
    assert set(detail["accessibility"]) >= {"step_free_entrance", "lift", "hearing_loop", "note"}
    assert '<a href="https://example.org/kurs">hier</a>' in detail["description"]
    assert detail["meta"]["dir"] == "ltr"


def test_offers_filter_by_topic(client, offers):
    assert titles(client, "/api/v2/offers/", topic="geld-test") == {"Schuldnerberatung Test"}


def test_offers_filter_by_language_spoken(client, offers):
    assert titles(client, "/api/v2/offers/", language="uk") == {"Schuldnerberatung Test"}


def test_offers_filter_open_now(client, offers):
    assert titles(client, "/api/v2/offers/", open_now="true") == {"Integrationskurs Test"}


def test_temporarily_closed_offers_are_not_open_now(client, offers):
    course = offers["course"]
    course.temporarily_closed = True
    course.save_revision().publish()
    assert "Integrationskurs Test" not in titles(client, "/api/v2/offers/", open_now="true")


def test_offers_near_a_point_are_sorted_by_distance_within_the_radius(client, offers):
    near_gotha = "50.95,10.70"
    close = items(client, "/api/v2/offers/", near=near_gotha, radius="5")
    assert [item["title"] for item in close] == ["Integrationskurs Test"]
    assert close[0]["meta"]["distance_km"] < 1
    both = items(client, "/api/v2/offers/", near=near_gotha, radius="50")
    assert [item["title"] for item in both] == ["Integrationskurs Test", "Schuldnerberatung Test"]
    assert 20 < both[1]["meta"]["distance_km"] < 35


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"near": "north"}, "near must be 'latitude,longitude'"),
        ({"near": "95,10"}, "outside the range"),
        ({"near": "50.9,10.7", "radius": "-1"}, "radius must be more than 0"),
        ({"radius": "5"}, "radius needs near"),
        ({"open_now": "maybe"}, "open_now must be true or false"),
        ({"topic": "unknown"}, "topic 'unknown' does not exist"),
        ({"language": "xx"}, "language 'xx' is not a known language code"),
        ({"type": "wagtailcore.Page"}, "no 'type' parameter"),
    ],
)
def test_bad_offer_filters_are_answered_with_400_and_a_message(client, offers, params, message):
    response = client.get("/api/v2/offers/", params)
    assert response.status_code == 400
    assert message in response.json()["message"]


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def test_offer_validity_dates_must_be_in_order(offers):
    from django.core.exceptions import ValidationError

    course = offers["course"]
    course.valid_from = timezone.localdate()
    course.valid_until = course.valid_from - dt.timedelta(days=1)
    with pytest.raises(ValidationError, match="cannot end before it starts"):
        course.full_clean()


def test_opening_slot_must_close_after_it_opens(offers):
    from django.core.exceptions import ValidationError

    slot = offers["course"].opening_slots.first()
    slot.closes = slot.opens
    with pytest.raises(ValidationError, match="close after it opens"):
        slot.full_clean()


def test_postal_code_must_have_five_digits(offers):
    from django.core.exceptions import ValidationError

    course = offers["course"]
    course.postal_code = "998"
    with pytest.raises(ValidationError, match="five digits"):
        course.full_clean()


def test_offer_listing_costs_a_fixed_number_of_queries(
    client, offers, django_assert_max_num_queries
):
    index = offers["course"].get_parent().specific
    for number in range(15):
        build.offer(
            f"Angebot {number}", parent=index, languages=["de"], slots=[(1, "09:00", "12:00")]
        )
    with django_assert_max_num_queries(20):
        assert len(items(client, "/api/v2/offers/", limit="20")) == 17


def test_pages_can_be_searched_and_aliases_stay_out(client, offers):
    german = offers["debts"]
    arabic_parent = build.translate(german.get_parent().specific, "ar", title="العروض")
    alias = german.create_alias(parent=arabic_parent, update_locale=arabic_parent.locale)
    call_command("update_index", verbosity=0)  # on Elasticsearch: searchable at once
    found = items(client, "/api/v2/pages/", search="Schuldnerberatung")
    assert {item["id"] for item in found} == {german.pk}
    assert alias.pk not in {item["id"] for item in found}


def test_offer_search_combines_with_every_filter(client, offers):
    call_command("update_index", verbosity=0)  # on Elasticsearch: searchable at once
    assert titles(client, "/api/v2/offers/", search="Test", topic="geld-test") == {
        "Schuldnerberatung Test"
    }
    assert titles(client, "/api/v2/offers/", search="Test", language="ar") == {
        "Integrationskurs Test"
    }
    assert titles(client, "/api/v2/offers/", search="Test", open_now="true") == {
        "Integrationskurs Test"
    }
    near = items(client, "/api/v2/offers/", search="Test", near="50.95,10.70", radius="10")
    assert [item["title"] for item in near] == ["Integrationskurs Test"]
    assert near[0]["meta"]["distance_km"] is not None
