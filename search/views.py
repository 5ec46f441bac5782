"""The vacancy search at the office PC: start, results, one vacancy, suggestions.

Participants use these pages alone on a shared PC, so they keep nothing: no
login, no session, no cookie (the language is in the URL), no search term in a
log line (Django's request log names the path only; `manage.py serve` runs
gunicorn without an access log).
Everything works without JavaScript; search/static/search/kiosk.js adds
suggestions while typing and the return to the start page after
settings.LOTSE_KIOSK_IDLE_SECONDS without input.

Distances are measured from the office: settings.LOTSE_OFFICE_POSTAL_CODE,
within settings.LOTSE_DISTRICT_RADIUS_KM ("around the district") unless the
participant chooses another distance. "Ask your coach" shows the guide's
coaching offer (settings.LOTSE_COACHING_OFFER_SLUG): its address and opening
hours, in the page's language when the guide has it translated.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import wraps
from typing import Any

import segno
from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from .documents import FLAGS, is_shadowed
from .geo import distance_km, postcode_point
from .models import Vacancy
from .params import parse_query, parse_suggest
from .query import CEFR_LEVELS, Query, QueryError, Results, search, suggest
from .templatetags.vacancy_tags import KIND_LABELS, WORKING_TIME_LABELS
from .vacancies import KINDS, WORKING_TIMES

logger = logging.getLogger(__name__)

PAGE_SIZE = 10
# "Little German needed": the vacancy asks for German at level A2 or below, or
# does not say. A2 is where people manage simple everyday talk; B1 already
# means working in German on familiar topics, which is not "little".
LITTLE_GERMAN = "A2"
# Distances offered besides "around the district" (settings), in kilometres.
DISTANCES = (5, 10, 50)
ANY_DISTANCE = "any"
SUGGESTIONS_ON_NO_RESULTS = 3


def private(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """No copy of the page in the browser's cache, and no address with search terms
    sent on as a referrer to the employer's site."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response = view(request, *args, **kwargs)
        response["Cache-Control"] = "no-store"
        response["Referrer-Policy"] = "no-referrer"
        return response

    return wrapper


# --- The form: what the participant chose, and the Query it asks for -------------


@dataclass(frozen=True)
class Choices:
    """The search form's state, as the participant set it."""

    text: str = ""
    kinds: frozenset[str] = frozenset()
    working_times: frozenset[str] = frozenset()
    distance: str = ""  # "" = around the district, "5", "10", "50" or "any"
    little_german: bool = False
    no_licence: bool = False
    page: int = 1

    @property
    def radius_km(self) -> int | None:
        if self.distance == ANY_DISTANCE:
            return None
        if self.distance.isdigit() and int(self.distance) in DISTANCES:
            return int(self.distance)
        return settings.LOTSE_DISTRICT_RADIUS_KM

    def params(self, **changes: Any) -> QueryDict:
        """The query string of these choices (with `changes`), only what is set."""
        choices = replace(self, **changes)
        found = QueryDict(mutable=True)
        if choices.text:
            found["q"] = choices.text
        found.setlist("kind", [k for k in KINDS if k in choices.kinds])
        found.setlist("working_time", [w for w in WORKING_TIMES if w in choices.working_times])
        if choices.distance:
            found["distance"] = choices.distance
        if choices.little_german:
            found["little_german"] = "1"
        if choices.no_licence:
            found["no_licence"] = "1"
        if choices.page > 1:
            found["page"] = str(choices.page)
        return found

    def url_query(self, **changes: Any) -> str:
        return self.params(**changes).urlencode()


def read_choices(params: QueryDict) -> Choices:
    """The form's choices; values the form cannot send are left out, not refused."""
    distance = params.get("distance", "").strip()
    if distance != ANY_DISTANCE and not (distance.isdigit() and int(distance) in DISTANCES):
        distance = ""
    page = params.get("page", "1").strip()
    return Choices(
        text=" ".join(params.get("q", "").split()),
        kinds=frozenset(params.getlist("kind")) & frozenset(KINDS),
        working_times=frozenset(params.getlist("working_time")) & frozenset(WORKING_TIMES),
        distance=distance,
        little_german=params.get("little_german") == "1",
        no_licence=params.get("no_licence") == "1",
        page=int(page) if page.isdigit() and 0 < int(page) <= 1000 else 1,
    )


def to_query(choices: Choices) -> Query:
    """The Query for these choices, through the same parameters the REST API reads."""
    params: dict[str, list[str]] = {
        "q": [choices.text],
        "kind": sorted(choices.kinds),
        "working_time": sorted(choices.working_times),
        "postal_code": [settings.LOTSE_OFFICE_POSTAL_CODE],
        "page": [str(choices.page)],
        "page_size": [str(PAGE_SIZE)],
    }
    if choices.radius_km is not None:
        params["radius_km"] = [str(choices.radius_km)]
    if choices.little_german:
        params["german_level_max"] = [LITTLE_GERMAN]
    if choices.no_licence:
        params["no_driving_licence"] = ["true"]
    return parse_query(params)


# --- The office, from the guide -------------------------------------------------------


def coaching_offer() -> Any | None:
    """The guide's coaching offer in the current language, else in German; None without."""
    from wagtail.models import Locale

    from cms.guide.models import OfferPage

    german = (
        OfferPage.objects.live()
        .filter(slug=settings.LOTSE_COACHING_OFFER_SLUG, locale__language_code="de")
        .first()
    )
    if german is None:
        return None
    try:
        local = german.get_translation(Locale.get_active())
    except (OfferPage.DoesNotExist, Locale.DoesNotExist):
        return german
    return local if local.live else german


# --- Pages ------------------------------------------------------------------------------


def _base_context(request: HttpRequest) -> dict[str, Any]:
    return {
        "idle_seconds": settings.LOTSE_KIOSK_IDLE_SECONDS,
        "kind_labels": [(kind, KIND_LABELS[kind]) for kind in KINDS],
    }


@private
def start(request: HttpRequest) -> HttpResponse:
    return render(request, "search/start.html", _base_context(request))


def _search(query: Query) -> Results | None:
    """The results, or None when the index cannot answer (logged without the query)."""
    try:
        return search(query)
    except QueryError:
        raise
    except Exception as error:  # any backend failure is the same to a participant
        # Only the kind of failure: the message could quote the search terms.
        logger.error("vacancy search failed: %s", type(error).__name__)
        return None


def _toggle(value: str, label: str, chosen: bool, count: int | None = None) -> dict[str, object]:
    return {"value": value, "label": label, "chosen": chosen, "count": count}


def _filters(choices: Choices, results: Results | None) -> dict[str, object]:
    facets = results.facets if results is not None else {}
    kind_counts = facets.get("kind", {})
    time_counts = facets.get("working_time", {})
    district = settings.LOTSE_DISTRICT_RADIUS_KM
    distances = [
        _toggle("", _("Around the district (%(km)d km)") % {"km": district}, not choices.distance)
    ]
    distances += [
        _toggle(str(km), _("Up to %(km)d km") % {"km": km}, choices.distance == str(km))
        for km in DISTANCES
        if km != district
    ]
    distances.append(_toggle(ANY_DISTANCE, _("Any distance"), choices.distance == ANY_DISTANCE))
    return {
        "kinds": [
            _toggle(k, str(KIND_LABELS[k]), k in choices.kinds, kind_counts.get(k, 0))
            for k in KINDS
        ],
        "working_times": [
            _toggle(
                w, str(WORKING_TIME_LABELS[w]), w in choices.working_times, time_counts.get(w, 0)
            )
            for w in WORKING_TIMES
        ],
        "distances": distances,
    }


def _page_links(choices: Choices, results: Results) -> list[dict[str, object]]:
    """Page numbers around the current one, with the first and last: 1 … 4 5 6 … 12."""
    shown = sorted(
        {
            1,
            results.pages,
            *range(max(1, results.page - 1), min(results.pages, results.page + 1) + 1),
        }
    )
    links: list[dict[str, object]] = []
    previous = 0
    for number in shown:
        if number - previous > 1:
            links.append({"gap": True})
        links.append(
            {
                "number": number,
                "query": choices.url_query(page=number),
                "current": number == results.page,
            }
        )
        previous = number
    return links


@private
def results(request: HttpRequest) -> HttpResponse:
    choices = read_choices(request.GET)
    context = _base_context(request)
    context["choices"] = choices
    try:
        query = to_query(choices)
    except QueryError as error:
        # The form sends only what it offers; a hand-made URL can still ask for too much.
        context.update(error=error.message, filters=_filters(choices, None))
        return render(request, "search/results.html", context, status=400)
    found = _search(query)
    context["filters"] = _filters(choices, found)
    if found is None:
        return render(request, "search/results.html", context, status=503)
    context.update(
        results=found,
        pages=_page_links(choices, found) if found.pages > 1 else [],
        previous_query=choices.url_query(page=found.page - 1) if found.page > 1 else None,
        next_query=choices.url_query(page=found.page + 1) if found.page < found.pages else None,
        this_query=choices.url_query(),
        district_km=settings.LOTSE_DISTRICT_RADIUS_KM,
        radius_km=choices.radius_km,
        little_german=LITTLE_GERMAN,
    )
    if not found.total and choices.text:
        context["did_you_mean"] = [
            {"text": title, "query": choices.url_query(text=title, page=1)}
            for title in _suggestions(choices.text, SUGGESTIONS_ON_NO_RESULTS)
            if title.casefold() != choices.text.casefold()
        ]
    return render(request, "search/results.html", context)


def _suggestions(prefix: str, limit: int) -> list[str]:
    try:
        return suggest(prefix, limit)
    except Exception as error:  # suggestions are a help, never a failure
        logger.error("vacancy suggestions failed: %s", type(error).__name__)
        return []


def qr_svg(url: str) -> str:
    """An inline SVG QR code of `url`; black on white, made here, no outside service."""
    code = segno.make(url, error="m", micro=False)
    svg = code.svg_inline(scale=4, border=4, dark="#000", light="#fff")
    label = escape(_("QR code of the vacancy's web address"))
    return svg.replace("<svg ", f'<svg role="img" aria-label="{label}" ', 1)


def distance_from_office(vacancy: Vacancy) -> float | None:
    office = postcode_point(settings.LOTSE_OFFICE_POSTAL_CODE)
    if office is None or vacancy.latitude is None or vacancy.longitude is None:
        return None
    return distance_km(office.latitude, office.longitude, vacancy.latitude, vacancy.longitude)


@private
def detail(request: HttpRequest, vacancy_id: int) -> HttpResponse:
    vacancy = get_object_or_404(Vacancy.objects.select_related("duplicate_of"), pk=vacancy_id)
    if is_shadowed(vacancy):
        # One opening is one page: the first source's, while that one lists it.
        target = redirect("vacancies:detail", vacancy_id=vacancy.duplicate_of_id)
        if request.GET:
            target["Location"] += "?" + read_choices(request.GET).url_query()
        return target
    choices = read_choices(request.GET)
    open_now = vacancy.state == Vacancy.State.ACTIVE
    working_times = [name for flag, name in FLAGS if getattr(vacancy, flag)]
    context = _base_context(request)
    context.update(
        vacancy=vacancy,
        open=open_now,
        working_times=working_times,
        # Sanitised by nh3 when it was crawled (crawlers.sanitise); shown as stored.
        description=mark_safe(vacancy.description),  # noqa: S308
        german_level=vacancy.german_level.upper()
        if vacancy.german_level.upper() in CEFR_LEVELS
        else "",
        back_query=choices.url_query() if request.GET else "",
        qr=mark_safe(qr_svg(vacancy.url)) if vacancy.url and open_now else "",  # noqa: S308
        office=coaching_offer(),
        distance_km=distance_from_office(vacancy),
        posted_on=vacancy.posted or vacancy.first_seen.date(),
    )
    return render(request, "search/detail.html", context, status=200 if open_now else 410)


@private
def suggestions(request: HttpRequest) -> JsonResponse:
    """Titles completing what is typed: {"suggestions": [...]}; [] for anything odd."""
    try:
        prefix, limit = parse_suggest(request.GET)
    except QueryError:
        return JsonResponse({"suggestions": []})
    return JsonResponse({"suggestions": _suggestions(prefix, min(limit, 8))})
