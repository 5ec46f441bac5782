"""Normalisers every crawler shares: dates, salaries, working time, kind, places.

Pure functions over plain values (strings, numbers and the dicts/lists that
schema.org JSON-LD decodes to). They never raise on odd input: what cannot be
read becomes None, "" or an empty tuple, and the caller decides whether to
report it.
"""

from __future__ import annotations

import datetime as dt
import html
import math
import re
from collections.abc import Iterable
from dataclasses import replace
from decimal import Decimal, InvalidOperation

import dateparser

from search.vacancies import (
    AUSBILDUNG,
    HEIM,
    JOB,
    MINIJOB,
    PRAKTIKUM,
    SCHICHT,
    TEILZEIT,
    VOLLZEIT,
    WEITERBILDUNG,
    Place,
    Salary,
)

# --- dates -------------------------------------------------------------------

_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:$|[T\s])")
_GERMAN_DATE = re.compile(r"(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})")
_DATEPARSER_SETTINGS = {
    # Only absolute dates: "vor 3 Tagen" or "morgen" would make the result
    # depend on the clock, and a vacancy's date must not.
    "PARSERS": ["custom-formats", "absolute-time"],
    "REQUIRE_PARTS": ["day", "month", "year"],
    "DATE_ORDER": "DMY",
    "RETURN_AS_TIMEZONE_AWARE": False,
}


def parse_date(value: object) -> dt.date | None:
    """The calendar date as written: "2026-12-15T23:59:59+01:00" is 2026-12-15.

    No time-zone conversion on purpose: a deadline "31.12. 23:59" stays the
    31st whatever zone the server runs in.
    """
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        return None
    text = value.strip()
    if not text or len(text) > 60:  # no date is that long; spare dateparser the work
        return None
    for pattern, order in ((_ISO_DATE, (1, 2, 3)), (_GERMAN_DATE, (3, 2, 1))):
        match = pattern.match(text)
        if match:
            year, month, day = (int(match.group(i)) for i in order)
            try:
                return dt.date(year, month, day)
            except ValueError:
                return None
    try:
        parsed = dateparser.parse(text, languages=["de", "en"], settings=_DATEPARSER_SETTINGS)
    except Exception:  # dateparser has raised on odd input before; a bad date is just no date
        return None
    return parsed.date() if parsed else None


# --- salary ------------------------------------------------------------------

_NUMBER = r"(?<![\w.,])\d+(?:[.,]\d+)*"
_CURRENCY_WORDS = {"€": "EUR", "eur": "EUR", "euro": "EUR", "chf": "CHF", "$": "USD", "usd": "USD"}
_CURRENCY = re.compile(r"€|\$|\b(?:eur|euro|chf|usd)\b", re.IGNORECASE)
_CURRENCY_AT_END = re.compile(r"(?:€|\$|\b(?:eur|euro|chf|usd))$", re.IGNORECASE)
_UNIT_WORDS = (
    ("HOUR", re.compile(r"stunde|\bstd\b|stündlich|/\s*h\b|\bhour|hourly", re.IGNORECASE)),
    ("MONTH", re.compile(r"monat|\bmtl\b|month", re.IGNORECASE)),
    (
        "YEAR",
        re.compile(
            r"\b(?:pro|per|im|je|/)\s*jahr\b|jährlich|jahres(?:gehalt|brutto|lohn)|\bp\.\s?a\."
            r"|\byear|annual",
            re.IGNORECASE,
        ),
    ),
)
_UNIT_TEXT = {
    "HOUR": "HOUR",
    "HOURLY": "HOUR",
    "STUNDE": "HOUR",
    "MONTH": "MONTH",
    "MONTHLY": "MONTH",
    "MONAT": "MONTH",
    "YEAR": "YEAR",
    "YEARLY": "YEAR",
    "ANNUAL": "YEAR",
    "JAHR": "YEAR",
}
# Words that may stand around a bare amount without turning it into a tariff name.
_FILLER = re.compile(r"\b(?:ab|bis|von|zu|ca|circa|brutto|netto|rund)\b\.?", re.IGNORECASE)
_RANGE = re.compile(
    rf"(?P<lo>{_NUMBER})\s*(?:€|eur|euro)?\s*(?:-|–|—|bis)\s*(?P<hi>{_NUMBER})", re.IGNORECASE
)
_FROM = re.compile(rf"\bab\s+(?P<lo>{_NUMBER})", re.IGNORECASE)
_UP_TO = re.compile(rf"\bbis\s+(?:zu\s+)?(?P<hi>{_NUMBER})", re.IGNORECASE)
_SINGLE = re.compile(rf"(?P<lo>{_NUMBER})")
_LARGEST_SALARY = Decimal(10_000_000)  # anything above is a phone number or an id


def parse_amount(text: str) -> Decimal | None:
    """A German or English number: "3.000" and "3,000" are 3000, "16,50" is 16.5.

    A separator followed by exactly three digits groups thousands; one or two
    digits after the last separator are decimals.
    """
    text = text.strip()
    if not re.fullmatch(r"\d+(?:[.,]\d+)*", text):
        return None
    *head, last = re.split(r"[.,]", text)
    decimal_point = "." if head and len(last) != 3 else ""
    try:
        amount = Decimal("".join(head) + decimal_point + last)
    except InvalidOperation:
        return None
    return amount if 0 < amount < _LARGEST_SALARY else None


def salary_unit(text: object) -> str | None:
    """schema.org unitText ("HOUR", "MONTH", "YEAR") or a German word for it."""
    if not isinstance(text, str):
        return None
    key = text.strip().upper()
    if key in _UNIT_TEXT:
        return _UNIT_TEXT[key]
    for unit, pattern in _UNIT_WORDS:
        if pattern.search(text):
            return unit
    return None


def _number(value: object) -> Decimal | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        if not math.isfinite(value):
            return None
        value = str(value)
    return parse_amount(value) if isinstance(value, str) else None


def _salary(
    low: Decimal | None, high: Decimal | None, unit: str | None, currency: str | None
) -> Salary | None:
    if low is None and high is None:
        return None
    if low is not None and high is not None and low > high:
        low, high = high, low
    return Salary(min=low, max=high, unit=unit, currency=currency)


def _currency(value: object) -> str | None:
    if not isinstance(value, str) or not value.strip():
        return None
    code = value.strip()
    return _CURRENCY_WORDS.get(code.lower(), code.upper()[:3])


def parse_salary_text(text: str) -> Salary | None:
    """ "3.000 € brutto", "ab 18 €", "16,50 - 19 € pro Stunde"; a tariff name gives None."""
    text = html.unescape(text)
    currency_match = _CURRENCY.search(text)
    currency = _CURRENCY_WORDS[currency_match.group().lower()] if currency_match else None
    unit = salary_unit(text)
    if currency is None and unit is None:
        # Without "€" or a unit only a bare number counts: "TVöD P7" or
        # "Entgeltgruppe 9" name a tariff, not an amount.
        rest = _FILLER.sub("", re.sub(_NUMBER, "", text))
        if re.search(r"[^\W\d_]", rest):
            return None
    candidates = [
        (match, pattern)
        for pattern in (_RANGE, _FROM, _UP_TO, _SINGLE)
        for match in pattern.finditer(text)
    ]
    if currency_match:
        # Prefer the amount that stands next to the currency ("TV-L E 9, 3.500 €").
        candidates = [c for c in candidates if _next_to_currency(text, c[0])] or candidates
    for match, pattern in candidates:
        groups = match.groupdict()
        low = parse_amount(groups["lo"]) if groups.get("lo") else None
        high = parse_amount(groups["hi"]) if groups.get("hi") else None
        if pattern is _SINGLE:
            high = low
        salary = _salary(low, high, unit, currency)
        if salary:
            return salary
    return None


def _next_to_currency(text: str, match: re.Match[str]) -> bool:
    after = text[match.end() :].lstrip()
    before = text[: match.start()].rstrip()
    return bool(_CURRENCY.match(after) or _CURRENCY_AT_END.search(before))


def parse_salary(value: object) -> Salary | None:
    """A salary from a number, a text or schema.org MonetaryAmount/QuantitativeValue."""
    if isinstance(value, str):
        return parse_salary_text(value)
    if isinstance(value, list):
        return next(filter(None, map(parse_salary, value)), None)
    if not isinstance(value, dict):
        amount = _number(value)
        return _salary(amount, amount, None, None)
    currency = _currency(value.get("currency"))
    # MonetaryAmount.value holds a QuantitativeValue, a number or a text; a
    # QuantitativeValue may also stand on its own.
    amount = value.get("value")
    quantity = amount if isinstance(amount, dict) else value
    unit = salary_unit(quantity.get("unitText")) or salary_unit(value.get("unitText"))
    low, high = _number(quantity.get("minValue")), _number(quantity.get("maxValue"))
    if low is None and high is None:
        single = quantity.get("value")
        if isinstance(single, str):
            salary = parse_salary_text(single)
            if salary is None:
                return None
            return replace(salary, unit=unit or salary.unit, currency=currency or salary.currency)
        low = high = _number(single)
    return _salary(low, high, unit, currency)


# --- working time ------------------------------------------------------------

_WORKING_TIME_WORDS = (
    (VOLLZEIT, re.compile(r"vollzeit|full[\s_-]?time|\bvoll-\s*(?:und|oder|/)\s*teilzeit", re.I)),
    (TEILZEIT, re.compile(r"teilzeit|part[\s_-]?time", re.I)),
    (MINIJOB, re.compile(r"mini[\s_-]?job|geringfügig", re.I)),
    (
        SCHICHT,
        re.compile(
            r"schicht(?:dienst|arbeit|system|betrieb)|(?:nacht|wechsel|früh|spät)-?schicht"
            r"|nachtarbeit|wochenend(?:arbeit|dienst)|\bin schichten\b|shift work|night shift",
            re.I,
        ),
    ),
    (HEIM, re.compile(r"home[\s_-]?office|telearbeit|mobiles arbeiten|telecommute", re.I)),
)


def _strings(value: object) -> Iterable[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _strings(item)


def working_time_from_text(*texts: str) -> frozenset[str]:
    """Working times named in free text, e.g. "in Teilzeit" or "Voll- oder Teilzeit"."""
    text = " ".join(texts)
    return frozenset(kind for kind, pattern in _WORKING_TIME_WORDS if pattern.search(text))


def parse_working_time(employment_type: object, *texts: str) -> frozenset[str] | None:
    """From schema.org employmentType (a value or a list, English or German).

    Only where the employment type names no working time ("INTERN",
    "TEMPORARY", missing) do words in `texts` (title, description) count.
    None means not stated.
    """
    found = working_time_from_text(*_strings(employment_type))
    if not found:
        found = working_time_from_text(*(t for t in texts if isinstance(t, str)))
    return found or None


# --- kind --------------------------------------------------------------------

_WEITERBILDUNG_TITLE = re.compile(r"(?:umschulung|weiterbildung|qualifizierung)", re.I)
_AUSBILDUNG_TITLE = re.compile(r"ausbildung", re.I)
COURSE_TYPES = frozenset({"Course", "EducationEvent"})


def classify_kind(
    *, title: str, types: Iterable[str] = (), employment_type: object = None, credential: bool
) -> str:
    """The kind of a career-page offer, by the rules in the fixtures README.

    `types` are the schema.org types of the node, `credential` whether it has
    an educationalCredentialAwarded.
    """
    if any(value.strip().upper() == "INTERN" for value in _strings(employment_type)):
        return PRAKTIKUM
    title = normalise_title(title)
    if _WEITERBILDUNG_TITLE.match(title) or COURSE_TYPES & set(types):
        return WEITERBILDUNG
    if credential or _AUSBILDUNG_TITLE.match(title):
        return AUSBILDUNG
    return JOB


# --- text --------------------------------------------------------------------

_TAG = re.compile(r"<[^>]*>")


def normalise_title(text: object) -> str:
    """Entities decoded (twice where a page escaped them twice), tags and extra spaces gone."""
    if not isinstance(text, str):
        return ""
    text = html.unescape(html.unescape(text))
    return " ".join(_TAG.sub(" ", text).split())


# --- places ------------------------------------------------------------------


def normalise_postal_code(value: object) -> str:
    """A German postal code as 5 digits ("4177" lost its leading zero), else ""."""
    if isinstance(value, bool):
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int):
        value = str(value)
    if not isinstance(value, str):
        return ""
    match = re.search(r"(?<!\d)(\d{4,5})(?!\d)", value)
    return match.group(1).zfill(5) if match else ""


_ADDRESS = re.compile(r"(?:(?P<street>.*?),\s*)?(?:D-?\s*)?(?P<code>\d{4,5})\s+(?P<city>[^,]+)")


def parse_address_text(text: str) -> Place | None:
    """ "99867 Gotha", "Straße 1, 99867 Gotha" or just "Gotha"."""
    text = " ".join(html.unescape(text).split())
    match = _ADDRESS.search(text)
    if match:
        return Place(
            street=(match.group("street") or "").strip(),
            postal_code=normalise_postal_code(match.group("code")),
            city=match.group("city").strip(),
        )
    city = text.split(",")[0].strip()
    return Place(city=city) if city and not re.search(r"\d", city) else None


def _text(value: object) -> str:
    if isinstance(value, list):
        value = next((v for v in value if isinstance(v, str | int | float)), "")
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        return ""
    return " ".join(html.unescape(str(value)).split())


def _coordinate(value: object, limit: float) -> float | None:
    if isinstance(value, str):
        value = value.strip().replace(",", ".")
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        return None
    try:
        number = float(value)
    except ValueError:
        return None
    return number if math.isfinite(number) and abs(number) <= limit else None


def place_from_schema(value: object) -> Place | None:
    """A schema.org Place, PostalAddress or address string; None when it says nothing."""
    if isinstance(value, str):
        return parse_address_text(value)
    if not isinstance(value, dict):
        return None
    address = value.get("address", value)
    if isinstance(address, list):
        address = address[0] if address else {}
    if isinstance(address, str):
        place = parse_address_text(address) or Place()
    elif isinstance(address, dict):
        city = _text(address.get("addressLocality"))
        code = normalise_postal_code(_text(address.get("postalCode")))
        if city and not code:  # "99867 Gotha" in the locality
            parsed = parse_address_text(city)
            if parsed and parsed.postal_code:
                city, code = parsed.city, parsed.postal_code
        place = Place(street=_text(address.get("streetAddress")), postal_code=code, city=city)
    else:
        place = Place()
    geo = value.get("geo")
    geo = geo if isinstance(geo, dict) else value
    latitude = _coordinate(geo.get("latitude"), 90)
    longitude = _coordinate(geo.get("longitude"), 180)
    if latitude is None or longitude is None:
        latitude = longitude = None
    place = Place(place.street, place.postal_code, place.city, latitude, longitude)
    return place if place != Place() else None


def places_from_schema(value: object) -> tuple[Place, ...]:
    """All places of a jobLocation: one Place, an array of them or address strings."""
    items = value if isinstance(value, list) else [value]
    return tuple(place for place in map(place_from_schema, items) if place)
