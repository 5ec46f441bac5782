"""The shared normalisers: examples from real career pages, then properties."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crawlers.normalise import (
    classify_kind,
    normalise_postal_code,
    normalise_title,
    parse_date,
    parse_salary,
    parse_working_time,
    place_from_schema,
    places_from_schema,
)
from search.vacancies import WORKING_TIMES, Place, Salary

D = Decimal


@pytest.mark.parametrize(
    ("value", "date"),
    [
        ("2026-11-03", dt.date(2026, 11, 3)),
        ("2026-10-20T08:00:00", dt.date(2026, 10, 20)),
        ("2026-12-15T23:59:59+01:00", dt.date(2026, 12, 15)),
        ("2026-12-31T23:30:00-05:00", dt.date(2026, 12, 31)),  # as written, not converted
        ("21.11.2026", dt.date(2026, 11, 21)),
        ("3. Dezember 2026", dt.date(2026, 12, 3)),
        ("December 3, 2026", dt.date(2026, 12, 3)),
        ("2026-02-30", None),
        ("vor 3 Tagen", None),  # relative dates would depend on the clock
        ("demnächst", None),
        ("", None),
        (None, None),
        (20261121, None),
    ],
)
def test_parse_date(value: object, date: dt.date | None) -> None:
    assert parse_date(value) == date


@pytest.mark.parametrize(
    ("value", "salary"),
    [
        (14.5, Salary(D("14.5"), D("14.5"))),
        ("3.000 € brutto", Salary(D(3000), D(3000), None, "EUR")),
        ("ab 18 €", Salary(D(18), None, None, "EUR")),
        ("bis zu 3.200 € im Monat", Salary(None, D(3200), "MONTH", "EUR")),
        ("16,50 - 19 € pro Stunde", Salary(D("16.50"), D(19), "HOUR", "EUR")),
        ("2.800–3.200 EUR monatlich", Salary(D(2800), D(3200), "MONTH", "EUR")),
        ("TV-L E 9, ca. 3.500 € brutto", Salary(D(3500), D(3500), None, "EUR")),
        ("TVöD P7", None),
        ("Entgeltgruppe 9 nach Tarif", None),
        ("nach Vereinbarung", None),
        (
            {
                "@type": "MonetaryAmount",
                "currency": "EUR",
                "value": {
                    "@type": "QuantitativeValue",
                    "minValue": 16.5,
                    "maxValue": 19.0,
                    "unitText": "HOUR",
                },
            },
            Salary(D("16.5"), D("19.0"), "HOUR", "EUR"),
        ),
        (
            {
                "@type": "MonetaryAmount",
                "currency": "EUR",
                "value": {"@type": "QuantitativeValue", "value": 2900, "unitText": "MONTH"},
            },
            Salary(D(2900), D(2900), "MONTH", "EUR"),
        ),
        (
            {"currency": "EUR", "value": "45.000", "unitText": "YEAR"},
            Salary(D(45000), D(45000), "YEAR", "EUR"),
        ),
        ({"currency": "EUR", "value": {"minValue": 0}}, None),
        (True, None),
    ],
)
def test_parse_salary(value: object, salary: Salary | None) -> None:
    assert parse_salary(value) == salary


@pytest.mark.parametrize(
    ("employment_type", "texts", "working_time"),
    [
        ("FULL_TIME", (), {"vollzeit"}),
        (["Vollzeit", "Teilzeit"], (), {"vollzeit", "teilzeit"}),
        ("PART_TIME, TEMPORARY", (), {"teilzeit"}),
        ("Minijob", (), {"minijob"}),
        ("INTERN", (), None),
        (None, ("Verkäufer (m/w/d) in Teilzeit",), {"teilzeit"}),
        (None, ("Pflegefachkraft in Voll- oder Teilzeit",), {"vollzeit", "teilzeit"}),
        (
            None,
            ("Arbeit im Schichtdienst, auch Homeoffice möglich",),
            {"schicht_nacht_wochenende", "heim_telearbeit"},
        ),
        ("FULL_TIME", ("auch in Teilzeit möglich",), {"vollzeit"}),  # the stated type wins
        (None, ("Bäcker (m/w/d)",), None),
    ],
)
def test_parse_working_time(employment_type, texts, working_time) -> None:
    expected = frozenset(working_time) if working_time is not None else None
    assert parse_working_time(employment_type, *texts) == expected


@pytest.mark.parametrize(
    ("title", "types", "employment_type", "credential", "kind"),
    [
        ("Praktikum Pflege", {"JobPosting"}, "INTERN", False, "praktikum"),
        ("Umschulung zum Fachinformatiker", {"JobPosting"}, "FULL_TIME", True, "weiterbildung"),
        ("Qualifizierung Lager", {"JobPosting"}, None, False, "weiterbildung"),
        ("MAG-Schweißen", {"Course"}, None, True, "weiterbildung"),
        ("Deutschkurs B2", {"EducationEvent"}, None, False, "weiterbildung"),
        ("Industriemechaniker 2027", {"JobPosting"}, "FULL_TIME", True, "ausbildung"),
        ("Ausbildung zum Bäcker", {"JobPosting"}, None, False, "ausbildung"),
        ("Bäcker (m/w/d) – mit Ausbildung", {"JobPosting"}, None, False, "job"),
        ("Bäcker (m/w/d)", {"JobPosting"}, "FULL_TIME", False, "job"),
    ],
)
def test_classify_kind(title, types, employment_type, credential, kind) -> None:
    assert (
        classify_kind(
            title=title, types=types, employment_type=employment_type, credential=credential
        )
        == kind
    )


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("99867", "99867"),
        (4177, "04177"),
        ("4177", "04177"),
        ("D-07545", "07545"),
        (4177.0, "04177"),
        ("123", ""),
        ("123456", ""),
        (None, ""),
    ],
)
def test_normalise_postal_code(value: object, code: str) -> None:
    assert normalise_postal_code(value) == code


def test_normalise_title_decodes_entities_and_spaces() -> None:
    assert normalise_title("  Koch&nbsp;/ K&ouml;chin\n (m/w/d) &amp;amp; <b>mehr</b> ") == (
        "Koch / Köchin (m/w/d) & mehr"
    )


@pytest.mark.parametrize(
    ("value", "place"),
    [
        ("99867 Gotha", Place(postal_code="99867", city="Gotha")),
        (
            "Hagenower Straße 73, 19061 Schwerin",
            Place(street="Hagenower Straße 73", postal_code="19061", city="Schwerin"),
        ),
        ("Gotha", Place(city="Gotha")),
        (
            {"@type": "PostalAddress", "postalCode": 4177, "addressLocality": "Leipzig"},
            Place(postal_code="04177", city="Leipzig"),
        ),
        (
            {
                "@type": "Place",
                "address": {"addressLocality": "99089 Erfurt"},
                "geo": {"latitude": "50,9958", "longitude": 11.0071},
            },
            Place(postal_code="99089", city="Erfurt", latitude=50.9958, longitude=11.0071),
        ),
        ({"@type": "Place"}, None),
    ],
)
def test_place_from_schema(value: object, place: Place | None) -> None:
    assert place_from_schema(value) == place


def test_places_from_schema_keeps_every_location_in_order() -> None:
    places = places_from_schema(["04177 Leipzig", {"address": "04229 Leipzig"}, 42])
    assert [p.postal_code for p in places] == ["04177", "04229"]


# --- properties ----------------------------------------------------------------

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=40),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4)
    ),
    max_leaves=12,
)
salary_texts = st.one_of(
    st.text(max_size=60),
    st.from_regex(
        r"(ab |bis )?\d{1,6}([.,]\d{1,3})?( ?[-–] ?\d{1,6}([.,]\d{1,2})?)? ?(€|EUR)?"
        r"( pro Stunde| monatlich| im Jahr)?",
        fullmatch=True,
    ),
)


@given(st.one_of(st.text(max_size=80), st.integers(), st.floats(), st.none()))
@settings(max_examples=300)
def test_postal_code_is_five_digits_or_empty(value: object) -> None:
    code = normalise_postal_code(value)
    assert code == "" or (len(code) == 5 and code.isdigit())


@given(st.one_of(salary_texts, json_values))
@settings(max_examples=400)
def test_salary_min_never_exceeds_max(value: object) -> None:
    salary = parse_salary(value)
    if salary is not None:
        assert salary.min is not None or salary.max is not None
        if salary.min is not None and salary.max is not None:
            assert salary.min <= salary.max
        assert salary.unit in (None, "HOUR", "MONTH", "YEAR")


@given(st.one_of(st.text(max_size=40), json_values))
@settings(max_examples=150, deadline=None)  # dateparser's first call loads its language data
def test_parse_date_never_raises(value: object) -> None:
    assert parse_date(value) is None or isinstance(parse_date(value), dt.date)


@given(json_values, st.lists(st.text(max_size=40), max_size=3))
@settings(max_examples=300)
def test_working_time_is_a_subset_of_the_known_values_or_none(employment_type, texts) -> None:
    working_time = parse_working_time(employment_type, *texts)
    assert working_time is None or (working_time and working_time <= set(WORKING_TIMES))


@given(json_values)
@settings(max_examples=300)
def test_places_never_raise_and_codes_stay_valid(value: object) -> None:
    for place in places_from_schema(value):
        assert place.postal_code == "" or len(place.postal_code) == 5
        assert place.latitude is None or -90 <= place.latitude <= 90
