"""Vacancies from an RSS 2.0 or Atom feed: the item is the vacancy.

Conventions (job boards of local partners use them): the employer is
`dc:creator` (RSS) or `author/name` (Atom); a `category` with domain/scheme
`art` holds the kind (Arbeit, Ausbildung, Praktikum, Weiterbildung), one with
`arbeitsort` the place as "<PLZ> <Ort>". Pure: no network, no database, and
never raises; what cannot be read is reported in `FeedResult.problems`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin

import feedparser

from crawlers.normalise import (
    classify_kind,
    normalise_title,
    parse_address_text,
    parse_date,
    working_time_from_text,
)
from crawlers.sanitise import sanitise_description
from search.vacancies import AUSBILDUNG, JOB, PRAKTIKUM, WEITERBILDUNG, Place, VacancyData

KIND_BY_ART = {
    "arbeit": JOB,
    "job": JOB,
    "stelle": JOB,
    "ausbildung": AUSBILDUNG,
    "praktikum": PRAKTIKUM,
    "trainee": PRAKTIKUM,
    "weiterbildung": WEITERBILDUNG,
    "umschulung": WEITERBILDUNG,
    "qualifizierung": WEITERBILDUNG,
}
# feedparser's notes about HTTP headers, not about the feed's content.
_HARMLESS = (feedparser.NonXMLContentType, feedparser.CharacterEncodingOverride)
_TAG = re.compile(r"<[^>]*>")
_ARBEITSORT_TEXT = re.compile(r"Arbeitsort:\s*([^<\n]+)", re.IGNORECASE)


@dataclass
class FeedResult:
    vacancies: list[VacancyData] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def vacancies_from_feed(
    content: bytes, url: str, *, source: str, content_type: str | None = None
) -> FeedResult:
    """All vacancies in one feed document; `url` is where it was fetched from.

    `content_type` is the HTTP Content-Type, if known (it may carry the
    charset). Items without title and link are skipped and reported.
    """
    result = FeedResult()
    try:
        parsed = feedparser.parse(
            content,
            response_headers={
                "content-location": url,
                "content-type": content_type or "application/xml",
            },
        )
    except Exception as exc:  # feedparser is forgiving, but a crawl must go on regardless
        result.problems.append(f"The feed could not be read ({type(exc).__name__}: {exc}).")
        return result
    error = parsed.get("bozo_exception")
    if parsed.get("bozo") and not isinstance(error, _HARMLESS):
        result.problems.append(
            f"The feed is not well-formed ({error}); the items that could be read were kept."
        )
    if not parsed.entries and not parsed.get("version"):
        result.problems.append("This is not an RSS or Atom feed: no channel and no items.")
        return result
    language = _language(parsed.feed.get("language"))
    for number, entry in enumerate(parsed.entries, start=1):
        try:
            vacancy = _vacancy(entry, url, source, language, number, result.problems)
        except Exception as exc:  # one odd item must not cost the others
            result.problems.append(
                f"Item {number} could not be read ({type(exc).__name__}: {exc}); skipped."
            )
            continue
        if vacancy:
            result.vacancies.append(vacancy)
    return result


def _vacancy(
    entry: Mapping[str, Any],
    feed_url: str,
    source: str,
    language: str,
    number: int,
    problems: list[str],
) -> VacancyData | None:
    title = normalise_title(entry.get("title"))
    link = urljoin(feed_url, entry["link"].strip()) if entry.get("link") else ""
    guid = str(entry.get("id") or "").strip()
    name = f"Item {number}" + (f" (guid {guid})" if guid else "")
    if not title and not link:
        problems.append(f"{name} has neither title nor link; skipped.")
        return None
    if not title:
        problems.append(f"{name} at {link} has no title; skipped.")
        return None
    external_id = guid or link
    if not external_id:
        problems.append(f"{name} {title!r} has neither guid/id nor link to track it by; skipped.")
        return None
    tags = _tags(entry)
    description_html = _description_html(entry)
    text = _TAG.sub(" ", description_html)
    return VacancyData(
        source=source,
        external_id=external_id,
        kind=_kind(tags.get("art", ""), title),
        title=title,
        url=link,
        employer=_employer(entry),
        description=sanitise_description(description_html, base_url=link or feed_url),
        places=_places(tags.get("arbeitsort", ""), text),
        working_time=working_time_from_text(title, text) or None,
        posted=parse_date(entry.get("published") or entry.get("updated")),
        language=_language(_detail_language(entry)) or language or "de",
        extra={"feed": feed_url},
    )


def _tags(entry: Mapping[str, Any]) -> dict[str, str]:
    """The first category term per domain/scheme, scheme lower-cased."""
    found: dict[str, str] = {}
    for tag in entry.get("tags") or ():
        scheme = str(tag.get("scheme") or "").strip().lower()
        term = " ".join(str(tag.get("term") or tag.get("label") or "").split())
        if scheme and term and scheme not in found:
            found[scheme] = term
    return found


def _kind(art: str, title: str) -> str:
    """By the `art` category; without one, by the title as on career pages."""
    kind = KIND_BY_ART.get(art.strip().lower())
    return kind or classify_kind(title=title, credential=False)


def _employer(entry: Mapping[str, Any]) -> str:
    author = entry.get("author_detail") or {}
    name = author.get("name") or entry.get("author") or ""
    return " ".join(str(name).split())


def _description_html(entry: Mapping[str, Any]) -> str:
    # Atom content / RSS content:encoded is the full text; summary may be a teaser.
    for content in entry.get("content") or ():
        value = content.get("value")
        if isinstance(value, str) and value.strip():
            return value
    summary = entry.get("summary")
    return summary if isinstance(summary, str) else ""


def _places(arbeitsort: str, text: str) -> tuple[Place, ...]:
    if not arbeitsort:
        match = _ARBEITSORT_TEXT.search(text)
        arbeitsort = match.group(1).strip() if match else ""
    place = parse_address_text(arbeitsort) if arbeitsort else None
    return (place,) if place else ()


def _detail_language(entry: Mapping[str, Any]) -> str:
    detail = entry.get("title_detail") or {}
    return str(detail.get("language") or "")


def _language(value: object) -> str:
    """The primary subtag: "de-DE" → "de"; "" when not stated."""
    if not isinstance(value, str):
        return ""
    return value.strip().lower().replace("_", "-").split("-")[0]
