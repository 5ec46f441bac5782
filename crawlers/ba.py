"""The Bundesagentur für Arbeit Jobsuche API, read as plain data.

The Jobsuche (`/pc/v4/jobs` search, `/pc/v4/jobdetails/<base64 refnr>`
detail) is the Federal Employment Agency's job board. Everything here is pure:
the spider fetches, these functions read what it fetched and plan what to
fetch next. No network, no Scrapy, no database.

`vacancy_from_ba` accepts the detail document in the form the fixtures record
(`stellenangebotsTitel`, `stellenlokationen`, `arbeitszeitVollzeit`, ...) and
also the newer form some clients report (`titel`, `arbeitsorte`,
`arbeitszeitmodelle`, `verguetung`), so a change on the live service degrades
gracefully instead of silently emptying fields.
"""

from __future__ import annotations

import base64
import html
import math
import re
from collections.abc import Mapping
from typing import Any
from urllib.parse import quote

from crawlers.normalise import normalise_postal_code, normalise_title, parse_date, parse_salary
from crawlers.sanitise import sanitise_description
from search.vacancies import (
    AUSBILDUNG,
    HEIM,
    JOB,
    MINIJOB,
    PRAKTIKUM,
    SCHICHT,
    TEILZEIT,
    VOLLZEIT,
    Place,
    Salary,
    VacancyData,
)

# angebotsart: 1 Arbeit (a job), 4 Ausbildung (incl. dual study), 34 Praktikum/Trainee.
# 2 (Selbstständigkeit, self-employment) is not a vacancy for us.
KIND_BY_ANGEBOTSART = {1: JOB, 4: AUSBILDUNG, 34: PRAKTIKUM}
ANGEBOTSARTEN = tuple(str(code) for code in KIND_BY_ANGEBOTSART)

# The `arbeitszeit` search filter's codes and what they mean.
WORKING_TIME_BY_CODE = {"vz": VOLLZEIT, "tz": TEILZEIT, "snw": SCHICHT, "ho": HEIM, "mj": MINIJOB}
ARBEITSZEIT_CODES = tuple(WORKING_TIME_BY_CODE)

MAX_WINDOW = 10_000  # the service refuses page × size beyond this
MAX_PAGE_SIZE = 100
DETAIL_PATH = "/pc/v4/jobdetails/"
PUBLIC_URL = "https://www.arbeitsagentur.de/jobsuche/jobdetail/{refnr}"

# Detail booleans → working time. Any of the four part-time slots is part time.
_WORKING_TIME_FLAGS = (
    ("arbeitszeitVollzeit", VOLLZEIT),
    ("arbeitszeitTeilzeitVormittag", TEILZEIT),
    ("arbeitszeitTeilzeitNachmittag", TEILZEIT),
    ("arbeitszeitTeilzeitAbend", TEILZEIT),
    ("arbeitszeitTeilzeitFlexibel", TEILZEIT),
    ("arbeitszeitSchichtNachtWochenende", SCHICHT),
    ("arbeitszeitHeimTelearbeit", HEIM),
    ("istGeringfuegigeBeschaeftigung", MINIJOB),
)
# The newer detail form lists models by name instead.
_WORKING_TIME_MODELS = {
    "VOLLZEIT": VOLLZEIT,
    "TEILZEIT": TEILZEIT,
    "SCHICHT_NACHTARBEIT_WOCHENENDE": SCHICHT,
    "HEIM_TELEARBEIT": HEIM,
    "MINIJOB": MINIJOB,
}

# The BA grades language skills in three bands; as a CEFR requirement we take
# the level a coach would read into each: Grundkenntnisse ≈ A2, erweiterte
# Kenntnisse ≈ B1, Expertenkenntnisse (or fluent, native) ≈ C1.
_GERMAN_LEVEL = {
    "grundkenntnisse": "A2",
    "erweiterte kenntnisse": "B1",
    "gute kenntnisse": "B2",
    "expertenkenntnisse": "C1",
    "verhandlungssicher": "C1",
    "fließend": "C1",
    "muttersprache": "C2",
}
_CEFR = re.compile(r"\b([ABC][12])\b")

# geforderterBildungsabschluss: the school leaving certificate asked for.
_QUALIFICATION = {
    "KEIN_ABSCHLUSS": "kein Schulabschluss erforderlich",
    "HAUPTSCHULABSCHLUSS": "Hauptschulabschluss",
    "MITTLERE_REIFE": "Mittlere Reife",
    "FACHHOCHSCHULREIFE": "Fachhochschulreife",
    "ABITUR": "Abitur",
    "HOCHSCHULABSCHLUSS": "Hochschulabschluss",
}
# verguetungsangabe values that say how pay is set, not how much it is.
_NO_AMOUNT = {"KEINE_ANGABEN", "NACH_VEREINBARUNG", "TARIFVERTRAG"}

_REAL_TAG = re.compile(r"<\s*/?\s*[a-zA-Z][^>]*>")
_BULLET = re.compile(r"^\s*(?:[-•*–]|\d+\.)\s+")

Query = dict[str, str]


# --- one posting -------------------------------------------------------------


def public_url(refnr: str) -> str:
    """The posting's page on arbeitsagentur.de, where a participant can read and apply."""
    return PUBLIC_URL.format(refnr=quote(refnr, safe=""))


def detail_path(refnr: str) -> str:
    """The detail document's path: the refnr, base64-encoded and percent-escaped."""
    encoded = base64.b64encode(refnr.encode()).decode("ascii")
    return DETAIL_PATH + quote(encoded, safe="")


def vacancy_from_ba(
    search_item: Mapping[str, Any],
    detail: Mapping[str, Any] | None,
    *,
    source: str,
    angebotsart: int,
) -> VacancyData:
    """One posting from its search-list entry and, where it could be fetched, its detail.

    Without a detail (404 or not fetched) the vacancy keeps what the list
    says; working time and end of publication are then unknown (None).
    Raises ValueError for an entry without refnr or title, or an angebotsart
    we do not collect.
    """
    if int(angebotsart) not in KIND_BY_ANGEBOTSART:
        known = ", ".join(map(str, KIND_BY_ANGEBOTSART))
        raise ValueError(f"angebotsart {angebotsart!r} is not one we collect ({known})")
    detail = detail or {}
    refnr = _text(search_item.get("refnr")) or _text(detail.get("referenznummer"))
    if not refnr:
        raise ValueError("a Jobsuche posting without refnr cannot be tracked")
    title = normalise_title(
        detail.get("stellenangebotsTitel") or detail.get("titel") or search_item.get("titel")
    )
    if not title:
        # An untitled posting still has an occupation; better than losing it.
        title = normalise_title(search_item.get("beruf") or detail.get("hauptberuf"))
    external_url = _text(
        detail.get("externeURL") or detail.get("externeUrl") or search_item.get("externeUrl")
    )
    publication = detail.get("veroeffentlichungszeitraum")
    publication = publication if isinstance(publication, Mapping) else {}
    extra: dict[str, object] = {
        "refnr": refnr,
        "angebotsart": int(angebotsart),
        "ba_url": public_url(refnr),
        "detail": bool(detail),
    }
    for key, name in (
        ("beruf", "beruf"),
        ("hauptberuf", "beruf"),
        ("vertragsdauer", "vertragsdauer"),
        ("istArbeitnehmerUeberlassung", "arbeitnehmerueberlassung"),
        ("fuerFluechtlingeGeeignet", "fuer_fluechtlinge_geeignet"),
    ):
        value = search_item.get(key, detail.get(key))
        if value is not None and name not in extra:
            extra[name] = value
    return VacancyData(
        source=source,
        external_id=refnr,
        kind=KIND_BY_ANGEBOTSART[int(angebotsart)],
        title=title,
        url=external_url or public_url(refnr),
        employer=_text(
            search_item.get("arbeitgeber") or detail.get("firma") or detail.get("arbeitgeber")
        ),
        description=_description(
            detail.get("stellenangebotsBeschreibung") or detail.get("stellenbeschreibung")
        ),
        places=_places(search_item, detail),
        working_time=_working_time(detail),
        salary=_salary(detail),
        posted=parse_date(
            search_item.get("aktuelleVeroeffentlichungsdatum")
            or detail.get("aktuelleVeroeffentlichungsdatum")
            or publication.get("von")
        ),
        valid_through=parse_date(publication.get("bis")),
        german_level=_german_level(detail.get("sprachkenntnisse")),
        driving_licence=_driving_licence(detail),
        qualification=_qualification(detail.get("geforderterBildungsabschluss")),
        career_changers=_bool(detail.get("quereinstiegGeeignet")),
        language="de",
        extra=extra,
    )


def _text(value: object) -> str:
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        return ""
    return " ".join(html.unescape(str(value)).split())


def _bool(value: object) -> bool | None:
    return value if isinstance(value, bool) else None


def _coordinate(value: object, limit: float) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        return None
    try:
        number = float(value)
    except ValueError:
        return None
    return number if math.isfinite(number) and abs(number) <= limit else None


def _place(address: Mapping[str, Any], latitude: object, longitude: object) -> Place | None:
    street = _text(address.get("strasse"))
    number = _text(address.get("hausnummer"))
    if number and not street.endswith(number):
        street = f"{street} {number}".strip()
    lat, lon = _coordinate(latitude, 90), _coordinate(longitude, 180)
    if lat is None or lon is None:
        lat = lon = None
    place = Place(
        street=street,
        postal_code=normalise_postal_code(_text(address.get("plz"))),
        city=_text(address.get("ort")),
        latitude=lat,
        longitude=lon,
    )
    return place if place != Place() else None


def _places(search_item: Mapping[str, Any], detail: Mapping[str, Any]) -> tuple[Place, ...]:
    """All places of work; the detail lists them all, the search list only the first."""
    places: list[Place] = []
    for location in _dicts(detail.get("stellenlokationen")):
        address = location.get("adresse")
        address = address if isinstance(address, Mapping) else {}
        place = _place(address, location.get("breite"), location.get("laenge"))
        if place:
            places.append(place)
    if not places:
        for location in _dicts(detail.get("arbeitsorte")) or _dicts(search_item.get("arbeitsort")):
            coordinates = location.get("koordinaten")
            coordinates = coordinates if isinstance(coordinates, Mapping) else {}
            place = _place(location, coordinates.get("lat"), coordinates.get("lon"))
            if place:
                places.append(place)
    return tuple(dict.fromkeys(places))


def _dicts(value: object) -> list[Mapping[str, Any]]:
    if isinstance(value, Mapping):
        return [value]
    if isinstance(value, list):
        return [item for item in value if isinstance(item, Mapping)]
    return []


def _working_time(detail: Mapping[str, Any]) -> frozenset[str] | None:
    """None where the detail is missing or names no working time: not stated."""
    found = {kind for key, kind in _WORKING_TIME_FLAGS if detail.get(key) is True}
    models = detail.get("arbeitszeitmodelle")
    if isinstance(models, list):
        found |= {_WORKING_TIME_MODELS[m] for m in models if m in _WORKING_TIME_MODELS}
    return frozenset(found) or None


def _salary(detail: Mapping[str, Any]) -> Salary | None:
    """Only an amount counts; "nach Vereinbarung" or "Tarifvertrag" is no salary."""
    for key in ("verguetung", "verguetungsangabe"):
        value = detail.get(key)
        if isinstance(value, str) and value.strip().upper() in _NO_AMOUNT:
            continue
        salary = parse_salary(value) if isinstance(value, str | Mapping) else None
        if salary:
            return salary
    return None


def _german_level(skills: object) -> str:
    for skill in _dicts(skills):
        if _text(skill.get("hierarchieName")).lower() != "deutsch":
            continue
        band = _text(skill.get("auspraegung")).lower()
        level = _CEFR.search(band.upper())
        return level.group(1) if level else _GERMAN_LEVEL.get(band, "")
    return ""


def _driving_licence(detail: Mapping[str, Any]) -> bool | None:
    """True where the detail lists licence classes; otherwise not stated."""
    licences = detail.get("fuehrerscheine")
    return True if isinstance(licences, list) and licences else None


def _qualification(code: object) -> str:
    text = _text(code)
    if not text:
        return ""
    return _QUALIFICATION.get(text.upper(), text.replace("_", " ").capitalize())


def _description(text: object) -> str:
    """The detail text is either HTML (with <br/>) or plain text with line breaks."""
    if not isinstance(text, str) or not text.strip():
        return ""
    if not _REAL_TAG.search(text):
        text = _plain_text_html(html.unescape(text))
    return sanitise_description(text)


def _plain_text_html(text: str) -> str:
    """Paragraphs at blank lines, lists where lines start with "- ", else <br>."""
    parts: list[str] = []
    for block in re.split(r"\n\s*\n", text.replace("\r\n", "\n")):
        lines = [line.strip() for line in block.split("\n") if line.strip()]
        run: list[str] = []  # consecutive non-bullet lines
        items: list[str] = []  # consecutive bullet lines
        for line in [*lines, ""]:
            bullet = bool(line) and _BULLET.match(line) is not None
            if (not line or bullet) and run:
                parts.append("<p>" + "<br>".join(run) + "</p>")
                run = []
            if (not line or not bullet) and items:
                parts.append("<ul>" + "".join(f"<li>{i}</li>" for i in items) + "</ul>")
                items = []
            if bullet:
                items.append(html.escape(_BULLET.sub("", line), quote=False))
            elif line:
                run.append(html.escape(line, quote=False))
    return "".join(parts)


# --- search pages and query planning ------------------------------------------


def search_page_items(response_json: object) -> list[dict[str, Any]]:
    """The postings on one search page; [] past the end, where the key is absent."""
    if not isinstance(response_json, Mapping):
        return []
    items = response_json.get("stellenangebote")
    if not isinstance(items, list):
        return []
    return [item for item in items if isinstance(item, dict) and item.get("refnr")]


def reachable(page_size: int = MAX_PAGE_SIZE, limit: int = MAX_WINDOW) -> int:
    """How many results of one query paging can reach: whole pages with page × size ≤ limit."""
    _check_page_size(page_size)
    return (limit // page_size) * page_size


def pages_for(
    query: Mapping[str, object],
    max_results: int,
    page_size: int = MAX_PAGE_SIZE,
    limit: int = MAX_WINDOW,
) -> list[Query]:
    """The search parameters for every page of `query` (page 1 included).

    Never asks for page × size above `limit`: results beyond it cannot be
    paged to (that is what `split_queries` is for).
    """
    count = min(max(max_results, 0), reachable(page_size, limit))
    base = _query(query)
    return [
        {**base, "page": str(page), "size": str(page_size)}
        for page in range(1, math.ceil(count / page_size) + 1)
    ]


def split_queries(
    query: Mapping[str, object],
    total: int,
    page_size: int = MAX_PAGE_SIZE,
    limit: int = MAX_WINDOW,
) -> list[Query]:
    """One step of narrowing a search that has more results than paging can reach.

    `total` is the query's `maxErgebnisse`. If paging reaches it all, the
    query comes back alone. Otherwise the next narrower queries come back,
    the first of these steps that the query has not used yet:

    1. `angebotsart`: 1, 4 and 34 (a query without it means all three kinds).
    2. `arbeitszeit`: one code each of vz, tz, snw, ho, mj (a query with
       several codes, each of them). The filter matches any code, so a
       posting with two working times turns up in two parts; deduplicate by
       refnr. A posting with no working time at all would be in none.
    3. The place, by postal-code prefix in `wo`: 0-9, then 00-99, ... up to
       all five digits. Only where the query has no place of its own (or a
       bare prefix we set): a named place with `umkreis` is a circle, not a
       prefix, and cannot be cut this way. Postings without a postal code
       (abroad) are in no part. The emulation matches `wo` as a PLZ prefix;
       check that the live service does before relying on it nationwide.

    `veroeffentlichtseit` is not used: it only selects "the last N days", so
    the older part of a query can never be asked for on its own.

    The caller asks each returned query for its own `maxErgebnisse` (the
    first page does that) and calls this again with it, until every query
    comes back alone. A query that comes back alone with `total` above
    `reachable()` cannot be narrowed further: paging yields its first
    `limit` results only, which the caller should report. Pure and
    deterministic: the same input always gives the same list in the same order.
    """
    base = _query(query)
    if total <= reachable(page_size, limit):
        return [base]
    if "angebotsart" not in base:
        return [{**base, "angebotsart": code} for code in ANGEBOTSARTEN]
    codes = [code for code in base.get("arbeitszeit", "").split(";") if code]
    if len(codes) != 1:
        return [{**base, "arbeitszeit": code} for code in codes or ARBEITSZEIT_CODES]
    place = base.get("wo", "")
    if not place or (place.isdigit() and len(place) < 5 and "umkreis" not in base):
        narrower = {key: value for key, value in base.items() if key != "umkreis"}
        return [{**narrower, "wo": f"{place}{digit}"} for digit in "0123456789"]
    return [base]


def _query(query: Mapping[str, object]) -> Query:
    """Search parameters as strings, without paging (that is `pages_for`'s part)."""
    return {
        str(key): str(value)
        for key, value in query.items()
        if key not in ("page", "size") and value is not None and value != ""
    }


def _check_page_size(page_size: int) -> None:
    if not 1 <= page_size <= MAX_PAGE_SIZE:
        raise ValueError(f"page size must be between 1 and {MAX_PAGE_SIZE}, not {page_size}")
