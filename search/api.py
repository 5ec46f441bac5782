"""The public, read-only vacancy API: /api/v1/vacancies/.

- `GET /api/v1/vacancies/` searches the index (search.query) with the
  parameters of search.params and answers one page of hits with facet counts.
- `GET /api/v1/vacancies/<id>/` answers one vacancy from the catalogue (the
  database, the truth), whatever its state: an expired or removed vacancy is
  still answered, with `state` saying so, so a link kept from an earlier
  search tells what became of it. Unknown ids are 404.
- `GET /api/v1/vacancies/suggest/?q=` completes a title while typing.
- `GET /api/v1/schema/` is the OpenAPI 3 description (drf-spectacular).

Errors are JSON: 400 `{"errors": {"<parameter>": "<message>"}}` for an
invalid parameter; 404, 405, 429 (with Retry-After) and 503 (the index cannot
answer right now) `{"detail": "<message>"}`. No authentication, no session,
no cookies: the data is public. Requests are throttled per client address at
settings.LOTSE_API_RATE.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from django.db.models import Q
from django.http import QueryDict
from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_field,
    inline_serializer,
)
from rest_framework import serializers
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.throttling import SimpleRateThrottle
from rest_framework.views import APIView

from . import query as search_query
from .documents import FLAGS
from .models import Vacancy
from .params import MAX_SUGGESTIONS, parse_query, parse_suggest
from .query import (
    CEFR_LEVELS,
    MAX_PAGE_SIZE,
    MAX_RADIUS_KM,
    MAX_TEXT_LENGTH,
    SORTS,
    QueryError,
    Results,
)
from .vacancies import KINDS, SALARY_UNITS, WORKING_TIMES

logger = logging.getLogger(__name__)

MAX_ID = 2**63 - 1  # what a database integer holds; larger ids cannot exist
INDEX_UNAVAILABLE = (
    "The vacancy index cannot answer right now. Please try again in a minute; "
    "if this persists, the operator should check /healthz."
)


def only_vacancy_endpoints(endpoints: list[tuple[Any, ...]], **kwargs: object) -> list[Any]:
    """drf-spectacular preprocessing hook: the public schema describes the vacancy API only.

    Wagtail's /api/v2/ has its own conventions, and the coaches' participant
    endpoints are not public.
    """
    return [endpoint for endpoint in endpoints if endpoint[0].startswith("/api/v1/vacancies/")]


class VacancyRateThrottle(SimpleRateThrottle):
    """Requests per client address; the rate is read per request so tests can change it."""

    scope = "vacancies"

    def get_rate(self) -> str | None:
        rate: str | None = api_settings.DEFAULT_THROTTLE_RATES.get(self.scope)
        return rate

    def get_cache_key(self, request: Request, view: APIView) -> str:
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}


class IndexUnavailable(Exception):
    """The index raised while answering: down, unreachable, or its file unreadable."""


# Serializers (responses) -------------------------------------------------


class HighlightsSerializer(serializers.Serializer[Any]):
    title = serializers.CharField(
        source="highlight_title",
        help_text="The title, HTML-escaped, matched words in <mark>; empty without q.",
    )
    description = serializers.CharField(
        source="highlight_description",
        help_text="A snippet of the description, HTML-escaped, matched words in <mark>; "
        "empty when nothing matched there.",
    )


class HitSerializer(serializers.Serializer[Any]):
    id = serializers.IntegerField()
    detail_url = serializers.SerializerMethodField(help_text="This vacancy in full.")
    score = serializers.FloatField(help_text="Relevance; only comparable within one search.")
    kind = serializers.ChoiceField(choices=KINDS)
    title = serializers.CharField()
    employer = serializers.CharField()
    postal_code = serializers.CharField()
    city = serializers.CharField()
    working_times = serializers.ListField(child=serializers.ChoiceField(choices=WORKING_TIMES))
    posted = serializers.DateField(allow_null=True, help_text="Posted, or first seen.")
    german_level = serializers.ChoiceField(
        choices=("", *CEFR_LEVELS), help_text='CEFR level required; "" when not stated.'
    )
    driving_licence = serializers.BooleanField(help_text="A driving licence is required.")
    url = serializers.CharField(help_text="The vacancy at its source.")
    distance_km = serializers.FloatField(
        allow_null=True, help_text="From the place searched from; null without one."
    )
    highlights = HighlightsSerializer(source="*")

    def get_detail_url(self, hit: search_query.Hit) -> str:
        request: Request = self.context["request"]
        return request.build_absolute_uri(reverse("vacancy-detail", args=[hit.id]))


class FacetsSerializer(serializers.Serializer[Any]):
    kind = serializers.DictField(
        child=serializers.IntegerField(min_value=0),
        help_text="For each kind: matches with every filter but kind.",
    )
    working_time = serializers.DictField(
        child=serializers.IntegerField(min_value=0),
        help_text="For each working time: matches with every filter but working_time.",
    )


class SearchResultsSerializer(serializers.Serializer[Any]):
    count = serializers.IntegerField(min_value=0)
    page = serializers.IntegerField(min_value=1)
    page_size = serializers.IntegerField(min_value=1, max_value=MAX_PAGE_SIZE)
    pages = serializers.IntegerField(min_value=1)
    next = serializers.URLField(allow_null=True)
    previous = serializers.URLField(allow_null=True)
    results = HitSerializer(many=True)
    facets = FacetsSerializer()


class SalarySerializer(serializers.Serializer[Any]):
    min = serializers.DecimalField(
        source="salary_min",
        max_digits=10,
        decimal_places=2,
        allow_null=True,
        coerce_to_string=False,
    )
    max = serializers.DecimalField(
        source="salary_max",
        max_digits=10,
        decimal_places=2,
        allow_null=True,
        coerce_to_string=False,
    )
    unit = serializers.ChoiceField(
        source="salary_unit", choices=SALARY_UNITS, allow_null=True, help_text="Per hour, ..."
    )
    currency = serializers.CharField(source="salary_currency", allow_null=True)


class PlaceSerializer(serializers.Serializer[Any]):
    street = serializers.CharField()
    postal_code = serializers.CharField()
    city = serializers.CharField()
    latitude = serializers.FloatField(allow_null=True)
    longitude = serializers.FloatField(allow_null=True)


class OtherPlaceSerializer(serializers.Serializer[Any]):
    postal_code = serializers.CharField()
    city = serializers.CharField()
    latitude = serializers.FloatField(source="lat", allow_null=True)
    longitude = serializers.FloatField(source="lon", allow_null=True)


class VacancySerializer(serializers.Serializer[Any]):
    id = serializers.IntegerField()
    state = serializers.ChoiceField(
        choices=Vacancy.State.values,
        help_text="active; expired (valid-through date passed); removed (the source "
        "no longer lists it).",
    )
    kind = serializers.ChoiceField(choices=KINDS)
    title = serializers.CharField()
    employer = serializers.CharField()
    description_html = serializers.CharField(
        source="description", help_text="Sanitised HTML, safe to show."
    )
    language = serializers.CharField()
    url = serializers.CharField(help_text="The vacancy at its source.")
    source = serializers.CharField(help_text="Where Lotse found it.")
    place = PlaceSerializer(source="*")
    other_places = OtherPlaceSerializer(many=True)
    working_times = serializers.SerializerMethodField(
        help_text="Null when the source does not say."
    )
    german_level = serializers.CharField(help_text='CEFR level required; "" when not stated.')
    driving_licence = serializers.BooleanField(
        allow_null=True, help_text="Required; null when not stated."
    )
    qualification = serializers.CharField()
    career_changers = serializers.BooleanField(
        allow_null=True, help_text="Quereinstieg (career changers welcome); null when not stated."
    )
    salary = serializers.SerializerMethodField()
    posted = serializers.DateField(allow_null=True)
    valid_through = serializers.DateField(allow_null=True)
    first_seen = serializers.DateTimeField()
    last_seen = serializers.DateTimeField()
    changed_at = serializers.DateTimeField()
    duplicate_of = serializers.IntegerField(
        source="duplicate_of_id",
        allow_null=True,
        help_text="The vacancy first seen for the same opening; null for an original.",
    )
    also_seen_at = serializers.SerializerMethodField(
        help_text="Links to the same opening at other sources (its original and duplicates)."
    )

    @extend_schema_field(
        serializers.ListField(child=serializers.ChoiceField(choices=WORKING_TIMES), allow_null=True)
    )
    def get_working_times(self, vacancy: Vacancy) -> list[str] | None:
        if not vacancy.working_time_stated:
            return None
        return [name for flag, name in FLAGS if getattr(vacancy, flag)]

    @extend_schema_field(SalarySerializer(allow_null=True))
    def get_salary(self, vacancy: Vacancy) -> dict[str, Any] | None:
        if vacancy.salary_min is None and vacancy.salary_max is None:
            return None
        data = SalarySerializer(vacancy).data
        return {**data, "unit": data["unit"] or None, "currency": data["currency"] or None}

    @extend_schema_field(serializers.ListField(child=serializers.CharField()))
    def get_also_seen_at(self, vacancy: Vacancy) -> list[str]:
        original = vacancy.duplicate_of_id or vacancy.pk
        urls = (
            Vacancy.objects.filter(Q(pk=original) | Q(duplicate_of_id=original))
            .exclude(pk=vacancy.pk)
            .exclude(state=Vacancy.State.REMOVED)
            .exclude(url="")
            .exclude(url=vacancy.url)
            .order_by("first_seen", "pk")
            .values_list("url", flat=True)
        )
        return list(dict.fromkeys(urls))


class SuggestionsSerializer(serializers.Serializer[Any]):
    suggestions = serializers.ListField(child=serializers.CharField())


ERRORS = inline_serializer(
    "ParameterErrors",
    {
        "errors": serializers.DictField(
            child=serializers.CharField(),
            help_text="For each invalid parameter, as sent, what is wrong with it.",
        )
    },
)
DETAIL = inline_serializer("ErrorDetail", {"detail": serializers.CharField()})
COMMON_ERRORS = {
    429: OpenApiResponse(DETAIL, description="Too many requests; see Retry-After."),
    503: OpenApiResponse(DETAIL, description="The index cannot answer right now."),
}


# Views -------------------------------------------------------------------


class VacancyAPIView(APIView):
    authentication_classes: list[type] = []
    permission_classes = [AllowAny]
    throttle_classes = [VacancyRateThrottle]
    renderer_classes = [JSONRenderer]

    def handle_exception(self, exc: Exception) -> Response:
        if isinstance(exc, QueryError):
            return Response({"errors": {exc.parameter: exc.message}}, status=400)
        if isinstance(exc, IndexUnavailable):
            return Response(
                {"detail": INDEX_UNAVAILABLE}, status=503, headers={"Retry-After": "30"}
            )
        return super().handle_exception(exc)


def _from_index(call: Callable[[], Any]) -> Any:
    """Call the index; any failure but a bad parameter means it cannot answer now."""
    try:
        return call()
    except QueryError:
        raise
    except Exception as error:
        logger.exception("vacancy index failed to answer")
        raise IndexUnavailable from error


def _page_url(request: Request, page: int) -> str:
    params: QueryDict = request.query_params.copy()
    params["page"] = str(page)
    return request.build_absolute_uri(f"{request.path}?{params.urlencode()}")


def _parameter(name: str, schema: dict[str, Any], description: str, **options: Any) -> Any:
    return OpenApiParameter(name, schema, description=description, **options)


def _number(kind: str, **bounds: float | bool) -> dict[str, Any]:
    return {"type": kind, **({"format": "double"} if kind == "number" else {}), **bounds}


LIST_PARAMETERS = [
    _parameter(
        "q",
        {"type": "string", "maxLength": MAX_TEXT_LENGTH},
        "Free text, typo tolerant; every word must match.",
    ),
    _parameter(
        "kind",
        {"type": "array", "items": {"type": "string", "enum": list(KINDS)}},
        "Any of these kinds (repeat the parameter, or separate values with commas).",
        style="form",
        explode=True,
    ),
    _parameter(
        "working_time",
        {"type": "array", "items": {"type": "string", "enum": list(WORKING_TIMES)}},
        "Any of these working times (repeat the parameter, or separate values with commas).",
        style="form",
        explode=True,
    ),
    _parameter(
        "postal_code",
        {"type": "string", "pattern": "^[0-9]{5}$"},
        "The place to search around: a German postal code (not together with lat/lon).",
    ),
    _parameter("lat", _number("number", minimum=-90, maximum=90), "Latitude; with lon."),
    _parameter("lon", _number("number", minimum=-180, maximum=180), "Longitude; with lat."),
    _parameter(
        "radius_km",
        _number("number", minimum=0, exclusiveMinimum=True, maximum=MAX_RADIUS_KM),
        "Only vacancies within this many kilometres of the place (needs one).",
    ),
    _parameter(
        "posted_within_days",
        _number("integer", minimum=0, maximum=3650),
        "Only vacancies posted (or first seen) in the last N days.",
    ),
    _parameter(
        "german_level_max",
        {"type": "string", "enum": list(CEFR_LEVELS)},
        "Only vacancies requiring at most this German level (CEFR); no level stated passes.",
    ),
    _parameter(
        "no_driving_licence",
        {"type": "boolean", "default": False},
        "Only vacancies that do not require a driving licence.",
    ),
    _parameter(
        "active_only",
        {"type": "boolean", "default": True},
        "Only active vacancies (not expired, not removed).",
    ),
    _parameter(
        "sort",
        {"type": "string", "enum": list(SORTS), "default": "relevance"},
        "relevance (best match first; by date without q), date (newest first) or "
        "distance (nearest first; needs a place).",
    ),
    _parameter(
        "page",
        _number("integer", minimum=1, maximum=10_000, default=1),
        "From 1; only the first 10000 results can be paged through (page x page_size).",
    ),
    _parameter(
        "page_size",
        _number("integer", minimum=1, maximum=MAX_PAGE_SIZE, default=20),
        "Hits per page.",
    ),
]
SUGGEST_PARAMETERS = [
    _parameter(
        "q",
        {"type": "string", "maxLength": MAX_TEXT_LENGTH},
        "What was typed so far; fewer than 2 characters suggest nothing.",
    ),
    _parameter(
        "limit",
        _number("integer", minimum=1, maximum=MAX_SUGGESTIONS, default=8),
        "How many titles at most.",
    ),
]


class VacancyListView(VacancyAPIView):
    @extend_schema(
        operation_id="vacancies_search",
        summary="Search vacancies",
        parameters=LIST_PARAMETERS,
        responses={
            200: SearchResultsSerializer,
            400: OpenApiResponse(ERRORS, description="An invalid parameter."),
            **COMMON_ERRORS,
        },
    )
    def get(self, request: Request) -> Response:
        query = parse_query(request.query_params)
        results: Results = _from_index(lambda: search_query.search(query))
        last_page = 10_000 // query.page_size
        data = {
            "count": results.total,
            "page": query.page,
            "page_size": query.page_size,
            "pages": results.pages,
            "next": (
                _page_url(request, query.page + 1)
                if query.page < min(results.pages, last_page)
                else None
            ),
            "previous": (
                _page_url(request, min(query.page - 1, results.pages)) if query.page > 1 else None
            ),
            "results": results.hits,
            "facets": {
                name: dict(results.facets.get(name, {})) for name in search_query.FACET_DIMENSIONS
            },
        }
        return Response(SearchResultsSerializer(data, context={"request": request}).data)


class VacancyDetailView(VacancyAPIView):
    @extend_schema(
        operation_id="vacancies_retrieve",
        summary="One vacancy, from the catalogue",
        parameters=[
            OpenApiParameter(
                "id", OpenApiTypes.INT, OpenApiParameter.PATH, description="The vacancy's id."
            )
        ],
        responses={
            200: VacancySerializer,
            404: OpenApiResponse(DETAIL, description="No vacancy with this id."),
            429: COMMON_ERRORS[429],
        },
    )
    def get(self, request: Request, id: str) -> Response:
        pk = int(id) if id.isascii() and id.isdigit() and len(id) <= 19 else 0
        vacancy = Vacancy.objects.filter(pk=pk).first() if 0 < pk <= MAX_ID else None
        if vacancy is None:
            return Response({"detail": f"There is no vacancy {id[:40]!r}."}, status=404)
        return Response(VacancySerializer(vacancy, context={"request": request}).data)


class VacancySuggestView(VacancyAPIView):
    @extend_schema(
        operation_id="vacancies_suggest",
        summary="Titles completing what was typed",
        parameters=SUGGEST_PARAMETERS,
        responses={
            200: SuggestionsSerializer,
            400: OpenApiResponse(ERRORS, description="An invalid parameter."),
            **COMMON_ERRORS,
        },
    )
    def get(self, request: Request) -> Response:
        prefix, limit = parse_suggest(request.query_params)
        titles: list[str] = _from_index(lambda: search_query.suggest(prefix, limit))
        return Response({"suggestions": titles})
