"""Extraction from the fixture career site against the ground truth in expected.json."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from functools import cache

import pytest

from crawlers.extract import Extraction, extract_vacancies
from search.vacancies import VacancyData
from tests.crawlers import fixtures
from tests.crawlers.fixtures import career_vacancies, expected, needs_fixtures

pytestmark = needs_fixtures

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
    "language",
)
# Checked one by one for every vacancy, so a regression names its case.
IMPORTANT = ("kind", "title", "employer", "city", "postal_code", "posted", "valid_through")


@cache
def extracted(path: str) -> Extraction:
    return extract_vacancies(
        fixtures.page(path), fixtures.url(path), source="test", encoding=fixtures.charset(path)
    )


def find(case: dict) -> VacancyData | None:
    external_id = fixtures.external_id(case["id"])
    found = [v for v in extracted(case["source_url"]).vacancies if v.external_id == external_id]
    return found[0] if found else None


def actual_value(vacancy: VacancyData, name: str) -> object:
    place = vacancy.place
    values = {
        "city": place.city,
        "postal_code": place.postal_code,
        "lat": place.latitude,
        "lon": place.longitude,
        "posted": vacancy.posted.isoformat() if vacancy.posted else None,
        "valid_through": vacancy.valid_through.isoformat() if vacancy.valid_through else None,
    }
    return values[name] if name in values else getattr(vacancy, name)


def matches(name: str, want: object, got: object) -> bool:
    if name in ("lat", "lon"):
        if want is None or got is None:
            return want is got
        return abs(want - got) <= 0.01
    if name == "working_time":
        return want is None or got == frozenset(want)  # null: not stated, any answer will do
    if name == "salary":
        if want is None or got is None:
            return want is got
        return (
            got.min == _decimal(want["min"])
            and got.max == _decimal(want["max"])
            and (got.unit, got.currency) == (want["unit"], want["currency"])
        )
    return want == got


def _decimal(value: float | None) -> Decimal | None:
    return None if value is None else Decimal(str(value))


def test_at_least_98_percent_of_all_fields_match() -> None:
    results = []
    for case in career_vacancies():
        vacancy = find(case)
        for name in FIELDS:
            got = actual_value(vacancy, name) if vacancy else "(not extracted)"
            results.append((case["id"], name, case[name], got, matches(name, case[name], got)))
    share = sum(ok for *_, ok in results) / len(results)
    wrong = "\n".join(f"{i} {n}: want {w!r}, got {g!r}" for i, n, w, g, ok in results if not ok)
    assert share >= 0.98, f"{share:.1%} of {len(results)} fields match:\n{wrong}"


@pytest.mark.parametrize("case", career_vacancies(), ids=lambda case: case["id"])
def test_career_page_vacancy_is_extracted_with_its_main_fields(case: dict) -> None:
    vacancy = find(case)
    assert vacancy is not None, f"{case['id']} not among {extracted(case['source_url'])}"
    for name in IMPORTANT:
        assert actual_value(vacancy, name) == case[name], name


@pytest.mark.parametrize(
    "path", sorted({case["source_url"] for case in career_vacancies()}), ids=str
)
def test_vacancy_page_yields_exactly_its_postings(path: str) -> None:
    want = {fixtures.external_id(c["id"]) for c in career_vacancies() if c["source_url"] == path}
    assert {v.external_id for v in extracted(path).vacancies} == want


@pytest.mark.parametrize("page", expected()["no_vacancy_pages"], ids=lambda page: page["url"])
def test_page_without_postings_yields_nothing(page: dict) -> None:
    result = extracted(page["url"])
    assert result.vacancies == [], page["why"]


@pytest.mark.parametrize("page", expected()["broken_pages"], ids=lambda page: page["url"])
def test_broken_page_is_recovered_or_reported(page: dict) -> None:
    result = extracted(page["url"])
    found = {v.external_id for v in result.vacancies}
    recovered = all(fixtures.external_id(i) in found for i in page["vacancy_ids"])
    if page["must"] == "recover":
        assert recovered, page["defect"]
    elif page["must"] == "report":
        assert result.problems, page["defect"]
    else:
        assert recovered or result.problems, page["defect"]


def test_broken_second_json_ld_block_is_reported_by_number() -> None:
    problems = extracted("/karriere/seelogistik/lagerhelfer.html").problems
    assert any("JSON-LD block 2 is broken" in problem for problem in problems), problems


@pytest.mark.parametrize("path", fixtures.site_pages(), ids=str)
def test_descriptions_carry_no_script(path: str) -> None:
    for vacancy in extracted(path).vacancies:
        for needle in expected()["description_must_not_contain"]:
            assert needle.lower() not in vacancy.description.lower(), vacancy.external_id


def test_sanitising_keeps_the_harmless_text_around_an_injection() -> None:
    (vacancy,) = extracted("/karriere/druckhaus/praktikum-mediengestaltung.html").vacancies
    assert "<p>Bewirb dich mit einer kurzen Mappe.</p>" in vacancy.description
    assert "hier klicken" in vacancy.description


def test_double_escaped_description_becomes_html() -> None:
    (vacancy,) = extracted("/karriere/lindenhof/pflegefachkraft.html").vacancies
    assert vacancy.description.startswith("<p>Der Lindenhof")
    assert "&lt;" not in vacancy.description


def test_long_description_is_kept_whole() -> None:
    (vacancy,) = extracted("/karriere/bildungswerk/umschulung-fachinformatiker.html").vacancies
    assert len(vacancy.description) > 40_000
    assert "Lerneinheit 53.4" in vacancy.description


def test_latin1_page_is_read_from_its_meta_charset_without_a_header() -> None:
    path = "/karriere/druckhaus/medientechnologe.html"
    (vacancy,) = extract_vacancies(fixtures.page(path), fixtures.url(path), source="t").vacancies
    assert vacancy.employer == "Druckhaus Weißelster GmbH"


def test_expired_posting_is_kept() -> None:
    (vacancy,) = extracted("/karriere/lindenhof/praktikum-pflege.html").vacancies
    assert vacancy.is_expired(dt.date.fromisoformat(expected()["as_of"]))


def test_tracking_parameters_do_not_change_the_id() -> None:
    path = "/karriere/hoerselwerk/zerspanungsmechaniker.html"
    tracked = fixtures.url(path) + "?utm_source=newsletter&utm_medium=email&gclid=abc#bewerben"
    (vacancy,) = extract_vacancies(fixtures.page(path), tracked, source="t").vacancies
    assert vacancy.external_id == fixtures.url(path)


@pytest.mark.parametrize(("lang", "language"), [("uk", "uk"), ("en-GB", "en"), ("fr", "de")])
def test_language_comes_from_the_html_lang_attribute(lang: str, language: str) -> None:
    path = "/karriere/hoerselwerk/zerspanungsmechaniker.html"
    html = fixtures.page(path).replace(b'<html lang="de">', f'<html lang="{lang}">'.encode())
    (vacancy,) = extract_vacancies(html, fixtures.url(path), source="t").vacancies
    assert vacancy.language == language
