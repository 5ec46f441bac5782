"""Guide content for the API benchmark: one guide tree per locale, all translations of German.

Per locale: a home page, a guide index with a few topic pages and an offer
index with the offers, PAGES_PER_LOCALE pages in all; each translation is the
same page in its own locale under the translated parent, sharing the German
page's translation key. Topics and providers of translated offers point at
the translated snippets, as the demo loader's synced translations do.

The home, index and topic pages are made as an editor makes them: add the
page, save a revision, publish. The offers (3,409 of the 3,500 pages) are
written in bulk: the same rows the editor path writes (page, offer, opening
slots, topics, languages, target groups, one published revision), without
the search index entries, reference index and log entries the API does not
read. The editor path (or Wagtail's `copy_for_translation`) takes 50-100 ms a
page here, minutes per database.

Run inside Django, after migrating, with DJANGO_SETTINGS_MODULE set:

    python infra/bench/guide_data.py [--pages PAGES_PER_LOCALE]
    python infra/bench/guide_data.py --count-queries PATH ...

The first prints a JSON summary (seconds, offer ids per locale) as its last
line; the second the number of database queries a request for each PATH makes
once caches are warm, as JSON.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import time
from dataclasses import dataclass

import django

SOURCE_LOCALE = "de"
TRANSLATED_LOCALES = ("en", "uk", "ru", "ar", "fa", "tr")
TOPIC_PAGES = 10
FIXED_PAGES = 3  # home, guide index, offer index
PARTNERS = 20
OFFER_WORD = {
    "de": "Angebot",
    "en": "Offer",
    "uk": "Пропозиція",
    "ru": "Предложение",
    "ar": "عرض",
    "fa": "پیشنهاد",
    "tr": "Teklif",
}
TOPIC_WORD = {
    "de": "Thema",
    "en": "Topic",
    "uk": "Тема",
    "ru": "Тема",
    "ar": "موضوع",
    "fa": "موضوع",
    "tr": "Konu",
}
SUMMARY = {
    "de": "Beratung und Hilfe in Ihrer Nähe, kostenlos und vertraulich.",
    "en": "Advice and help near you, free of charge and confidential.",
    "uk": "Консультації та допомога поруч із вами, безкоштовно та конфіденційно.",
    "ru": "Консультации и помощь рядом с вами, бесплатно и конфиденциально.",
    "ar": "استشارة ومساعدة بالقرب منك، مجانية وسرية.",
    "fa": "مشاوره و کمک در نزدیکی شما، رایگان و محرمانه.",
    "tr": "Yakınınızda danışmanlık ve yardım, ücretsiz ve gizli.",
}
TOPICS = [
    ("sprachkurse", "Sprachkurse"),
    ("anerkennung", "Anerkennung von Abschlüssen"),
    ("arbeit", "Arbeit"),
    ("ausbildung", "Ausbildung"),
    ("wohnen", "Wohnen"),
    ("gesundheit", "Gesundheit"),
    ("schulden", "Schulden"),
    ("familie", "Familie und Kinder"),
]
PARTNER_KINDS = ["counselling", "jobcenter", "adult_education", "migration_counselling", "health"]
CITIES = [("99867", "Gotha", 50.9487, 10.7011), ("99084", "Erfurt", 50.9787, 11.0328)]


@dataclass(frozen=True)
class OfferSpec:
    """What one offer is, the same in every language."""

    number: int
    partner: int
    topics: tuple[int, ...]
    staff_languages: tuple[str, ...]
    target_groups: tuple[str, ...]
    slots: tuple[tuple[int, int], ...]  # weekday, closing hour (all open at 9)
    latitude: float
    longitude: float


def offer_specs(count: int, rng: random.Random, languages: list[str], groups: list[str]):
    specs = []
    for number in range(count):
        _postal, _city, latitude, longitude = CITIES[number % len(CITIES)]
        specs.append(
            OfferSpec(
                number=number,
                partner=rng.randrange(PARTNERS),
                topics=tuple(rng.sample(range(len(TOPICS)), rng.randint(1, 2))),
                staff_languages=tuple(rng.sample(languages, rng.randint(2, 4))),
                target_groups=tuple(rng.sample(groups, rng.randint(1, 3))),
                slots=tuple(
                    (weekday, rng.choice((12, 16)))
                    for weekday in sorted(rng.sample(range(5), rng.randint(2, 4)))
                ),
                latitude=latitude + rng.uniform(-0.05, 0.05),
                longitude=longitude + rng.uniform(-0.05, 0.05),
            )
        )
    return specs


class LocaleTree:
    """Builds the guide in one locale; `source` is the German tree it translates."""

    def __init__(self, code: str, source: LocaleTree | None = None):
        from wagtail.models import Locale

        self.code = code
        self.locale = Locale.objects.get(language_code=code)
        self.source = source
        self.topics: list = []
        self.partners: list = []
        self.offer_ids: list[int] = []

    def _publish(self, parent, page, source_page):
        page.locale = self.locale
        if source_page is not None:
            page.translation_key = source_page.translation_key
        parent.add_child(instance=page)
        page.save_revision().publish()
        return page

    def _snippets(self) -> None:
        from cms.guide.models import Partner, Topic

        if self.source is None:
            self.topics = [
                Topic.objects.create(slug=slug, name=name, locale=self.locale)
                for slug, name in TOPICS
            ]
            self.partners = [
                Partner.objects.create(
                    name=f"Beratungsstelle {number}",
                    kind=PARTNER_KINDS[number % len(PARTNER_KINDS)],
                    description="Berät Menschen, die neu in Thüringen sind.",
                    website=f"https://partner-{number}.example.org/",
                    phone=f"03621 {number:04d}",
                    email=f"kontakt@partner-{number}.example.org",
                    locale=self.locale,
                )
                for number in range(PARTNERS)
            ]
        else:
            word = TOPIC_WORD[self.code]
            self.topics = [
                self._translated_snippet(topic, name=f"{word}: {topic.name}")
                for topic in self.source.topics
            ]
            # Organisations keep their names.
            self.partners = [self._translated_snippet(p) for p in self.source.partners]

    def _translated_snippet(self, snippet, **fields):
        translated = snippet.copy_for_translation(self.locale)
        for name, value in fields.items():
            setattr(translated, name, value)
        translated.save()
        return translated

    def build(self, root, specs: list[OfferSpec], topic_pages: int) -> None:
        from cms.guide.models import GuideIndexPage, HomePage, OfferIndexPage, TopicPage

        source = self.source
        self._snippets()
        self.home = self._publish(
            root,
            HomePage(
                title=f"Lotse ({self.code})",
                slug="lotse" if source is None else f"lotse-{self.code}",
                intro="<p>Hilfe in Ihrer Nähe.</p>",
            ),
            source and source.home,
        )
        self.guide = self._publish(
            self.home,
            GuideIndexPage(title=TOPIC_WORD[self.code], slug="wegweiser"),
            source and source.guide,
        )
        self.offer_index = self._publish(
            self.home,
            OfferIndexPage(title=OFFER_WORD[self.code], slug="angebote"),
            source and source.offer_index,
        )
        self.topic_pages = [
            self._publish(
                self.guide,
                TopicPage(
                    title=f"{TOPIC_WORD[self.code]} {number}",
                    slug=f"thema-{number}",
                    topic=self.topics[number % len(self.topics)],
                    summary=SUMMARY[self.code],
                ),
                source and source.topic_pages[number],
            )
            for number in range(topic_pages)
        ]
        self.offers = self._bulk_offers(specs, source and source.offers)
        self.offer_ids = [offer.pk for offer in self.offers]

    def _bulk_offers(self, specs: list[OfferSpec], source_offers: list | None) -> list:
        """The offers as the editor path would save them, in a few queries."""
        from django.contrib.contenttypes.models import ContentType
        from django.db.models import F
        from django.utils import timezone
        from wagtail.models import Page, Revision

        from cms.guide.models import OfferPage, OpeningSlot

        parent = self.offer_index
        now = timezone.now()
        offer_type = ContentType.objects.get_for_model(OfferPage)
        offers = []
        for number, spec in enumerate(specs, 1):
            offer = self._offer(spec)
            offer.locale = self.locale
            if source_offers is not None:
                offer.translation_key = source_offers[spec.number].translation_key
            offer.depth = parent.depth + 1
            offer.path = Page._get_path(parent.path, offer.depth, parent.numchild + number)
            offer.url_path = f"{parent.url_path}{offer.slug}/"
            offer.draft_title = offer.title
            offer.content_type = offer_type
            offer.live, offer.has_unpublished_changes = True, False
            offer.first_published_at = offer.last_published_at = now
            offer.latest_revision_created_at = now
            offers.append(offer)
        page_fields = [f.attname for f in Page._meta.concrete_fields if not f.primary_key]
        rows = Page.objects.bulk_create(
            [Page(**{name: getattr(offer, name) for name in page_fields}) for offer in offers]
        )
        for offer, row in zip(offers, rows, strict=True):
            offer.id = offer.page_ptr_id = row.pk
            # Only the offer's own table: its page row is in already.
            offer.save_base(raw=True, force_insert=True)
        Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(offers))
        parent.numchild += len(offers)

        for field in ("topics", "staff_languages", "target_groups"):
            through = getattr(OfferPage, field).through
            target = getattr(OfferPage, field).field.m2m_reverse_field_name()
            through.objects.bulk_create(
                through(offerpage_id=offer.pk, **{target: item})
                for offer in offers
                for item in getattr(offer, field).all()
            )
        OpeningSlot.objects.bulk_create(
            OpeningSlot(
                offer_id=offer.pk,
                sort_order=order,
                weekday=slot.weekday,
                opens=slot.opens,
                closes=slot.closes,
            )
            for offer in offers
            for order, slot in enumerate(offer.opening_slots.all())
        )
        revisions = Revision.objects.bulk_create(
            Revision(
                content_type=offer_type,
                base_content_type=ContentType.objects.get_for_model(Page),
                object_id=str(offer.pk),
                created_at=now,
                object_str=offer.title,
                content=offer.serializable_data(),
            )
            for offer in offers
        )
        for offer, revision in zip(offers, revisions, strict=True):
            offer.latest_revision = offer.live_revision = revision
        Page.objects.bulk_update(offers, ["latest_revision", "live_revision"])
        return offers

    def _offer(self, spec: OfferSpec):
        from cms.guide.models import OfferPage, OpeningSlot, SpokenLanguage, TargetGroup

        postal_code, city, _latitude, _longitude = CITIES[spec.number % len(CITIES)]
        page = OfferPage(
            title=f"{OFFER_WORD[self.code]} {spec.number}",
            slug=f"angebot-{spec.number}",
            provider=self.partners[spec.partner],
            summary=SUMMARY[self.code],
            description="<p>Wir helfen bei Anträgen, Briefen und Fragen zum Alltag.</p>",
            street=f"Hauptstraße {spec.number % 90 + 1}",
            postal_code=postal_code,
            city=city,
            latitude=spec.latitude,
            longitude=spec.longitude,
            appointment_only=spec.number % 7 == 0,
            phone="03621 123456",
            email="info@example.org",
            website="https://example.org/",
            step_free_entrance=spec.number % 2 == 0,
            lift=spec.number % 3 == 0,
        )
        for weekday, closes in spec.slots:
            page.opening_slots.add(
                OpeningSlot(weekday=weekday, opens=dt.time(9), closes=dt.time(closes))
            )
        page.topics = [self.topics[index] for index in spec.topics]
        page.staff_languages = list(SpokenLanguage.objects.filter(code__in=spec.staff_languages))
        page.target_groups = list(TargetGroup.objects.filter(code__in=spec.target_groups))
        return page


def _fresh_site():
    """Locales, and the default site with no pages but Wagtail's root."""
    from django.conf import settings
    from wagtail.models import Locale, Page, Site

    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        Locale.objects.get_or_create(language_code=code)
    root = Page.get_first_root_node()
    # Wagtail's welcome page goes; the German home page becomes the site's root.
    Site.objects.all().delete()
    for page in root.get_children():
        page.delete()
    return Page.get_first_root_node()


def generate(pages_per_locale: int = 500) -> dict[str, object]:
    from django.db import transaction
    from wagtail.models import Site

    from cms.guide.models import SpokenLanguage, TargetGroup

    rng = random.Random(7)
    started = time.monotonic()
    offers = pages_per_locale - FIXED_PAGES - TOPIC_PAGES
    specs = offer_specs(
        offers,
        rng,
        list(SpokenLanguage.objects.values_list("code", flat=True)),
        list(TargetGroup.objects.values_list("code", flat=True)),
    )
    seconds: dict[str, float] = {}
    trees: dict[str, LocaleTree] = {}
    german = None
    for code in (SOURCE_LOCALE, *TRANSLATED_LOCALES):
        began = time.monotonic()
        with transaction.atomic():
            if german is None:
                root = _fresh_site()
            tree = LocaleTree(code, german)
            tree.build(root, specs, TOPIC_PAGES)
            if german is None:
                german = tree
                Site.objects.create(hostname="localhost", root_page=tree.home, is_default_site=True)
        trees[code] = tree
        seconds[code] = round(time.monotonic() - began, 1)
    return {
        "pages_per_locale": pages_per_locale,
        "locales": len(trees),
        "offers_per_locale": offers,
        "seconds": round(time.monotonic() - started, 1),
        "seconds_by_locale": seconds,
        "offer_ids": {code: tree.offer_ids for code, tree in trees.items()},
    }


def count_queries(paths: list[str]) -> dict[str, int]:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="127.0.0.1")
    counts = {}
    for path in paths:
        client.get(path)  # fills the caches a running server has filled already
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path)
        if response.status_code != 200:
            raise RuntimeError(f"GET {path} answered {response.status_code}")
        counts[path] = len(queries.captured_queries)
    return counts


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=500, help="pages per locale")
    parser.add_argument("--count-queries", nargs="+", metavar="PATH")
    args = parser.parse_args()
    django.setup()
    if args.count_queries:
        print(json.dumps(count_queries(args.count_queries)))
    else:
        print(json.dumps(generate(args.pages)))
