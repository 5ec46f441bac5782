"""search.params: query-string parameters to a Query; every bad value names its parameter."""

import datetime as dt

import pytest
from django.http import QueryDict

from search.params import parse_query, parse_suggest
from search.query import Query, QueryError


def parsed(query_string: str) -> Query:
    return parse_query(QueryDict(query_string))


def refused(query_string: str) -> QueryError:
    with pytest.raises(QueryError) as caught:
        parsed(query_string)
    return caught.value


def test_no_parameters_ask_for_every_active_vacancy_by_relevance():
    assert parsed("") == Query()


def test_empty_values_count_as_not_given():
    assert parsed("q=&kind=&lat=&lon=&page=&sort=&active_only=") == Query()


def test_unknown_parameters_are_ignored():
    assert parsed("format=json&utm_source=flyer&lang=ar") == Query()


def test_a_plain_dict_of_lists_works_like_a_query_string():
    assert parse_query({"q": ["Lager"], "kind": ["job", "praktikum"]}) == Query(
        text="Lager", kinds=frozenset({"job", "praktikum"})
    )


def test_text_is_stripped():
    assert parsed("q=+Lagerhelfer+").text == "Lagerhelfer"


def test_text_longer_than_200_characters_is_refused():
    assert refused("q=" + "a" * 201).parameter == "q"


@pytest.mark.parametrize("name", ["kind", "working_time"])
def test_choices_may_be_repeated_or_comma_separated(name):
    values = {"kind": ("job", "ausbildung"), "working_time": ("vollzeit", "minijob")}[name]
    repeated = parsed(f"{name}={values[0]}&{name}={values[1]}")
    separated = parsed(f"{name}={values[0]},{values[1]}")
    assert repeated == separated
    field = "kinds" if name == "kind" else "working_times"
    assert getattr(repeated, field) == frozenset(values)


def test_choices_ignore_case_and_blank_items():
    assert parsed("kind=JOB,,+Praktikum").kinds == frozenset({"job", "praktikum"})


@pytest.mark.parametrize(("name", "value"), [("kind", "jobs"), ("working_time", "nachts")])
def test_an_unknown_choice_is_refused_and_named(name, value):
    error = refused(f"{name}={value}")
    assert error.parameter == name
    assert value in error.message


def test_a_postal_code_becomes_the_place_searched_from():
    query = parsed("postal_code=99867&radius_km=25&sort=distance")
    assert query.near == pytest.approx((50.95, 10.70), abs=0.05)
    assert query.radius_km == 25
    assert query.sort == "distance"


@pytest.mark.parametrize("value", ["9986", "998677", "99a67", "D-99867"])
def test_a_postal_code_must_be_five_digits(value):
    assert refused(f"postal_code={value}").parameter == "postal_code"


def test_an_unknown_postal_code_is_refused():
    error = refused("postal_code=00000")
    assert error.parameter == "postal_code"
    assert "00000" in error.message


def test_postal_code_and_coordinates_together_are_refused():
    assert refused("postal_code=99867&lat=50.9&lon=10.7").parameter == "postal_code"


def test_coordinates_become_the_place_searched_from():
    assert parsed("lat=50.95&lon=10.7").near == (50.95, 10.7)


@pytest.mark.parametrize(("given", "missing"), [("lat=50.9", "lon"), ("lon=10.7", "lat")])
def test_latitude_and_longitude_come_together(given, missing):
    assert refused(given).parameter == missing


@pytest.mark.parametrize(
    ("query_string", "name"),
    [
        ("lat=91&lon=10", "lat"),
        ("lat=50&lon=-180.5", "lon"),
        ("lat=north&lon=10", "lat"),
        ("lat=nan&lon=10", "lat"),
        ("lat=50&lon=inf", "lon"),
        ("lat=1e3&lon=10", "lat"),
    ],
)
def test_coordinates_must_be_numbers_in_range(query_string, name):
    assert refused(query_string).parameter == name


def test_a_radius_needs_a_place():
    assert refused("radius_km=10").parameter == "radius_km"


@pytest.mark.parametrize("value", ["0", "-5", "1000.5", "ten", "10km"])
def test_a_radius_is_above_zero_and_at_most_1000_km(value):
    assert refused(f"lat=50&lon=10&radius_km={value}").parameter == "radius_km"


def test_posted_within_days_counts_back_from_today():
    query = parse_query(QueryDict("posted_within_days=7"), today=dt.date(2026, 11, 22))
    assert query.posted_since == dt.date(2026, 11, 15)


@pytest.mark.parametrize("value", ["-1", "3651", "1.5", "week"])
def test_posted_within_days_is_a_whole_number_from_0_to_3650(value):
    assert refused(f"posted_within_days={value}").parameter == "posted_within_days"


def test_german_level_max_is_a_cefr_level_in_any_case():
    assert parsed("german_level_max=b1").max_german_level == "B1"


@pytest.mark.parametrize("value", ["B3", "good", "1"])
def test_german_level_max_refuses_other_levels(value):
    assert refused(f"german_level_max={value}").parameter == "german_level_max"


@pytest.mark.parametrize(("value", "expected"), [("true", True), ("1", True), ("FALSE", False)])
def test_no_driving_licence_is_true_or_false(value, expected):
    assert parsed(f"no_driving_licence={value}").no_driving_licence is expected


def test_active_only_is_on_unless_switched_off():
    assert parsed("").active_only is True
    assert parsed("active_only=0").active_only is False


@pytest.mark.parametrize("name", ["no_driving_licence", "active_only"])
def test_a_flag_refuses_other_words(name):
    assert refused(f"{name}=yes please").parameter == name


@pytest.mark.parametrize("value", ["relevance", "date"])
def test_sort_by_relevance_or_date(value):
    assert parsed(f"sort={value}").sort == value


def test_sort_by_distance_needs_a_place():
    assert refused("sort=distance").parameter == "sort"
    assert parsed("sort=distance&lat=50&lon=10").sort == "distance"


def test_an_unknown_sort_is_refused():
    assert refused("sort=salary").parameter == "sort"


def test_page_and_page_size():
    query = parsed("page=3&page_size=50")
    assert (query.page, query.page_size, query.offset) == (3, 50, 100)


@pytest.mark.parametrize(
    ("query_string", "name"),
    [
        ("page=0", "page"),
        ("page=two", "page"),
        ("page=99999999999999999999", "page"),
        ("page=101&page_size=100", "page"),
        ("page_size=0", "page_size"),
        ("page_size=101", "page_size"),
        ("page_size=2.5", "page_size"),
    ],
)
def test_pages_are_bounded(query_string, name):
    assert refused(query_string).parameter == name


def test_a_single_valued_parameter_given_twice_is_refused():
    error = refused("page=1&page=2")
    assert error.parameter == "page"
    assert "once" in error.message


def test_the_same_value_given_twice_is_accepted():
    assert parsed("sort=date&sort=date").sort == "date"


def test_suggest_reads_the_prefix_and_a_limit():
    assert parse_suggest(QueryDict("q=Lag")) == ("Lag", 8)
    assert parse_suggest(QueryDict("q=Lag&limit=3")) == ("Lag", 3)


@pytest.mark.parametrize("query_string", ["limit=0", "limit=21", "limit=many"])
def test_suggest_limit_is_1_to_20(query_string):
    with pytest.raises(QueryError) as caught:
        parse_suggest(QueryDict(query_string))
    assert caught.value.parameter == "limit"
