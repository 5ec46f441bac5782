"""Editors see per page and language: up to date, outdated, missing or machine-translated."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from wagtail.models import GroupPagePermission, Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield
from wagtail_localize.models import StringTranslation, Translation

from cms.guide.translation import (
    TranslationFacts,
    TranslationState,
    decide_state,
    translation_states,
)
from tests.cms.translation_builders import (
    edit,
    fill_in,
    german_topic_page,
    superuser,
    sync,
    translate,
    translated,
    translation_of,
)

pytestmark = pytest.mark.django_db

UP_TO_DATE = TranslationState.UP_TO_DATE
OUTDATED = TranslationState.OUTDATED
MISSING = TranslationState.MISSING
MACHINE_TRANSLATED = TranslationState.MACHINE_TRANSLATED


def translated_page(*codes: str):
    """A German topic page, fully translated by a person into `codes`."""
    page = german_topic_page()
    translate(page, *codes)
    for code in codes:
        fill_in(page, code)
    return page


def test_a_language_without_a_translated_page_is_missing():
    page = translated_page("uk")
    assert translation_states(page)["ar"] == MISSING


def test_every_language_but_german_has_a_state():
    states = translation_states(translated_page("uk"))
    assert "de" not in states
    assert {"uk", "ar", "en", "de-x-ls"} <= set(states)


def test_a_page_submitted_for_translation_but_not_translated_yet_is_missing():
    page = german_topic_page()
    translate(page, "uk")
    assert translation_states(page)["uk"] == MISSING


def test_a_fully_translated_page_is_up_to_date():
    assert translation_states(translated_page("uk"))["uk"] == UP_TO_DATE


def test_a_major_edit_of_the_german_page_makes_its_translations_outdated():
    page = translated_page("uk", "ar")
    edit(page, minor=False, summary="Deutschkurse für Erwachsene und Jugendliche in Gotha.")
    assert translation_states(page)["uk"] == OUTDATED
    assert translation_states(page)["ar"] == OUTDATED


def test_a_synced_major_edit_stays_outdated_until_its_new_sentences_are_translated():
    page = translated_page("uk")
    page = edit(page, minor=False, summary="Deutschkurse für Jugendliche.")
    sync(page)
    assert translation_states(page)["uk"] == OUTDATED
    fill_in(page, "uk")
    assert translation_states(page)["uk"] == UP_TO_DATE


def test_a_minor_edit_leaves_the_translations_up_to_date():
    page = translated_page("uk", "ar")
    edit(page, minor=True, summary="Deutschkurse für Erwachsene in Gotha!")
    assert translation_states(page)["uk"] == UP_TO_DATE
    assert translation_states(page)["ar"] == UP_TO_DATE


def test_a_minor_edit_keeps_the_translation_of_the_corrected_sentence_for_the_next_sync():
    page = translated_page("uk")
    page = edit(page, minor=True, summary="Deutschkurse für Erwachsene in Gotha!")
    sync(page)
    translation_of(page, "uk").save_target(publish=True)
    assert translation_states(page)["uk"] == UP_TO_DATE
    assert translated(page, "uk").summary == "[uk] Deutschkurse für Erwachsene in Gotha."


def test_a_minor_edit_after_an_unsynced_major_edit_leaves_the_translation_outdated():
    page = translated_page("uk")
    edit(page, minor=False, summary="Deutschkurse für Jugendliche.")
    edit(page, minor=True, summary="Deutschkurse für Jugendliche!")
    assert translation_states(page)["uk"] == OUTDATED


def test_a_translation_with_machine_translated_sentences_is_machine_translated():
    page = german_topic_page()
    translate(page, "uk")
    fill_in(page, "uk", kind=StringTranslation.TRANSLATION_TYPE_MACHINE)
    assert translation_states(page)["uk"] == MACHINE_TRANSLATED


def test_an_outdated_machine_translation_shows_as_outdated():
    page = german_topic_page()
    translate(page, "uk")
    fill_in(page, "uk", kind=StringTranslation.TRANSLATION_TYPE_MACHINE)
    edit(page, minor=False, summary="Deutschkurse für Jugendliche.")
    assert translation_states(page)["uk"] == OUTDATED


def test_a_translated_page_reports_the_states_of_its_german_page():
    page = translated_page("uk")
    assert translation_states(translated(page, "uk")) == translation_states(page)


def test_a_translation_edited_by_hand_is_outdated_after_a_later_major_edit():
    page = translated_page("uk")
    Translation.objects.filter(pk=translation_of(page, "uk").pk).update(enabled=False)
    assert translation_states(page)["uk"] == UP_TO_DATE
    edit(page, minor=False, summary="Deutschkurse für Jugendliche.")
    assert translation_states(page)["uk"] == OUTDATED


def test_an_unsynced_major_edit_outweighs_everything_but_a_missing_page():
    assert decide_state(TranslationFacts(has_translated_page=False)) == MISSING
    facts = TranslationFacts(
        has_translated_page=True,
        synced=True,
        major_edit_not_synced=True,
        strings=3,
        strings_translated=3,
        strings_machine_translated=3,
    )
    assert decide_state(facts) == OUTDATED


# --- In the admin ----------------------------------------------------------------------


def publish_in_admin(client, page, **fields):
    data = nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "summary": page.summary,
            "body": streamfield([]),
            "comments": inline_formset([]),
            "action-publish": "action-publish",
            **fields,
        }
    )
    response = client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    assert response.status_code == 302, response.context["form"].errors
    return response


def test_publishing_with_the_minor_edit_flag_keeps_translations_up_to_date(client):
    page = translated_page("uk")
    client.force_login(superuser())
    publish_in_admin(client, page, summary="Deutschkurse für Erwachsene in Gotha!", minor_edit="on")
    assert translation_states(page)["uk"] == UP_TO_DATE


def test_publish_minor_edit_button_keeps_translations_up_to_date(client):
    page = translated_page("uk")
    client.force_login(superuser())
    publish_in_admin(
        client, page, summary="Deutschkurse für Erwachsene!", **{"action-publish": "minor-edit"}
    )
    assert translation_states(page)["uk"] == UP_TO_DATE


def test_publishing_without_the_minor_edit_flag_makes_translations_outdated(client):
    page = translated_page("uk")
    client.force_login(superuser())
    publish_in_admin(client, page, summary="Deutschkurse für Erwachsene!")
    assert translation_states(page)["uk"] == OUTDATED


def test_the_page_editor_offers_a_minor_edit(client):
    page = german_topic_page()
    client.force_login(superuser())
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert 'name="action-publish" value="minor-edit"' in response.content.decode()


def test_the_translation_status_report_shows_each_page_in_each_language(client):
    page = translated_page("uk")
    edit(page, minor=False, summary="Deutschkurse für Jugendliche.")
    client.force_login(superuser())
    response = client.get(reverse("guide_translation_status"))
    assert response.status_code == 200
    row = next(row for row in response.context["rows"] if row.page.pk == page.pk)
    assert row.states["uk"] == OUTDATED
    assert row.states["ar"] == MISSING
    assert 'data-state="outdated"' in response.content.decode()


def test_the_report_can_show_only_pages_with_outdated_translations(client):
    outdated = translated_page("uk")
    edit(outdated, minor=False, summary="Deutschkurse für Jugendliche.")
    current = translated_page("uk")
    client.force_login(superuser())
    response = client.get(reverse("guide_translation_status"), {"state": "outdated"})
    shown = {row.page.pk for row in response.context["rows"]}
    assert outdated.pk in shown
    assert current.pk not in shown


def admin_user(name: str, *page_permissions: str):
    """A user who may use the Wagtail admin, with these permissions on every page."""
    group = Group.objects.create(name=f"{name}'s group")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in page_permissions:
        GroupPagePermission.objects.create(
            group=group,
            page=Page.objects.get(depth=1),
            permission=Permission.objects.get(codename=codename),
        )
    user = get_user_model().objects.create_user(name)
    user.groups.add(group)
    return user


def test_an_editor_sees_the_report(client):
    german_topic_page()
    client.force_login(admin_user("carol", "change_page"))
    assert client.get(reverse("guide_translation_status")).status_code == 200


def test_the_report_is_refused_to_admin_users_who_edit_no_pages(client):
    german_topic_page()
    client.force_login(admin_user("bob"))
    response = client.get(reverse("guide_translation_status"))
    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_home")
