"""Translation status of guide pages, and the minor edit that leaves it alone.

The guide is written in German and translated with wagtail-localize in synced
mode. When a German page is submitted for translation, wagtail-localize keeps a
snapshot of it (a TranslationSource), split into strings (StringSegments). Per
target locale a Translation collects the translated strings
(StringTranslations) and writes them into the translated page. The snapshot
only changes when an editor syncs ("Sync translated pages"); strings without a
translation then show the German text on the translated page.

A German guide page records when it last had a major edit
(`last_major_edit_at`). Every save in the editor is a major edit unless the
editor marks it as a minor edit (a typo fix), see TranslatedPageForm. The
snapshot carries the value it had when it was taken, so comparing the two says
whether a major edit has reached the translators yet.

`decide_state` holds the exact definition of each state; `translation_overview`
gathers the facts for it from the database, in a few queries for all pages.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django import forms
from django.db import models
from django.dispatch import receiver
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.models import Locale, Page
from wagtail.signals import page_published
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

MACHINE = StringTranslation.TRANSLATION_TYPE_MACHINE

# The value of the "Publish minor edit" button (see wagtail_hooks); it publishes
# like "Publish" and sets the minor-edit flag on the way.
MINOR_EDIT_ACTION = "minor-edit"


class TranslationState(models.TextChoices):
    UP_TO_DATE = "up_to_date", _("Up to date")
    OUTDATED = "outdated", _("Outdated")
    MISSING = "missing", _("Missing")
    MACHINE_TRANSLATED = "machine_translated", _("Machine-translated")


@dataclass(frozen=True)
class TranslationFacts:
    """What the database says about one German page in one target locale."""

    # A page of its own in the locale; an alias shows the German text, so it is none.
    has_translated_page: bool
    # wagtail-localize writes the page from translated strings (an enabled
    # Translation); otherwise editors translate it by hand in Wagtail.
    synced: bool = False
    # For synced translations:
    major_edit_not_synced: bool = False
    strings: int = 0
    strings_translated: int = 0
    strings_machine_translated: int = 0
    # For translations edited by hand:
    major_edit_after_translation: bool = False


def decide_state(facts: TranslationFacts) -> TranslationState:
    """The state of one translation; the first rule that applies wins.

    MISSING: there is no translated page, or it is synced and not one of its
    strings is translated yet (it shows only German text).

    OUTDATED: synced, and either the German page has a major edit that was not
    synced to the translators yet (the live page's `last_major_edit_at` differs
    from the one in the snapshot), or some strings of the synced snapshot have
    no translation (they show German text). For a translation edited by hand:
    the German page had a major edit after the translated page's latest
    revision.

    MACHINE_TRANSLATED: otherwise up to date, but at least one string was
    translated by a machine and no person has changed it since.

    UP_TO_DATE: everything else.

    A minor edit changes neither `last_major_edit_at` nor, thanks to
    `carry_translations_over_minor_edit`, the number of translated strings.
    """
    if not facts.has_translated_page:
        return TranslationState.MISSING
    if not facts.synced:
        if facts.major_edit_after_translation:
            return TranslationState.OUTDATED
        return TranslationState.UP_TO_DATE
    if facts.strings and not facts.strings_translated:
        return TranslationState.MISSING
    if facts.major_edit_not_synced or facts.strings_translated < facts.strings:
        return TranslationState.OUTDATED
    if facts.strings_machine_translated:
        return TranslationState.MACHINE_TRANSLATED
    return TranslationState.UP_TO_DATE


# --- Pages that track their major edits ------------------------------------------


class TranslatedPageForm(WagtailAdminPageForm):
    """The editor form of guide pages, with the minor-edit flag.

    Editors set it with the "Publish minor edit" button (see wagtail_hooks). The
    field is hidden because a field outside the panels renders without a label;
    `FieldPanel("minor_edit", widget=forms.CheckboxInput)` shows it as a box.
    """

    minor_edit = forms.BooleanField(
        required=False,
        widget=forms.HiddenInput,
        label=_("Minor edit (typo fix): translations stay up to date"),
        help_text=_(
            "Only for changes that need no new translation, such as a corrected typo. "
            "Anything that changes the meaning needs the translators."
        ),
    )

    def save(self, commit: bool = True) -> Page:
        minor = (
            self.cleaned_data.get("minor_edit")
            or self.data.get("action-publish") == MINOR_EDIT_ACTION
        )
        self.instance.record_edit(minor=bool(minor))
        return super().save(commit=commit)


class TranslatedPageMixin(models.Model):
    """A guide page whose translations follow the major edits of the German page.

    Only the German page's value means something; translated pages carry a copy.
    """

    last_major_edit_at = models.DateTimeField(null=True, editable=False)

    base_form_class = TranslatedPageForm

    class Meta:
        abstract = True

    def record_edit(self, *, minor: bool) -> None:
        """Code that changes German text should call this too, before publishing."""
        if not minor:
            self.last_major_edit_at = timezone.now()


def source_locale() -> Locale:
    """German: the language the guide is written in."""
    return Locale.get_default()


def _same_moment(first: dt.datetime | None, second: dt.datetime | None) -> bool:
    """Equal to the millisecond, which is all the snapshot's JSON keeps."""
    if first is None or second is None:
        return first is second
    return first.replace(microsecond=first.microsecond // 1000 * 1000) == second.replace(
        microsecond=second.microsecond // 1000 * 1000
    )


def snapshot_major_edit(source: TranslationSource) -> dt.datetime | None:
    """The German page's `last_major_edit_at` when the snapshot was last synced."""
    value = json.loads(source.content_json).get("last_major_edit_at")
    return parse_datetime(value) if value else None


def has_unsynced_major_edit(page: TranslatedPageMixin, source: TranslationSource) -> bool:
    return not _same_moment(page.last_major_edit_at, snapshot_major_edit(source))


def _strings_by_context(source: TranslationSource) -> dict[int, list[int]]:
    strings: dict[int, list[int]] = defaultdict(list)
    for context_id, string_id in source.stringsegment_set.order_by("order").values_list(
        "context_id", "string_id"
    ):
        strings[context_id].append(string_id)
    return strings


def carry_translations_over_minor_edit(page: TranslatedPageMixin) -> bool:
    """Sync a minor edit into the snapshot and keep every string's translation.

    A typo fix makes a new German string, which would have no translation and
    show German text on every translated page after the next sync. So when all
    edits since the last sync were minor, the snapshot is synced right away and
    each changed string inherits the translations of the string it replaces
    (same field, same position). A field whose number of strings changed is not
    a typo fix; its new strings wait for the translators. The translated pages
    are left as they are: their text is still right.

    Returns whether the snapshot was synced.
    """
    source = TranslationSource.objects.get_for_instance_or_none(page)
    if source is None or has_unsynced_major_edit(page, source):
        return False
    before = _strings_by_context(source)
    source.update_from_db()
    after = _strings_by_context(source)
    for context_id, new_strings in after.items():
        old_strings = before.get(context_id, [])
        if len(old_strings) != len(new_strings):
            continue
        for old, new in zip(old_strings, new_strings, strict=True):
            if old == new:
                continue
            for kept in StringTranslation.objects.filter(
                translation_of_id=old, context_id=context_id
            ):
                StringTranslation.objects.get_or_create(
                    translation_of_id=new,
                    context_id=context_id,
                    locale_id=kept.locale_id,
                    defaults={
                        "data": kept.data,
                        "translation_type": kept.translation_type,
                        "tool_name": kept.tool_name,
                        "last_translated_by": kept.last_translated_by,
                    },
                )
    return True


@receiver(page_published)
def _keep_translations_through_minor_edits(sender, instance, **kwargs) -> None:
    if isinstance(instance, TranslatedPageMixin) and instance.locale_id == source_locale().id:
        carry_translations_over_minor_edit(instance)


# --- Reading the states -------------------------------------------------------------


@dataclass(frozen=True)
class LocaleStatus:
    locale: Locale
    state: TranslationState
    translated_page_id: int | None


@dataclass(frozen=True)
class PageStatus:
    page: Page
    locales: list[LocaleStatus]

    @property
    def states(self) -> dict[str, TranslationState]:
        return {status.locale.language_code: status.state for status in self.locales}


def _major_edit_after(page: TranslatedPageMixin, translated_page: dict | None) -> bool:
    """Whether the German page had a major edit after the translated page's latest revision."""
    if page.last_major_edit_at is None or translated_page is None:
        return False
    edited_at = translated_page["latest_revision_created_at"]
    return edited_at is None or edited_at < page.last_major_edit_at


def translation_states(page: Page) -> dict[str, TranslationState]:
    """The state of a page's translation in every other locale, by language code.

    `page` may be the German page or any of its translations.
    """
    german = page.get_translation_or_none(source_locale()) or page
    return translation_overview([german])[0].states


def translation_overview(pages: Iterable[Page] | None = None) -> list[PageStatus]:
    """The translation states of German guide pages, in tree order by default."""
    german = source_locale()
    if pages is None:
        pages = Page.objects.filter(locale=german, depth__gt=1).order_by("path").specific()
    pages = [page.specific for page in pages if isinstance(page.specific, TranslatedPageMixin)]
    locales = list(Locale.objects.exclude(pk=german.pk).order_by("language_code"))
    keys = [page.translation_key for page in pages]

    sources = {
        source.object_id: source
        for source in TranslationSource.objects.filter(object_id__in=keys, locale=german)
    }
    synced = set(
        Translation.objects.filter(source__in=sources.values(), enabled=True).values_list(
            "source_id", "target_locale_id"
        )
    )
    translated_pages = {
        (row["translation_key"], row["locale_id"]): row
        for row in Page.objects.filter(translation_key__in=keys, alias_of__isnull=True)
        .exclude(locale=german)
        .values("id", "translation_key", "locale_id", "latest_revision_created_at")
    }
    segments = defaultdict(list)
    for source_id, string_id, context_id in StringSegment.objects.filter(
        source__in=sources.values()
    ).values_list("source_id", "string_id", "context_id"):
        segments[source_id].append((string_id, context_id))
    translated = defaultdict(dict)
    for string_id, context_id, locale_id, kind in StringTranslation.objects.filter(
        context__object_id__in=keys, has_error=False
    ).values_list("translation_of_id", "context_id", "locale_id", "translation_type"):
        translated[locale_id][(string_id, context_id)] = kind

    overview = []
    for page in pages:
        source = sources.get(page.translation_key)
        major_edit_not_synced = source is not None and has_unsynced_major_edit(page, source)
        statuses = []
        for locale in locales:
            translated_page = translated_pages.get((page.translation_key, locale.pk))
            if source is not None and (source.pk, locale.pk) in synced:
                kinds = [translated[locale.pk].get(segment) for segment in segments[source.pk]]
                facts = TranslationFacts(
                    has_translated_page=translated_page is not None,
                    synced=True,
                    major_edit_not_synced=major_edit_not_synced,
                    strings=len(kinds),
                    strings_translated=len(kinds) - kinds.count(None),
                    strings_machine_translated=kinds.count(MACHINE),
                )
            else:
                facts = TranslationFacts(
                    has_translated_page=translated_page is not None,
                    major_edit_after_translation=_major_edit_after(page, translated_page),
                )
            statuses.append(
                LocaleStatus(
                    locale,
                    decide_state(facts),
                    translated_page["id"] if translated_page else None,
                )
            )
        overview.append(PageStatus(page, statuses))
    return overview
