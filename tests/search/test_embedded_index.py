"""The embedded index on its own: analysis, search syntax, files, concurrency.

What both backends share is proved in test_contract.py; here is what only
the embedded backend has: its German analysis in Python, FTS5 syntax that
must stay text, the versioned files behind a link, and readers in other
threads and processes while it is written and rebuilt.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

from search.analysis import Term, fold, highlight, query_terms, snippet, stem, stems
from search.backends.embedded import EmbeddedIndex, fts_phrase
from search.query import Query

from .test_contract import GOTHA, TODAY, doc

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def index(tmp_path):
    index = EmbeddedIndex(tmp_path / "index" / "vacancies.sqlite3")
    yield index
    index.drop()


def found(index: EmbeddedIndex, text: str = "", **options) -> set[int]:
    return {hit.id for hit in index.search(Query(text=text, today=TODAY, **options)).hits}


# Analysis ---------------------------------------------------------------------


def test_folding_lowers_and_folds_umlauts_sharp_s_and_accents():
    assert fold("Küche ÖL Übung") == "kuche ol ubung"
    assert fold("Straße") == "strasse"
    assert fold("Café Crème") == "cafe creme"


def test_folding_reads_ae_oe_ue_as_typed_umlauts_but_keeps_real_vowel_pairs():
    assert fold("Kueche") == fold("Küche") == "kuche"
    assert fold("Baecker") == fold("Bäcker") == "backer"
    assert fold("Bauer Feuer Quelle") == "bauer feuer quelle"


def test_inflected_forms_share_a_stem():
    assert stem("Lagerhelfers") == stem("Lagerhelfer")
    assert stem("Küche") == stem("Kuche") == stem("Kueche")
    assert stems("Koch / Köchin, m/w/d") == ["koch", "kochin", "m", "w", "d"]


def test_query_terms_are_words_only():
    assert query_terms('"Lager* AND -Koch NEAR(') == [
        Term("lager", "lag", "lager"),
        Term("and", "and", ""),
        Term("koch", "koch", "koch"),
        Term("near", "near", "near"),
    ]
    assert query_terms('" * - ( ^') == []


def test_typos_allowed_grow_with_the_word():
    edits = {text: query_terms(text)[0].edits for text in ("Kch", "Koch", "Kochin", "Lagerhelfr")}
    assert edits == {"Kch": 0, "Koch": 1, "Kochin": 1, "Lagerhelfr": 2}


def test_highlight_marks_matched_words_and_escapes_the_rest():
    marked = highlight("Bäcker <b> & Backwaren", frozenset({stem("Bäcker")}))
    assert marked == "<mark>Bäcker</mark> &lt;b&gt; &amp; Backwaren"
    inside = highlight("Gabelstaplerfahrer (m/w/d)", frozenset(), ("staplerfahr",))
    assert inside == "<mark>Gabelstaplerfahrer</mark> (m/w/d)"


def test_snippet_is_short_centred_on_the_first_match_and_empty_without_one():
    text = "Einleitung " * 40 + "Wir suchen eine Küchenhilfe für unsere Küche. " + "Ende " * 40
    excerpt = snippet(text, frozenset({stem("Küche")}))
    assert "<mark>Küche</mark>" in excerpt
    assert excerpt.startswith("…") and excerpt.endswith("…")
    assert len(excerpt.replace("<mark>", "").replace("</mark>", "")) <= 162
    assert snippet(text, frozenset({"zahnarzt"})) == ""


# Search syntax is text -------------------------------------------------------


def test_fts_phrase_doubles_quotes():
    assert fts_phrase('a"b') == '"a""b"'


@pytest.mark.parametrize(
    "text",
    [
        '"',
        '""',
        "*",
        "Ko*",
        "AND",
        "OR NOT",
        "-",
        "NEAR(Koch",
        "NEAR(Koch Bäcker, 2)",
        "title:Koch",
        "{title}: Koch",
        "^Koch",
        "Koch)",
        "'; DROP TABLE vacancies; --",
        "\\",
    ],
)
def test_search_syntax_never_breaks_the_query(index, text):
    index.write([doc(1, "Koch"), doc(2, "Bäcker")], [])
    index.search(Query(text=text, today=TODAY))
    assert found(index) == {1, 2}  # the index is unharmed


def test_operators_are_words_that_must_match(index):
    index.write([doc(1, "Koch"), doc(2, "Bäcker")], [])
    assert found(index, "Koch OR Bäcker") == set()  # no vacancy says "or"
    assert found(index, "NOT Bäcker") == set()
    assert found(index, "-Koch") == {1}  # a dash excludes nothing
    assert found(index, '"Koch') == {1}
    assert found(index, "Ba*") == set()  # a star is no prefix search


# Matching --------------------------------------------------------------------


def test_a_batch_naming_one_vacancy_twice_keeps_the_last(index):
    index.write([doc(1, "Koch"), doc(1, "Bäcker")], [])
    assert [hit.title for hit in index.search(Query()).hits] == ["Bäcker"]


def test_a_failed_rebuild_leaves_the_live_index_alone(index):
    index.write([doc(1, "Koch")], [])
    live = index.path.resolve()

    def failing():
        yield doc(2, "Bäcker")
        raise RuntimeError("the catalogue went away")

    with pytest.raises(RuntimeError):
        index.rebuild(failing())
    assert index.path.resolve() == live
    assert [p for p in index.path.parent.iterdir() if p.name.endswith(".part")] == []
    assert index.status()["indices"] == {live.stem: 1}
    assert found(index, "Koch") == {1}


def test_a_word_typed_with_ue_finds_the_umlaut(index):
    index.write([doc(1, "Küchenhilfe", description="Arbeit in der Küche")], [])
    assert found(index, "Kueche") == {1}


def test_typos_are_compared_with_the_words_as_written(index):
    # Snowball stems "Elektriker" to "elektr": the typo is judged on the word.
    index.write([doc(1, "Elektriker (m/w/d)")], [])
    assert found(index, "Elektrikker") == {1}
    assert found(index, "Elektrkker") == {1}  # two typos for a long word
    assert found(index, "Elektro") == set()


def test_a_word_inside_a_compound_counts_like_a_title_word(index):
    others = [doc(n, f"Koch {n}") for n in range(10, 20)]
    index.write(
        [
            doc(1, "Reinigungskraft"),
            doc(2, "Gebäudereiniger"),
            doc(3, "Hotel", description="Reinigung der Zimmer"),
            *others,
        ],
        [],
    )
    order = [hit.id for hit in index.search(Query(text="Reinigung", today=TODAY)).hits]
    assert set(order[:2]) == {1, 2} and order[2] == 3


def test_distance_filter_uses_the_exact_distance_not_the_box(index):
    lat, lon = GOTHA
    corner = (lat + 9.5 / 111.2, lon + 9.5 / 70.0)  # inside the 10 km box, ~13 km away
    index.write([doc(1, "Koch", at=(lat + 0.05, lon)), doc(2, "Koch", at=corner)], [])
    assert found(index, near=GOTHA, radius_km=10) == {1}
    assert found(index, near=GOTHA, radius_km=15) == {1, 2}


def test_suggestions_are_distinct_ignoring_case_and_tolerate_typos(index):
    index.write(
        [
            doc(1, "Lagerhelfer (m/w/d)"),
            doc(2, "LAGERHELFER"),
            doc(3, "Lagerhelfer"),
            doc(4, "Fachkraft für Lagerlogistik"),
            doc(5, "Lagerhelfer", hidden=True),
        ],
        [],
    )
    first, *rest = index.suggest("lagerh", 8)
    assert first == "Lagerhelfer" and rest == ["Fachkraft für Lagerlogistik"]  # one typo
    assert index.suggest("Lagrhelfer", 8) == ["Lagerhelfer"]
    assert index.suggest("Lager", 8) == ["Lagerhelfer", "Fachkraft für Lagerlogistik"]
    assert index.suggest("fur lager", 8) == ["Fachkraft für Lagerlogistik"]


# Files -------------------------------------------------------------------------


def test_before_the_first_write_there_is_no_file_and_nothing_is_found(index):
    assert "none yet" in index.health(timeout=1)
    assert index.search(Query()).total == 0
    assert index.suggest("Koch", 5) == []
    assert index.status() == {"live": None, "documents": 0, "indices": {}}
    assert not index.path.exists()


def test_the_first_write_creates_a_version_behind_the_link(index):
    index.write([doc(1, "Koch")], [])
    assert index.path.is_symlink()
    live = index.path.resolve()
    assert live.name.startswith("vacancies-v") and live.suffix == ".sqlite3"
    assert index.status() == {"live": live.stem, "documents": 1, "indices": {live.stem: 1}}
    assert "1 documents" in index.health(timeout=1)


def test_a_plain_file_left_at_the_path_is_replaced_by_the_link(index):
    index.path.parent.mkdir(parents=True)
    index.path.write_bytes(b"")  # what an older health check created
    index.write([doc(1, "Koch")], [])
    assert index.path.is_symlink() and found(index, "Koch") == {1}


def test_rebuild_swaps_the_link_and_deletes_the_old_file(index):
    index.write([doc(1, "Koch")], [])
    old = index.path.resolve()
    name = index.rebuild(iter([doc(2, "Bäcker")]))
    new = index.path.resolve()
    assert new.stem == name != old.stem
    assert not old.exists() and not Path(f"{old}-wal").exists()
    assert sorted(p.name for p in index.path.parent.iterdir()) == [new.name, index.path.name]
    assert found(index) == {2}
    assert found(index, "Koch") == set() and found(index, "Backer") == {2}


def test_drop_deletes_every_file(index):
    index.write([doc(1, "Koch")], [])
    index.rebuild([doc(1, "Koch")])
    index.drop()
    assert list(index.path.parent.iterdir()) == []
    assert index.search(Query()).total == 0


# Concurrency -------------------------------------------------------------------


def test_rebuilds_while_a_thread_searches_fail_no_search(index):
    docs = [doc(n, f"Lagerhelfer {n}", description="Lager " * 50) for n in range(1, 301)]
    index.write(docs, [])
    results: list[int] = []
    failures: list[BaseException] = []
    stop = threading.Event()

    def searching() -> None:
        while not stop.is_set():
            try:
                results.append(index.search(Query(text="Lagerhelfr", today=TODAY)).total)
            except BaseException as error:
                failures.append(error)

    thread = threading.Thread(target=searching)
    thread.start()
    try:
        for _ in range(5):
            index.rebuild(iter(docs))
    finally:
        stop.set()
        thread.join()
    assert failures == []
    assert len(results) > 5 and set(results) == {300}


SEARCHER = textwrap.dedent(
    """
    import sys, time
    sys.path.insert(0, sys.argv[1])
    from search.backends.embedded import EmbeddedIndex
    from search.query import Query
    index = EmbeddedIndex(sys.argv[2])
    searches = failures = 0
    deadline = time.monotonic() + float(sys.argv[3])
    while time.monotonic() < deadline:
        try:
            index.search(Query(text="Koch"))
            index.suggest("Koch", 5)
            searches += 1
        except Exception as error:
            failures += 1
            print(repr(error), file=sys.stderr)
    print(searches, failures)
    """
)


@pytest.mark.slow
def test_another_process_searches_while_this_one_writes_and_rebuilds(index):
    index.write([doc(n, f"Koch {n}") for n in range(1, 101)], [])
    searcher = subprocess.Popen(
        [sys.executable, "-c", SEARCHER, str(REPO), str(index.path), "3"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    deadline = time.monotonic() + 2.5
    round = 0
    while time.monotonic() < deadline:
        round += 1
        index.write([doc(n, f"Koch {n} Runde {round}") for n in range(1, 101)], [])
        if round % 10 == 0:
            index.rebuild([doc(n, f"Koch {n}") for n in range(1, 101)])
    out, err = searcher.communicate(timeout=30)
    searches, failures = map(int, out.split())
    assert (failures, err) == (0, "")
    assert searches > 10 and round > 10
