"""The guide's headless API (Wagtail API v2 at /api/v2/), documented in cms/guide/API.md.

Every item says in which languages it exists (`available_languages`) and how
its text runs (`dir`). Alias pages are never served: in a translated tree an
alias carries the German original's content under another locale, which would
show German text as if it were, say, Arabic.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from django.db.models import Case, FloatField, Q, Value, When
from wagtail.api.v2.filters import SearchFilter
from wagtail.api.v2.serializers import PageSerializer
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet

from .serializers import (
    AvailableLanguagesField,
    DistanceField,
    TextDirectionField,
    attach_available_languages,
)

EARTH_RADIUS_KM = 6371.0
DEFAULT_RADIUS_KM = 10.0
MAX_RADIUS_KM = 200.0


def searchable(pages):
    """The same pages, filtered only by id: a search can filter on indexed fields
    alone, and the id is one (aliases, topics, opening hours are not)."""
    return pages.model.objects.filter(pk__in=list(pages.values_list("pk", flat=True)))


class GuidePageSerializer(PageSerializer):
    available_languages = AvailableLanguagesField(read_only=True)
    dir = TextDirectionField(read_only=True)
    distance_km = DistanceField(read_only=True)


class GuidePagesAPIViewSet(PagesAPIViewSet):
    base_serializer_class = GuidePageSerializer
    meta_fields = [*PagesAPIViewSet.meta_fields, "available_languages", "dir"]
    listing_default_fields = [*PagesAPIViewSet.listing_default_fields, "available_languages", "dir"]

    def get_base_queryset(self):
        pages = super().get_base_queryset().filter(alias_of__isnull=True)
        if "search" in self.request.GET:
            return searchable(pages)
        return pages

    def get_queryset(self):
        return super().get_queryset().select_related("locale")

    def paginate_queryset(self, queryset):
        pages = list(super().paginate_queryset(queryset))
        attach_available_languages(pages)
        return pages


# --- Offers ---------------------------------------------------------------------


@dataclass(frozen=True)
class Point:
    latitude: float
    longitude: float

    @classmethod
    def parse(cls, text: str) -> Point:
        try:
            latitude, longitude = (float(part) for part in text.split(","))
        except ValueError:
            raise BadRequestError(
                "near must be 'latitude,longitude' in decimal degrees, e.g. near=50.95,10.69"
            ) from None
        if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
            raise BadRequestError("near is outside the range of latitudes and longitudes")
        return cls(latitude, longitude)

    def distance_km(self, latitude: float, longitude: float) -> float:
        """Great-circle distance (haversine), exact enough for a city."""
        phi1, phi2 = math.radians(self.latitude), math.radians(latitude)
        dphi = phi2 - phi1
        dlambda = math.radians(longitude - self.longitude)
        a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
        return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(a))

    def bounding_box(self, radius_km: float) -> Q:
        """A cheap SQL pre-filter; the exact distance is checked afterwards."""
        dlat = math.degrees(radius_km / EARTH_RADIUS_KM)
        cos_lat = max(math.cos(math.radians(self.latitude)), 0.01)
        dlon = math.degrees(radius_km / (EARTH_RADIUS_KM * cos_lat))
        return Q(
            latitude__gte=self.latitude - dlat,
            latitude__lte=self.latitude + dlat,
            longitude__gte=self.longitude - dlon,
            longitude__lte=self.longitude + dlon,
        )


def _parse_bool(name: str, value: str) -> bool:
    if value.lower() in ("true", "1"):
        return True
    if value.lower() in ("false", "0"):
        return False
    raise BadRequestError(f"{name} must be true or false")


def _parse_radius(value: str | None) -> float:
    if value is None:
        return DEFAULT_RADIUS_KM
    try:
        radius = float(value)
    except ValueError:
        raise BadRequestError("radius must be a number of kilometres, e.g. radius=5") from None
    if not 0 < radius <= MAX_RADIUS_KM:
        raise BadRequestError(f"radius must be more than 0 and at most {MAX_RADIUS_KM:g} km")
    return radius


class OfferFilter:
    """?topic=slug, ?language=code, ?open_now=true, ?near=lat,lon&radius=km."""

    def filter_queryset(self, request, queryset, view):
        from .models import SpokenLanguage, Topic

        params = request.GET
        topic, language = params.get("topic", ""), params.get("language", "")
        if topic and not Topic.objects.filter(slug=topic).exists():
            raise BadRequestError(f"topic '{topic}' does not exist")
        if language and not SpokenLanguage.objects.filter(code=language).exists():
            raise BadRequestError(f"language '{language}' is not a known language code")
        open_now = "open_now" in params and _parse_bool("open_now", params["open_now"])
        queryset = queryset.matching(topic=topic, language=language, open_now=open_now)
        if "radius" in params and "near" not in params:
            raise BadRequestError("radius needs near=latitude,longitude")
        if "search" in params:
            queryset = searchable(queryset)
        if near := params.get("near"):
            queryset = self.within(queryset, Point.parse(near), _parse_radius(params.get("radius")))
            if "order" not in params and "search" not in params:
                queryset = queryset.order_by("distance_km")
        return queryset if "search" in params else queryset.distinct()

    @staticmethod
    def within(queryset, point: Point, radius_km: float):
        candidates = queryset.filter(point.bounding_box(radius_km)).values_list(
            "pk", "latitude", "longitude"
        )
        distances = {
            pk: distance
            for pk, latitude, longitude in candidates
            if (distance := point.distance_km(latitude, longitude)) <= radius_km
        }
        whens = [When(pk=pk, then=Value(distance)) for pk, distance in distances.items()]
        return queryset.filter(pk__in=distances).annotate(
            distance_km=Case(*whens, default=Value(None), output_field=FloatField())
        )


class OffersAPIViewSet(GuidePagesAPIViewSet):
    """Offers only, with their structured fields and filters."""

    name = "offers"
    filter_backends = [
        *(backend for backend in PagesAPIViewSet.filter_backends if backend is not SearchFilter),
        OfferFilter,
        SearchFilter,  # must stay last: search results cannot be filtered further
    ]
    known_query_parameters = PagesAPIViewSet.known_query_parameters.union(
        ["topic", "language", "open_now", "near", "radius"]
    )
    meta_fields = [*GuidePagesAPIViewSet.meta_fields, "distance_km"]
    listing_default_fields = [
        *GuidePagesAPIViewSet.listing_default_fields,
        "summary",
        "provider",
        "address",
        "opening_hours",
        "distance_km",
    ]

    def get_queryset(self):
        from .models import OfferPage

        # Everything an offer item shows, fetched once per page of results.
        related = ("opening_slots", "staff_languages", "target_groups", "topics__locale")
        return (
            OfferPage.objects.filter(pk__in=self.get_base_queryset().values_list("pk", flat=True))
            .select_related("locale", "provider", "image")
            .prefetch_related(*related)
        )

    def check_query_parameters(self, queryset):
        # "type" would let a client ask the offers endpoint for other pages.
        if "type" in self.request.GET:
            raise BadRequestError("the offers endpoint has no 'type' parameter; use /api/v2/pages/")
        return super().check_query_parameters(queryset)
