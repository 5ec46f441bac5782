"""The contract of the vacancy index: one suite, both backends, the same answers.

The semantics under test are written down in search/query.py. Every test runs
against the embedded index and against the real Elasticsearch server, over
the same thirteen documents (written once per backend for the module).
"""

from __future__ import annotations

import datetime as dt
import html
import re

import pytest

from search.documents import Document, suggestion_title
from search.query import Query, Results

from .conftest import BACKENDS, make_index

TODAY = dt.date(2026, 11, 20)
GOTHA = (50.9489, 10.7018)
ERFURT = (50.9787, 11.0328)
WALTERSHAUSEN = (50.8980, 10.5560)
BERLIN = (52.5320, 13.3846)


def doc(
    id: int,
    title: str,
    *,
    kind: str = "job",
    employer: str = "",
    city: str = "Gotha",
    postal_code: str = "99867",
    at: tuple[float, float] | None = GOTHA,
    description: str = "",
    times: tuple[str, ...] = ("vollzeit",),
    posted: str = "2026-11-01",
    german: str = "",
    licence: bool = False,
    state: str = "active",
    hidden: bool = False,
    qualification: str = "",
) -> Document:
    return {
        "id": id,
        "kind": kind,
        "title": title,
        "suggestion": suggestion_title(title),
        "employer": employer,
        "city": city,
        "postal_code": postal_code,
        "qualification": qualification,
        "description": description,
        "working_times": list(times),
        "location": {"lat": at[0], "lon": at[1]} if at else None,
        "posted": posted,
        "german_level": german,
        "german_rank": ("A1", "A2", "B1", "B2", "C1", "C2").index(german) + 1 if german else 0,
        "driving_licence": licence,
        "state": state,
        "hidden": hidden,
        "url": f"https://jobs.example.org/{id}",
    }


def near(point: tuple[float, float], north_km: float = 0.0) -> tuple[float, float]:
    """A point a little north of another, so places in one town differ."""
    return (point[0] + north_km / 111.2, point[1])


DOCS = [
    doc(
        1,
        "Lagerhelfer (m/w/d)",
        employer="Seelogistik GmbH",
        posted="2026-11-18",
        german="A2",
        description="Kommissionieren im Lager, Staplerschein von Vorteil.",
    ),
    doc(
        2,
        "Gabelstaplerfahrer (m/w/d)",
        employer="Logistikzentrum Erfurt",
        city="Erfurt",
        postal_code="99084",
        at=ERFURT,
        times=("vollzeit", "schicht_nacht_wochenende"),
        posted="2026-11-10",
        german="B1",
        licence=True,
        description="Fahren von Gabelstaplern im Schichtbetrieb.",
    ),
    doc(
        3,
        "Koch / Köchin",
        employer="Gasthaus Zur Linde",
        at=near(GOTHA, 1),
        times=("teilzeit",),
        posted="2026-10-01",
        german="B1",
        description="Zubereitung warmer Speisen in unserer Küche.",
    ),
    doc(
        4,
        "Ausbildung zum Kaufmann im Einzelhandel",
        kind="ausbildung",
        employer="Markt AG",
        at=near(GOTHA, 2),
        german="B2",
        description="Beratung von Kundinnen und Kunden.",
    ),
    doc(
        5,
        "Praktikum Pflegehilfe",
        kind="praktikum",
        employer="Seniorenheim Sonnenhof",
        city="Waltershausen",
        postal_code="99880",
        at=WALTERSHAUSEN,
        times=("teilzeit",),
        posted="2026-11-15",
        german="A2",
        description="Unterstützung bei der Pflege.",
    ),
    doc(
        6,
        "Weiterbildung Berufskraftfahrer",
        kind="weiterbildung",
        employer="Bildungswerk Thüringen",
        city="Erfurt",
        postal_code="99084",
        at=near(ERFURT, 1),
        posted="2026-09-01",
        german="B1",
        licence=True,
        description="Führerschein Klasse C/CE in zwölf Monaten.",
    ),
    doc(
        7,
        "Reinigungskraft Minijob",
        employer="Clean GmbH",
        at=near(GOTHA, 3),
        times=("minijob",),
        posted="2026-11-19",
        description="Reinigung von Büroräumen.",
    ),
    doc(
        8,
        "Lagerhelfer (m/w/d)",
        employer="Seelogistik GmbH",
        posted="2026-11-18",
        german="A2",
        hidden=True,
        description="Dieselbe Stelle, bei einer Jobbörse gesehen.",
    ),
    doc(
        9,
        "Lagerist",
        employer="Altlager KG",
        posted="2026-08-01",
        state="expired",
        at=near(GOTHA, 0.5),
    ),
    doc(
        10,
        "Verkäufer (m/w/d)",
        employer="Hauptstadt Mode",
        city="Berlin",
        postal_code="10115",
        at=BERLIN,
        times=("teilzeit",),
        posted="2026-11-20",
        german="A1",
    ),
    doc(
        11,
        "Küchenhilfe",
        employer="Kantine Nord",
        city="",
        postal_code="",
        at=None,
        times=("teilzeit",),
        posted="2026-11-05",
        german="A1",
    ),
    doc(
        12,
        "Fachkraft für Lagerlogistik",
        kind="ausbildung",
        employer="Seelogistik GmbH",
        at=near(GOTHA, 0.3),
        posted="2026-11-12",
        german="B1",
    ),
    doc(
        13,
        "Bauhelfer <script>alert(1)</script>",
        employer="Bau & Söhne",
        at=near(GOTHA, 4),
        posted="2026-10-15",
        description="Auf der <Baustelle> & drumherum.",
    ),
]
BY_DATE = [10, 7, 1, 5, 12, 2, 11, 4, 13, 3, 6]  # visible active ones, newest first
IN_GOTHA = {1, 3, 4, 7, 12, 13}


@pytest.fixture(scope="module", params=BACKENDS)
def index(request, tmp_path_factory):
    index = make_index(request.param, tmp_path_factory.mktemp("contract"))
    index.write(DOCS, [])
    index.refresh()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("search.index.get_index", lambda: index)
        yield index
    index.drop()


def run(index, **options) -> Results:
    options.setdefault("today", TODAY)
    options.setdefault("page_size", 50)
    return index.search(Query(**options))


def ids(results: Results) -> list[int]:
    return [hit.id for hit in results.hits]


def found(index, **options) -> set[int]:
    results = run(index, **options)
    assert results.total == len(results.hits), "all hits fit on one page here"
    return set(ids(results))


# Text -----------------------------------------------------------------------


def test_a_typo_still_finds_the_title(index):
    assert 1 in found(index, text="Lagerhelfr")


def test_a_word_inside_a_compound_title_is_found(index):
    assert 2 in found(index, text="Staplerfahrer")


def test_umlauts_can_be_typed_without_dots(index):
    assert {3, 11} <= found(index, text="Kuche")


def test_inflected_forms_find_each_other(index):
    assert 2 in found(index, text="Gabelstapler")
    assert 1 in found(index, text="Lagerhelfers")


def test_every_term_must_match(index):
    assert found(index, text="Lager Gotha") == {1, 12}


def test_employer_and_city_are_searched(index):
    assert found(index, text="Sonnenhof") == {5}
    assert 2 in found(index, text="Erfurt")


def test_swapped_letters_count_as_one_typo(index):
    assert 1 in found(index, text="Lagerhlefer")
    assert 7 in found(index, text="Reinigugnskraft")


def test_a_short_word_is_found_as_it_is(index):
    assert found(index, text="AG") == {4}
    assert found(index, any_text=("AG", "Clean")) == {4, 7}


def test_short_terms_are_not_fuzzy(index):
    assert 3 not in found(index, text="Kch")
    assert 3 in found(index, text="Koch")


def test_a_word_nobody_uses_finds_nothing(index):
    results = run(index, text="Zahnarztpraxis")
    assert results.total == 0 and results.hits == ()


def test_duplicates_and_expired_vacancies_are_not_hits(index):
    assert 8 not in found(index, text="Lagerhelfer")
    assert 9 not in found(index, text="Lagerist")
    assert 8 not in found(index)


def test_inactive_vacancies_are_found_when_asked_for(index):
    assert 9 in found(index, text="Lagerist", active_only=False)
    assert 8 not in found(index, active_only=False)


def test_any_of_several_phrases(index):
    either = found(index, any_text=("Koch", "Gabelstaplerfahrer"))
    assert {2, 3} <= either and not either & {5, 10, 12}
    assert found(index, any_text=("Zahnarztpraxis", "Kaufmann Einzelhandel")) == {4}
    assert found(index, any_text=("Zahnarztpraxis",)) == set()


def test_any_of_combines_with_text_and_filters(index):
    assert found(index, text="Gotha", any_text=("Koch", "Gabelstaplerfahrer")) == {3}
    assert found(index, any_text=("Lager",), kinds=frozenset({"ausbildung"})) == {12}


def test_any_of_phrases_are_vocabulary_not_typing(index):
    assert 1 not in found(index, any_text=("Lagerhelfr",))
    assert 2 in found(index, any_text=("Staplerfahrer",))  # inside the compound still


def test_without_details_the_same_hits_come_plain(index):
    options = {"text": "Lager", "kinds": frozenset({"job", "ausbildung"})}
    full, lean = run(index, **options), run(index, details=False, **options)
    assert ids(lean) == ids(full) and lean.total == full.total
    assert all(not counts for counts in lean.facets.values())
    assert [hit.highlight_title for hit in lean.hits] == [
        html.escape(hit.title) for hit in lean.hits
    ]
    assert {hit.highlight_description for hit in lean.hits} == {""}


def test_any_of_ranks_the_better_match_first(index):
    assert ids(run(index, any_text=("Lagerhelfer", "Zahnarztpraxis")))[0] == 1


@pytest.mark.parametrize(
    "text", ['"Lager', "Lager*", "AND OR NOT", "-Lager", "NEAR(Lager", "title:Lager", "(", "^"]
)
def test_search_syntax_in_the_text_is_only_text(index, text):
    run(index, text=text)  # answers, whatever it finds


# Filters --------------------------------------------------------------------


def test_kinds_filter_any_of(index):
    assert found(index, kinds=frozenset({"ausbildung"})) == {4, 12}
    assert found(index, kinds=frozenset({"ausbildung", "praktikum"})) == {4, 5, 12}


def test_working_times_filter_any_of(index):
    assert found(index, working_times=frozenset({"minijob"})) == {7}
    assert found(index, working_times=frozenset({"teilzeit", "minijob"})) == {3, 5, 7, 10, 11}


def test_distance_filter(index):
    assert found(index, near=GOTHA, radius_km=8) == IN_GOTHA
    assert found(index, near=GOTHA, radius_km=30) == IN_GOTHA | {2, 5, 6}


def test_posted_within_days(index):
    assert found(index, posted_within_days=7) == {1, 5, 7, 10}
    assert found(index, posted_within_days=0) == {10}


def test_german_level_at_most(index):
    assert found(index, max_german_level="A2") == {1, 5, 7, 10, 11, 13}
    assert 4 not in found(index, max_german_level="B1")
    assert 4 in found(index, max_german_level="C2")


def test_no_driving_licence(index):
    assert found(index, no_driving_licence=True) == set(BY_DATE) - {2, 6}


def test_filters_combine(index):
    assert found(
        index,
        text="Lager",
        kinds=frozenset({"job"}),
        near=GOTHA,
        radius_km=5,
        max_german_level="A2",
    ) == {1}


# Facets ---------------------------------------------------------------------


def test_facets_count_every_value(index):
    facets = run(index).facets
    assert dict(facets["kind"]) == {"job": 7, "ausbildung": 2, "praktikum": 1, "weiterbildung": 1}
    assert facets["working_time"]["vollzeit"] == 6
    assert facets["working_time"]["teilzeit"] == 4
    assert facets["working_time"]["minijob"] == 1
    assert facets["working_time"]["schicht_nacht_wochenende"] == 1


def test_facets_ignore_their_own_filter_only(index):
    results = run(index, kinds=frozenset({"ausbildung"}))
    assert results.total == 2
    assert results.facets["kind"]["job"] == 7  # choosing "job" too would add these
    assert dict(results.facets["working_time"]) == {"vollzeit": 2}


def test_facets_follow_the_text(index):
    facets = run(index, text="Lager").facets
    assert dict(facets["kind"]) == {"job": 1, "ausbildung": 1}


# Sorting and paging ---------------------------------------------------------


def test_without_text_newest_first(index):
    assert ids(run(index)) == BY_DATE
    assert ids(run(index, sort="date")) == BY_DATE


def test_nearest_first_and_no_place_last(index):
    results = run(index, near=GOTHA, sort="distance")
    order = ids(results)
    assert order[-1] == 11 and order[-2] == 10  # no coordinates, then Berlin
    distances = [hit.distance_km for hit in results.hits[:-1]]
    assert distances == sorted(distances)
    assert results.hits[-1].distance_km is None


def test_distance_is_reported_in_km(index):
    hits = {hit.id: hit for hit in run(index, near=GOTHA).hits}
    assert hits[2].distance_km == pytest.approx(23.1, abs=1.0)
    assert hits[1].distance_km == pytest.approx(0.0, abs=0.1)
    assert all(hit.distance_km is None for hit in run(index).hits)


def test_best_text_match_first(index):
    assert ids(run(index, text="Lagerhelfer"))[0] == 1
    assert ids(run(index, text="Gabelstaplerfahrer"))[0] == 2


def test_pages_follow_each_other(index):
    pages = [run(index, page=page, page_size=3) for page in (1, 2, 3, 4, 5)]
    assert [ids(page) for page in pages] == [[10, 7, 1], [5, 12, 2], [11, 4, 13], [3, 6], []]
    assert {page.total for page in pages} == {11}
    assert pages[0].pages == 4


# What a hit carries ---------------------------------------------------------


def test_hit_fields(index):
    hit = next(h for h in run(index, near=GOTHA).hits if h.id == 2)
    assert (hit.kind, hit.title, hit.employer) == (
        "job",
        "Gabelstaplerfahrer (m/w/d)",
        "Logistikzentrum Erfurt",
    )
    assert (hit.postal_code, hit.city) == ("99084", "Erfurt")
    assert set(hit.working_times) == {"vollzeit", "schicht_nacht_wochenende"}
    assert hit.posted == dt.date(2026, 11, 10)
    assert (hit.german_level, hit.driving_licence) == ("B1", True)
    assert hit.url == "https://jobs.example.org/2"


def unmarked(text: str) -> str:
    return html.unescape(re.sub(r"</?mark>", "", text))


def test_highlights_mark_the_matched_words(index):
    hit = run(index, text="Lagerhelfer").hits[0]
    assert "<mark>" in hit.highlight_title
    assert unmarked(hit.highlight_title) == "Lagerhelfer (m/w/d)"
    kitchen = next(h for h in run(index, text="Küche").hits if h.id == 3)
    assert "<mark>Küche</mark>" in kitchen.highlight_description
    assert "Speisen" in kitchen.highlight_description


def test_highlights_are_escaped(index):
    hit = next(h for h in run(index, text="Bauhelfer").hits if h.id == 13)
    assert "<script>" not in hit.highlight_title
    assert unmarked(hit.highlight_title) == "Bauhelfer <script>alert(1)</script>"
    hit = next(h for h in run(index, text="Baustelle").hits if h.id == 13)
    assert "<Baustelle>" not in hit.highlight_description
    assert "&lt;" in hit.highlight_description


def test_without_text_titles_are_escaped_and_unmarked(index):
    hit = next(h for h in run(index).hits if h.id == 13)
    assert hit.highlight_title == html.escape("Bauhelfer <script>alert(1)</script>")
    assert hit.highlight_description == ""


# Suggestions ----------------------------------------------------------------


def test_suggestions_complete_titles_once(index):
    suggestions = index.suggest("Lagerh", 8)
    assert suggestions[0] == "Lagerhelfer"
    assert suggestions.count("Lagerhelfer") == 1
    assert "Lagerist" not in index.suggest("Lager", 8)  # expired


def test_suggestions_start_any_word_and_tolerate_typos(index):
    assert "Fachkraft für Lagerlogistik" in index.suggest("lagerlog", 8)
    assert "Lagerhelfer" in index.suggest("Lagrhelf", 8)


def test_suggestions_respect_the_limit(index):
    assert len(index.suggest("a", 1)) <= 1
    assert len(index.suggest("Lager", 1)) == 1


# Writing --------------------------------------------------------------------


def test_writes_replace_and_delete(vacancy_index):
    vacancy_index.write([doc(1, "Lagerhelfer"), doc(2, "Koch")], [])
    vacancy_index.write([doc(1, "Lagerhelfer"), doc(2, "Koch")], [])  # again: same state
    vacancy_index.refresh()
    assert vacancy_index.search(Query(today=TODAY)).total == 2
    vacancy_index.write([doc(2, "Bäcker")], [1, 404])  # 404 was never there: fine
    vacancy_index.refresh()
    results = vacancy_index.search(Query(today=TODAY))
    assert [(hit.id, hit.title) for hit in results.hits] == [(2, "Bäcker")]
    assert vacancy_index.search(Query(text="Koch", today=TODAY)).total == 0
    assert vacancy_index.status()["documents"] == 1


def test_rebuild_replaces_the_contents(vacancy_index):
    vacancy_index.write([doc(1, "Lagerhelfer")], [])
    first = vacancy_index.status()["live"]
    name = vacancy_index.rebuild(iter([doc(2, "Koch"), doc(3, "Bäcker")]))
    vacancy_index.refresh()
    status = vacancy_index.status()
    assert status["live"] == name != first
    assert status["documents"] == 2
    assert [entry for entry in status["indices"] if entry != name] in ([], {})
    assert {hit.id for hit in vacancy_index.search(Query(today=TODAY)).hits} == {2, 3}


def test_several_searches_at_once_answer_each_as_alone(index):
    queries = [
        Query(text="Lagerhelfer", today=TODAY, page_size=5),
        Query(near=GOTHA, radius_km=30, sort="distance", today=TODAY, page_size=3, details=False),
        Query(text="kein Treffer xyzzy", today=TODAY),
        Query(kinds=frozenset({"ausbildung"}), today=TODAY, page=2, page_size=1),
    ]
    together = index.search_many(queries)
    alone = [index.search(query) for query in queries]
    assert [ids(r) for r in together] == [ids(r) for r in alone]
    assert [(r.total, r.page, r.facets) for r in together] == [
        (r.total, r.page, r.facets) for r in alone
    ]
    assert ids(together[0]) and ids(together[1]) and not ids(together[2])
    assert together[0].hits == alone[0].hits  # highlights and distances too
