"""The embedded vacancy index: a SQLite file with FTS5, no server needed.

Layout. The index lives in versioned files beside `path`
(`vacancies-v<timestamp>.sqlite3`); `path` itself is a symbolic link naming
the live one. A rebuild writes a new file, replaces the link atomically
(`os.replace`), then deletes the old file: a search that opened the old file
finishes on it, the next one opens the new file.

Concurrency. Web workers (several processes, several threads) read while the
sync task writes. The files are in WAL mode, so readers never wait for the
writer; writes are short transactions with a busy timeout. Every thread has
its own connection and reopens it when the link names another file.

Tables. `vacancies` holds what filters, sorts and hits need; `words` (FTS5)
the analysed text (search.analysis) of title, employer, city, qualification
and description; `title_grams` (FTS5, trigram tokenizer) the folded title, so
a term is also found inside a compound ("Staplerfahrer" in
"Gabelstaplerfahrer"); `terms` every word ever indexed (folded) with its stem:
a query word is compared with these words (rapidfuzz), and the stems of those
within its typo allowance are searched. Each process loads `terms` once and
then only what was added since.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import os
import sqlite3
import threading
import time
import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import closing, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast
from urllib.request import pathname2url

from rapidfuzz import process
from rapidfuzz.distance import OSA

from ..analysis import WORD, Term, analysed_words, fold, highlight, query_terms, snippet
from ..geo import bounding_box, distance_km
from ..query import FACET_DIMENSIONS, Hit, Query, Results
from ..vacancies import WORKING_TIMES

if TYPE_CHECKING:
    from ..documents import Document

SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL);
INSERT INTO meta VALUES ('generation', 0);
-- Narrow rows, filter columns first: facets and sorts scan this table.
CREATE TABLE vacancies (
    id INTEGER PRIMARY KEY,
    hidden INTEGER NOT NULL,
    state TEXT NOT NULL,
    kind TEXT NOT NULL,
    times INTEGER NOT NULL,  -- the working times as bits, see TIME_BITS
    posted TEXT NOT NULL,
    german_rank INTEGER NOT NULL,
    driving_licence INTEGER NOT NULL,
    lat REAL,
    lon REAL,
    rlat REAL,  -- latitude and longitude in radians, and cos(latitude): for distances
    rlon REAL,
    coslat REAL,
    title TEXT NOT NULL,
    suggestion TEXT NOT NULL,
    employer TEXT NOT NULL,
    city TEXT NOT NULL,
    postal_code TEXT NOT NULL,
    working_times TEXT NOT NULL,  -- JSON list, in the document's order
    german_level TEXT NOT NULL,
    url TEXT NOT NULL
);
CREATE TABLE descriptions (id INTEGER PRIMARY KEY, description TEXT NOT NULL);
CREATE INDEX vacancies_posted ON vacancies (posted, id);
CREATE INDEX vacancies_facets
    ON vacancies (hidden, state, kind, times, posted, german_rank, driving_licence);
CREATE INDEX vacancies_lat ON vacancies (lat);
CREATE VIRTUAL TABLE words USING fts5 (
    title, employer, city, qualification, description,
    tokenize = 'unicode61 remove_diacritics 0'
);
CREATE VIRTUAL TABLE title_grams USING fts5 (title, tokenize = 'trigram');
CREATE TABLE terms (id INTEGER PRIMARY KEY, word TEXT NOT NULL UNIQUE, stem TEXT NOT NULL);
"""

TIME_BITS = {name: 1 << number for number, name in enumerate(WORKING_TIMES)}
TITLE_WEIGHT = 3.0  # bm25 weight of the title against the other columns
FUZZY_WEIGHT = 0.5  # a typo-tolerant match counts half an exact one
COMPOUND_WEIGHT = TITLE_WEIGHT  # a match inside a compound word of the title
MAX_EXPANSIONS = 50  # vocabulary terms one typo-tolerant term may stand for
EARTH_RADIUS_KM = 6371.0088
LOAD_CHUNK = 1000
FEW_HITS = 4000

# SQL is built from fixed fragments and numbers only; every value from a query
# or a document is a bound parameter (hence the `noqa: S608` below).

# Distance in SQL: the haversine of the central angle between a vacancy and the
# query's point (:rlat, :rlon, :coslat). It grows with the distance, so it sorts
# like it, and "within r km" is "at most sin²(r / 2R)"; NULL without a location.
_HAVERSINE = (
    "power(sin((v.rlat - :rlat) / 2), 2) + :coslat * v.coslat * power(sin((v.rlon - :rlon) / 2), 2)"
)
_SQL_MATH: dict[str, tuple[int, Callable[..., float]]] = {
    "power": (2, math.pow),
    "sin": (1, math.sin),
}


def fts_phrase(text: str) -> str:
    """`text` as one FTS5 string: whatever it holds is matched, never parsed as syntax."""
    return '"' + text.replace('"', '""') + '"'


class IndexMissing(RuntimeError):
    pass


# Per-process caches of a live file: its vocabulary and its suggestions -------


class _Vocabulary:
    """Every word of one index file, by length, with its stem: for typo tolerance."""

    def __init__(self) -> None:
        self.last_id = 0
        self.by_length: dict[int, list[str]] = {}
        self.stems: dict[str, str] = {}
        self.lock = threading.Lock()

    def update(self, db: sqlite3.Connection) -> None:
        with self.lock:
            rows = db.execute(
                "SELECT id, word, stem FROM terms WHERE id > ? ORDER BY id", (self.last_id,)
            ).fetchall()
            for term_id, word, stem in rows:
                self.by_length.setdefault(len(word), []).append(word)
                self.stems[word] = stem
                self.last_id = term_id

    def similar(self, term: Term) -> list[str]:
        """The term's stem, then the stems of up to MAX_EXPANSIONS indexed words
        within its typo allowance, closest first."""
        if not term.edits:
            return [term.stem]
        found: list[tuple[int, str]] = []
        size = len(term.word)
        with self.lock:
            for length in range(size - term.edits, size + term.edits + 1):
                choices = self.by_length.get(length)
                if not choices:
                    continue
                for choice, distance, _ in process.extract(
                    term.word, choices, scorer=OSA.distance, score_cutoff=term.edits, limit=None
                ):
                    found.append((int(distance), choice))
            found.sort()
            similar = dict.fromkeys(self.stems[word] for _, word in found[:MAX_EXPANSIONS])
        similar.pop(term.stem, None)
        return [term.stem, *similar]


@dataclass
class _Suggestions:
    """The distinct suggestions of visible active vacancies of one index generation."""

    generation: int
    texts: list[str]  # display form, the most frequent spelling
    counts: list[int]
    folded: list[str]  # " " + folded words joined by spaces
    starts: dict[int, dict[str, set[int]]] = field(default_factory=dict)  # by length

    def starting(self, length: int) -> dict[str, set[int]]:
        """Every `length`-character piece that begins at a word, and where."""
        if length not in self.starts:
            pieces: dict[str, set[int]] = {}
            for number, text in enumerate(self.folded):
                at = text.find(" ")
                while at >= 0:
                    pieces.setdefault(text[at + 1 : at + 1 + length], set()).add(number)
                    at = text.find(" ", at + 1)
            self.starts[length] = pieces
        return self.starts[length]


_caches_lock = threading.Lock()
_vocabularies: dict[Path, _Vocabulary] = {}
_suggestions: dict[Path, _Suggestions] = {}


def _forget(paths: Iterable[Path]) -> None:
    with _caches_lock:
        for path in paths:
            _vocabularies.pop(path, None)
            _suggestions.pop(path, None)


def _vocabulary(real: Path) -> _Vocabulary:
    with _caches_lock:
        if real not in _vocabularies:
            _vocabularies[real] = _Vocabulary()
        return _vocabularies[real]


# Rows and documents ----------------------------------------------------------


def _row(doc: Document) -> tuple[object, ...]:
    location = doc.get("location")
    times = 0
    for name in doc["working_times"]:
        times |= TIME_BITS.get(name, 0)
    return (
        doc["id"],
        int(doc["hidden"]),
        doc["state"],
        doc["kind"],
        times,
        doc["posted"],
        doc["german_rank"],
        int(doc["driving_licence"]),
        location["lat"] if location else None,
        location["lon"] if location else None,
        math.radians(location["lat"]) if location else None,
        math.radians(location["lon"]) if location else None,
        math.cos(math.radians(location["lat"])) if location else None,
        doc["title"],
        doc["suggestion"],
        doc["employer"],
        doc["city"],
        doc["postal_code"],
        json.dumps(list(doc["working_times"])),
        doc["german_level"],
        doc["url"],
    )


def _analysed(doc: Document) -> tuple[tuple[object, ...], set[tuple[str, str]]]:
    """The `words` row of a document (analysed text per column), and its stems."""
    columns = [doc["title"], doc["employer"], doc["city"], doc["qualification"], doc["description"]]
    analysed = [analysed_words(text) for text in columns]
    vocabulary = {pair for pairs in analysed for pair in pairs}
    row = (doc["id"], *(" ".join(stem for _, stem in pairs) for pairs in analysed))
    return row, vocabulary


def _load(db: sqlite3.Connection, docs: Sequence[Document], deleted: Iterable[int]) -> None:
    """Replace these documents and delete these ids; inside the caller's transaction."""
    docs = list({doc["id"]: doc for doc in docs}.values())  # the last of one id counts
    gone = [(pk,) for pk in {*deleted, *(doc["id"] for doc in docs)}]
    db.executemany("DELETE FROM vacancies WHERE id = ?", gone)
    db.executemany("DELETE FROM descriptions WHERE id = ?", gone)
    db.executemany("DELETE FROM words WHERE rowid = ?", gone)
    db.executemany("DELETE FROM title_grams WHERE rowid = ?", gone)
    db.executemany(f"INSERT INTO vacancies VALUES ({', '.join('?' * 21)})", map(_row, docs))  # noqa: S608
    db.executemany(
        "INSERT INTO descriptions VALUES (?, ?)", ((doc["id"], doc["description"]) for doc in docs)
    )
    vocabulary: set[tuple[str, str]] = set()
    rows = []
    for doc in docs:
        row, tokens = _analysed(doc)
        rows.append(row)
        vocabulary |= tokens
    db.executemany(
        "INSERT INTO words (rowid, title, employer, city, qualification, description)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        rows,
    )
    db.executemany(
        "INSERT INTO title_grams (rowid, title) VALUES (?, ?)",
        ((doc["id"], fold(doc["title"])) for doc in docs),
    )
    db.executemany("INSERT OR IGNORE INTO terms (word, stem) VALUES (?, ?)", vocabulary)
    db.execute("UPDATE meta SET value = value + 1 WHERE key = 'generation'")


# The index -------------------------------------------------------------------


class _Local(threading.local):
    def __init__(self) -> None:
        self.real: Path | None = None
        self.db: sqlite3.Connection | None = None
        self.pid = 0


class EmbeddedIndex:
    """Versioned SQLite files beside `path`, which links to the live one."""

    name = "embedded"

    def __init__(self, path: Path | str, busy_timeout: float = 10.0) -> None:
        self.path = Path(path)
        self.busy_timeout = busy_timeout
        self._local = _Local()

    # Files and connections -------------------------------------------------

    def _live_path(self) -> Path | None:
        try:
            return self.path.parent / os.readlink(self.path)
        except OSError:  # no link yet (or a plain file left by an old version)
            return None

    def _versions(self) -> list[Path]:
        if not self.path.parent.is_dir():
            return []
        return sorted(self.path.parent.glob(f"{self.path.stem}-v*{self.path.suffix}"))

    def _open(self, real: Path, timeout: float | None = None) -> sqlite3.Connection:
        # mode=rw: never create a file that a rebuild has just deleted.
        db = sqlite3.connect(
            f"file:{pathname2url(str(real))}?mode=rw",
            uri=True,
            timeout=self.busy_timeout if timeout is None else timeout,
            isolation_level=None,
        )
        db.execute("PRAGMA synchronous = NORMAL")
        db.execute("PRAGMA temp_store = MEMORY")
        db.execute("PRAGMA cache_size = -32000")
        try:
            db.execute("SELECT sin(1), power(2, 2)").fetchone()
        except sqlite3.OperationalError:  # SQLite built without math functions
            for name, (arity, function) in _SQL_MATH.items():
                db.create_function(name, arity, function, deterministic=True)
        return db

    def _connection(self, create: bool = False) -> sqlite3.Connection | None:
        """This thread's connection to the live file; None when there is none yet."""
        local = self._local
        if local.pid != os.getpid():  # forked: the parent's connection is not ours
            local.real, local.db, local.pid = None, None, os.getpid()
        for _ in range(10):
            real = self._live_path()
            if real is None:
                if not create:
                    return None
                self._make_live(self._build([]))
                continue
            if local.db is not None and local.real == real:
                return local.db
            self._close_local()
            try:
                local.db, local.real = self._open(real), real
            except sqlite3.OperationalError:  # deleted by a rebuild meanwhile: look again
                time.sleep(0.01)
                continue
            return local.db
        raise IndexMissing(f"the embedded index at {self.path} keeps changing; try again")

    def _close_local(self) -> None:
        if self._local.db is not None:
            self._local.db.close()
        self._local.db, self._local.real = None, None

    @contextmanager
    def _reading(self) -> Iterator[tuple[sqlite3.Connection, Path] | None]:
        """One consistent snapshot of the live file for a search."""
        db = self._connection()
        if db is None:
            yield None
            return
        db.execute("BEGIN")
        try:
            yield db, cast(Path, self._local.real)
        finally:
            db.execute("COMMIT")

    def _new_version(self) -> Path:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        while True:
            stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%d%H%M%S%f")
            real = self.path.with_name(f"{self.path.stem}-v{stamp}{self.path.suffix}")
            if not real.exists():
                return real

    def _build(self, docs: Iterable[Mapping[str, object]]) -> Path:
        """A complete new index file with these documents; not live yet."""
        real = self._new_version()
        part = real.with_name(real.name + ".part")
        try:
            with closing(sqlite3.connect(part, isolation_level=None)) as db:
                db.execute("PRAGMA journal_mode = OFF")  # a failed build is thrown away anyway
                db.execute("PRAGMA synchronous = OFF")
                db.executescript(SCHEMA)
                db.execute("BEGIN")
                chunk: list[Document] = []
                for doc in docs:
                    chunk.append(cast("Document", doc))
                    if len(chunk) >= LOAD_CHUNK:
                        _load(db, chunk, ())
                        chunk = []
                _load(db, chunk, ())
                db.execute("COMMIT")
                db.execute("INSERT INTO words (words) VALUES ('optimize')")
                db.execute("INSERT INTO title_grams (title_grams) VALUES ('optimize')")
                db.execute("PRAGMA journal_mode = WAL")
            with open(part, "rb+") as file:
                os.fsync(file.fileno())
        except BaseException:
            part.unlink(missing_ok=True)
            raise
        os.replace(part, real)
        return real

    def _make_live(self, real: Path) -> None:
        link = self.path.with_name(f".{self.path.name}.{uuid.uuid4().hex}")
        os.symlink(real.name, link)
        os.replace(link, self.path)
        directory = os.open(self.path.parent, os.O_RDONLY)
        try:
            os.fsync(directory)
        finally:
            os.close(directory)

    @staticmethod
    def _delete(real: Path) -> None:
        for suffix in ("", "-wal", "-shm", "-journal", ".part"):
            Path(f"{real}{suffix}").unlink(missing_ok=True)

    # The protocol ----------------------------------------------------------

    def health(self, timeout: float) -> str:
        with closing(sqlite3.connect(":memory:", timeout=timeout)) as probe:
            # FTS5 with the trigram tokenizer must be compiled into this SQLite.
            probe.execute("CREATE VIRTUAL TABLE temp.probe USING fts5 (text, tokenize='trigram')")
        about = f"SQLite {sqlite3.sqlite_version}, FTS5"
        real = self._live_path()
        if real is None:
            return f"embedded index: none yet, the first write creates it ({about})"
        with closing(self._open(real, timeout)) as db:
            (count,) = db.execute("SELECT count(*) FROM vacancies").fetchone()
        return f"embedded index {real.stem} with {count} documents ({about})"

    def write(self, docs: Sequence[Document], deleted: Sequence[int]) -> None:
        db = self._connection(create=True)
        if db is None:  # never: create=True makes the file
            raise IndexMissing(f"could not create the embedded index at {self.path}")
        db.execute("BEGIN IMMEDIATE")
        try:
            _load(db, docs, deleted)
        except BaseException:
            db.execute("ROLLBACK")
            raise
        db.execute("COMMIT")

    def refresh(self) -> None:
        """Nothing to do: a committed write is visible to the next search."""

    def rebuild(self, docs: Iterable[Mapping[str, object]]) -> str:
        real = self._build(docs)
        old = [path for path in self._versions() if path != real]
        self._make_live(real)
        if self._local.real in old:
            self._close_local()
        for path in old:
            self._delete(path)
        _forget(old)
        return real.stem

    def status(self) -> dict[str, object]:
        real = self._live_path()
        indices: dict[str, int] = {}
        for path in self._versions():
            try:
                with closing(self._open(path)) as db:
                    (indices[path.stem],) = db.execute("SELECT count(*) FROM vacancies").fetchone()
            except sqlite3.Error:  # deleted meanwhile, or not an index
                indices[path.stem] = 0
        live = real.stem if real is not None and real.exists() else None
        return {"live": live, "documents": indices.get(live, 0) if live else 0, "indices": indices}

    def drop(self) -> None:
        self._close_local()
        versions = self._versions()
        if self.path.is_symlink() or self.path.exists():
            self.path.unlink()
        for path in versions:
            self._delete(path)
        for part in self.path.parent.glob(f"{self.path.stem}-v*{self.path.suffix}.part"):
            part.unlink(missing_ok=True)
        _forget(versions)

    # Searching -------------------------------------------------------------

    def search_many(self, queries: Sequence[Query]) -> list[Results]:
        return [self.search(query) for query in queries]

    def search(self, query: Query) -> Results:
        empty = Results(0, (), {d: {} for d in FACET_DIMENSIONS}, query.page, query.page_size)
        terms = query_terms(query.text)
        phrases = [found for phrase in query.any_text if (found := query_terms(phrase))]
        if query.text.strip() and not terms:  # only punctuation: nothing can match
            return empty
        if query.any_text and not phrases:
            return empty
        with self._reading() as live:
            if live is None:
                return empty
            db, real = live
            matched: frozenset[str] = frozenset()
            hits = 0
            if terms or phrases:
                vocabulary = _vocabulary(real)
                vocabulary.update(db)
                scored = query.effective_sort() == "relevance"
                groups: list[list[str]] = []
                if phrases:
                    hits = self._match_any(db, phrases, vocabulary, scored, groups)
                if terms:
                    expansions = [vocabulary.similar(term) for term in terms]
                    groups.extend(expansions)
                    hits = self._match(db, terms, expansions, scored)
                    if phrases and hits:
                        hits = self._within_any(db)
                if not hits:
                    return empty
                matched = frozenset(token for group in groups for token in group)
            every = terms + [term for phrase in phrases for term in phrase]
            return self._results(db, query, hits, matched, every)

    def _match_any(
        self,
        db: sqlite3.Connection,
        phrases: list[list[Term]],
        vocabulary: _Vocabulary,
        scored: bool,
        groups: list[list[str]],
    ) -> int:
        """Fill temp.any_hits (and temp.hits) with the ids any phrase matches, best score kept."""
        db.execute("CREATE TEMP TABLE IF NOT EXISTS any_hits (id INTEGER PRIMARY KEY, score REAL)")
        db.execute("DELETE FROM temp.any_hits")
        for phrase in phrases:
            expansions = [[term.stem] for term in phrase]  # no typos: phrases are vocabulary
            groups.extend(expansions)
            if self._match(db, phrase, expansions, scored):
                db.execute(
                    "INSERT INTO temp.any_hits (id, score) SELECT id, score FROM temp.hits"
                    " WHERE true ON CONFLICT (id) DO UPDATE"
                    " SET score = max(any_hits.score, excluded.score)"
                )
        db.execute("DELETE FROM temp.hits")
        db.execute("INSERT INTO temp.hits (id, score) SELECT id, score FROM temp.any_hits")
        return int(db.execute("SELECT count(*) FROM temp.hits").fetchone()[0])

    def _within_any(self, db: sqlite3.Connection) -> int:
        """Keep in temp.hits (the text's matches) only what temp.any_hits holds; add scores."""
        db.execute("DELETE FROM temp.hits WHERE id NOT IN (SELECT id FROM temp.any_hits)")
        db.execute(
            "UPDATE temp.hits SET score = score"
            " + (SELECT a.score FROM temp.any_hits a WHERE a.id = temp.hits.id)"
        )
        return int(db.execute("SELECT count(*) FROM temp.hits").fetchone()[0])

    def _match(
        self,
        db: sqlite3.Connection,
        terms: list[Term],
        expansions: list[list[str]],
        scored: bool = True,
    ) -> int:
        """Fill temp.hits with the ids every term matches, and their scores; how many.

        A term matches by its stem, by a stem within its typo allowance (half
        the score) or inside a compound word of the title (trigram table). The
        work stays in SQLite, no rows pass through Python. With several terms,
        the ids all of them match are found first, cheaply; only those are
        scored (bm25 is the costly part).
        """
        weights = f"{TITLE_WEIGHT}, 1.0, 1.0, 1.0, 1.0"
        params: dict[str, object] = {}
        matching: list[str] = []  # per term: the ids it matches
        scoring: list[str] = []  # per way a term can match: ids and scores
        for number, (term, group) in enumerate(zip(terms, expansions, strict=True)):
            params[f"e{number}"] = fts_phrase(group[0])
            params[f"a{number}"] = " OR ".join(fts_phrase(token) for token in group)
            ways = [
                ("words", f"-bm25(words, {weights})", f"e{number}"),
            ]
            ids = [f"SELECT rowid AS id FROM words WHERE words MATCH :a{number}"]  # noqa: S608
            if len(group) > 1:
                params[f"f{number}"] = " OR ".join(fts_phrase(token) for token in group[1:])
                ways.append(("words", f"{FUZZY_WEIGHT} * -bm25(words, {weights})", f"f{number}"))
            if term.substring:
                params[f"s{number}"] = fts_phrase(term.substring)
                ways.append(
                    ("title_grams", f"{COMPOUND_WEIGHT} * -bm25(title_grams)", f"s{number}")
                )
                ids.append(f"SELECT rowid FROM title_grams WHERE title_grams MATCH :s{number}")  # noqa: S608
            matching.append("SELECT id FROM (" + " UNION ".join(ids) + ")")  # noqa: S608
            join = "" if len(terms) == 1 else " CROSS JOIN temp.candidates c ON c.id = {0}.rowid"
            scoring.extend(
                f"SELECT {table}.rowid AS id, {score} AS score FROM {table}"  # noqa: S608
                + join.format(table)
                + f" WHERE {table} MATCH :{name}"
                for table, score, name in ways
            )
        db.execute("CREATE TEMP TABLE IF NOT EXISTS hits (id INTEGER PRIMARY KEY, score REAL)")
        db.execute("DELETE FROM temp.hits")
        if not scored:  # sorted by date or distance: which ids match is enough
            inserted = db.execute(
                "INSERT INTO temp.hits (id, score) SELECT id, 0.0 FROM ("  # noqa: S608
                + " INTERSECT ".join(matching)
                + ")",
                {name: value for name, value in params.items() if name[0] in "as"},
            )
            return int(inserted.rowcount)
        if len(terms) > 1:
            db.execute("CREATE TEMP TABLE IF NOT EXISTS candidates (id INTEGER PRIMARY KEY)")
            db.execute("DELETE FROM temp.candidates")
            found = db.execute(
                "INSERT INTO temp.candidates " + " INTERSECT ".join(matching),
                {name: value for name, value in params.items() if name[0] in "as"},
            )
            if not found.rowcount:
                return 0
        # One way alone is inserted as it is: wrapped in the aggregate, SQLite would
        # flatten it and then refuse bm25 ("unable to use function bm25").
        select = (
            scoring[0]
            if len(scoring) == 1
            else "SELECT id, sum(score) FROM (" + " UNION ALL ".join(scoring) + ") GROUP BY id"  # noqa: S608 - fixed SQL, values bound
        )
        inserted = db.execute(
            "INSERT INTO temp.hits (id, score) " + select,
            {name: value for name, value in params.items() if name[0] in "efs"},
        )
        return int(inserted.rowcount)

    def _where(self, query: Query, facets: bool = False) -> tuple[str, dict[str, object]]:
        """The filters of `query` in SQL; with `facets`, all but those of the facet dimensions."""
        clauses = ["v.hidden = 0"]
        params: dict[str, object] = {}
        if query.active_only:
            clauses.append("v.state = 'active'")
        if query.kinds and not facets:
            names = sorted(query.kinds)
            params |= {f"kind{n}": name for n, name in enumerate(names)}
            clauses.append(f"v.kind IN ({', '.join(f':kind{n}' for n in range(len(names)))})")
        if query.working_times and not facets:
            params["times"] = sum(TIME_BITS[name] for name in query.working_times)
            clauses.append("v.times & :times != 0")
        if (since := query.posted_since) is not None:
            params["since"] = since.isoformat()
            clauses.append("v.posted >= :since")
        if (rank := query.max_german_rank) is not None:
            params["rank"] = rank
            clauses.append("v.german_rank <= :rank")
        if query.no_driving_licence:
            clauses.append("v.driving_licence = 0")
        if query.near is not None and query.radius_km is not None:
            box = bounding_box(query.near[0], query.near[1], query.radius_km)
            params |= {
                "south": box.min_latitude,
                "north": box.max_latitude,
                "west": box.min_longitude,
                "east": box.max_longitude,
                "within": math.sin(query.radius_km / (2 * EARTH_RADIUS_KM)) ** 2,
            }
            clauses.append("v.lat BETWEEN :south AND :north AND v.lon BETWEEN :west AND :east")
            clauses.append(f"{_HAVERSINE} <= :within")
        if query.near is not None:
            rlat, rlon = math.radians(query.near[0]), math.radians(query.near[1])
            params |= {"rlat": rlat, "rlon": rlon, "coslat": math.cos(rlat)}
        return " AND ".join(clauses), params

    def _results(
        self,
        db: sqlite3.Connection,
        query: Query,
        hits: int,
        matched: frozenset[str],
        terms: list[Term],
    ) -> Results:
        text = bool(terms)
        source = "vacancies v"
        if text:  # few hits: look their rows up; many: let SQLite scan instead
            join = "CROSS JOIN" if hits < FEW_HITS else "JOIN"
            source = f"temp.hits h {join} vacancies v ON v.id = h.id"
        # One pass counts every (kind, working times) combination under the other
        # filters; the facets and the total are sums over it.
        where, params = self._where(query, facets=True)
        groups = db.execute(
            f"SELECT v.kind, v.times, count(*) FROM {source} WHERE {where} GROUP BY 1, 2",  # noqa: S608
            params,
        ).fetchall()
        wanted_times = sum(TIME_BITS[name] for name in query.working_times)
        kinds: dict[str, int] = {}
        times: dict[str, int] = {}
        total = 0
        for kind, bits, count in groups:
            kind_passes = not query.kinds or kind in query.kinds
            times_pass = not wanted_times or bits & wanted_times
            if times_pass:
                kinds[kind] = kinds.get(kind, 0) + count
            if kind_passes:
                for name, bit in TIME_BITS.items():
                    if bits & bit:
                        times[name] = times.get(name, 0) + count
            if kind_passes and times_pass:
                total += count
        where, params = self._where(query)
        order = {
            "relevance": "h.score DESC, v.id DESC",
            "date": "v.posted DESC, v.id DESC",
            "distance": "distance IS NULL, distance, v.id DESC",
        }[query.effective_sort()]
        distance = _HAVERSINE if query.near is not None else "NULL"
        score = "h.score" if text else "0.0"
        # The page first, sorting narrow rows; then what its hits show.
        page = db.execute(
            f"SELECT v.id, {score}, {distance} AS distance FROM {source} WHERE {where}"  # noqa: S608
            f" ORDER BY {order} LIMIT :limit OFFSET :offset",
            {**params, "limit": query.page_size, "offset": query.offset},
        ).fetchall()
        ids = json.dumps([pk for pk, _, _ in page])
        shown = {
            row[0]: row
            for row in db.execute(
                "SELECT id, kind, title, employer, postal_code, city, working_times, posted,"
                " german_level, driving_licence, url, lat, lon FROM vacancies"
                " WHERE id IN (SELECT value FROM json_each(?))",
                (ids,),
            )
        }
        descriptions: dict[int, str] = {}
        if not query.details:  # nobody reads them: no snippets, titles unmarked
            matched, terms = frozenset(), []
            kinds, times = {}, {}
        if text and query.details:
            descriptions = dict(
                db.execute(
                    "SELECT id, description FROM descriptions"
                    " WHERE id IN (SELECT value FROM json_each(?))",
                    (ids,),
                )
            )
        rows = [
            (*shown[pk][:1], score, *shown[pk][1:], descriptions.get(pk, ""))
            for pk, score, _ in page
        ]
        substrings = tuple(term.substring for term in terms if term.substring)
        return Results(
            total=total,
            hits=tuple(self._hit(row, query, matched, substrings) for row in rows),
            facets={"kind": kinds, "working_time": times},
            page=query.page,
            page_size=query.page_size,
        )

    @staticmethod
    def _hit(
        row: Sequence[Any], query: Query, matched: frozenset[str], substrings: tuple[str, ...]
    ) -> Hit:
        (pk, score, kind, title, employer, postal_code, city, working_times, posted) = row[:9]
        (german_level, driving_licence, url, lat, lon, description) = row[9:15]
        km = None
        if query.near is not None and lat is not None and lon is not None:
            km = round(distance_km(query.near[0], query.near[1], lat, lon), 1)
        return Hit(
            id=pk,
            score=float(score),
            kind=kind,
            title=title,
            employer=employer,
            postal_code=postal_code,
            city=city,
            working_times=tuple(json.loads(working_times)),
            posted=dt.date.fromisoformat(posted) if posted else None,
            german_level=german_level,
            driving_licence=bool(driving_licence),
            url=url,
            distance_km=km,
            highlight_title=highlight(title, matched, substrings),
            highlight_description=snippet(description, matched) if matched else "",
        )

    # Suggestions -----------------------------------------------------------

    def suggest(self, prefix: str, limit: int) -> list[str]:
        wanted = " ".join(WORD.findall(fold(prefix)))
        if not wanted or limit < 1:
            return []
        with self._reading() as live:
            if live is None:
                return []
            db, real = live
            suggestions = self._suggestions(db, real)
        found: dict[int, int] = {}  # entry -> typos
        for number, text in enumerate(suggestions.folded):
            if f" {wanted}" in text:
                found[number] = 0
        edits = 0 if len(wanted) < 4 else 1 if len(wanted) < 8 else 2
        if edits and len(found) < limit:
            for length in range(len(wanted) - edits, len(wanted) + edits + 1):
                pieces = suggestions.starting(length)
                for piece, distance, _ in process.extract(
                    wanted, list(pieces), scorer=OSA.distance, score_cutoff=edits, limit=None
                ):
                    for number in pieces[piece]:
                        found[number] = min(found.get(number, edits), int(distance))

        def rank(number: int) -> tuple[int, bool, int, int, str]:
            text = suggestions.folded[number]
            at_start = text.startswith(f" {wanted}")
            return (found[number], not at_start, -suggestions.counts[number], len(text), text)

        return [suggestions.texts[number] for number in sorted(found, key=rank)[:limit]]

    def _suggestions(self, db: sqlite3.Connection, real: Path) -> _Suggestions:
        (generation,) = db.execute("SELECT value FROM meta WHERE key = 'generation'").fetchone()
        with _caches_lock:
            cached = _suggestions.get(real)
        if cached is not None and cached.generation == generation:
            return cached
        spellings: dict[str, dict[str, int]] = {}
        for text, count in db.execute(
            "SELECT suggestion, count(*) FROM vacancies"
            " WHERE hidden = 0 AND state = 'active' AND suggestion != '' GROUP BY suggestion"
        ):
            spellings.setdefault(text.casefold(), {})[text] = count
        texts, counts, folded = [], [], []
        for variants in spellings.values():
            texts.append(max(variants, key=lambda text: (variants[text], text)))
            counts.append(sum(variants.values()))
            folded.append(" " + " ".join(WORD.findall(fold(texts[-1]))))
        built = _Suggestions(generation, texts, counts, folded)
        with _caches_lock:
            _suggestions[real] = built
        return built
