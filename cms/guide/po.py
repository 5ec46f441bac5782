"""PO files for outside translators: export per translation, import all or nothing.

One PO file holds one wagtail-localize Translation: the strings of one German
page or snippet (msgctxt is the field, msgid the German text) and what is
translated into one locale so far. The header names the translation
(X-WagtailLocalize-TranslationID, as wagtail-localize's own download does), the
language and the German original, so a file can be matched again however a
translator renames it.

Machine translations are exported as fuzzy, the PO way of saying "check me":
a translator who accepts one removes the flag, and the import then records it
as translated by a person. Fuzzy entries are not imported.

An import checks every file first and imports only if all are right, in one
transaction, so a bad file never leaves half an import behind.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import polib
from django.core.exceptions import FieldDoesNotExist, ObjectDoesNotExist, ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.text import Truncator, slugify
from wagtail.blocks import BaseStreamBlock, BaseStructBlock, ListBlock
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, StringTranslation, Translation
from wagtail_localize.strings import StringValue, validate_translation_links

from .translation import TranslatedPageMixin, has_unsynced_major_edit, source_locale

TRANSLATION_ID = "X-WagtailLocalize-TranslationID"
SOURCE = "X-Lotse-Source"
MACHINE = StringTranslation.TRANSLATION_TYPE_MACHINE


class LocaleError(ValueError):
    """A locale asked for on the command line that the guide cannot export."""


class POFileError(Exception):
    """PO files that cannot be imported; nothing was changed."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__(
            "Nothing was imported. Fix these files and run the import again:\n"
            + "\n".join(f"- {problem}" for problem in problems)
        )


def target_locales(codes: Iterable[str] = ()) -> list[Locale]:
    """The locales named by `codes`, or every locale the guide translates into."""
    german = source_locale()
    known = {
        locale.language_code: locale
        for locale in Locale.objects.exclude(pk=german.pk).order_by("language_code")
    }
    codes = list(dict.fromkeys(codes))
    if not known:
        raise LocaleError("The guide has no languages to translate into yet.")
    if not codes:
        return list(known.values())
    for code in codes:
        if code == german.language_code:
            raise LocaleError(
                f"{code} is the language the guide is written in; "
                f"choose one it is translated into: {', '.join(known)}."
            )
        if code not in known:
            raise LocaleError(f"The guide has no locale {code!r}; it has {', '.join(known)}.")
    return [known[code] for code in codes]


# --- Export ----------------------------------------------------------------------------


@dataclass(frozen=True)
class ExportedFile:
    path: Path
    translation: Translation
    title: str
    strings: int
    translated: int
    # The German text changed since the last sync, so the file holds the old text.
    unsynced_major_edit: bool


def file_name(translation: Translation, instance: models.Model) -> str:
    """e.g. uk/guide.topicpage-42-sprachkurse.po: locale, kind, id and name of the original."""
    name = slugify(getattr(instance, "slug", "") or str(instance))[:60] or "object"
    code = translation.target_locale.language_code
    return f"{code}/{instance._meta.label_lower}-{instance.pk}-{name}.po"


def _po_date(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M%z")


def build_po(translation: Translation, instance: models.Model) -> polib.POFile:
    """wagtail-localize's export with a full header, each string once, machine work fuzzy."""
    locale = translation.target_locale
    machine_made = {
        (path, german): tool_name or "a machine"
        for path, german, tool_name in StringTranslation.objects.filter(
            locale=locale,
            context__object_id=translation.source.object_id,
            translation_type=MACHINE,
        ).values_list("context__path", "translation_of__data", "tool_name")
    }
    po = polib.POFile()
    po.metadata = {
        "Project-Id-Version": "Lotse guide",
        "POT-Creation-Date": _po_date(translation.source.last_updated_at),
        "PO-Revision-Date": _po_date(timezone.now()),
        "Last-Translator": "",
        "Language-Team": locale.get_display_name() or locale.language_code,
        "Language": locale.language_code,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        TRANSLATION_ID: str(translation.uuid),
        SOURCE: f"{instance._meta.label_lower} {instance.pk} {str(instance)[:100]}",
    }
    seen = set()
    for entry in translation.export_po():
        key = (entry.msgctxt, entry.msgid)
        # The same sentence twice in one field has one translation, and msgfmt
        # refuses a file that lists it twice.
        if entry.obsolete or key in seen:
            continue
        seen.add(key)
        machine = machine_made.get(key)
        po.append(
            polib.POEntry(
                msgctxt=entry.msgctxt,
                msgid=entry.msgid,
                msgstr=entry.msgstr,
                flags=["fuzzy"] if machine and entry.msgstr else [],
                comment=(
                    f"Machine-translated ({machine}): check it, then remove the fuzzy flag."
                    if machine and entry.msgstr
                    else ""
                ),
            )
        )
    return po


def export_po_files(locales: Iterable[Locale], output: Path) -> list[ExportedFile]:
    """Write one PO file per synced translation into `locales`, under output/<locale>/."""
    exported = []
    translations = (
        Translation.objects.filter(
            enabled=True, target_locale__in=list(locales), source__locale=source_locale()
        )
        .select_related("source", "target_locale")
        .order_by("target_locale__language_code", "source__object_repr", "pk")
    )
    for translation in translations:
        try:
            instance = translation.source.get_source_instance()
        except ObjectDoesNotExist:
            continue  # the German original was deleted; nothing left to translate
        po = build_po(translation, instance)
        path = output / file_name(translation, instance)
        path.parent.mkdir(parents=True, exist_ok=True)
        po.save(str(path))
        exported.append(
            ExportedFile(
                path=path,
                translation=translation,
                title=str(instance),
                strings=len(po),
                translated=sum(bool(entry.msgstr) and not entry.fuzzy for entry in po),
                unsynced_major_edit=isinstance(instance, TranslatedPageMixin)
                and has_unsynced_major_edit(instance, translation.source),
            )
        )
    return exported


# --- Import ----------------------------------------------------------------------------


@dataclass(frozen=True)
class CheckedFile:
    """A PO file that passed every check, with the entries to import."""

    path: Path
    translation: Translation
    original: models.Model
    po: polib.POFile
    # (string id, context id, translated text) of every entry to import
    entries: list[tuple[int, int, str]]

    @property
    def title(self) -> str:
        return str(self.original)


def _short(text: str) -> str:
    return Truncator(text.replace("\n", " ")).chars(60)


def _read(path: Path) -> polib.POFile:
    if not path.is_file():
        raise ValueError("there is no such file")
    try:
        path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise ValueError("it is not UTF-8 text; save it as UTF-8 and try again") from None
    try:
        po = polib.pofile(str(path), encoding="utf-8")
    except (OSError, ValueError) as error:
        raise ValueError(f"it is not a valid PO file ({error})") from None
    if not po.metadata:
        raise ValueError("it has no PO header; export the file again with guide_export_po")
    return po


def _translation_named_in(po: polib.POFile) -> Translation:
    named = po.metadata.get(TRANSLATION_ID, "").strip()
    if not named:
        raise ValueError(
            f"its header has no {TRANSLATION_ID}, so it cannot be matched to a page; "
            "translate a file made by guide_export_po and keep its header"
        )
    try:
        translation_id = uuid.UUID(named)
    except ValueError:
        raise ValueError(f"{TRANSLATION_ID} {named!r} in its header is not an ID") from None
    translation = (
        Translation.objects.filter(uuid=translation_id)
        .select_related("source", "target_locale")
        .first()
    )
    if translation is None:
        raise ValueError(
            f"there is no translation {named} here: the page may have been deleted "
            "since the export, or the file comes from another installation"
        )
    return translation


def _max_length(model: type[models.Model], field_path: str) -> int | None:
    """The longest text a field takes; field_path is wagtail-localize's, e.g. body.steps.heading."""
    name, *parts = field_path.split(".")
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return None
    if not parts:
        return getattr(field, "max_length", None)
    block = getattr(field, "stream_block", None)
    for part in parts:
        if isinstance(block, ListBlock) and part == "item":
            block = block.child_block
        elif isinstance(block, BaseStructBlock | BaseStreamBlock):
            block = block.child_blocks.get(part)
        else:
            return None
    return getattr(getattr(block, "field", None), "max_length", None)


def _translation_problem(german: str, translated: str, max_length: int | None) -> str | None:
    """What keeps one translated string from its field, if anything."""
    try:
        value = StringValue.from_translated_html(translated)
        validate_translation_links(german, translated)
    except ValueError as error:
        return f"the markup of the translation is broken ({error}); keep the tags of the msgid"
    for edge, ends in (("start", str.startswith), ("end", str.endswith)):
        if ends(german, "\n") != ends(translated, "\n"):
            return f"msgid and msgstr must both {edge} with a line break, or neither"
    length = len(value.render_text())
    if max_length and length > max_length:
        return f"the translation has {length} characters, but its field holds {max_length}"
    return None


def check_po_file(path: Path) -> CheckedFile:
    """Everything that must hold before a file may change anything.

    Raises POFileError with every problem found in the file.
    """
    try:
        po = _read(path)
        translation = _translation_named_in(po)
        locale = translation.target_locale.language_code
        try:
            original = translation.source.get_source_instance()
        except ObjectDoesNotExist:
            raise ValueError("the German original of its translation was deleted") from None
        title = str(original)
        if not translation.enabled:
            raise ValueError(
                f"the {locale} translation of '{title}' is edited by hand in Wagtail now, "
                "not from translation files"
            )
        named = po.metadata.get(SOURCE, "").split(" ", 2)[:2]
        actual = [original._meta.label_lower, str(original.pk)]
        if len(named) == 2 and named != actual:
            raise ValueError(
                f"its header names {' '.join(named)} as the original, but its translation "
                f"is of {' '.join(actual)} '{title}'; the header was changed or mixed up"
            )
        language = po.metadata.get("Language", "").strip()
        if language != locale:
            said = f"language {language!r}" if language else "no language"
            raise ValueError(
                f"its header says {said}, but its translation of '{title}' is into {locale!r}"
            )
    except ValueError as error:
        raise POFileError([f"{path}: {error}"]) from None

    known = {
        (segment.context.path, segment.string.data): segment
        for segment in StringSegment.objects.filter(source=translation.source).select_related(
            "context", "string"
        )
    }
    problems = []
    seen = set()
    entries = []
    for entry in po:
        if entry.obsolete:
            continue
        where = f"{path}, line {entry.linenum}"
        key = (entry.msgctxt, entry.msgid)
        if key not in known:
            problems.append(
                f"{where}: msgctxt {entry.msgctxt!r} msgid {_short(entry.msgid)!r} is not in "
                f"the German text of '{title}'; it may have changed since the export, "
                "so export again"
            )
            continue
        if key in seen:
            problems.append(
                f"{where}: msgctxt {entry.msgctxt!r} msgid {_short(entry.msgid)!r} "
                "is in the file twice"
            )
            continue
        seen.add(key)
        if not entry.msgstr or entry.fuzzy:
            continue
        segment = known[key]
        max_length = _max_length(type(original), segment.context.field_path or entry.msgctxt)
        problem = _translation_problem(entry.msgid, entry.msgstr, max_length)
        if problem:
            problems.append(f"{where}: {problem}")
            continue
        entries.append((segment.string_id, segment.context_id, entry.msgstr))
    if problems:
        raise POFileError(problems)
    return CheckedFile(path, translation, original, po, entries)


def check_po_files(paths: Iterable[Path]) -> list[CheckedFile]:
    """Check every file; raise one POFileError listing the problems of all of them."""
    checked, problems = [], []
    by_translation: dict[int, Path] = {}
    for path in paths:
        try:
            file = check_po_file(path)
        except POFileError as error:
            problems += error.problems
            continue
        earlier = by_translation.setdefault(file.translation.pk, path)
        if earlier != path:
            problems.append(
                f"{path}: it translates the same page into the same language as {earlier}; "
                "import one of them"
            )
            continue
        checked.append(file)
    if problems:
        raise POFileError(problems)
    return checked


def _import(file: CheckedFile, user) -> None:
    translation = file.translation
    importable = polib.POFile()
    importable.metadata = file.po.metadata
    importable.extend(entry for entry in file.po if not entry.obsolete and not entry.fuzzy)
    translation.import_po(importable, user=user)
    # An accepted machine translation arrives unchanged, which import_po skips;
    # a person has now checked it.
    for string_id, context_id, text in file.entries:
        StringTranslation.objects.filter(
            translation_of_id=string_id,
            context_id=context_id,
            locale=translation.target_locale,
            translation_type=MACHINE,
            data=text,
        ).update(
            translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
            tool_name="",
            last_translated_by=user,
        )
    # Like wagtail-localize: a translated page is live when its German page is.
    publish = getattr(file.original, "live", True)
    try:
        translation.save_target(user=user, publish=publish)
    except ValidationError as error:
        raise POFileError(
            [
                f"{file.path}: the translation of '{file.title}' cannot be saved: "
                + "; ".join(error.messages)
            ]
        ) from None


def import_po_files(paths: Iterable[Path], user=None) -> list[CheckedFile]:
    """Check all files, then import them together and update the translated pages."""
    checked = check_po_files(paths)
    with transaction.atomic():
        for file in checked:
            _import(file, user)
    return checked
