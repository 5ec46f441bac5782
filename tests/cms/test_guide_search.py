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
    return HomePage.objects.get()


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
