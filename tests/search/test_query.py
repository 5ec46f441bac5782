"""Query validation: a wrong parameter is named, never silently ignored."""

import datetime as dt

import pytest

from search.query import Query, QueryError, Results, german_rank, with_postal_code


@pytest.mark.parametrize(
    ("options", "parameter"),
    [
        ({"text": "x" * 201}, "q"),
        ({"kinds": frozenset({"minijob"})}, "kind"),
        ({"working_times": frozenset({"job"})}, "working_time"),
        ({"near": (91.0, 10.0)}, "lat"),
        ({"radius_km": 10.0}, "radius_km"),
        ({"near": (50.9, 10.7), "radius_km": 0.0}, "radius_km"),
        ({"near": (50.9, 10.7), "radius_km": 5000.0}, "radius_km"),
        ({"posted_within_days": -1}, "posted_within_days"),
        ({"max_german_level": "B3"}, "german_level"),
        ({"sort": "salary"}, "sort"),
        ({"sort": "distance"}, "sort"),
        ({"page": 0}, "page"),
        ({"page_size": 101}, "page_size"),
        ({"page": 501, "page_size": 20}, "page"),
    ],
)
def test_invalid_queries_name_the_parameter(options, parameter):
    with pytest.raises(QueryError) as caught:
        Query(**options)
    assert caught.value.parameter == parameter
    assert caught.value.message


def test_german_levels_rank_in_cefr_order():
    assert [german_rank(level) for level in ("", "a1", "A2", "B1", "B2", "C1", "C2")] == [
        0,
        1,
        2,
        3,
        4,
        5,
        6,
    ]


def test_posted_since_counts_back_from_today():
    query = Query(posted_within_days=7, today=dt.date(2026, 11, 20))
    assert query.posted_since == dt.date(2026, 11, 13)
    assert Query().posted_since is None


def test_without_text_relevance_means_newest_first():
    assert Query().effective_sort() == "date"
    assert Query(text="Koch").effective_sort() == "relevance"
    assert Query(text="  ").effective_sort() == "date"


def test_pages_round_up():
    assert Results(total=41, hits=(), page_size=20).pages == 3
    assert Results(total=0, hits=()).pages == 1


def test_a_postal_code_becomes_the_point_searched_around():
    query = with_postal_code(Query(), "99867")
    assert query.near is not None
    assert query.near[0] == pytest.approx(50.95, abs=0.1)
    with pytest.raises(QueryError) as caught:
        with_postal_code(Query(), "00000")
    assert caught.value.parameter == "postal_code"
