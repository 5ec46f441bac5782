"""Guide search works on the configured Wagtail backend (database or Elasticsearch)."""

import pytest
from django.core.management import call_command
from wagtail.search.backends import get_search_backend

from cms.guide.models import HomePage
from cms.setup import load_demo_content

pytestmark = pytest.mark.django_db


@pytest.fixture
def indexed_home():
    load_demo_content()
    call_command("update_index", verbosity=0)
    return HomePage.objects.get(locale__language_code="de")


def test_guide_search_finds_a_page_by_a_word_of_its_intro(indexed_home):
    assert indexed_home in HomePage.objects.live().search("Sprachkurse")


def test_guide_autocomplete_finds_a_page_by_the_start_of_a_word(indexed_home):
    assert indexed_home in HomePage.objects.live().autocomplete("Wegw")


@pytest.mark.services("elasticsearch")
def test_guide_search_uses_elasticsearch_when_it_is_configured(indexed_home):
    backend = get_search_backend()
    assert type(backend).__module__.endswith("elasticsearch9")
    index = backend.get_index_for_model(HomePage)
    assert index.name.startswith("test_lotse_guide_")
    mapping = backend.es.indices.get_settings(index=index.name)
    analysis = next(iter(mapping.values()))["settings"]["index"]["analysis"]
    assert "edgengram_analyzer" in analysis["analyzer"]


@pytest.fixture
def offers_in_two_languages():
    from tests.cms import guide_builders as build

    home = build.german_home()
    course = build.offer(
        "Sprachcafé", parent=build.offer_index(home), summary="Wir üben Deutsch in kleinen Gruppen."
    )
    build.translate(course, "ar", title="مقهى اللغة", summary="نلتقي في المكتبات العامة.")
    call_command("update_index", verbosity=0)


def _titles(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.services("elasticsearch")
def test_german_search_on_elasticsearch_matches_other_word_forms(client, offers_in_two_languages):
    assert "Sprachcafé" in _titles(client, "/search/?q=Gruppe")


@pytest.mark.services("elasticsearch")
def test_arabic_search_on_elasticsearch_uses_the_arabic_analyser(client, offers_in_two_languages):
    page = _titles(client, "/ar/search/?q=المكتبة")
    assert "مقهى اللغة" in page
    assert "Sprachcafé" not in page


@pytest.mark.services("elasticsearch")
def test_search_on_elasticsearch_forgives_typos(client, offers_in_two_languages):
    assert "Sprachcafé" in _titles(client, "/search/?q=Grupen")
