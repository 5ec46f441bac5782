"""Small builders for guide pages in tests: a German tree, offers, translations."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from wagtail.models import Locale, Page, Site

from cms.guide.models import (
    GuideIndexPage,
    HomePage,
    OfferIndexPage,
    OfferPage,
    OpeningSlot,
    Partner,
    SpokenLanguage,
    Topic,
    TopicPage,
)

GOTHA = (50.9487, 10.7011)


def german_home() -> HomePage:
    """An empty German guide home page as the default site's root, with all locales."""
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        Locale.objects.get_or_create(language_code=code)
    german = Locale.objects.get(language_code="de")
    home = Page.get_first_root_node().add_child(
        instance=HomePage(title="Test-Wegweiser", slug="test-home", locale=german)
    )
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "root_page": home}
    )
    return home


def offer_index(home: HomePage) -> OfferIndexPage:
    return home.add_child(instance=OfferIndexPage(title="Angebote", slug="angebote-test"))


def guide_index(home: HomePage) -> GuideIndexPage:
    return home.add_child(instance=GuideIndexPage(title="Wegweiser", slug="wegweiser-test"))


def topic(slug: str, name: str) -> Topic:
    german = Locale.objects.get(language_code="de")
    found, _ = Topic.objects.get_or_create(slug=slug, locale=german, defaults={"name": name})
    return found


def offer(
    title: str,
    *,
    parent: OfferIndexPage,
    topics: list[Topic] = (),
    languages: list[str] = (),
    point: tuple[float, float] | None = GOTHA,
    slots: list[tuple[int, str, str]] = (),
    **fields,
) -> OfferPage:
    page = OfferPage(
        title=title,
        summary=fields.pop("summary", f"{title} – kurz erklärt."),
        latitude=point[0] if point else None,
        longitude=point[1] if point else None,
        **fields,
    )
    for weekday, opens, closes in slots:
        page.opening_slots.add(
            OpeningSlot(
                weekday=weekday,
                opens=dt.time.fromisoformat(opens),
                closes=dt.time.fromisoformat(closes),
            )
        )
    page.topics = list(topics)
    page.staff_languages = list(SpokenLanguage.objects.filter(code__in=languages))
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def translate(page, language: str, **fields):
    """A published translation of `page` with the given (translated) fields."""
    translated = page.copy_for_translation(
        Locale.objects.get(language_code=language), copy_parents=True
    )
    for name, value in fields.items():
        setattr(translated, name, value)
    translated.save_revision().publish()
    translated.refresh_from_db()
    return translated


def partner(name: str, kind: str = "counselling") -> Partner:
    german = Locale.objects.get(language_code="de")
    return Partner.objects.create(name=name, kind=kind, locale=german)


def topic_page(title: str, *, parent: GuideIndexPage, **fields) -> TopicPage:
    page = TopicPage(title=title, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page
