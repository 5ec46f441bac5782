"""Load a demo guide: German snippets and pages, then their synced translations.

The translations are made as wagtail-localize makes them when an editor submits
a page for translation and a translator fills in every string: a
TranslationSource (the snapshot of the German object, split into segments), a
Translation per target locale, a StringTranslation per segment, and then the
translated object written from those strings. So editors find ordinary synced
translations, up to date, which change when the German page changes.

Each segment's translation is looked up by its German wording in a
`TranslationMemory` built from the demo data. A segment without one stops the
load with a message naming it: the demo never shows German on a translated page.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any, cast

from django.conf import settings
from django.core.management import call_command
from django.db.models import Model
from django.db.models.signals import post_save
from django.utils import timezone
from modelsearch import index as search_index
from modelsearch import signal_handlers as search_signal_handlers
from wagtail import blocks
from wagtail.fields import StreamField
from wagtail.models import Locale, Page, ReferenceIndex
from wagtail.signal_handlers import disable_reference_index_auto_update
from wagtail_localize.fields import TranslatableField, get_translatable_fields
from wagtail_localize.models import (
    SegmentOverride,
    StringTranslation,
    Translation,
    TranslationSource,
)
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments
from wagtail_localize.strings import StringValue

from cms.guide.models import (
    GuideIndexPage,
    HomePage,
    OfferIndexPage,
    OfferPage,
    OpeningSlot,
    Partner,
    SpokenLanguage,
    TargetGroup,
    Topic,
    TopicPage,
)

from . import (
    TRANSLATED_LANGUAGES,
    BulletList,
    DaysFromLoad,
    Heading,
    RichText,
    Slot,
    Text,
    gotha_west,
)

Translations = dict[str, str]  # language code → text


class DemoContentError(Exception):
    """The demo data is incomplete or contradicts itself."""


def _plain_key(text: str) -> str:
    """A plain-text field's string as wagtail-localize stores it (escaped, <br/> for breaks)."""
    return str(StringValue.from_plaintext(text).data)


def _html_key(html: str) -> str:
    """A rich-text segment as wagtail-localize stores it (normalised inline HTML)."""
    return str(StringValue.from_source_html(html)[0].data)


class TranslationMemory:
    """The translations of every demo text, by the German text as wagtail-localize stores it."""

    def __init__(self, languages: tuple[str, ...] = TRANSLATED_LANGUAGES) -> None:
        self.languages = languages
        self._strings: dict[str, Translations] = {}
        self._slugs: dict[str, Translations] = {}

    def text(self, text: Text) -> str:
        """Remember a text with its translations; returns the German."""
        # A text may end up in a plain field or inside rich text; both forms are kept.
        self._remember(
            self._strings,
            _plain_key(text.de),
            {code: _plain_key(text.translated(code)) for code in self.languages},
        )
        self._remember(
            self._strings,
            _html_key(text.de),
            {code: _html_key(text.translated(code)) for code in self.languages},
        )
        return text.de

    def verbatim(self, value: str) -> str:
        """Remember a text that stays the same in every language (an address, a phone number)."""
        key = _plain_key(value)
        self._remember(self._strings, key, dict.fromkeys(self.languages, key))
        return value

    def slug(self, text: Text) -> str:
        translations = {code: text.translated(code) for code in self.languages}
        self._remember(self._slugs, text.de, translations)
        return text.de

    def translate(self, german: str, language: str, *, is_slug: bool, where: str) -> str:
        table = self._slugs if is_slug else self._strings
        try:
            return table[german][language]
        except KeyError:
            raise DemoContentError(
                f"{where}: the text {german!r} has no translation into {language!r}. "
                "Write it as a Text with all its translations in the demo data (cms/guide/demo/)."
            ) from None

    @staticmethod
    def _remember(table: dict[str, Translations], german: str, translations: Translations) -> None:
        known = table.setdefault(german, translations)
        if known != translations:
            raise DemoContentError(
                f"The demo text {german!r} is translated in two different ways: "
                f"{known} and {translations}. Use one Text for both places."
            )


@dataclass
class DemoGuide:
    """What was loaded, German objects in the order they are translated."""

    home: HomePage
    snippets: list[Model] = field(default_factory=list)
    pages: list[Page] = field(default_factory=list)


class _GermanGuide:
    """Builds the German snippets and page tree from the data, filling the memory."""

    def __init__(self, data: ModuleType, memory: TranslationMemory, locale: Locale) -> None:
        self.data = data
        self.memory = memory
        self.locale = locale
        self.today = timezone.localdate()
        self.topics: dict[str, Topic] = {}
        self.partners: dict[str, Partner] = {}
        self.offers: dict[str, OfferPage] = {}

    def build(self) -> DemoGuide:
        for topic_slug, spec in self.data.TOPICS.items():
            self.topics[topic_slug] = Topic.objects.create(
                slug=topic_slug, locale=self.locale, **self.fields(Topic, spec)
            )
        for key, spec in self.data.PARTNERS.items():
            self.partners[key] = Partner.objects.create(
                locale=self.locale, **self.fields(Partner, spec)
            )

        home = self.add_page(Page.get_first_root_node(), HomePage, self.data.HOME)
        guide = DemoGuide(home, [*self.topics.values(), *self.partners.values()], [home])
        guide_index = self.add_page(home, GuideIndexPage, self.data.GUIDE_INDEX)
        offer_index = self.add_page(home, OfferIndexPage, self.data.OFFER_INDEX)
        guide.pages += [guide_index, offer_index]
        # Offers before topic pages: the topic pages list offers.
        for key, spec in self.data.OFFERS.items():
            self.offers[key] = self.add_page(offer_index, OfferPage, spec)
        guide.pages += self.offers.values()
        guide.pages += [
            self.add_page(guide_index, TopicPage, spec) for spec in self.data.TOPIC_PAGES
        ]
        return guide

    def add_page(self, parent: Page, page_class: type[Page], spec: dict[str, Any]) -> Any:
        # Page data that names other demo objects or needs building first.
        built: dict[str, Callable[[Any], Any]] = {
            "slug": self.memory.slug,
            "topic": lambda key: self.topics[key],
            "provider": lambda key: self.partners[key],
            "topics": lambda keys: [self.topics[key] for key in keys],
            "target_groups": lambda codes: self.codes(TargetGroup, codes),
            "staff_languages": lambda codes: self.codes(SpokenLanguage, codes),
            "opening_slots": lambda slots: [self.opening_slot(item) for item in slots],
            "body": lambda body: json.dumps([self.block(kind, value) for kind, value in body]),
        }
        fields = self.fields(page_class, {k: v for k, v in spec.items() if k not in built})
        fields |= {name: build(spec[name]) for name, build in built.items() if name in spec}
        page = page_class(locale=self.locale, **fields)
        page.record_edit(minor=False)
        parent.add_child(instance=page)
        page.save_revision().publish()
        return page

    def fields(self, model: type[Model], spec: dict[str, Any]) -> dict[str, Any]:
        """Field values; a plain string in a translated field stays the same in every language."""
        translated = {
            field.field_name
            for field in get_translatable_fields(model)
            if isinstance(field, TranslatableField)
        }
        return {name: self.value(item, verbatim=name in translated) for name, item in spec.items()}

    def values(self, spec: dict[str, Any]) -> dict[str, Any]:
        return {name: self.value(value) for name, value in spec.items()}

    def value(self, value: Any, *, verbatim: bool = True) -> Any:
        """The German value of a field or block, remembering every text's translations."""
        if isinstance(value, Text):
            return self.memory.text(value)
        if isinstance(value, RichText):
            return self.html(value)
        if isinstance(value, str):
            return self.memory.verbatim(value) if verbatim else value
        if isinstance(value, DaysFromLoad):
            return self.today + dt.timedelta(days=value.days)
        if isinstance(value, list):
            return [self.value(item) for item in value]
        if isinstance(value, dict):
            return self.values(value)
        return value

    def html(self, rich: RichText) -> str:
        html = []
        for part in rich.parts:
            if isinstance(part, Text):
                html.append(f"<p>{self.memory.text(part)}</p>")
            elif isinstance(part, BulletList):
                items = "".join(f"<li>{self.memory.text(item)}</li>" for item in part.items)
                html.append(f"<ul>{items}</ul>")
            elif isinstance(part, Heading):
                html.append(f"<h{part.level}>{self.memory.text(part.text)}</h{part.level}>")
        return "".join(html)

    def block(self, kind: str, value: dict[str, Any]) -> dict[str, Any]:
        """One block of a topic page's body as raw StreamField data."""
        if kind == "contact":
            converted = self.values({k: v for k, v in value.items() if k != "partner"})
            converted["partner"] = self.partners[value["partner"]].pk
        elif kind == "offers":
            converted = {
                "heading": self.value(value["heading"]),
                "offers": [self.offers[key].pk for key in value["offers"]],
            }
        else:
            converted = self.value(value)
        # Left out, an optional text would be None; the editor saves "" (and
        # wagtail-localize expects a string).
        body = cast(StreamField, TopicPage._meta.get_field("body"))
        block = body.stream_block.child_blocks[kind]
        if isinstance(block, blocks.StructBlock):
            for name, child in block.child_blocks.items():
                if isinstance(child, blocks.CharBlock | blocks.TextBlock):
                    converted.setdefault(name, "")
            # List items need ids of their own: segments are found by the items' ids.
            for name, item in converted.items():
                if isinstance(item, list):
                    converted[name] = [_raw_block("item", entry) for entry in item]
        return _raw_block(kind, converted)

    def opening_slot(self, item: Slot) -> OpeningSlot:
        return OpeningSlot(
            weekday=item.weekday,
            opens=item.opens,
            closes=item.closes,
            by_appointment=item.by_appointment,
        )

    @staticmethod
    def codes(model: type[Model], codes: list[str]) -> list[Model]:
        found = list(model._default_manager.filter(code__in=codes))
        missing = set(codes) - {row.pk for row in found}
        if missing:
            raise DemoContentError(
                f"Unknown {model.__name__} code(s) {sorted(missing)} in the demo data; "
                "see cms/guide/constants.py."
            )
        return found


def _raw_block(kind: str, value: Any) -> dict[str, Any]:
    return {"type": kind, "value": value, "id": str(uuid.uuid4())}


def _translate(
    instance: Model, locale: Locale, memory: TranslationMemory, offers: dict[int, int]
) -> Model:
    """Translate one German object into `locale` from the memory, as a synced translation.

    `offers` maps German offer pages to their translations in `locale` made so far.
    """
    source, _created = TranslationSource.get_or_create_from_instance(instance)
    where = f"{type(instance).__name__} {str(instance)!r}"
    german_only = _fill_in_strings(source, locale, memory, where)
    _point_offer_lists_at(offers, source, locale)
    Translation.objects.create(
        source=source, target_locale=locale, translations_last_updated_at=timezone.now()
    )
    translation = _write_translation(source, instance, locale)
    # wagtail-localize skips a string whose place it cannot find; that would leave German.
    left_german = sorted(
        segment.string.data
        for segment in extract_segments(translation)
        if isinstance(segment, StringSegmentValue) and segment.string.data in german_only
    )
    if left_german:
        raise DemoContentError(f"{where} ({locale.language_code}) still shows {left_german}")
    return translation


def _fill_in_strings(
    source: TranslationSource, locale: Locale, memory: TranslationMemory, where: str
) -> set[str]:
    """Translate every string of the snapshot, as a translator would.

    Returns the German strings that read differently in translation.
    """
    translated: dict[tuple[int, int], StringTranslation] = {}
    for segment in source.stringsegment_set.select_related("string", "context"):
        translated.setdefault(
            (segment.string_id, segment.context_id),
            StringTranslation(
                translation_of=segment.string,
                context=segment.context,
                locale=locale,
                data=memory.translate(
                    segment.string.data,
                    locale.language_code,
                    is_slug=segment.context.path == "slug",
                    where=where,
                ),
                translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
            ),
        )
    StringTranslation.objects.bulk_create(translated.values())
    return {
        item.translation_of.data
        for item in translated.values()
        if item.data != item.translation_of.data
    }


def _point_offer_lists_at(
    offers: dict[int, int], source: TranslationSource, locale: Locale
) -> None:
    """An offer list names German offers; its translation names the translated offers."""
    for segment in source.overridablesegment_set.select_related("context"):
        if segment.data in offers and segment.context.path.split(".")[-2] == "offers":
            SegmentOverride.objects.create(
                locale=locale, context=segment.context, data_json=json.dumps(offers[segment.data])
            )


def _write_translation(source: TranslationSource, instance: Model, locale: Locale) -> Model:
    """Write the translated object from the strings; a page is published right away.

    wagtail-localize would publish a page when the transaction commits; publishing
    here makes it live within the same transaction (and in tests).
    """
    is_page = isinstance(instance, Page)
    translation, _created = source.create_or_update_translation(
        locale, publish=not is_page, fallback=False
    )
    if is_page:
        revision = translation.get_latest_revision()
        if isinstance(instance, OfferPage):
            # wagtail-localize leaves many-to-many fields pointing at the German topics.
            translation.topics = [topic.get_translation(locale) for topic in instance.topics.all()]
            revision.content = translation.serializable_data()
            revision.save(update_fields=["content"])
        revision.publish()
    return cast(Model, translation)


@contextmanager
def _indexed_once() -> Iterator[list[Model]]:
    """Index the objects put in the yielded list once at the end, not on each of their saves.

    A page is saved five times or so on its way to a published translation;
    updating the search and reference indexes each time would make the load
    several times slower. The search index's save handler is paused meanwhile,
    so this is for loading at start-up, not while requests are being served.
    """
    loaded: list[Model] = []
    paused = [
        model
        for model in search_index.get_indexed_models()
        if post_save.disconnect(search_signal_handlers.post_save_signal_handler, sender=model)
    ]
    try:
        with disable_reference_index_auto_update():
            yield loaded
    finally:
        for model in paused:
            post_save.connect(search_signal_handlers.post_save_signal_handler, sender=model)
    pages = Page.objects.filter(pk__in=[item.pk for item in loaded if isinstance(item, Page)])
    snippets = [item for item in loaded if not isinstance(item, Page)]
    for instance in [*snippets, *pages.specific()]:
        ReferenceIndex.create_or_update_for_object(instance)
    # One rebuild of the search index: on Elasticsearch it also creates the
    # indexes with Wagtail's mappings and analysers (inserting into a missing
    # index would create it with guessed ones) and makes the demo searchable
    # the moment the loader returns.
    call_command("update_index", verbosity=0)


def load_demo_guide(data: ModuleType = gotha_west) -> DemoGuide:
    """Create the demo guide under the page tree's root, in German and its translations.

    Returns the German home page with everything that was created. Needs a
    Locale for German and for every language in TRANSLATED_LANGUAGES.
    """
    memory = TranslationMemory()
    german = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    with _indexed_once() as loaded:
        guide = _GermanGuide(data, memory, german).build()
        loaded += [*guide.snippets, *guide.pages]
        for code in memory.languages:
            locale = Locale.objects.get(language_code=code)
            offers: dict[int, int] = {}
            for instance in [*guide.snippets, *guide.pages]:
                translation = _translate(instance, locale, memory, offers)
                if isinstance(translation, OfferPage):
                    offers[instance.pk] = translation.pk
                loaded.append(translation)
    return guide
