"""The Bundesagentur für Arbeit Weiterbildungssuche API, read as plain data.

The Weiterbildungssuche (`GET /pc/v2/bildungsangebot` under
https://rest.arbeitsagentur.de/infosysbub/wbsuche, public client key
`infosysbub-wbsuche` in the `X-API-Key` header) lists further-training dates
("Termine"): one course (`angebot`) with its provider (`bildungsanbieter`) at
one place (`adresse`) from `beginn` to `ende`. One Termin becomes one
vacancy of kind "weiterbildung"; its id is the external id, because the same
course runs at several places and dates.

What the public description (github.com/bundesAPI/weiterbildungssuche-api and
its upstream AndreasFischer1985/weiterbildungssuche-api) says, and this follows:
`page` counts from 0 (the `_links` go from page=0 to page=totalPages-1, and
`page.number` says which page came); `size` defaults to 20; the search word is
`sw`; `orte` is "Name_longitude_latitude"; `uk` is the radius (25, 50, 100,
150, 200 km), "ort" (the place only) or "Bundesweit". It does not name a public
page per course; PUBLIC_URL is the Weiterbildungssuche's own detail route.

Everything here is pure: the spider fetches, these functions read what it
fetched and say which page comes next. No network, no Scrapy, no database.
Dates come as epoch milliseconds (midnight in Germany) or, defensively, as
date strings.
"""

from __future__ import annotations

import datetime as dt
import html
import math
from collections.abc import Mapping
from typing import Any
from urllib.parse import quote
from zoneinfo import ZoneInfo

from crawlers.normalise import normalise_postal_code, normalise_title, parse_date
from crawlers.sanitise import sanitise_description
from search.vacancies import TEILZEIT, VOLLZEIT, WEITERBILDUNG, Place, VacancyData

SEARCH_PATH = "/pc/v2/bildungsangebot"
PUBLIC_URL = "https://web.arbeitsagentur.de/weiterbildungssuche/angebot/{id}"
FIRST_PAGE = 0  # the service pages like Spring Data: `page.number` counts from 0
MAX_PAGES = 500  # a runaway `totalPages` must not make a crawl endless
# The `uk` (Umkreis) filter knows these radii only; anything else is "Bundesweit".
RADII_KM = (25, 50, 100, 150, 200)
NATIONWIDE = "Bundesweit"
PLACE_ONLY = "ort"  # `uk=ort`: the place itself, no radius

# unterrichtszeit.id: 1 Vollzeit, 2 Teilzeit.
WORKING_TIME_BY_CODE = {1: VOLLZEIT, 2: TEILZEIT}
_GERMANY = ZoneInfo("Europe/Berlin")

Query = dict[str, str]


# --- one offer ----------------------------------------------------------------


def public_url(offer_id: object) -> str:
    """The course's page in the Weiterbildungssuche on arbeitsagentur.de."""
    return PUBLIC_URL.format(id=quote(_text(offer_id), safe=""))


def vacancy_from_offer(item: Mapping[str, Any], *, source: str) -> VacancyData:
    """One Termin (a course at one place and date) of a search page.

    Raises ValueError for a Termin without id or without any title.
    """
    termin_id = _text(item.get("id"))
    if not termin_id:
        raise ValueError("a Weiterbildung date without id cannot be tracked")
    offer = _mapping(item.get("angebot"))
    provider = _mapping(offer.get("bildungsanbieter") or offer.get("anbieter"))
    title = normalise_title(offer.get("titel") or item.get("titel"))
    if not title:
        raise ValueError(f"Weiterbildung date {termin_id} has no title")
    begins = parse_day(item.get("beginn"))
    registration_ends = parse_day(item.get("anmeldeschluss"))
    offer_id = _text(offer.get("id"))
    extra: dict[str, object] = {
        "termin_id": termin_id,
        "angebot_id": offer_id,
        "anbieter_id": _text(provider.get("id")),
        "beginn": begins.isoformat() if begins else None,
        "ende": _iso(parse_day(item.get("ende"))),
        "anmeldeschluss": _iso(registration_ends),
        "individueller_einstieg": _bool(item.get("individuellerEinstieg")),
        "unterrichtsform": _label(item.get("unterrichtsform")),
        "unterrichtszeit": _label(item.get("unterrichtszeit")),
        "dauer": _label(item.get("dauer")),
        "bildungsart": _label(offer.get("bildungsart")),
        "abschluss": _plain(offer.get("abschlussbezeichnung") or offer.get("abschlussart")),
        "kosten": _costs(item),
        "foerderung": _bool(item.get("foerderung")),
        "anbieter_link": _text(offer.get("link") or provider.get("homepage")),
    }
    return VacancyData(
        source=source,
        external_id=termin_id,
        kind=WEITERBILDUNG,
        title=title,
        url=public_url(offer_id) if offer_id else "",
        employer=_text(provider.get("name")),
        description=_description(offer.get("inhalt")),
        places=_places(item.get("adresse")),
        working_time=_working_time(item.get("unterrichtszeit")),
        posted=parse_day(item.get("aktualisierungsdatum")),
        # Open until registration closes; where that is not given, until it starts.
        valid_through=registration_ends or begins,
        language="de",
        extra={key: value for key, value in extra.items() if value not in (None, "")},
    )


def parse_day(value: object) -> dt.date | None:
    """Epoch milliseconds (the service's form) or a date string → the German calendar day."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        if not math.isfinite(value):
            return None
        try:
            moment = dt.datetime.fromtimestamp(value / 1000, tz=dt.UTC)
        except (OverflowError, OSError, ValueError):
            return None
        return moment.astimezone(_GERMANY).date()
    if isinstance(value, str) and value.strip().isdigit():
        return parse_day(int(value.strip()))
    return parse_date(value)


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def _mapping(value: object) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}


def _text(value: object) -> str:
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        return ""
    return " ".join(html.unescape(str(value)).split())


def _plain(value: object) -> str:
    """A short HTML field ("<p>IHK-Zertifikat</p>") as one line of text."""
    text = sanitise_description(value) if isinstance(value, str) else ""
    return _text(_strip_tags(text))


def _strip_tags(text: str) -> str:
    out, inside = [], False
    for char in text:
        if char == "<":
            inside = True
            out.append(" ")
        elif char == ">":
            inside = False
        elif not inside:
            out.append(char)
    return "".join(out)


def _bool(value: object) -> bool | None:
    return value if isinstance(value, bool) else None


def _label(value: object) -> str:
    return _text(_mapping(value).get("bezeichnung"))


def _coordinate(value: object, limit: float) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        return None
    try:
        number = float(value)
    except ValueError:
        return None
    return number if math.isfinite(number) and abs(number) <= limit else None


def _places(address: object) -> tuple[Place, ...]:
    address = _mapping(address)
    # Recorded answers spell it "ortStrasse"; the published schema "ortStraße".
    town = _mapping(address.get("ortStrasse") or address.get("ortStraße"))
    coordinates = _mapping(address.get("koordinaten"))
    lat = _coordinate(coordinates.get("lat"), 90)
    lon = _coordinate(coordinates.get("lon"), 180)
    if lat is None or lon is None:
        lat = lon = None
    place = Place(
        street=_text(address.get("strasse")),
        postal_code=normalise_postal_code(_text(town.get("plz") or address.get("plz"))),
        city=_text(town.get("name") or address.get("ort")),
        latitude=lat,
        longitude=lon,
    )
    return (place,) if place != Place() else ()


def _working_time(value: object) -> frozenset[str] | None:
    code = _mapping(value).get("id")
    kind = WORKING_TIME_BY_CODE.get(code) if isinstance(code, int) else None
    return frozenset({kind}) if kind else None


def _costs(item: Mapping[str, Any]) -> str:
    """ "1234.5 EUR" where the service states an amount above zero; "" otherwise."""
    amount = _coordinate(item.get("kostenWert"), 10_000_000)
    if not amount:
        return ""
    currency = _text(item.get("kostenWaehrung")) or "EUR"
    return f"{amount:.2f} {currency}"


def _description(text: object) -> str:
    if not isinstance(text, str) or not text.strip():
        return ""
    return sanitise_description(text)


# --- search pages and paging -----------------------------------------------------


def page_items(response_json: object) -> list[dict[str, Any]]:
    """The Termine on one search page; [] where `_embedded.termine` is absent."""
    embedded = _mapping(_mapping(response_json).get("_embedded"))
    items = embedded.get("termine")
    if not isinstance(items, list):
        return []
    return [item for item in items if isinstance(item, dict) and _text(item.get("id"))]


def total_count(response_json: object) -> int | None:
    """How many Termine the whole search has (`page.totalElements`), where it says."""
    total = _mapping(_mapping(response_json).get("page")).get("totalElements")
    return total if isinstance(total, int) and not isinstance(total, bool) and total >= 0 else None


def next_page(response_json: object, max_pages: int = MAX_PAGES) -> int | None:
    """The page to ask for after this one, or None on the last (or a capped) page."""
    page = _mapping(_mapping(response_json).get("page"))
    number, total = page.get("number"), page.get("totalPages")
    if not isinstance(number, int) or not isinstance(total, int) or isinstance(number, bool):
        return None
    following = number + 1
    if following >= total or following - FIRST_PAGE >= max_pages:
        return None
    return following


def radius_code(radius_km: int | None) -> str:
    """The `uk` value: the smallest radius that covers `radius_km`; 0 is the place only."""
    if radius_km is None:
        return ""
    if radius_km <= 0:
        return PLACE_ONLY
    for radius in RADII_KM:
        if radius_km <= radius:
            return str(radius)
    return NATIONWIDE


def search_query(what: str = "", where: str = "", radius_km: int | None = None) -> Query:
    """Search parameters: `sw` (search word), `orte` and `uk` (radius).

    `orte` is "Name_longitude_latitude" in the service; a plain place name is
    passed as it is.
    """
    query: Query = {}
    if what.strip():
        query["sw"] = what.strip()
    if where.strip():
        query["orte"] = where.strip()
        uk = radius_code(radius_km)
        if uk:
            query["uk"] = uk
    return query


def page_query(query: Mapping[str, str], page: int) -> Query:
    return {**query, "page": str(page)}
