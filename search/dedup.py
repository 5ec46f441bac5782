"""When two postings describe one real vacancy.

The same opening often reaches Lotse twice: an employer's career page and the
Bundesagentur's listing word it differently, a feed links to the career page.
Pure functions over plain data, so the rules can be tested on their own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from rapidfuzz import fuzz

# Gender markers and legal forms say nothing about which vacancy it is.
NOISE = re.compile(
    r"\((?:m|w|d|f|x|div|gn\*?)(?:\s*/\s*(?:m|w|d|f|x|div))*\)|\b(?:gmbh|mbh|ag|kg|e\.?\s?v\.?|ug|co\.?|ohg|gbr)\b",
    re.IGNORECASE,
)
TITLE_SIMILARITY = 80
EMPLOYER_SIMILARITY = 85


@dataclass(frozen=True)
class Posting:
    """What dedup needs to know of a vacancy."""

    title: str
    employer: str
    postal_code: str
    city: str
    kind: str
    url: str = ""
    source: str = ""


def simplify(text: str) -> str:
    text = NOISE.sub(" ", text.lower())
    return " ".join(re.findall(r"\w+", text))


def same_url(a: str, b: str) -> bool:
    if not a or not b:
        return False
    left, right = urlsplit(a), urlsplit(b)
    return (left.netloc.lower(), left.path.rstrip("/")) == (
        right.netloc.lower(),
        right.path.rstrip("/"),
    )


def same_vacancy(a: Posting, b: Posting) -> bool:
    """Same link from another source, or same kind, place and employer with a
    closely similar title. (One career page may list several postings, so a
    shared link within one source proves nothing.)"""
    if a.source != b.source and same_url(a.url, b.url):
        return True
    if a.kind != b.kind:
        return False
    if a.postal_code and b.postal_code:
        if a.postal_code != b.postal_code:
            return False
    elif simplify(a.city) != simplify(b.city) or not a.city:
        return False
    employer = fuzz.token_set_ratio(simplify(a.employer), simplify(b.employer))
    if employer < EMPLOYER_SIMILARITY:
        return False
    return fuzz.token_set_ratio(simplify(a.title), simplify(b.title)) >= TITLE_SIMILARITY
