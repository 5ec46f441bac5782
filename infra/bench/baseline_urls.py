"""The guide API benchmark's baseline: the same JSON from plain Django views.

Each view builds what its API endpoint returns for the benchmark's requests,
field for field, with plain ORM queries (select_related and prefetch_related,
no N+1) and a JsonResponse. Served beside the real URLs by bench_settings, in
the same process, so both run on the same workers, database and middleware.
Only what the benchmark asks is supported: ?locale, ?limit, ?offset and, for
the pages listing, ?type=guide.OfferPage.
"""

from __future__ import annotations

from collections import defaultdict

from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from django.urls import path
from django.utils import timezone, translation
from django.utils.translation import get_language_info
from wagtail.models import Page, Site
from wagtail.rich_text import expand_db_html

from cms.guide.constants import ACCESSIBILITY_FEATURES
from cms.guide.models import HomePage, OfferPage, Topic
from cms.urls import urlpatterns as cms_urlpatterns

OFFER_TYPE = "guide.OfferPage"


def _iso(moment):
    """A datetime as the API gives it: ISO 8601 in the current time zone."""
    if moment is None:
        return None
    text = timezone.localtime(moment).isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text


class Urls:
    """Page and API addresses the way Wagtail's site root paths make them."""

    def __init__(self) -> None:
        site = Site.objects.get(is_default_site=True)
        self.root = site.root_url
        self.home_paths = dict(
            HomePage.objects.filter(translation_key=site.root_page.translation_key).values_list(
                "locale__language_code", "url_path"
            )
        )

    def html(self, page, language_code: str) -> str:
        prefix = "" if language_code == settings.LANGUAGE_CODE else f"/{language_code}"
        home = self.home_paths[language_code]
        return f"{self.root}{prefix}/{page.url_path[len(home) :]}"

    def detail(self, page_id: int) -> str:
        return f"{self.root}/api/v2/pages/{page_id}/"


def _available_languages(pages) -> dict[object, list[str]]:
    found = defaultdict(set)
    rows = Page.objects.filter(
        translation_key__in={page.translation_key for page in pages},
        live=True,
        alias_of__isnull=True,
    ).values_list("translation_key", "locale__language_code")
    for key, code in rows:
        found[key].add(code)
    return {key: sorted(codes) for key, codes in found.items()}


def _listing_meta(page, code: str, urls: Urls, languages) -> dict[str, object]:
    return {
        "type": OFFER_TYPE,
        "detail_url": urls.detail(page.pk),
        "html_url": urls.html(page, code),
        "slug": page.slug,
        "first_published_at": _iso(page.first_published_at),
        "locale": code,
        "available_languages": languages[page.translation_key],
        "dir": "rtl" if get_language_info(code)["bidi"] else "ltr",
    }


def _opening_hours(offer, now) -> dict[str, object]:
    return {
        "slots": [
            {
                "weekday": slot.weekday,
                "opens": slot.opens.strftime("%H:%M"),
                "closes": slot.closes.strftime("%H:%M"),
                "by_appointment": slot.by_appointment,
            }
            for slot in offer.opening_slots.all()
        ],
        "appointment_only": offer.appointment_only,
        "temporarily_closed": offer.temporarily_closed,
        "notes": offer.opening_notes,
        "open_now": offer.is_open_at(now),
    }


def _provider(offer) -> dict[str, str] | None:
    partner = offer.provider
    if partner is None:
        return None
    return {
        "name": partner.name,
        "kind": partner.kind,
        "description": partner.description,
        "website": partner.website,
        "phone": partner.phone,
        "email": partner.email,
    }


def _address(offer) -> dict[str, object]:
    return {
        "street": offer.street,
        "postal_code": offer.postal_code,
        "city": offer.city,
        "latitude": offer.latitude,
        "longitude": offer.longitude,
    }


def _window(request) -> tuple[str, int, int]:
    return (
        request.GET["locale"],
        int(request.GET.get("limit", 20)),
        int(request.GET.get("offset", 0)),
    )


def _live_offers(code: str):
    return OfferPage.objects.filter(
        locale__language_code=code, live=True, alias_of__isnull=True
    ).order_by("path")


def offers(request) -> JsonResponse:
    code, limit, offset = _window(request)
    queryset = _live_offers(code)
    page = list(
        queryset.select_related("provider").prefetch_related("opening_slots")[
            offset : offset + limit
        ]
    )
    urls, languages, now = Urls(), _available_languages(page), timezone.now()
    items = [
        {
            "id": offer.pk,
            "meta": {**_listing_meta(offer, code, urls, languages), "distance_km": None},
            "title": offer.title,
            "provider": _provider(offer),
            "summary": offer.summary,
            "address": _address(offer),
            "opening_hours": _opening_hours(offer, now),
        }
        for offer in page
    ]
    return JsonResponse({"meta": {"total_count": queryset.count()}, "items": items})


def pages(request) -> JsonResponse:
    if request.GET.get("type") != OFFER_TYPE:
        return JsonResponse({"message": f"the baseline lists only type={OFFER_TYPE}"}, status=400)
    code, limit, offset = _window(request)
    queryset = _live_offers(code)
    page = list(queryset[offset : offset + limit])
    urls, languages = Urls(), _available_languages(page)
    items = [
        {"id": offer.pk, "meta": _listing_meta(offer, code, urls, languages), "title": offer.title}
        for offer in page
    ]
    return JsonResponse({"meta": {"total_count": queryset.count()}, "items": items})


def offer_detail(request, pk: int) -> JsonResponse:
    offer = get_object_or_404(
        OfferPage.objects.filter(live=True, alias_of__isnull=True)
        .select_related("locale", "provider")
        .prefetch_related("opening_slots", "topics", "target_groups", "staff_languages"),
        pk=pk,
    )
    code = offer.locale.language_code
    parent = Page.objects.select_related("content_type").get(path=offer.path[: -Page.steplen])
    urls = Urls()
    topics = list(offer.topics.all())
    translated = {
        topic.translation_key: topic
        for topic in Topic.objects.filter(
            translation_key__in=[topic.translation_key for topic in topics], locale=offer.locale
        )
    }
    with translation.override(code):
        target_groups = [{"code": g.code, "name": str(g)} for g in offer.target_groups.all()]
    meta = _listing_meta(offer, code, urls, _available_languages([offer]))
    return JsonResponse(
        {
            "id": offer.pk,
            "meta": {
                **meta,
                "show_in_menus": offer.show_in_menus,
                "seo_title": offer.seo_title,
                "search_description": offer.search_description,
                "alias_of": None,
                "parent": {
                    "id": parent.pk,
                    "meta": {
                        "type": parent.specific_class._meta.label,
                        "detail_url": urls.detail(parent.pk),
                        "html_url": urls.html(parent, code),
                    },
                    "title": parent.title,
                },
                "distance_km": None,
            },
            "title": offer.title,
            "provider": _provider(offer),
            "summary": offer.summary,
            "description": expand_db_html(offer.description or ""),
            "image": None,  # the benchmark's offers have none
            "topics": [
                {"slug": t.slug, "name": translated.get(t.translation_key, t).name} for t in topics
            ],
            "target_groups": target_groups,
            "staff_languages": [
                {"code": language.code, "native_name": language.native_name}
                for language in offer.staff_languages.all()
            ],
            "address": _address(offer),
            "opening_hours": _opening_hours(offer, timezone.now()),
            "cost": {"kind": offer.cost, "note": offer.cost_note},
            "accessibility": {
                **{name: getattr(offer, name) for name, _label in ACCESSIBILITY_FEATURES},
                "note": offer.accessibility_note,
            },
            "contact": {
                "phone": offer.phone,
                "email": offer.email,
                "website": offer.website,
                "appointment_url": offer.appointment_url,
            },
            "valid_from": offer.valid_from and offer.valid_from.isoformat(),
            "valid_until": offer.valid_until and offer.valid_until.isoformat(),
        }
    )


urlpatterns = [
    path("bench/baseline/offers/", offers),
    path("bench/baseline/offers/<int:pk>/", offer_detail),
    path("bench/baseline/pages/", pages),
    *cms_urlpatterns,
]
