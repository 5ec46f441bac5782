"""Search parameters as a client sends them (query string, form) turned into a `Query`.

Shared by the REST API and the office-PC search pages, so both read the same
parameters the same way:

==================== =======================================================
q                    free text, at most 200 characters
kind                 job, ausbildung, praktikum, weiterbildung; repeat it or
                     separate values with commas (any of them)
working_time         vollzeit, teilzeit, schicht_nacht_wochenende,
                     heim_telearbeit, minijob; like kind
postal_code          five digits, a German postal code: the centre for
                     distances (not together with lat/lon)
lat, lon             the centre as coordinates: both or neither
radius_km            only vacancies within this distance (above 0, at most
                     1000); needs a centre
posted_within_days   posted in the last N days (0 to 3650)
german_level_max     A1 ... C2: the vacancy requires at most this German level
no_driving_licence   true/false/1/0: only vacancies needing no driving licence
active_only          true/false/1/0, default true
sort                 relevance (default), date, distance (needs a centre)
page, page_size      page from 1; page size 1 to 100, default 20
==================== =======================================================

An empty value counts as not given (a form's "any" choice sends `kind=`).
Unknown parameters are ignored, so pages and links can carry their own
(language, tracking, DRF's `format`). A single-valued parameter given twice
with different values is refused. Every invalid value raises
`QueryError(parameter, message)` naming the parameter as the client sent it.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import replace

from django.http import QueryDict

from .query import CEFR_LEVELS, MAX_PAGE_SIZE, MAX_TEXT_LENGTH, SORTS, Query, QueryError, Sort
from .query import with_postal_code as _with_postal_code
from .vacancies import KINDS, WORKING_TIMES

__all__ = ["PARAMETERS", "parse_query", "parse_suggest"]

PARAMETERS = (
    "q",
    "kind",
    "working_time",
    "postal_code",
    "lat",
    "lon",
    "radius_km",
    "posted_within_days",
    "german_level_max",
    "no_driving_licence",
    "active_only",
    "sort",
    "page",
    "page_size",
)
TRUE_WORDS = ("true", "1")
FALSE_WORDS = ("false", "0")
MAX_SUGGESTIONS = 20

_INTEGER = re.compile(r"[+-]?\d{1,12}")
_DECIMAL = re.compile(r"[+-]?(\d{1,12}(\.\d*)?|\.\d+)")
_POSTAL_CODE = re.compile(r"\d{5}")
_SORTS: dict[str, Sort] = {"relevance": "relevance", "date": "date", "distance": "distance"}

Params = Mapping[str, Sequence[str]] | QueryDict


def _values(params: Params) -> dict[str, list[str]]:
    """Each parameter's non-empty values, stripped."""
    if isinstance(params, QueryDict):
        items: list[tuple[str, Sequence[str]]] = [(key, params.getlist(key)) for key in params]
    else:
        items = [
            (key, [value] if isinstance(value, str) else value) for key, value in params.items()
        ]
    found: dict[str, list[str]] = {}
    for key, values in items:
        kept = [value.strip() for value in values if value.strip()]
        if kept:
            found[key] = kept
    return found


def _single(values: dict[str, list[str]], name: str) -> str | None:
    given = values.get(name)
    if not given:
        return None
    if len(set(given)) > 1:
        raise QueryError(name, "give this parameter once")
    return given[0]


def _choices(values: dict[str, list[str]], name: str, allowed: tuple[str, ...]) -> frozenset[str]:
    chosen = {
        item.strip().lower()
        for value in values.get(name, [])
        for item in value.split(",")
        if item.strip()
    }
    if unknown := sorted(chosen - set(allowed)):
        raise QueryError(name, f"unknown value {', '.join(unknown)}; one of {', '.join(allowed)}")
    return frozenset(chosen)


def _integer(
    values: dict[str, list[str]], name: str, minimum: int, maximum: int | None = None
) -> int | None:
    raw = _single(values, name)
    if raw is None:
        return None
    bounds = f"from {minimum} to {maximum}" if maximum is not None else f"of at least {minimum}"
    if not _INTEGER.fullmatch(raw):
        raise QueryError(name, f"a whole number {bounds}, not {raw[:40]!r}")
    number = int(raw)
    if number < minimum or (maximum is not None and number > maximum):
        raise QueryError(name, f"a whole number {bounds}, not {number}")
    return number


def _decimal(values: dict[str, list[str]], name: str, what: str) -> float | None:
    raw = _single(values, name)
    if raw is None:
        return None
    number = float(raw) if _DECIMAL.fullmatch(raw) else math.nan
    if not math.isfinite(number):
        raise QueryError(name, f"{what}, a number like 50.95, not {raw[:40]!r}")
    return number


def _boolean(values: dict[str, list[str]], name: str, default: bool) -> bool:
    raw = _single(values, name)
    if raw is None:
        return default
    word = raw.lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise QueryError(name, f"true or false (or 1 or 0), not {raw[:40]!r}")


def _place(values: dict[str, list[str]]) -> tuple[str | None, tuple[float, float] | None]:
    postal_code = _single(values, "postal_code")
    lat = _decimal(values, "lat", "a latitude from -90 to 90")
    lon = _decimal(values, "lon", "a longitude from -180 to 180")
    if lat is not None and not -90 <= lat <= 90:
        raise QueryError("lat", f"a latitude from -90 to 90, not {lat:g}")
    if lon is not None and not -180 <= lon <= 180:
        raise QueryError("lon", f"a longitude from -180 to 180, not {lon:g}")
    if (lat is None) != (lon is None):
        missing = "lon" if lon is None else "lat"
        raise QueryError(missing, "give lat and lon together")
    if postal_code is not None:
        if lat is not None:
            raise QueryError("postal_code", "give either postal_code or lat and lon, not both")
        if not _POSTAL_CODE.fullmatch(postal_code):
            raise QueryError("postal_code", f"five digits, like 99867, not {postal_code[:40]!r}")
    near = (lat, lon) if lat is not None and lon is not None else None
    return postal_code, near


def parse_query(params: Params, *, today: dt.date | None = None) -> Query:
    """The `Query` these parameters ask for; raise `QueryError` on the first invalid one."""
    values = _values(params)
    text = _single(values, "q") or ""
    if len(text) > MAX_TEXT_LENGTH:
        raise QueryError("q", f"at most {MAX_TEXT_LENGTH} characters")
    kinds = _choices(values, "kind", KINDS)
    working_times = _choices(values, "working_time", WORKING_TIMES)
    postal_code, near = _place(values)
    radius_km = _decimal(values, "radius_km", "a distance in kilometres")
    posted_within_days = _integer(values, "posted_within_days", 0, 3650)
    german_level = (_single(values, "german_level_max") or "").upper()
    if german_level and german_level not in CEFR_LEVELS:
        raise QueryError("german_level_max", f"a CEFR level, one of {', '.join(CEFR_LEVELS)}")
    sort = (_single(values, "sort") or "relevance").lower()
    if sort not in SORTS:
        raise QueryError("sort", f"one of {', '.join(SORTS)}")
    page = _integer(values, "page", 1)
    page_size = _integer(values, "page_size", 1, MAX_PAGE_SIZE)
    has_place = postal_code is not None or near is not None
    if radius_km is not None and not has_place:
        raise QueryError("radius_km", "needs a place: postal_code or lat and lon")
    if sort == "distance" and not has_place:
        raise QueryError("sort", "sorting by distance needs a place: postal_code or lat and lon")
    by_postal_code = postal_code is not None
    query = Query(
        text=text,
        kinds=kinds,
        working_times=working_times,
        near=near,
        # Until the postal code is resolved below, the query has no place.
        radius_km=None if by_postal_code else radius_km,
        posted_within_days=posted_within_days,
        active_only=_boolean(values, "active_only", default=True),
        max_german_level=german_level,
        no_driving_licence=_boolean(values, "no_driving_licence", default=False),
        sort="relevance" if by_postal_code else _SORTS[sort],
        page=page if page is not None else 1,
        page_size=page_size if page_size is not None else 20,
        today=today,
    )
    if postal_code is not None:
        query = replace(
            _with_postal_code(query, postal_code), radius_km=radius_km, sort=_SORTS[sort]
        )
    return query


def parse_suggest(params: Params) -> tuple[str, int]:
    """The prefix (`q`) and number of titles (`limit`, 1 to 20, default 8) to suggest."""
    values = _values(params)
    prefix = _single(values, "q") or ""
    if len(prefix) > MAX_TEXT_LENGTH:
        raise QueryError("q", f"at most {MAX_TEXT_LENGTH} characters")
    limit = _integer(values, "limit", 1, MAX_SUGGESTIONS)
    return prefix, limit if limit is not None else 8
