"""Builders for translation tests: a German page, its translations, edits to it."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.contrib.auth import get_user_model
from wagtail.models import Locale, Page
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)
from wagtail_localize.operations import translate_object

from cms.guide.models import GuideIndexPage, HomePage, TopicPage

SUMMARY = "Deutschkurse für Erwachsene in Gotha."


def locale(code: str) -> Locale:
    return Locale.objects.get(language_code=code)


def german_home() -> HomePage:
    """The locales and a German home page; independent of the demo content."""
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        Locale.objects.get_or_create(language_code=code)
    home = HomePage.objects.filter(locale__language_code="de").first()
    if home is None:
        home = Page.get_first_root_node().add_child(
            instance=HomePage(title="Lotse", slug="lotse-test", locale=locale("de"))
        )
    return home


def german_topic_page(
    title: str = "Sprachkurse", summary: str = SUMMARY, body: list | None = None
) -> TopicPage:
    """A published German topic page under a guide index of its own."""
    home = german_home()
    index = home.add_child(
        instance=GuideIndexPage(title="Wegweiser", slug=f"wegweiser-{Page.objects.count()}")
    )
    index.save_revision().publish()
    page = index.add_child(instance=TopicPage(title=title, summary=summary, body=body or []))
    page.save_revision().publish()
    return TopicPage.objects.get(pk=page.pk)


def translate(page: Page, *codes: str) -> None:
    """Submit the page (and its untranslated parents) for translation, as editors do."""
    for ancestor in page.get_ancestors().filter(depth__gt=1).specific():
        translate_object(ancestor, [locale(code) for code in codes])
    translate_object(page, [locale(code) for code in codes])


def translation_of(page: Page, code: str) -> Translation:
    return Translation.objects.get(
        source__object_id=page.translation_key, target_locale__language_code=code
    )


def fill_in(
    page: Page,
    code: str,
    *,
    kind: str = StringTranslation.TRANSLATION_TYPE_MANUAL,
    text: Callable[[str], str] | None = None,
) -> None:
    """Translate every string of the page's snapshot and write the translated page."""
    translation = translation_of(page, code)
    text = text or (lambda german: f"[{code}] {german}")
    for segment in StringSegment.objects.filter(source=translation.source).select_related("string"):
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            context_id=segment.context_id,
            locale=translation.target_locale,
            defaults={"data": text(segment.string.data), "translation_type": kind},
        )
    translation.save_target(publish=True)


def edit(page: TopicPage, *, minor: bool, **changes: str) -> TopicPage:
    """Change the German page and publish it, as the editor's form does."""
    page = TopicPage.objects.get(pk=page.pk)
    for name, value in changes.items():
        setattr(page, name, value)
    page.record_edit(minor=minor)
    page.save_revision().publish()
    return TopicPage.objects.get(pk=page.pk)


def sync(page: Page) -> None:
    """What "Sync translated pages" does to the snapshot."""
    TranslationSource.objects.get_for_instance(page).update_from_db()


def translated(page: Page, code: str) -> TopicPage:
    return TopicPage.objects.get(translation_key=page.translation_key, locale=locale(code))


def superuser():
    return get_user_model().objects.create_superuser("alice", "alice@example.org")
