"""Machine translation: chosen by environment variables, marked as machine-made."""

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse
from wagtail_localize.machine_translators import get_machine_translator
from wagtail_localize.machine_translators.dummy import DummyTranslator
from wagtail_localize.models import StringTranslation

from cms.guide.translation import TranslationState, translation_states
from cms.settings.base import machine_translator_setting
from tests.cms.translation_builders import (
    german_topic_page,
    superuser,
    translate,
    translated,
    translation_of,
)
from tests.processes import clean_env, manage

LIBRETRANSLATE = "wagtail_localize.machine_translators.libretranslate.LibreTranslator"
DEEPL = "wagtail_localize.machine_translators.deepl.DeepLTranslator"


def machine_translate_in_admin(client, page, code):
    """What the "Machine translate" button of wagtail-localize's editor does."""
    client.force_login(superuser())
    translation = translation_of(page, code)
    response = client.post(reverse("wagtail_localize:machine_translate", args=[translation.pk]))
    assert response.status_code == 302
    return translation


# --- Settings ------------------------------------------------------------------------------


def test_there_is_no_machine_translator_unless_one_is_chosen():
    assert machine_translator_setting({}) is None
    assert machine_translator_setting({"LOTSE_MACHINE_TRANSLATOR": "none"}) is None


def test_libretranslate_is_chosen_with_its_server_and_key():
    setting = machine_translator_setting(
        {
            "LOTSE_MACHINE_TRANSLATOR": "libretranslate",
            "LIBRETRANSLATE_URL": "https://translate.example.org/",
            "LIBRETRANSLATE_API_KEY": "secret",
        }
    )
    assert setting == {
        "CLASS": LIBRETRANSLATE,
        "OPTIONS": {"LIBRETRANSLATE_URL": "https://translate.example.org", "API_KEY": "secret"},
    }


def test_libretranslate_on_a_server_of_ones_own_needs_no_key():
    setting = machine_translator_setting(
        {
            "LOTSE_MACHINE_TRANSLATOR": "libretranslate",
            "LIBRETRANSLATE_URL": "http://127.0.0.1:5000",
        }
    )
    assert setting["OPTIONS"]["API_KEY"] == ""


def test_libretranslate_without_a_server_address_is_refused():
    with pytest.raises(ImproperlyConfigured, match="libretranslate needs LIBRETRANSLATE_URL"):
        machine_translator_setting({"LOTSE_MACHINE_TRANSLATOR": "libretranslate"})


def test_deepl_is_chosen_with_its_key():
    setting = machine_translator_setting(
        {"LOTSE_MACHINE_TRANSLATOR": "deepl", "DEEPL_API_KEY": "abc:fx"}
    )
    assert setting == {"CLASS": DEEPL, "OPTIONS": {"AUTH_KEY": "abc:fx"}}


def test_deepl_without_a_key_is_refused():
    with pytest.raises(ImproperlyConfigured, match="deepl needs DEEPL_API_KEY"):
        machine_translator_setting({"LOTSE_MACHINE_TRANSLATOR": "deepl"})


def test_the_environment_chooses_deepl_for_a_running_lotse(tmp_path):
    result = manage(
        "shell",
        "-c",
        "from wagtail_localize.machine_translators import get_machine_translator; "
        "print(type(get_machine_translator()).__name__)",
        env=clean_env(
            LOTSE_DATA_DIR=str(tmp_path), LOTSE_MACHINE_TRANSLATOR="deepl", DEEPL_API_KEY="k:fx"
        ),
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "DeepLTranslator"


def test_an_unknown_machine_translator_stops_the_start_with_a_clear_message(tmp_path):
    result = manage(
        "check", env=clean_env(LOTSE_DATA_DIR=str(tmp_path), LOTSE_MACHINE_TRANSLATOR="google")
    )
    assert result.returncode != 0
    assert (
        "LOTSE_MACHINE_TRANSLATOR='google' is not valid: "
        "expected one of none, libretranslate, deepl." in result.stderr
    )


def test_the_tests_use_wagtail_localizes_dummy_translator():
    assert isinstance(get_machine_translator(), DummyTranslator)


# --- Translating ------------------------------------------------------------------------------


@pytest.mark.django_db
def test_machine_translated_strings_are_recorded_as_machine_made(client):
    page = german_topic_page()
    translate(page, "uk")
    machine_translate_in_admin(client, page, "uk")
    strings = StringTranslation.objects.filter(locale__language_code="uk")
    assert strings.exists()
    assert set(strings.values_list("translation_type", flat=True)) == {"machine"}
    assert all(strings.values_list("tool_name", flat=True))  # the translator's name


@pytest.mark.django_db
def test_a_machine_translated_page_shows_as_machine_translated(client):
    page = german_topic_page()
    translate(page, "uk")
    machine_translate_in_admin(client, page, "uk").save_target(publish=True)
    assert translation_states(page)["uk"] == TranslationState.MACHINE_TRANSLATED
    assert translated(page, "uk").title == "Sprachkurse"  # one word: the dummy keeps it
    assert translated(page, "uk").summary == "Gotha. in Erwachsene für Deutschkurse"
