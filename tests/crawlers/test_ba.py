"""Reading the Jobsuche API (search pages, details) and planning its queries, without network."""

from __future__ import annotations

import base64
import datetime as dt
import math
from decimal import Decimal
from urllib.parse import unquote

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crawlers.ba import (
    ARBEITSZEIT_CODES,
    MAX_WINDOW,
    detail_path,
    pages_for,
    public_url,
    reachable,
    search_page_items,
    split_queries,
    vacancy_from_ba,
)
from search.vacancies import AUSBILDUNG, JOB, PRAKTIKUM, TEILZEIT, VOLLZEIT, Salary
from tests.crawlers.ba_fixtures import (
    as_of,
    detail,
    expected,
    expected_vacancies,
    match_report,
    needs_fixtures,
    search_pages,
)

SOURCE = "ba-jobsuche-test"

SEARCH_ITEM = {
    "beruf": "Koch/Köchin",
    "titel": "Koch (m/w/d)",
    "refnr": "10000-1000000001-S",
    "arbeitsort": {
        "plz": "4177",
        "ort": "Leipzig",
        "strasse": "Lindenallee 5",
        "koordinaten": {"lat": 51.337, "lon": 12.327},
    },
    "arbeitgeber": "Auenwald Pflegeheime gGmbH",
    "aktuelleVeroeffentlichungsdatum": "2026-11-01",
}
DETAIL = {
    "stellenangebotsTitel": "Koch (m/w/d)",
    "stellenangebotsBeschreibung": "Wir kochen frisch.\nIhre Aufgaben:\n- Mise en place\n- Saucen",
    "referenznummer": "10000-1000000001-S",
    "firma": "Auenwald Pflegeheime gGmbH",
    "verguetungsangabe": "TARIFVERTRAG",
    "arbeitszeitVollzeit": True,
    "arbeitszeitTeilzeitVormittag": False,
    "arbeitszeitTeilzeitNachmittag": False,
    "arbeitszeitTeilzeitAbend": False,
    "arbeitszeitTeilzeitFlexibel": True,
    "arbeitszeitSchichtNachtWochenende": False,
    "arbeitszeitHeimTelearbeit": False,
    "istGeringfuegigeBeschaeftigung": False,
    "veroeffentlichungszeitraum": {"von": "2026-11-01", "bis": "2026-12-31"},
    "stellenlokationen": [
        {
            "adresse": {
                "plz": "04177",
                "ort": "Leipzig",
                "strasse": "Lindenallee",
                "hausnummer": "5",
            },
            "breite": 51.337,
            "laenge": 12.327,
        },
        {"adresse": {"plz": "04229", "ort": "Leipzig"}, "breite": 51.32, "laenge": 12.33},
    ],
    "geforderterBildungsabschluss": "HAUPTSCHULABSCHLUSS",
    "quereinstiegGeeignet": True,
    "sprachkenntnisse": [{"hierarchieName": "Deutsch", "auspraegung": "Erweiterte Kenntnisse"}],
}


def build(search_item=SEARCH_ITEM, detail_document=DETAIL, angebotsart=1):
    return vacancy_from_ba(search_item, detail_document, source=SOURCE, angebotsart=angebotsart)


# --- against the recorded fixtures -------------------------------------------


def built_from_recordings() -> dict[str, object]:
    """Every posting on the recorded search pages, with its detail where there is one."""
    built = {}
    for code in map(int, expected()["ba_api"]["postings_per_angebotsart"]):
        for page in search_pages(code):
            for item in search_page_items(page):
                vacancy = vacancy_from_ba(
                    item, detail(item["refnr"]), source=SOURCE, angebotsart=code
                )
                built[f"ba:{vacancy.external_id}"] = vacancy
    return built


@needs_fixtures
def test_recorded_postings_match_the_ground_truth_field_by_field():
    share, mismatches = match_report(expected_vacancies("ba_api"), built_from_recordings(), as_of())
    assert share >= 0.98, f"{share:.1%} of fields match:\n" + "\n".join(mismatches)


@needs_fixtures
def test_every_recorded_posting_is_read_once():
    built = built_from_recordings()
    assert sorted(built) == sorted(v["id"] for v in expected_vacancies("ba_api"))


@needs_fixtures
def test_posting_without_detail_keeps_its_search_fields_and_unknown_working_time():
    missing = expected()["ba_api"]["detail_missing_refnrs"]
    built = built_from_recordings()
    for refnr in missing:
        vacancy = built[f"ba:{refnr}"]
        assert vacancy.working_time is None
        assert vacancy.valid_through is None
        assert vacancy.employer and vacancy.place.city and vacancy.posted


@needs_fixtures
def test_recorded_descriptions_are_safe_html():
    built = built_from_recordings()
    for vacancy in built.values():
        for needle in expected()["description_must_not_contain"]:
            assert needle not in vacancy.description.lower(), vacancy.external_id


# --- one posting ---------------------------------------------------------------


def test_kind_follows_angebotsart():
    assert [build(angebotsart=code).kind for code in (1, 4, 34)] == [JOB, AUSBILDUNG, PRAKTIKUM]


def test_unknown_angebotsart_is_refused():
    with pytest.raises(ValueError, match="angebotsart"):
        build(angebotsart=2)


def test_posting_without_refnr_is_refused():
    with pytest.raises(ValueError, match="refnr"):
        vacancy_from_ba({"titel": "Koch (m/w/d)"}, None, source=SOURCE, angebotsart=1)


def test_detail_lists_every_place_with_coordinates():
    vacancy = build()
    assert [(p.postal_code, p.street) for p in vacancy.places] == [
        ("04177", "Lindenallee 5"),
        ("04229", ""),
    ]
    assert vacancy.place.latitude == pytest.approx(51.337)


def test_search_list_place_restores_the_lost_leading_zero():
    vacancy = build(detail_document=None)
    assert vacancy.place.postal_code == "04177"
    assert (vacancy.place.latitude, vacancy.place.longitude) == (51.337, 12.327)


def test_working_time_comes_from_the_detail_flags():
    assert build().working_time == frozenset({VOLLZEIT, TEILZEIT})


def test_working_time_is_unknown_without_detail():
    assert build(detail_document=None).working_time is None


def test_valid_through_is_the_end_of_publication():
    assert build().valid_through == dt.date(2026, 12, 31)
    assert build().posted == dt.date(2026, 11, 1)


def test_open_ended_publication_has_no_valid_through():
    document = {**DETAIL, "veroeffentlichungszeitraum": {"von": "2026-11-01"}}
    assert build(detail_document=document).valid_through is None


def test_tariff_without_amount_is_no_salary():
    assert build().salary is None


def test_pay_with_an_amount_is_a_salary():
    document = {**DETAIL, "verguetung": "2.800 € brutto im Monat"}
    assert build(detail_document=document).salary == Salary(
        Decimal(2800), Decimal(2800), "MONTH", "EUR"
    )


def test_plain_text_description_keeps_paragraphs_and_lists():
    assert build().description == (
        "<p>Wir kochen frisch.<br>Ihre Aufgaben:</p><ul><li>Mise en place</li><li>Saucen</li></ul>"
    )


def test_html_description_is_sanitised():
    document = {
        **DETAIL,
        "stellenangebotsBeschreibung": 'Gut<br/><img src=x onerror="alert(1)"><script>x()</script>',
    }
    description = build(detail_document=document).description
    assert description == "Gut<br>"


def test_requirements_from_the_detail():
    vacancy = build()
    assert vacancy.german_level == "B1"
    assert vacancy.qualification == "Hauptschulabschluss"
    assert vacancy.career_changers is True


def test_requirements_unknown_without_detail():
    vacancy = build(detail_document=None)
    assert (vacancy.german_level, vacancy.qualification, vacancy.career_changers) == ("", "", None)


def test_url_is_the_public_job_page():
    assert build().url == "https://www.arbeitsagentur.de/jobsuche/jobdetail/10000-1000000001-S"


def test_external_url_wins_and_the_job_page_stays_in_extra():
    vacancy = build({**SEARCH_ITEM, "externeUrl": "https://karriere.example/4711"})
    assert vacancy.url == "https://karriere.example/4711"
    assert vacancy.extra["ba_url"] == public_url("10000-1000000001-S")


def test_newer_detail_form_is_read_too():
    document = {
        "titel": "Koch (m/w/d)",
        "stellenbeschreibung": "Frisch kochen.",
        "arbeitszeitmodelle": ["VOLLZEIT", "SCHICHT_NACHTARBEIT_WOCHENENDE"],
        "arbeitsorte": [
            {"plz": "99867", "ort": "Gotha", "koordinaten": {"lat": 50.9, "lon": 10.7}}
        ],
    }
    vacancy = build(detail_document=document)
    assert vacancy.working_time == frozenset({VOLLZEIT, "schicht_nacht_wochenende"})
    assert vacancy.place.city == "Gotha"
    assert vacancy.description == "<p>Frisch kochen.</p>"


def test_detail_path_is_base64_of_the_refnr():
    path = detail_path("10000-1000000001-S")
    encoded = unquote(path.removeprefix("/pc/v4/jobdetails/"))
    assert base64.b64decode(encoded).decode() == "10000-1000000001-S"


# --- search pages ----------------------------------------------------------------


def test_page_past_the_end_has_no_items():
    assert search_page_items({"maxErgebnisse": 40, "page": 3, "size": 25}) == []


def test_page_items_are_the_stellenangebote():
    page = {"stellenangebote": [SEARCH_ITEM, {"titel": "ohne refnr"}], "maxErgebnisse": 2}
    assert search_page_items(page) == [SEARCH_ITEM]


def test_odd_responses_have_no_items():
    assert search_page_items(None) == []
    assert search_page_items({"stellenangebote": "kaputt"}) == []


# --- paging ------------------------------------------------------------------------


def test_pages_cover_all_results():
    pages = pages_for({"angebotsart": 1}, 240, page_size=100)
    assert pages == [{"angebotsart": "1", "page": str(n), "size": "100"} for n in (1, 2, 3)]


def test_pages_stop_at_the_window():
    pages = pages_for({"angebotsart": 1}, 25_000, page_size=100)
    assert len(pages) == 100
    assert max(int(p["page"]) * int(p["size"]) for p in pages) == MAX_WINDOW


def test_no_results_no_pages():
    assert pages_for({"angebotsart": 1}, 0) == []


@pytest.mark.parametrize("size", [0, 101])
def test_page_size_outside_the_service_limits_is_refused(size):
    with pytest.raises(ValueError, match="page size"):
        pages_for({}, 10, page_size=size)


@given(total=st.integers(0, 100_000), size=st.integers(1, 100))
def test_page_times_size_never_exceeds_the_window(total, size):
    pages = pages_for({"angebotsart": "4"}, total, page_size=size)
    assert all(int(p["page"]) * int(p["size"]) <= MAX_WINDOW for p in pages)
    assert len(pages) == math.ceil(min(total, reachable(size)) / size)
    assert [int(p["page"]) for p in pages] == list(range(1, len(pages) + 1))


# --- splitting queries ------------------------------------------------------------


def test_query_that_fits_comes_back_alone():
    assert split_queries({"angebotsart": 1, "wo": "Gotha"}, 10_000) == [
        {"angebotsart": "1", "wo": "Gotha"}
    ]


def test_first_split_is_by_angebotsart():
    parts = split_queries({"was": "Koch"}, 30_000)
    assert parts == [{"was": "Koch", "angebotsart": code} for code in ("1", "4", "34")]


def test_then_by_working_time():
    parts = split_queries({"angebotsart": "1"}, 30_000)
    assert [p["arbeitszeit"] for p in parts] == list(ARBEITSZEIT_CODES)


def test_then_by_postal_code_prefix():
    parts = split_queries({"angebotsart": "1", "arbeitszeit": "vz"}, 30_000)
    assert [p["wo"] for p in parts] == [str(d) for d in range(10)]
    deeper = split_queries(parts[9], 12_000)
    assert [p["wo"] for p in deeper] == [f"9{d}" for d in range(10)]


def test_named_place_with_radius_cannot_be_split_further():
    query = {"angebotsart": "1", "arbeitszeit": "vz", "wo": "Berlin", "umkreis": "50"}
    assert split_queries(query, 30_000) == [query]


def test_paging_parameters_do_not_leak_into_parts():
    parts = split_queries({"angebotsart": "1", "page": "3", "size": "100"}, 30_000)
    assert all("page" not in p and "size" not in p for p in parts)


def test_small_pages_reach_less_of_the_window():
    # size 30 reaches 333 × 30 = 9,990 results, so 9,995 must be split
    assert len(split_queries({"angebotsart": "1"}, 9_995, page_size=30)) == 5


postings = st.lists(
    st.tuples(
        st.sampled_from(["1", "4", "34"]),
        st.sets(st.sampled_from(ARBEITSZEIT_CODES), min_size=1),
        st.from_regex(r"\A[0-9]{5}\Z"),
    ),
    max_size=300,
)


def matches(posting, query) -> bool:
    """The emulation's filters: angebotsart, any of the arbeitszeit codes, PLZ prefix."""
    kind, codes, postal_code = posting
    if "angebotsart" in query and query["angebotsart"] != kind:
        return False
    wanted = {c for c in query.get("arbeitszeit", "").split(";") if c}
    if wanted and not wanted & codes:
        return False
    return postal_code.startswith(query.get("wo", ""))


def plan(query, population, page_size, limit):
    """What a spider does: count each query, split it while it does not fit."""
    total = sum(matches(p, query) for p in population)
    parts = split_queries(query, total, page_size, limit)
    if parts == [query]:
        return [query]
    return [leaf for part in parts for leaf in plan(part, population, page_size, limit)]


def fully_narrowed(query) -> bool:
    return len(query.get("wo", "")) == 5 and ";" not in query.get("arbeitszeit", ";")


@settings(max_examples=150, deadline=None)
@given(
    population=postings,
    limit=st.integers(5, 60),
    page_size=st.integers(1, 5),
    root=st.sampled_from([{}, {"angebotsart": "4"}, {"arbeitszeit": "vz;tz"}]),
)
def test_split_parts_fit_cover_everything_and_are_deterministic(population, limit, page_size, root):
    leaves = plan(root, population, page_size, limit)
    window = reachable(page_size, limit)
    for leaf in leaves:
        count = sum(matches(p, leaf) for p in population)
        assert count <= window or fully_narrowed(leaf), leaf
        assert all(leaf.get(k) == v for k, v in root.items() if k != "arbeitszeit")
    wanted = {i for i, p in enumerate(population) if matches(p, root)}
    found = {i for i, p in enumerate(population) for leaf in leaves if matches(p, leaf)}
    assert found == wanted
    assert plan(root, population, page_size, limit) == leaves
