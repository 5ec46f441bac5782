"""The benchmarks' generated vacancies (infra/bench/vacancy_data.py): repeatable and valid."""

import datetime as dt
import importlib.util
import sys
from pathlib import Path

import pytest

from search.documents import Document
from search.geo import postcode_point
from search.params import parse_query
from search.query import CEFR_LEVELS
from search.vacancies import KINDS, WORKING_TIMES

TODAY = dt.date(2026, 11, 22)


@pytest.fixture(scope="module")
def vacancy_data():
    path = Path(__file__).resolve().parents[2] / "infra" / "bench" / "vacancy_data.py"
    spec = importlib.util.spec_from_file_location("bench_vacancy_data", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while being made
    spec.loader.exec_module(module)
    yield module
    del sys.modules[spec.name]


def test_the_same_seed_gives_the_same_vacancies(vacancy_data):
    first = vacancy_data.generate(300, TODAY)
    again = vacancy_data.generate(300, TODAY)

    assert first == again
    assert vacancy_data.documents(first, TODAY) == vacancy_data.documents(again, TODAY)
    assert vacancy_data.generate(300, TODAY, seed=6) != first


def test_documents_have_every_field_with_plain_values(vacancy_data):
    docs = vacancy_data.documents(vacancy_data.generate(500, TODAY), TODAY)

    assert [doc["id"] for doc in docs] == list(range(1, 501))
    for doc in docs:
        assert set(doc) == set(Document.__annotations__)
        assert doc["kind"] in KINDS
        assert set(doc["working_times"]) <= set(WORKING_TIMES)
        assert doc["german_level"] in ("", *CEFR_LEVELS)
        assert "<" not in doc["description"] and "&amp;" not in doc["description"]
        assert doc["description"].count(".") + doc["description"].count("!") >= 2
        assert dt.date.fromisoformat(doc["posted"]) <= TODAY


def test_documents_vary_like_a_real_catalogue(vacancy_data):
    docs = vacancy_data.documents(vacancy_data.generate(2000, TODAY), TODAY)

    assert {doc["kind"] for doc in docs} == set(KINDS)
    assert len({doc["title"] for doc in docs}) > 800
    assert len({doc["city"] for doc in docs}) > 20
    assert {"active", "expired"} == {doc["state"] for doc in docs}
    assert 0 < sum(doc["hidden"] for doc in docs) < 200
    assert 0 < sum(doc["location"] is None for doc in docs) < 200


def test_every_place_has_a_known_postal_code(vacancy_data):
    for city in vacancy_data.CITIES:
        for postal_code in city.postal_codes:
            point = postcode_point(postal_code)
            assert point is not None, f"{city.name} {postal_code}"
            assert abs(point.latitude - city.latitude) < 0.15, f"{city.name} {postal_code}"
            assert abs(point.longitude - city.longitude) < 0.15, f"{city.name} {postal_code}"


def test_the_query_mix_is_valid_api_parameters(vacancy_data):
    mix = vacancy_data.queries(500)

    assert mix == vacancy_data.queries(500)
    queries = [parse_query(params, today=TODAY) for params in mix]
    assert sum(bool(query.text) for query in queries) > 200
    assert sum(query.near is not None for query in queries) > 50
    assert {query.sort for query in queries} == {"relevance", "date", "distance"}
