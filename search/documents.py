"""A vacancy as the index stores it: plain, JSON-ready data built from the catalogue.

Both backends index exactly these documents, so what the index knows about a
vacancy is decided here once.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator
from html import unescape
from typing import Any, TypedDict

from django.utils.html import strip_tags

from .models import Vacancy
from .query import CEFR_LEVELS
from .vacancies import HEIM, MINIJOB, SCHICHT, TEILZEIT, VOLLZEIT

FLAGS = (
    ("full_time", VOLLZEIT),
    ("part_time", TEILZEIT),
    ("shifts", SCHICHT),
    ("home_office", HEIM),
    ("mini_job", MINIJOB),
)
_SPACE = re.compile(r"\s+")
# "(m/w/d)", "(w/m/d)", "m/w/d", "(all genders)", "*in" endings are left alone.
_GENDER_TAG = re.compile(
    r"\s*[\(\[]?\s*\b[mwfdx]\s*/\s*[mwfdx](\s*/\s*[mwfdx])?\b\s*[\)\]]?|\s*\((all genders|gn\*?)\)",
    re.IGNORECASE,
)


class Location(TypedDict):
    lat: float
    lon: float


class Document(TypedDict):
    id: int
    kind: str
    title: str
    suggestion: str  # the title as a suggestion: without "(m/w/d)" and the like
    employer: str
    city: str
    postal_code: str
    qualification: str  # the qualification asked for, then the listed skills
    description: str  # plain text, tags stripped and entities decoded
    working_times: list[str]
    location: Location | None
    posted: str  # ISO date: posted, or first seen when the source gives none
    german_level: str
    german_rank: int  # 0 when no level is stated, A1 = 1 ... C2 = 6
    driving_licence: bool  # True only when the vacancy requires one
    state: str
    hidden: bool  # a duplicate of an active vacancy: that one is the search hit
    url: str


def plain_text(html: str) -> str:
    """Readable text of sanitised HTML, one space between words."""
    text = re.sub(r"<(br|/p|/li|/h\d|/div)\b[^>]*>", " ", html, flags=re.IGNORECASE)
    return _SPACE.sub(" ", unescape(strip_tags(text))).strip()


def suggestion_title(title: str) -> str:
    """A title fit to be suggested while typing: "Lagerhelfer (m/w/d)" -> "Lagerhelfer"."""
    return _SPACE.sub(" ", _GENDER_TAG.sub(" ", title)).strip(" -,|")


def is_shadowed(vacancy: Vacancy) -> bool:
    """A duplicate stays out of search while its original is active; when the
    original's source drops it, the duplicate is the opening's hit again."""
    original = vacancy.duplicate_of
    return original is not None and original.state == Vacancy.State.ACTIVE


def document(vacancy: Vacancy) -> Document:
    location: Location | None = None
    if vacancy.latitude is not None and vacancy.longitude is not None:
        location = {"lat": vacancy.latitude, "lon": vacancy.longitude}
    posted = vacancy.posted or vacancy.first_seen.date()
    level = vacancy.german_level.upper() if vacancy.german_level.upper() in CEFR_LEVELS else ""
    return {
        "id": vacancy.pk,
        "kind": vacancy.kind,
        "title": vacancy.title,
        "suggestion": suggestion_title(vacancy.title),
        "employer": vacancy.employer,
        "city": vacancy.city,
        "postal_code": vacancy.postal_code,
        "qualification": "; ".join(filter(None, [vacancy.qualification, *vacancy.skills])),
        "description": plain_text(vacancy.description),
        "working_times": [name for flag, name in FLAGS if getattr(vacancy, flag)],
        "location": location,
        "posted": posted.isoformat(),
        "german_level": level,
        "german_rank": CEFR_LEVELS.index(level) + 1 if level else 0,
        "driving_licence": bool(vacancy.driving_licence),
        "state": vacancy.state,
        "hidden": is_shadowed(vacancy),
        "url": vacancy.url,
    }


def documents(ids: Iterable[int]) -> tuple[list[Document], list[int]]:
    """Documents for the vacancies that exist, and the ids that no longer do."""
    wanted = set(ids)
    found = [
        document(v) for v in Vacancy.objects.filter(pk__in=wanted).select_related("duplicate_of")
    ]
    gone = sorted(wanted - {doc["id"] for doc in found})
    return found, gone


def all_documents(batch: int = 2000) -> Iterator[Document]:
    """Every vacancy of the catalogue, in id order, read in batches."""
    last = 0
    while True:
        chunk = list(
            Vacancy.objects.filter(pk__gt=last)
            .select_related("duplicate_of")
            .order_by("pk")[:batch]
        )
        if not chunk:
            return
        yield from (document(v) for v in chunk)
        last = chunk[-1].pk


def parse_posted(value: Any) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None
