"""`extract_vacancies` never raises, whatever a page holds.

Random text and bytes, fixture pages mangled at random, and random JSON-LD
postings. Examples are capped so the whole file runs in seconds.
"""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crawlers.extract import Extraction, extract_vacancies
from search.vacancies import VacancyData
from tests.crawlers import fixtures

URL = fixtures.url("/karriere/test.html")
PAGES = [fixtures.page(path) for path in fixtures.site_pages()] or [b"<html></html>"]
FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
encodings = st.sampled_from([None, "utf-8", "iso-8859-1", "utf-16", "shift_jis", "no-such-codec"])


def assert_sound(result: Extraction) -> None:
    assert isinstance(result, Extraction)
    assert all(isinstance(vacancy, VacancyData) for vacancy in result.vacancies)
    assert all(isinstance(problem, str) and problem for problem in result.problems)


@st.composite
def mangled_pages(draw: st.DrawFn) -> bytes:
    page = draw(st.sampled_from(PAGES))
    for _ in range(draw(st.integers(1, 5))):
        start = draw(st.integers(0, len(page)))
        end = draw(st.integers(start, min(len(page), start + 3000)))
        operation = draw(st.sampled_from(["delete", "duplicate", "swap", "truncate", "inject"]))
        if operation == "delete":
            page = page[:start] + page[end:]
        elif operation == "duplicate":
            page = page[:end] + page[start:end] + page[end:]
        elif operation == "swap":
            other = draw(st.integers(end, len(page)))
            page = page[:start] + page[end:other] + page[start:end] + page[other:]
        elif operation == "truncate":
            page = page[:start]
        else:
            page = page[:start] + draw(st.binary(min_size=1, max_size=40)) + page[start:]
    return page


@given(st.one_of(st.text(max_size=2000), st.binary(max_size=2000)), encodings)
@FUZZ
def test_random_input_never_raises(html: str | bytes, encoding: str | None) -> None:
    assert_sound(extract_vacancies(html, URL, source="fuzz", encoding=encoding))


@given(mangled_pages(), encodings)
@FUZZ
def test_mangled_fixture_pages_never_raise(html: bytes, encoding: str | None) -> None:
    assert_sound(extract_vacancies(html, URL, source="fuzz", encoding=encoding))


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=10,
)
fields = [
    "title", "name", "description", "datePosted", "datePublished", "validThrough",
    "employmentType", "hiringOrganization", "provider", "organizer", "jobLocation", "location",
    "hasCourseInstance", "offers", "baseSalary", "educationalCredentialAwarded", "inLanguage",
    "jobLocationType", "@id",
]  # fmt: skip
postings = st.fixed_dictionaries(
    {"@type": st.sampled_from(["JobPosting", ["JobPosting"], "Course", "EducationEvent"])},
    optional={name: json_values | st.just({"@id": "#org"}) for name in fields},
)
documents = st.one_of(
    postings,
    st.lists(postings, max_size=3),
    st.builds(lambda nodes: {"@graph": [{"@id": "#org", "name": "X"}, *nodes]}, st.lists(postings)),
)


@given(documents)
@FUZZ
def test_random_json_ld_postings_are_read_without_internal_errors(document: object) -> None:
    script = json.dumps(document).replace("</", "<\\/")
    html = f'<html lang="de"><script type="application/ld+json">{script}</script></html>'
    result = extract_vacancies(html, URL, source="fuzz")
    assert_sound(result)
    # The catch-all is a last resort; well-formed JSON-LD must never need it.
    assert not [p for p in result.problems if p.startswith("The page could not be read")]
