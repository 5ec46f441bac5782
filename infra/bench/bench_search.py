"""The vacancy index: bulk indexing into Elasticsearch, and search latency on both backends.

The vacancies come from vacancy_data.py (seeded, the same every run) and
become index documents through the catalogue's own mapping. Elasticsearch is
the real server at ELASTICSEARCH_URL (`eval "$(bash infra/services/up.sh)"`);
every index made here has a prefix of its own and is deleted afterwards.
Without ELASTICSEARCH_URL its metrics are recorded as skipped.

search_bulk: documents per second into Elasticsearch
- through `ElasticsearchIndex.write` in batches of search.sync.BATCH, as the
  outbox drain sends them ("write"), and through `ElasticsearchIndex.rebuild`
  ("rebuild"), each until every document is searchable;
- baseline: `elasticsearch.helpers.bulk` of the same documents (its default
  chunk size, then one refresh) into a plain index with the backend's own
  mapping and analysis. After an untimed warm-up bulk, each is measured
  LOTSE_BENCH_BULK_ROUNDS times (default 3), in turns; the best round counts.

search_latency: milliseconds per search, client side, for a mix of queries
from vacancy_data.queries (text with typos, inflections and compound parts,
filters, distances, facets, sorts, pages) parsed by search.params as the API
parses them, through `index.search(Query)`:
- Elasticsearch with LOTSE_BENCH_SEARCH_DOCUMENTS vacancies (default 100,000);
  baseline: a plain `client.search` on the same index, a multi_match of the
  text (AND, no fuzziness) over the same fields, or without text the active
  vacancies newest first, one page, nothing else (no facets, highlights,
  distances or exact totals): what the backend adds to a bare search;
- the embedded backend with LOTSE_BENCH_EMBEDDED_DOCUMENTS (default 20,000);
  baseline: a plain SQLite FTS5 table of the same text fields in a file beside
  it, MATCH of the terms ranked by bm25 (or without text, newest first) with
  a count, one page.
Each query and its baseline are timed in pairs, taking turns which goes
first, after LOTSE_BENCH_SEARCH_WARMUP (default 200) warm-up pairs;
LOTSE_BENCH_SEARCH_QUERIES (default 1,000) timed pairs per backend.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import sqlite3
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import Any

from harness import REPO, Metric, benchmark

if str(REPO) not in sys.path:  # the backends and vacancy_data import the project
    sys.path.append(str(REPO))

BULK_DOCUMENTS = int(os.environ.get("LOTSE_BENCH_BULK_DOCUMENTS", "100000"))
BULK_ROUNDS = int(os.environ.get("LOTSE_BENCH_BULK_ROUNDS", "3"))
SEARCH_DOCUMENTS = int(os.environ.get("LOTSE_BENCH_SEARCH_DOCUMENTS", "100000"))
EMBEDDED_DOCUMENTS = int(os.environ.get("LOTSE_BENCH_EMBEDDED_DOCUMENTS", "20000"))
QUERIES = int(os.environ.get("LOTSE_BENCH_SEARCH_QUERIES", "1000"))
WARMUP = int(os.environ.get("LOTSE_BENCH_SEARCH_WARMUP", "200"))
WARMUP_DOCUMENTS = 10_000
PERCENTILES = {"p50": 50, "p95": 95}
SERVICE_VARIABLES = ("DATABASE_URL", "CELERY_BROKER_URL", "REDIS_URL")

logger = logging.getLogger(__name__)


class Skipped(Exception):
    """The backend cannot be had here; its metrics are recorded as skipped."""


# --- Django, documents and queries ----------------------------------------------------


@cache
def _django() -> None:
    """Set Django up in this process: the dev settings, an unused data folder, no services.

    Only the catalogue's mapping and the backends are used, never a database.
    The environment is put back afterwards, so later benchmarks' servers do not
    inherit it.
    """
    import django

    saved = dict(os.environ)
    try:
        for name in SERVICE_VARIABLES:
            os.environ.pop(name, None)
        os.environ["DJANGO_SETTINGS_MODULE"] = "cms.settings.dev"
        os.environ["LOTSE_DATA_DIR"] = tempfile.mkdtemp(prefix="lotse-bench-search-")
        # The harness loads every bench_*.py, bench_settings.py too, which imports the
        # settings with this process's environment (the services'): read them again.
        for name in [name for name in sys.modules if name.startswith("cms.settings")]:
            del sys.modules[name]
        django.setup()
    finally:
        os.environ.clear()
        os.environ.update(saved)


def _today() -> dt.date:
    return dt.date.today()


@cache
def _documents(count: int) -> list[dict[str, Any]]:
    _django()
    from vacancy_data import documents, generate

    today = _today()
    return [dict(doc) for doc in documents(generate(count, today), today)]


def _queries(count: int) -> list[tuple[dict[str, str], Any]]:
    """The query mix, as parameters and as the Query the API would make of them."""
    _django()
    from vacancy_data import queries

    from search.params import parse_query

    today = _today()
    return [(params, parse_query(params, today=today)) for params in queries(count)]


def _percentile(samples: list[float], percent: int) -> float:
    return round(statistics.quantiles(samples, n=100, method="inclusive")[percent - 1], 2)


def _elasticsearch_urls() -> list[str]:
    urls = [url for url in os.environ.get("ELASTICSEARCH_URL", "").split(",") if url.strip()]
    if not urls:
        raise Skipped('ELASTICSEARCH_URL is not set: eval "$(bash infra/services/up.sh)"')
    return urls


@contextmanager
def _elasticsearch_index() -> Iterator[Any]:
    """An ElasticsearchIndex under a prefix of its own, dropped afterwards."""
    _django()
    from search.backends.elasticsearch import ElasticsearchIndex

    index = ElasticsearchIndex(
        _elasticsearch_urls(), prefix=f"bench_{uuid.uuid4().hex[:10]}", timeout=120
    )
    _wait_for(index.client)
    try:
        yield index
    finally:
        try:
            index.drop()
        except Exception:  # keep the benchmark's own error; say what is left behind
            logger.exception("could not delete the indices %s_*", index.prefix)


def _wait_for(client: Any, seconds: float = 180) -> None:
    """Wait while the server starts (or restarts: the health tests stop it for a while)."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            client.cluster.health(wait_for_status="yellow", timeout="10s")
            return
        except Exception as error:
            if time.monotonic() > deadline:
                raise Skipped(f"Elasticsearch does not answer: {error}") from None
            time.sleep(2)


def _load_average() -> str:
    return f"load average {os.getloadavg()[0]:.1f}"


def _skipped(names: list[str], unit: str, reason: str) -> list[Metric]:
    if not reason.startswith("FAILED"):
        reason = f"SKIPPED (no measurement): {reason}"
    return [Metric(name, 0.0, unit, note=reason) for name in names]


# --- search_bulk ------------------------------------------------------------------------


def _raw_bulk(index: Any, docs: list[dict[str, Any]]) -> float:
    """Seconds for helpers.bulk into a plain index of the same mapping, until searchable."""
    from elasticsearch.helpers import bulk

    from search.backends.elasticsearch import ANALYSIS, MAPPINGS

    client = index.client
    name = f"{index.prefix}_raw_{uuid.uuid4().hex[:6]}"
    client.indices.create(
        index=name,
        settings={"number_of_shards": 1, "number_of_replicas": 0, "analysis": ANALYSIS},
        mappings=MAPPINGS,
    )
    try:
        started = time.perf_counter()
        bulk(client, ({"_index": name, "_id": d["id"], "_source": d} for d in docs))
        client.indices.refresh(index=name)
        seconds = time.perf_counter() - started
        _check_count(client, name, len(docs))
        return seconds
    finally:
        client.indices.delete(index=name, ignore_unavailable=True)


def _write(index: Any, docs: list[dict[str, Any]]) -> float:
    """Seconds for the outbox drain's path: write() in batches, then refresh."""
    from search.sync import BATCH

    started = time.perf_counter()
    for start in range(0, len(docs), BATCH):
        index.write(docs[start : start + BATCH], [])
    index.refresh()
    seconds = time.perf_counter() - started
    _check_count(index.client, index.alias, len(docs))
    index.drop()
    return seconds


def _rebuild(index: Any, docs: list[dict[str, Any]]) -> float:
    started = time.perf_counter()
    index.rebuild(iter(docs))
    seconds = time.perf_counter() - started
    _check_count(index.client, index.alias, len(docs))
    index.drop()
    return seconds


def _check_count(client: Any, name: str, expected: int) -> None:
    found = int(client.count(index=name)["count"])
    if found != expected:
        raise RuntimeError(f"{name} holds {found} documents, {expected} were sent")


@benchmark("search_bulk")
def search_bulk() -> list[Metric]:
    names = ["search_bulk_write_docs_per_s", "search_bulk_rebuild_docs_per_s"]
    try:
        with _elasticsearch_index() as index:
            docs = _documents(BULK_DOCUMENTS)
            ways: dict[str, Callable[[Any, list[dict[str, Any]]], float]] = {
                "raw": _raw_bulk,
                "write": _write,
                "rebuild": _rebuild,
            }
            _raw_bulk(index, docs[:WARMUP_DOCUMENTS])  # warm up the server (JIT, caches)
            seconds: dict[str, list[float]] = {way: [] for way in ways}
            for round_number in range(BULK_ROUNDS):
                order = list(ways) if round_number % 2 == 0 else list(reversed(ways))
                for way in order:
                    seconds[way].append(ways[way](index, docs))
    except Skipped as skipped:
        return _skipped(names, "docs/s", str(skipped))
    rate = {way: round(len(docs) / min(found), 1) for way, found in seconds.items()}
    rounds = {way: ", ".join(f"{s:.1f}" for s in found) for way, found in seconds.items()}
    context = (
        f"{len(docs)} generated vacancies, best of {BULK_ROUNDS} rounds in turns; {_load_average()}"
        " after; seconds per"
        f" round: write {rounds['write']}, rebuild {rounds['rebuild']}, raw bulk {rounds['raw']}"
    )
    return [
        Metric(
            "search_bulk_write_docs_per_s",
            rate["write"],
            "docs/s",
            "raw_helpers_bulk_docs_per_s",
            rate["raw"],
            "ElasticsearchIndex.write in batches of search.sync.BATCH into the live index"
            f" (refresh every second), then refresh; target ratio >= 0.8; {context}",
        ),
        Metric(
            "search_bulk_rebuild_docs_per_s",
            rate["rebuild"],
            "docs/s",
            "raw_helpers_bulk_docs_per_s",
            rate["raw"],
            "ElasticsearchIndex.rebuild: new index without refreshes while loading, refresh,"
            f" alias swap; target ratio >= 0.8; {context}",
        ),
    ]


# --- search_latency ---------------------------------------------------------------------


def _query_class(params: dict[str, str]) -> str:
    if "postal_code" in params:
        return "distance"
    if "q" in params:
        return "text+filters" if set(params) - {"q", "page", "sort"} else "text"
    return "filters"


def _time_pairs(
    queries: list[tuple[dict[str, str], Any]],
    ours: Callable[[Any], object],
    baseline: Callable[[Any], object],
) -> tuple[list[float], list[float], dict[str, list[float]]]:
    """Milliseconds of each query through the backend and through the baseline."""
    timed_ours: list[float] = []
    timed_baseline: list[float] = []
    by_class: dict[str, list[float]] = {}
    for i in range(-WARMUP, QUERIES):
        params, query = queries[i % len(queries)]
        pair = [("ours", ours), ("baseline", baseline)]
        for kind, run in pair if i % 2 == 0 else reversed(pair):
            started = time.perf_counter()
            run(query)
            milliseconds = (time.perf_counter() - started) * 1000
            if i < 0:
                continue
            if kind == "ours":
                timed_ours.append(milliseconds)
                by_class.setdefault(_query_class(params), []).append(milliseconds)
            else:
                timed_baseline.append(milliseconds)
    return timed_ours, timed_baseline, by_class


def _latency_metrics(
    backend: str,
    baseline_name: str,
    timed: tuple[list[float], list[float], dict[str, list[float]]],
    note: str,
) -> list[Metric]:
    ours, baseline, by_class = timed
    classes = ", ".join(
        f"{name} {_percentile(found, 95)} ms ({len(found)})"
        for name, found in sorted(by_class.items())
        if len(found) > 1
    )
    return [
        Metric(
            f"search_latency_{backend}_{label}_ms",
            _percentile(ours, percent),
            "ms",
            f"{baseline_name}_{label}_ms",
            _percentile(baseline, percent),
            f"{note}; p95 by kind of query (count): {classes}",
        )
        for label, percent in PERCENTILES.items()
    ]


def _raw_search_body(query: Any) -> dict[str, Any]:
    from search.backends.elasticsearch import TEXT_FIELDS

    active = {"term": {"state": "active"}}
    window = {"from_": query.offset, "size": query.page_size}
    if not query.terms:
        return {"query": active, "sort": [{"posted": "desc"}], **window}
    text = {"multi_match": {"query": query.text, "fields": list(TEXT_FIELDS), "operator": "and"}}
    return {"query": {"bool": {"must": [text], "filter": [active]}}, **window}


def _elasticsearch_latency() -> list[Metric]:
    with _elasticsearch_index() as index:
        docs = _documents(SEARCH_DOCUMENTS)
        started = time.monotonic()
        index.rebuild(iter(docs))
        load_seconds = time.monotonic() - started
        queries = _queries(QUERIES)
        totals = [index.search(query).total for _params, query in queries[:50]]
        if not any(totals):
            raise RuntimeError("the first 50 queries found nothing: the index or the mix is wrong")

        def raw(query: Any) -> object:
            return index.client.search(index=index.alias, **_raw_search_body(query))

        timed = _time_pairs(queries, index.search, raw)
    note = (
        f"{len(docs)} generated vacancies on Elasticsearch (rebuild took {load_seconds:.1f} s);"
        f" {QUERIES} queries of the mix after {WARMUP} warm-up, one client; target p95 <= 50 ms;"
        f" {_load_average()} after"
    )
    return _latency_metrics("elasticsearch", "raw_multi_match_elasticsearch", timed, note)


class Fts5Baseline:
    """A plain FTS5 table of the documents' text fields, and the simplest search over it."""

    def __init__(self, path: Path, docs: list[dict[str, Any]]) -> None:
        self.db = sqlite3.connect(path)
        self.db.executescript(
            """
            CREATE TABLE docs (id INTEGER PRIMARY KEY, posted TEXT, active INTEGER);
            CREATE INDEX docs_posted ON docs (active, posted DESC, id DESC);
            CREATE VIRTUAL TABLE text USING fts5(
                title, employer, city, qualification, description,
                tokenize = 'unicode61 remove_diacritics 2'
            );
            """
        )
        with self.db:
            self.db.executemany(
                "INSERT INTO docs VALUES (?, ?, ?)",
                [(d["id"], d["posted"], d["state"] == "active" and not d["hidden"]) for d in docs],
            )
            self.db.executemany(
                "INSERT INTO text (rowid, title, employer, city, qualification, description)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                [
                    (d["id"], d["title"], d["employer"], d["city"], d["qualification"],
                     d["description"])
                    for d in docs
                ],
            )  # fmt: skip

    def search(self, query: Any) -> tuple[int, list[int]]:
        window = (query.page_size, query.offset)
        if not query.terms:
            total = self.db.execute("SELECT count(*) FROM docs WHERE active").fetchone()[0]
            ids = self.db.execute(
                "SELECT id FROM docs WHERE active ORDER BY posted DESC, id DESC LIMIT ? OFFSET ?",
                window,
            ).fetchall()
            return total, [row[0] for row in ids]
        match = " AND ".join('"' + term.replace('"', '""') + '"' for term in query.terms)
        total = self.db.execute(
            "SELECT count(*) FROM text JOIN docs ON docs.id = text.rowid"
            " WHERE text MATCH ? AND docs.active",
            (match,),
        ).fetchone()[0]
        ids = self.db.execute(
            "SELECT docs.id FROM text JOIN docs ON docs.id = text.rowid"
            " WHERE text MATCH ? AND docs.active ORDER BY bm25(text) LIMIT ? OFFSET ?",
            (match, *window),
        ).fetchall()
        return total, [row[0] for row in ids]

    def close(self) -> None:
        self.db.close()


def _embedded_latency() -> list[Metric]:
    _django()
    from search.backends.embedded import EmbeddedIndex

    with tempfile.TemporaryDirectory(prefix="lotse-bench-search-") as folder:
        index = EmbeddedIndex(Path(folder) / "index" / "vacancies.sqlite3")
        if not hasattr(index, "search"):
            raise Skipped("the embedded backend has no search() yet")
        docs = _documents(EMBEDDED_DOCUMENTS)
        started = time.monotonic()
        index.rebuild(iter(docs))
        load_seconds = time.monotonic() - started
        size_mb = sum(p.stat().st_size for p in Path(folder).rglob("*") if p.is_file()) / 2**20
        baseline = Fts5Baseline(Path(folder) / "fts5_baseline.sqlite3", docs)
        try:
            queries = _queries(QUERIES)
            timed = _time_pairs(queries, index.search, baseline.search)
        finally:
            baseline.close()
    note = (
        f"{len(docs)} generated vacancies on the embedded backend (rebuild took"
        f" {load_seconds:.1f} s, index folder {size_mb:.0f} MiB); {QUERIES} queries of the mix"
        f" after {WARMUP} warm-up, one client; target p95 <= 100 ms; {_load_average()} after"
    )
    return _latency_metrics("embedded", "plain_fts5_match", timed, note)


@benchmark("search_latency")
def search_latency() -> list[Metric]:
    metrics: list[Metric] = []
    for backend, measure in (
        ("elasticsearch", _elasticsearch_latency),
        ("embedded", _embedded_latency),
    ):
        try:
            metrics += measure()
        except Skipped as skipped:
            reason = str(skipped)
        except Exception as error:  # one backend failing must not lose the other's numbers
            logger.exception("search_latency on %s failed", backend)
            reason = f"FAILED: {type(error).__name__}: {error}"
        else:
            continue
        names = [f"search_latency_{backend}_{label}_ms" for label in PERCENTILES]
        metrics += _skipped(names, "ms", reason)
    return metrics
