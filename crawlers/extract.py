"""Vacancies from an employer's career page: schema.org JSON-LD and microdata.

`extract_vacancies` reads `JobPosting`, `Course` and `EducationEvent` nodes
from one HTML page and turns them into `VacancyData`. It is pure (no network,
no database) and never raises: whatever goes wrong on a page is reported in
`Extraction.problems`, in words a person can act on.
"""

from __future__ import annotations

import codecs
import datetime as dt
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TypeGuard
from urllib.parse import unquote, urlsplit, urlunsplit

import lxml.etree
import lxml.html
from extruct.w3cmicrodata import MicrodataExtractor

from crawlers.normalise import (
    COURSE_TYPES,
    classify_kind,
    normalise_title,
    parse_date,
    parse_salary,
    parse_working_time,
    places_from_schema,
)
from crawlers.sanitise import sanitise_description
from search.vacancies import HEIM, Place, VacancyData

POSTING_TYPES = frozenset({"JobPosting"}) | COURSE_TYPES
LANGUAGES = ("de", "en", "uk")
# Query parameters that only tell the employer where a visitor came from.
_TRACKING_PARAMETER = re.compile(
    r"(?:utm_|pk_|mtm_|matomo_|piwik_).*|gclid|dclid|gbraid|wbraid|fbclid|msclkid|yclid"
    r"|twclid|ttclid|mc_cid|mc_eid|_ga|_gl|_hsenc|_hsmi|igshid|srsltid|wt_mc|trk",
    re.IGNORECASE,
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)
_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# A JSON string, or a comment outside one; the string is kept, the comment dropped.
_JSON_COMMENT = re.compile(r'("(?:\\.|[^"\\])*")|//[^\n]*|/\*.*?\*/', re.DOTALL)
_JSON_TRAILING_COMMA = re.compile(r'("(?:\\.|[^"\\])*")|,(?=\s*[\]}])')
_JSON_WRAPPER = re.compile(r"^\s*(?:<!--|<!\[CDATA\[)|(?:-->|\]\]>)\s*$")


@dataclass
class Extraction:
    vacancies: list[VacancyData] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def extract_vacancies(
    html: bytes | str, url: str, *, source: str, encoding: str | None = None
) -> Extraction:
    """All vacancies on one page; `encoding` is the charset from the HTTP header, if any.

    Several postings on one page get ids `<url>#1`, `<url>#2`, ... in page
    order; a single posting's id is the page URL without tracking parameters.
    """
    result = Extraction()
    try:
        _extract(html, url, source, encoding, result)
    except Exception as exc:  # a crawl must go on whatever one page holds
        result.problems.append(f"The page could not be read ({type(exc).__name__}: {exc}).")
    return result


def page_url(url: str) -> str:
    """The URL without fragment and tracking parameters (utm_*, gclid, ...)."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return url.split("#")[0]
    # Filter the raw pairs so the parameters that stay keep their exact spelling.
    query = "&".join(
        pair
        for pair in parts.query.split("&")
        if pair and not _TRACKING_PARAMETER.fullmatch(unquote(pair.split("=")[0]))
    )
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path or "/", query, ""))


def _extract(
    html: bytes | str, url: str, source: str, encoding: str | None, result: Extraction
) -> None:
    text = _decode(html, encoding, result.problems)
    document = _parse(text)
    if document is None:
        return
    language = _language(document.get("lang"))
    json_ld = _json_ld(document, result.problems)
    microdata = _microdata(document, url, result.problems)
    postings = _find_postings(json_ld)
    titles = {_title(posting) for posting in postings}
    # Pages often say the same thing twice, in JSON-LD and in microdata.
    postings += [p for p in _find_postings(microdata) if _title(p) not in titles]
    index = _index([json_ld, microdata])
    base = page_url(url)
    for number, posting in enumerate(postings, 1):
        external_id = f"{base}#{number}" if len(postings) > 1 else base
        problems: list[str] = []
        try:
            vacancy = _vacancy(_Node(posting, index), external_id, base, source, language, problems)
        except ValueError as exc:
            problems.append(f"it was skipped: {exc}")
        else:
            result.vacancies.append(vacancy)
        result.problems += [f"Posting {number} on the page: {problem}." for problem in problems]


# --- reading the page ----------------------------------------------------------


def _decode(html: bytes | str, encoding: str | None, problems: list[str]) -> str:
    """HTTP charset first, then the page's own meta charset, then UTF-8."""
    if isinstance(html, str):
        return html
    for bom, codec in _BOMS:
        if html.startswith(bom):
            return html[len(bom) :].decode(codec, errors="replace")
    meta = _META_CHARSET.search(html[:4096])
    names = [encoding, meta.group(1).decode("ascii") if meta else None, "utf-8"]
    known = []
    for name in filter(None, names):
        try:
            codec = codecs.lookup(name).name
        except LookupError:
            problems.append(f"The character encoding {name!r} is unknown and was ignored.")
            continue
        # Pages labelled Latin-1 are written in Windows-1252, as browsers assume.
        codec = "cp1252" if codec == "iso8859-1" else codec
        known.append(codec)
        try:
            return html.decode(codec)
        except UnicodeDecodeError:
            continue
    codec = known[0] if known else "utf-8"
    problems.append(f"The page is not valid {codec}; unreadable characters were replaced.")
    return html.decode(codec, errors="replace")


def _parse(text: str) -> lxml.html.HtmlElement | None:
    parser = lxml.html.HTMLParser(encoding="utf-8")
    try:
        return lxml.html.document_fromstring(text.encode("utf-8", errors="replace"), parser=parser)
    except (lxml.etree.ParserError, ValueError):  # empty or nothing like HTML
        return None


def _language(lang: str | None) -> str:
    code = re.split(r"[-_]", (lang or "").strip().lower())[0]
    code = "uk" if code == "ua" else code  # a common slip for Ukrainian
    return code if code in LANGUAGES else "de"


def _json_ld(document: lxml.html.HtmlElement, problems: list[str]) -> list[object]:
    """Every JSON-LD block that can be read, repaired where a lenient reading helps."""
    scripts = [
        script
        for script in document.iter("script")
        if (script.get("type") or "").split(";")[0].strip().lower() == "application/ld+json"
    ]
    blocks: list[object] = []
    for number, script in enumerate(scripts, 1):
        text = _JSON_WRAPPER.sub("", script.text or "")
        if not text.strip():
            continue
        try:
            blocks.append(json.loads(text, strict=False))
            continue
        except (ValueError, RecursionError):
            pass
        try:
            blocks.append(json.loads(_relax_json(text), strict=False))
        except (ValueError, RecursionError) as exc:
            problems.append(f"JSON-LD block {number} is broken and could not be recovered: {exc}.")
        else:
            problems.append(
                f"JSON-LD block {number} has comments or trailing commas; it was repaired."
            )
    return blocks


def _relax_json(text: str) -> str:
    """Drop what JSON does not allow but hand-written JSON-LD often has."""
    text = _JSON_COMMENT.sub(lambda match: match.group(1) or "", text)
    return _JSON_TRAILING_COMMA.sub(lambda match: match.group(1) or "", text)


def _microdata(document: lxml.html.HtmlElement, url: str, problems: list[str]) -> list[object]:
    try:
        items = MicrodataExtractor().extract_items(document, url)
    except Exception as exc:  # extruct's own failures must not cost the JSON-LD postings
        problems.append(f"The microdata could not be read ({type(exc).__name__}).")
        return []
    return [_from_microdata(item) for item in items]


def _from_microdata(value: object) -> object:
    """extruct's {"type", "properties"} as the JSON-LD shape the rest reads."""
    if isinstance(value, list):
        return [_from_microdata(item) for item in value]
    if not isinstance(value, dict) or "properties" not in value:
        return value
    node = {key: _from_microdata(item) for key, item in value["properties"].items()}
    node["@type"] = value.get("type", "")
    if value.get("id"):
        node["@id"] = value["id"]
    return node


# --- the schema.org graph ------------------------------------------------------


def _types(node: dict[str, object]) -> set[str]:
    """ "JobPosting", "schema:JobPosting" and "https://schema.org/JobPosting" alike."""
    types = node.get("@type")
    values = types if isinstance(types, list) else [types]
    names = {re.split(r"[/:#]", value.strip())[-1] for value in values if isinstance(value, str)}
    canonical = {name.lower(): name for name in POSTING_TYPES}
    return {canonical.get(name.lower(), name) for name in names}


def _dicts(value: object, *, into_postings: bool = True) -> Iterator[dict[str, object]]:
    """Every node in document order; without recursion, as pages can nest deeply."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, list):
            stack.extend(reversed(item))
        elif isinstance(item, dict):
            yield item
            if into_postings or not _types(item) & POSTING_TYPES:
                stack.extend(reversed(list(item.values())))


def _find_postings(value: object) -> list[dict[str, object]]:
    postings, seen = [], set()
    for node in _dicts(value, into_postings=False):
        if _types(node) & POSTING_TYPES:
            key = node.get("@id")
            if isinstance(key, str):
                if key in seen:
                    continue
                seen.add(key)
            postings.append(node)
    return postings


def _index(value: object) -> dict[str, dict[str, object]]:
    """Nodes by @id, so {"@id": ...} references (common in @graph) can be followed."""
    index: dict[str, dict[str, object]] = {}
    for node in _dicts(value):
        key = node.get("@id")
        if isinstance(key, str) and len(node) > len(index.get(key, {})):
            index[key] = node
    return index


class _Node:
    """Read a schema.org node, following @id references a few levels deep."""

    def __init__(self, data: dict[str, object], index: dict[str, dict[str, object]]) -> None:
        self.data, self.index = data, index

    def get(self, key: str) -> object:
        return self._resolve(self.data.get(key), depth=4)

    def text(self, key: str) -> str:
        value = self.get(key)
        if isinstance(value, list):
            value = next((item for item in value if isinstance(item, str)), "")
        return value if isinstance(value, str) else ""

    def _resolve(self, value: object, depth: int) -> object:
        if depth == 0:
            return value
        if isinstance(value, list):
            return [self._resolve(item, depth - 1) for item in value]
        if isinstance(value, str) and value in self.index:
            value = self.index[value]
        if isinstance(value, dict):
            key = value.get("@id")
            if isinstance(key, str) and set(value) <= {"@id", "@type"}:
                value = self.index.get(key, value)
            return {k: self._resolve(v, depth - 1) for k, v in value.items()}
        return value


def _title(posting: dict[str, object]) -> str:
    return normalise_title(posting.get("title") or posting.get("name"))


def _name(value: object) -> str:
    """An organisation's name; a bare URL is an unresolved reference, not a name."""
    if isinstance(value, list):
        return next(filter(None, map(_name, value)), "")
    if isinstance(value, dict):
        return _name(value.get("name") or value.get("legalName"))
    name = normalise_title(value)
    return "" if re.match(r"https?://", name) else name


def _first(value: object) -> object:
    return value[0] if isinstance(value, list) and value else value


# --- one vacancy ---------------------------------------------------------------


def _vacancy(
    node: _Node, external_id: str, url: str, source: str, language: str, problems: list[str]
) -> VacancyData:
    types = _types(node.data)
    is_course = bool(types & COURSE_TYPES)
    title = normalise_title(node.text("title") or node.text("name"))
    if not title:
        raise ValueError(f"the {'/'.join(sorted(types & POSTING_TYPES))} has no title")
    employer = node.get("hiringOrganization") or node.get("provider") or node.get("organizer")
    description = sanitise_description(node.text("description"), base_url=url)
    employment_type = node.get("employmentType")
    working_time = parse_working_time(employment_type, title, normalise_title(description))
    if "TELECOMMUTE" in str(node.get("jobLocationType")).upper():
        working_time = (working_time or frozenset()) | {HEIM}
    if is_course:  # a course's deadline is the end of registration, in its offers
        offers = node.get("offers")
        offers = offers if isinstance(offers, list) else [offers]
        deadline = next((o["validThrough"] for o in offers if _has(o, "validThrough")), None)
        salary = None
    else:
        deadline = node.get("validThrough")
        salary = parse_salary(node.get("baseSalary") or node.get("estimatedSalary"))
    in_language = node.text("inLanguage")
    return VacancyData(
        source=source,
        external_id=external_id,
        kind=classify_kind(
            title=title,
            types=types,
            employment_type=employment_type,
            credential=bool(node.get("educationalCredentialAwarded")),
        ),
        title=title,
        url=url,
        employer=_name(employer),
        description=description,
        places=_places(node, is_course),
        working_time=working_time,
        salary=salary,
        posted=_date(node.get("datePosted") or node.get("datePublished"), problems),
        valid_through=_date(deadline, problems),
        language=_language(in_language) if in_language else language,
    )


def _has(value: object, key: str) -> TypeGuard[dict[str, object]]:
    return isinstance(value, dict) and bool(value.get(key))


def _date(value: object, problems: list[str]) -> dt.date | None:
    date = parse_date(_first(value))
    if date is None and value:
        problems.append(f"the date {value!r} could not be read")
    return date


def _places(node: _Node, is_course: bool) -> tuple[Place, ...]:
    if not is_course:
        return places_from_schema(node.get("jobLocation"))
    # A course takes place where its first instance does; an event at its location.
    instances = node.get("hasCourseInstance")
    for instance in instances if isinstance(instances, list) else [instances]:
        if _has(instance, "location"):
            return places_from_schema(instance["location"])
    return places_from_schema(node.get("location"))
