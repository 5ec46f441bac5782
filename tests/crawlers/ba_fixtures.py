"""The recorded Jobsuche and feed fixtures, read from disk, and a field-by-field comparison.

Ground truth is expected.json in the shared crawler fixtures (see their
README): `compare` checks one built vacancy against one expected record the
way the README suggests (titles after entity decoding and whitespace
normalisation, coordinates within 0.01°, dates as strings, salary numbers
exactly, `working_time: null` accepting any answer).
"""

from __future__ import annotations

import datetime as dt
import html
import json
import os
from decimal import Decimal
from functools import cache

import pytest

from search.vacancies import VacancyData
from tests.crawlers.harness import FIXTURES

BASE_URL = "http://127.0.0.1:8765"
AVAILABLE = (FIXTURES / "expected.json").exists()
needs_fixtures = pytest.mark.skipif(
    not AVAILABLE and not os.environ.get("CI"),  # in CI a missing fixture must fail, not skip
    reason=f"crawler fixtures not in {FIXTURES}",
)

FIELDS = (
    "kind",
    "title",
    "employer",
    "city",
    "postal_code",
    "lat",
    "lon",
    "working_time",
    "posted",
    "valid_through",
    "salary",
    "expired",
)


@cache
def expected() -> dict:
    if not AVAILABLE:
        return {"vacancies": [], "as_of": "2026-11-21", "ba_api": {}, "feeds": []}
    return json.loads((FIXTURES / "expected.json").read_text(encoding="utf-8"))


def as_of() -> dt.date:
    return dt.date.fromisoformat(expected()["as_of"])


def expected_vacancies(source: str) -> list[dict]:
    return [v for v in expected()["vacancies"] if v["source"] == source]


def search_pages(angebotsart: int) -> list[dict]:
    """The recorded search responses of one angebotsart, in page order."""
    folder = FIXTURES / "ba-api" / "search" / f"angebotsart-{angebotsart}"
    files = sorted(folder.glob("page-*.json"), key=lambda p: int(p.stem.removeprefix("page-")))
    return [json.loads(p.read_text(encoding="utf-8")) for p in files]


def detail(refnr: str) -> dict | None:
    """The recorded detail document, None where the service answers 404."""
    path = FIXTURES / "ba-api" / "details" / f"{refnr}.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None


def feed(path: str) -> bytes:
    """A feed as the fixture server would serve it at BASE_URL."""
    raw = (FIXTURES / path.lstrip("/")).read_bytes()
    return raw.replace(b"{{BASE_URL}}", BASE_URL.encode())


# --- comparison ------------------------------------------------------------


def _title(value: str | None) -> str:
    return " ".join(html.unescape(value or "").split())


def _salary(vacancy: VacancyData) -> dict | None:
    salary = vacancy.salary
    if salary is None:
        return None
    return {"min": salary.min, "max": salary.max, "unit": salary.unit, "currency": salary.currency}


def _same_salary(want: dict | None, got: dict | None) -> bool:
    if want is None or got is None:
        return want is got

    def number(value: object) -> Decimal | None:
        return None if value is None else Decimal(str(value))

    return (
        number(want.get("min")) == number(got["min"])
        and number(want.get("max")) == number(got["max"])
        and want.get("unit") == got["unit"]
        and want.get("currency") == got["currency"]
    )


def _near(want: float | None, got: float | None) -> bool:
    if want is None or got is None:
        return want is got
    return abs(want - got) <= 0.01


def actual_fields(vacancy: VacancyData, today: dt.date) -> dict[str, object]:
    place = vacancy.place
    return {
        "kind": vacancy.kind,
        "title": vacancy.title,
        "employer": vacancy.employer,
        "city": place.city,
        "postal_code": place.postal_code,
        "lat": place.latitude,
        "lon": place.longitude,
        "working_time": sorted(vacancy.working_time) if vacancy.working_time is not None else None,
        "posted": vacancy.posted.isoformat() if vacancy.posted else None,
        "valid_through": vacancy.valid_through.isoformat() if vacancy.valid_through else None,
        "salary": _salary(vacancy),
        "expired": vacancy.is_expired(today),
    }


def compare(want: dict, vacancy: VacancyData | None, today: dt.date) -> dict[str, tuple]:
    """The fields that differ, as {field: (expected, actual)}; every field when not built."""
    if vacancy is None:
        return {name: (want.get(name), "<not built>") for name in FIELDS}
    got = actual_fields(vacancy, today)
    wrong: dict[str, tuple] = {}
    for name in FIELDS:
        expected_value, actual = want.get(name), got[name]
        if name == "title":
            same = _title(expected_value) == _title(actual)
        elif name in ("lat", "lon"):
            same = _near(expected_value, actual)
        elif name == "working_time":
            same = expected_value is None or (
                actual is not None and sorted(expected_value) == actual
            )
        elif name == "salary":
            same = _same_salary(expected_value, actual)
        elif name in ("employer", "city", "postal_code"):
            same = (expected_value or "") == (actual or "")
        else:
            same = expected_value == actual
        if not same:
            wrong[name] = (expected_value, actual)
    return wrong


def match_report(
    expected_records: list[dict], built: dict[str, VacancyData], today: dt.date
) -> tuple[float, list[str]]:
    """The share of matching fields over all records, and one line per mismatch."""
    checked = mismatched = 0
    lines = []
    for want in expected_records:
        wrong = compare(want, built.get(want["id"]), today)
        checked += len(FIELDS)
        mismatched += len(wrong)
        lines += [
            f"{want['id']} {name}: expected {a!r}, got {b!r}" for name, (a, b) in wrong.items()
        ]
    share = (checked - mismatched) / checked if checked else 1.0
    return share, lines
