"""PO export and import for outside translators: guide_export_po and guide_import_po."""

import io
import subprocess
from pathlib import Path

import polib
import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Page
from wagtail.rich_text import RichText
from wagtail_localize.models import StringTranslation

from cms.guide.translation import TranslationState, translation_states
from tests.cms.translation_builders import (
    edit,
    fill_in,
    german_topic_page,
    translate,
    translated,
    translation_of,
)
from tests.processes import clean_env, manage

pytestmark = pytest.mark.django_db

UKRAINIAN = {
    "Sprachkurse": "Мовні курси",
    "Deutschkurse für Erwachsene in Gotha.": "Курси німецької",
}


def export(output: Path, *args: str) -> list[Path]:
    call_command("guide_export_po", *args, "--output", str(output), stdout=io.StringIO())
    return sorted(output.rglob("*.po"))


def import_files(*paths: Path) -> None:
    call_command("guide_import_po", *map(str, paths), stdout=io.StringIO())


def exported_ukrainian(tmp_path: Path, page=None) -> Path:
    """The one PO file of a German topic page submitted for translation into Ukrainian."""
    page = page or german_topic_page()
    translate(page, "uk")
    return next(
        path
        for path in export(tmp_path, "--locale", "uk")
        if path.name.startswith(f"guide.topicpage-{page.pk}-")
    )


def fill(path: Path, translate_text=lambda german: UKRAINIAN.get(german, f"УК {german}")) -> None:
    po = polib.pofile(str(path))
    for entry in po:
        entry.msgstr = translate_text(entry.msgid)
        entry.flags = []
    po.save(str(path))


def database_state():
    """Everything an import could change: translated strings and translated pages."""
    strings = sorted(
        StringTranslation.objects.values_list(
            "locale_id", "translation_of_id", "context_id", "data", "translation_type"
        )
    )
    pages = sorted(
        Page.objects.exclude(locale__language_code="de").values_list(
            "id", "title", "draft_title", "slug", "live", "latest_revision_id"
        )
    )
    return strings, pages


def refused(*paths: Path) -> str:
    """Import the files, expecting a refusal; returns its message."""
    with pytest.raises(CommandError) as refusal:
        import_files(*paths)
    return str(refusal.value)


# --- Export ------------------------------------------------------------------------------


def test_export_writes_one_file_per_translation_into_the_chosen_language(tmp_path):
    page = german_topic_page()
    translate(page, "uk", "ar")
    files = export(tmp_path, "--locale", "uk")
    assert files
    assert {path.parent.name for path in files} == {"uk"}
    assert any(path.name.startswith(f"guide.topicpage-{page.pk}-sprachkurse") for path in files)


def test_export_of_several_languages_writes_a_folder_for_each(tmp_path):
    translate(german_topic_page(), "uk", "ar", "fa")
    files = export(tmp_path, "--locale", "uk", "--locale", "ar")
    assert {path.parent.name for path in files} == {"uk", "ar"}


def test_export_all_covers_every_language_with_translations(tmp_path):
    translate(german_topic_page(), "uk", "ar", "de-x-ls")
    files = export(tmp_path, "--all")
    assert {path.parent.name for path in files} == {"uk", "ar", "de-x-ls"}


def test_an_exported_file_names_its_translation_language_and_german_page(tmp_path):
    page = german_topic_page()
    po = polib.pofile(str(exported_ukrainian(tmp_path, page)))
    assert po.metadata["X-WagtailLocalize-TranslationID"] == str(translation_of(page, "uk").uuid)
    assert po.metadata["Language"] == "uk"
    assert po.metadata["X-Lotse-Source"] == f"guide.topicpage {page.pk} Sprachkurse"
    assert ("title", "Sprachkurse") in {(entry.msgctxt, entry.msgid) for entry in po}


def test_exported_files_pass_msgfmt_check(tmp_path):
    page = german_topic_page()
    translate(page, "uk", "ar", "de-x-ls")
    fill_in(page, "ar")
    for path in export(tmp_path, "--all"):
        result = subprocess.run(
            ["/usr/bin/msgfmt", "-c", "-o", "/dev/null", str(path)],
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 0, result.stderr
        assert result.stderr == ""


def test_export_of_a_language_the_guide_lacks_is_refused(tmp_path):
    german_topic_page()
    with pytest.raises(CommandError, match="The guide has no locale 'xx'; it has ar, "):
        export(tmp_path, "--locale", "xx")


def test_export_of_german_is_refused_because_it_is_the_source(tmp_path):
    german_topic_page()
    with pytest.raises(CommandError, match="de is the language the guide is written in"):
        export(tmp_path, "--locale", "de")


def test_export_warns_about_german_changes_not_synced_to_the_translators_yet(tmp_path):
    page = german_topic_page()
    translate(page, "uk")
    edit(page, minor=False, summary="Deutschkurse für Jugendliche.")
    output = io.StringIO()
    call_command("guide_export_po", "--locale", "uk", "--output", str(tmp_path), stdout=output)
    assert "changed since it was last synced, so their files hold the old text: Sprachkurse" in (
        output.getvalue()
    )


def test_export_marks_machine_translations_as_fuzzy_for_checking(tmp_path):
    page = german_topic_page()
    translate(page, "uk")
    fill_in(page, "uk", kind=StringTranslation.TRANSLATION_TYPE_MACHINE)
    po = polib.pofile(str(exported_ukrainian(tmp_path, page)))
    assert all(entry.fuzzy for entry in po)


# --- Import ------------------------------------------------------------------------------


def test_imported_translations_appear_on_the_translated_page(
    tmp_path, django_capture_on_commit_callbacks
):
    page = german_topic_page()
    path = exported_ukrainian(tmp_path, page)
    fill(path)
    with django_capture_on_commit_callbacks(execute=True):
        import_files(path)
    ukrainian = translated(page, "uk")
    assert ukrainian.title == "Мовні курси"
    assert ukrainian.summary == "Курси німецької"
    assert ukrainian.live


def test_an_imported_translation_is_up_to_date(tmp_path):
    page = german_topic_page()
    path = exported_ukrainian(tmp_path, page)
    fill(path)
    import_files(path)
    assert translation_states(page)["uk"] == TranslationState.UP_TO_DATE


def test_an_accepted_machine_translation_counts_as_checked_by_a_person(tmp_path):
    page = german_topic_page()
    translate(page, "uk")
    fill_in(page, "uk", kind=StringTranslation.TRANSLATION_TYPE_MACHINE)
    path = exported_ukrainian(tmp_path, page)
    po = polib.pofile(str(path))
    for entry in po:
        entry.flags = []  # the translator accepts the machine's work as it is
    po.save(str(path))
    import_files(path)
    assert translation_states(page)["uk"] == TranslationState.UP_TO_DATE


def test_fuzzy_entries_are_not_imported(tmp_path):
    page = german_topic_page()
    path = exported_ukrainian(tmp_path, page)
    po = polib.pofile(str(path))
    for entry in po:
        entry.msgstr = f"УК {entry.msgid}"
        entry.flags = ["fuzzy"]
    po.save(str(path))
    import_files(path)
    assert translation_states(page)["uk"] == TranslationState.MISSING


def test_a_malformed_po_file_is_refused_and_nothing_changes(tmp_path):
    path = exported_ukrainian(tmp_path)
    path.write_text(path.read_text() + '\nmsgstr "a second msgstr without a msgid"\n')
    before = database_state()
    message = refused(path)
    assert f"{path}: it is not a valid PO file" in message
    assert "Nothing was imported" in message
    assert database_state() == before


def test_a_file_that_is_not_utf8_is_refused(tmp_path):
    path = exported_ukrainian(tmp_path)
    path.write_bytes(path.read_text().encode("utf-16"))
    assert "it is not UTF-8 text" in refused(path)


def test_a_file_for_another_language_is_refused_and_nothing_changes(tmp_path):
    path = exported_ukrainian(tmp_path)
    fill(path)
    po = polib.pofile(str(path))
    po.metadata["Language"] = "ar"
    po.save(str(path))
    before = database_state()
    message = refused(path)
    assert "its header says language 'ar', but its translation of 'Sprachkurse' is into 'uk'" in (
        message
    )
    assert database_state() == before


def test_a_file_for_an_unknown_translation_is_refused_and_nothing_changes(tmp_path):
    path = exported_ukrainian(tmp_path)
    fill(path)
    po = polib.pofile(str(path))
    po.metadata["X-WagtailLocalize-TranslationID"] = "6f1c9a5e-0000-4000-8000-000000000000"
    po.save(str(path))
    before = database_state()
    assert "there is no translation 6f1c9a5e-0000-4000-8000-000000000000 here" in refused(path)
    assert database_state() == before


def test_a_file_whose_header_names_another_original_is_refused(tmp_path):
    path = exported_ukrainian(tmp_path)
    fill(path)
    po = polib.pofile(str(path))
    po.metadata["X-Lotse-Source"] = "guide.topicpage 99999 Schulden"
    po.save(str(path))
    before = database_state()
    assert "its header names guide.topicpage 99999 as the original" in refused(path)
    assert database_state() == before


def test_a_file_without_a_translation_id_is_refused(tmp_path):
    path = exported_ukrainian(tmp_path)
    po = polib.pofile(str(path))
    del po.metadata["X-WagtailLocalize-TranslationID"]
    po.save(str(path))
    assert "its header has no X-WagtailLocalize-TranslationID" in refused(path)


def test_a_sentence_that_is_not_in_the_german_page_is_refused_and_nothing_changes(tmp_path):
    path = exported_ukrainian(tmp_path)
    fill(path)
    po = polib.pofile(str(path))
    po.append(polib.POEntry(msgctxt="summary", msgid="Ein Satz, den es nicht gibt.", msgstr="x"))
    po.save(str(path))
    before = database_state()
    message = refused(path)
    assert "msgctxt 'summary' msgid 'Ein Satz, den es nicht gibt.' is not in the German text" in (
        message
    )
    assert database_state() == before


def test_broken_markup_in_a_translation_is_refused(tmp_path):
    path = exported_ukrainian(tmp_path)
    fill(path, lambda german: '<a id="a9">Посилання</a>')
    assert "the markup of the translation is broken" in refused(path)


def test_one_bad_file_keeps_the_good_ones_from_being_imported(tmp_path):
    good = exported_ukrainian(tmp_path / "good")
    fill(good)
    bad = exported_ukrainian(tmp_path / "bad", german_topic_page(title="Schulden"))
    bad.write_text("this is not a PO file\n")
    before = database_state()
    message = refused(good, bad)
    assert str(bad) in message
    assert str(good) not in message
    assert database_state() == before


def test_a_translation_too_long_for_its_field_is_refused(tmp_path):
    path = exported_ukrainian(tmp_path)
    fill(path, lambda german: "Мовні курси " * 30 if german == "Sprachkurse" else german)
    assert "the translation has 360 characters, but its field holds 255" in refused(path)


def test_a_translation_too_long_for_its_block_is_refused(tmp_path):
    steps = [
        (
            "steps",
            {
                "heading": "So geht es",
                "steps": [{"title": "Termin", "text": RichText("<p>Rufen Sie an.</p>")}],
            },
        )
    ]
    path = exported_ukrainian(tmp_path, german_topic_page(body=steps))
    fill(path, lambda german: "Ось як " * 20 if german == "So geht es" else german)
    assert "the translation has 140 characters, but its field holds 120" in refused(path)


def test_the_import_command_fails_with_a_message_for_people(tmp_path):
    result = manage(
        "guide_import_po",
        str(tmp_path / "missing.po"),
        env=clean_env(LOTSE_DATA_DIR=str(tmp_path)),
    )
    assert result.returncode != 0
    assert f"{tmp_path / 'missing.po'}: there is no such file" in result.stderr
