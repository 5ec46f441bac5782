"""Searching the vacancy catalogue: the one read path for pages, API and matching.

`search(Query(...))` answers from the index (Elasticsearch or the embedded
backend); both backends implement the same semantics, written down here and
proved by the contract tests in tests/search/test_contract.py.

Semantics
---------
Text (`Query.text`) is split into terms; every term must match (AND). A term
matches a vacancy when it matches any of title, employer, city, qualification
or description:
- after analysis (lower case, umlauts and accents folded, German stemming),
  so "Lagerhelfers" finds "Lagerhelfer" and "Kuche" finds "Küche";
- with typos: one edit for terms of 4 to 7 characters, two from 8 on
  ("Lagerhelfr" finds "Lagerhelfer"), none below 4; an edit is a letter
  added, left out or changed, or two neighbouring letters swapped;
- inside a compound word of the title, for terms of 4 characters or more
  ("Staplerfahrer" finds "Gabelstaplerfahrer").

`any_text` (for matching) holds phrases of which at least one must match,
each phrase by the rules of `text` (all its terms) but without typo
tolerance: the phrases come from a vocabulary, not from someone typing. It
combines with `text` and the filters by AND, and counts for relevance.

`details=False` (for matching, which needs only ids and order) leaves out
what costs time and only people read: facets are empty, highlights are the
escaped title and no snippet.

Filters combine with AND; the values within one filter with OR:
- `kinds`: any of these kinds; `working_times`: any of these working times;
- `near` + `radius_km`: within that many kilometres (great-circle) of the
  point; vacancies without coordinates never pass a distance filter;
- `posted_within_days`: posted (or, if the source gives no date, first seen)
  on or after today minus that many days;
- `active_only` (default): only vacancies in state "active";
- `max_german_level`: the vacancy requires at most this CEFR level (a vacancy
  that states no level passes);
- `no_driving_licence`: the vacancy does not require a driving licence.
Vacancies recorded as duplicates of another are never returned: one opening
is one hit.

Facets count, for each dimension (kind, working time), the vacancies matching
the text and every filter except the one on that dimension, so a toggle shows
how many results choosing it would add. Counts include every value that occurs.

Sorting: `relevance` (best text match first; without text, as `date`), `date`
(newest posted first) or `distance` (nearest first; needs `near`; vacancies
without coordinates last). Ties are broken by id, descending, so the order is
stable across pages and backends. `distance_km` is set on every hit when the
query has a point and the vacancy coordinates.

Highlights are HTML-safe text (everything escaped) of the title and of a
snippet of the description, with matched words wrapped in <mark>...</mark>.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Literal

from .vacancies import KINDS, WORKING_TIMES

__all__ = [
    "CEFR_LEVELS",
    "FACET_DIMENSIONS",
    "SORTS",
    "Hit",
    "Query",
    "QueryError",
    "Results",
    "VacancyRecord",
    "german_rank",
    "search",
    "suggest",
    "vacancies",
]

CEFR_LEVELS = ("A1", "A2", "B1", "B2", "C1", "C2")
SORTS = ("relevance", "date", "distance")
FACET_DIMENSIONS = ("kind", "working_time")
MAX_PAGE_SIZE = 100
MAX_RADIUS_KM = 1000.0
MAX_TEXT_LENGTH = 200

Sort = Literal["relevance", "date", "distance"]


class QueryError(ValueError):
    """A query parameter is invalid; `parameter` names it for the caller."""

    def __init__(self, parameter: str, message: str) -> None:
        super().__init__(f"{parameter}: {message}")
        self.parameter = parameter
        self.message = message


def german_rank(level: str) -> int:
    """0 for no level stated, 1 (A1) to 6 (C2); raise on anything else."""
    if not level:
        return 0
    try:
        return CEFR_LEVELS.index(level.strip().upper()) + 1
    except ValueError:
        raise QueryError("german_level", f"{level!r} is not a CEFR level (A1 to C2)") from None


@dataclass(frozen=True)
class Query:
    text: str = ""
    any_text: tuple[str, ...] = ()
    kinds: frozenset[str] = frozenset()
    working_times: frozenset[str] = frozenset()
    near: tuple[float, float] | None = None  # (latitude, longitude)
    radius_km: float | None = None
    posted_within_days: int | None = None
    active_only: bool = True
    max_german_level: str = ""
    no_driving_licence: bool = False
    sort: Sort = "relevance"
    page: int = 1
    page_size: int = 20
    today: dt.date | None = None  # for posted_within_days; None: today
    details: bool = True  # facets and highlights; matching needs neither

    def __post_init__(self) -> None:
        if len(self.text) > MAX_TEXT_LENGTH:
            raise QueryError("q", f"at most {MAX_TEXT_LENGTH} characters")
        if len(self.any_text) > 50 or any(len(p) > MAX_TEXT_LENGTH for p in self.any_text):
            raise QueryError("any_text", f"at most 50 phrases of {MAX_TEXT_LENGTH} characters")
        if unknown := set(self.kinds) - set(KINDS):
            raise QueryError("kind", f"unknown {sorted(unknown)}; one of {', '.join(KINDS)}")
        if unknown := set(self.working_times) - set(WORKING_TIMES):
            raise QueryError(
                "working_time", f"unknown {sorted(unknown)}; one of {', '.join(WORKING_TIMES)}"
            )
        if self.near is not None:
            lat, lon = self.near
            if not (-90 <= lat <= 90 and -180 <= lon <= 180):
                raise QueryError("lat", "latitude -90..90 and longitude -180..180")
        if self.radius_km is not None:
            if self.near is None:
                raise QueryError("radius_km", "needs a place (postal_code or lat/lon)")
            if not 0 < self.radius_km <= MAX_RADIUS_KM:
                raise QueryError("radius_km", f"must be above 0 and at most {MAX_RADIUS_KM:g}")
        if self.posted_within_days is not None and not 0 <= self.posted_within_days <= 3650:
            raise QueryError("posted_within_days", "must be 0 to 3650")
        if self.max_german_level:
            german_rank(self.max_german_level)
        if self.sort not in SORTS:
            raise QueryError("sort", f"one of {', '.join(SORTS)}")
        if self.sort == "distance" and self.near is None:
            raise QueryError("sort", "sorting by distance needs a place (postal_code or lat/lon)")
        if self.page < 1:
            raise QueryError("page", "must be 1 or more")
        if not 1 <= self.page_size <= MAX_PAGE_SIZE:
            raise QueryError("page_size", f"must be 1 to {MAX_PAGE_SIZE}")
        if self.page * self.page_size > 10_000:
            raise QueryError("page", "only the first 10,000 results can be paged through")

    @property
    def terms(self) -> list[str]:
        return self.text.split()

    @property
    def max_german_rank(self) -> int | None:
        return german_rank(self.max_german_level) if self.max_german_level else None

    @property
    def posted_since(self) -> dt.date | None:
        if self.posted_within_days is None:
            return None
        return (self.today or dt.date.today()) - dt.timedelta(days=self.posted_within_days)

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.page_size

    @property
    def phrases(self) -> list[list[str]]:
        """The terms of each `any_text` phrase; phrases without terms left out."""
        return [terms for phrase in self.any_text if (terms := phrase.split())]

    def effective_sort(self) -> Sort:
        has_text = bool(self.text.strip() or self.phrases)
        return "date" if self.sort == "relevance" and not has_text else self.sort


@dataclass(frozen=True)
class Hit:
    id: int
    score: float
    kind: str
    title: str
    employer: str
    postal_code: str
    city: str
    working_times: tuple[str, ...]
    posted: dt.date | None
    german_level: str
    driving_licence: bool
    url: str
    distance_km: float | None = None
    highlight_title: str = ""  # HTML-safe, <mark> around matches; "" without text
    highlight_description: str = ""  # HTML-safe snippet; "" when nothing matched there


@dataclass(frozen=True)
class Results:
    total: int
    hits: tuple[Hit, ...]
    facets: Mapping[str, Mapping[str, int]] = field(default_factory=dict)
    page: int = 1
    page_size: int = 20

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.page_size))


def with_postal_code(query: Query, postal_code: str) -> Query:
    """The query centred on a German postal code, from the data Lotse ships."""
    from .geo import postcode_point

    point = postcode_point(postal_code)
    if point is None:
        raise QueryError("postal_code", f"{postal_code!r} is not a known German postal code")
    return replace(query, near=(point.latitude, point.longitude))


def search(query: Query) -> Results:
    from .index import get_index

    return get_index().search(query)


def search_many(queries: Sequence[Query]) -> list[Results]:
    """Several searches at once, in order: cheaper than one by one on Elasticsearch."""
    from .index import get_index

    return get_index().search_many(queries)


def suggest(prefix: str, limit: int = 8) -> list[str]:
    """Titles of active vacancies completing `prefix` (typo tolerant), best first."""
    from .index import get_index

    prefix = prefix.strip()[:MAX_TEXT_LENGTH]
    if len(prefix) < 2:
        return []
    return get_index().suggest(prefix, max(1, min(limit, 20)))


@dataclass(frozen=True)
class VacancyRecord:
    """A vacancy as the catalogue (the database) holds it now, for matching."""

    id: int
    kind: str
    title: str
    employer: str
    description: str  # plain text
    skills: tuple[str, ...]
    qualification: str
    german_level: str
    driving_licence: bool
    latitude: float | None
    longitude: float | None
    postal_code: str
    city: str
    working_times: tuple[str, ...]
    state: str
    valid_through: dt.date | None
    posted: dt.date | None
    url: str
    duplicate: bool
    # Changes exactly when what the source says about the vacancy changes, so
    # whatever is derived from a record can be kept until this changes.
    content_hash: str = ""


def vacancies(ids: Sequence[int], *, text: bool = True) -> dict[int, VacancyRecord]:
    """The current catalogue records of these vacancies (unknown ids left out).

    With text=False the description and skills are left empty: cheaper, for
    callers that keep what they derived from them by the record's content_hash.
    """
    from .documents import FLAGS, plain_text
    from .models import Vacancy

    flags = [flag for flag, _ in FLAGS]
    fields = [
        "id", "kind", "title", "employer", "qualification", "german_level",
        "driving_licence", "latitude", "longitude", "postal_code", "city", "state",
        "valid_through", "posted", "url", "duplicate_of_id", "content_hash", *flags,
    ]  # fmt: skip
    if text:
        fields += ["description", "skills"]
    found = {}
    # Plain values, not model instances: matching reads a few hundred at a time.
    for v in Vacancy.objects.filter(pk__in=list(ids)).values(*fields):
        found[v["id"]] = VacancyRecord(
            id=v["id"],
            kind=v["kind"],
            title=v["title"],
            employer=v["employer"],
            description=plain_text(v["description"]) if text else "",
            skills=tuple(v["skills"]) if text else (),
            qualification=v["qualification"],
            german_level=v["german_level"],
            driving_licence=bool(v["driving_licence"]),
            latitude=v["latitude"],
            longitude=v["longitude"],
            postal_code=v["postal_code"],
            city=v["city"],
            working_times=tuple(name for flag, name in FLAGS if v[flag]),
            state=v["state"],
            valid_through=v["valid_through"],
            posted=v["posted"],
            url=v["url"],
            duplicate=v["duplicate_of_id"] is not None,
            content_hash=v["content_hash"],
        )
    return found
