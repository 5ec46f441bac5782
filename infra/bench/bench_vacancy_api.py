"""The vacancy API under load: 50 clients at once against /api/v1/vacancies/ on loopback.

Per backend (the embedded default; Elasticsearch when ELASTICSEARCH_URL is
set): a fresh SQLite data folder is migrated and filled with
LOTSE_BENCH_API_VACANCIES generated vacancies (default 20,000; catalogue and
index, vacancy_data.py; both through served.py, which bench_load.py shares),
then served by gunicorn as the run command serves it
(2 workers, 4 threads, DEBUG off) with the API's rate limit raised
(LOTSE_API_RATE), so throttling does not count as errors. No Redis or broker:
the throttle counts in each worker's memory.

LOTSE_BENCH_API_CLIENTS threads (default 50), each on its own kept-alive
connection, send requests one after another for LOTSE_BENCH_API_SECONDS
(default 60): searches from vacancy_data.queries (75 %), vacancy details
(15 %) and title suggestions (10 %). Any answer but 200, and any failed
connection, is an error.

Baseline, in the same run and the same server process: a plain Django view
answering the bytes of a real search response (captured from the API first)
without doing anything, under the same load for LOTSE_BENCH_API_BASELINE_SECONDS
(default 20): what this server and these clients manage when the view costs
nothing. The machine runs clients, server and Elasticsearch at once; see the
`cpus` of the results.
"""

from __future__ import annotations

import http.client
import os
import random
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

from bench_guide_api import _gunicorn
from harness import REPO, Metric, benchmark
from served import capture, elasticsearch_prefix, percentile, prepare, server_errors

if str(REPO) not in sys.path:  # vacancy_data imports the project
    sys.path.append(str(REPO))

VACANCIES = int(os.environ.get("LOTSE_BENCH_API_VACANCIES", "20000"))
CLIENTS = int(os.environ.get("LOTSE_BENCH_API_CLIENTS", "50"))
SECONDS = float(os.environ.get("LOTSE_BENCH_API_SECONDS", "60"))
BASELINE_SECONDS = float(os.environ.get("LOTSE_BENCH_API_BASELINE_SECONDS", "20"))
PATHS = 5000  # the request mix, cycled through
PERCENTILES = {"p50": 50, "p95": 95, "p99": 99}


def _paths(count: int, vacancies: int) -> list[str]:
    from vacancy_data import TYPED, queries, typo

    rng = random.Random(55)
    searches = iter(queries(count))
    found = []
    for _ in range(count):
        roll = rng.random()
        if roll < 0.75:
            found.append("/api/v1/vacancies/?" + urlencode(next(searches)))
        elif roll < 0.90:
            found.append(f"/api/v1/vacancies/{rng.randint(1, vacancies)}/")
        else:
            word = rng.choice(TYPED)
            prefix = word[: rng.randint(2, max(2, len(word)))]
            if rng.random() < 0.15:
                prefix = typo(rng, prefix)
            found.append("/api/v1/vacancies/suggest/?" + urlencode({"q": prefix}))
    return found


@dataclass
class Load:
    """What the clients saw: milliseconds of each answered request, and the errors."""

    milliseconds: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    seconds: float = 0.0
    lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def per_second(self) -> float:
        return round(len(self.milliseconds) / self.seconds, 1)


def _client(port: int, paths: list[str], start: int, deadline: float, load: Load) -> None:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    timed: list[float] = []
    errors: list[str] = []
    i = start
    while time.perf_counter() < deadline:
        path = paths[i % len(paths)]
        i += 1
        started = time.perf_counter()
        try:
            connection.request("GET", path)
            response = connection.getresponse()
            body = response.read()
        except (OSError, http.client.HTTPException) as error:
            errors.append(f"{path}: {type(error).__name__} {error}")
            connection.close()
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            continue
        if response.status != 200:
            errors.append(f"{path}: {response.status} {body[:200]!r}")
            continue
        timed.append((time.perf_counter() - started) * 1000)
    connection.close()
    with load.lock:
        load.milliseconds += timed
        load.errors += errors


def _load(port: int, paths: list[str], seconds: float) -> Load:
    load = Load()
    started = time.perf_counter()
    deadline = started + seconds
    step = len(paths) // CLIENTS or 1
    threads = [
        threading.Thread(target=_client, args=(port, paths, n * step, deadline, load))
        for n in range(CLIENTS)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    load.seconds = time.perf_counter() - started
    return load


def _measure(backend: str, folder: Path, elasticsearch: tuple[str, str] | None) -> list[Metric]:
    env, summary = prepare(folder, VACANCIES, elasticsearch=elasticsearch)
    paths = _paths(PATHS, VACANCIES)
    log = folder / "gunicorn.log"
    with _gunicorn(env, log) as port:
        baseline_path = capture(port, "/api/v1/vacancies/?q=Lagerhelfer", folder, "search.json")
        canned = (folder / "canned" / "search.json").read_bytes()
        _load(port, paths[: CLIENTS * 10], 5)  # warm up: imports, caches, connections
        load_before = os.getloadavg()[0]
        api = _load(port, paths, SECONDS)
        baseline = _load(port, [baseline_path], BASELINE_SECONDS)
        load_after = os.getloadavg()[0]
        found_in_log = server_errors(log) if api.errors or baseline.errors else ""
    errors = api.errors + baseline.errors
    example = f"; first errors: {errors[:3]}{found_in_log}" if errors else ""
    context = (
        f"{summary['vacancies']} generated vacancies ({backend} index, loaded in"
        f" {summary['index_seconds']} s); {CLIENTS} clients for {SECONDS:.0f} s, baseline"
        f" {BASELINE_SECONDS:.0f} s; gunicorn 2 workers x 4 threads; load average"
        f" {load_before:.1f} before, {load_after:.1f} after"
    )
    prefix = f"vacancy_api_{backend}"
    metrics = [
        Metric(
            f"{prefix}_errors",
            float(len(api.errors)),
            "requests",
            note=f"{len(api.milliseconds)} answered; target 0; baseline errors"
            f" {len(baseline.errors)}{example}; {context}",
        ),
        Metric(
            f"{prefix}_requests_per_s",
            api.per_second,
            "requests/s",
            f"canned_json_{backend}_requests_per_s",
            baseline.per_second,
            f"75 % searches, 15 % details, 10 % suggestions; baseline: a plain Django view"
            f" answering a captured search response ({len(canned)} bytes); {context}",
        ),
    ]
    metrics += [
        Metric(
            f"{prefix}_{label}_ms",
            percentile(api.milliseconds, percent),
            "ms",
            f"canned_json_{backend}_{label}_ms",
            percentile(baseline.milliseconds, percent),
            f"client side, request sent to last byte; {context}",
        )
        for label, percent in PERCENTILES.items()
    ]
    return metrics


def _skipped(backend: str, reason: str) -> list[Metric]:
    names = ["errors", "requests_per_s", *(f"{label}_ms" for label in PERCENTILES)]
    return [
        Metric(f"vacancy_api_{backend}_{name}", 0.0, "", note=f"SKIPPED (no measurement): {reason}")
        for name in names
    ]


@benchmark("vacancy_api_load")
def vacancy_api_load() -> list[Metric]:
    metrics = []
    with tempfile.TemporaryDirectory(prefix="lotse-bench-api-") as folder:
        metrics += _measure("embedded", Path(folder), None)
    if not os.environ.get("ELASTICSEARCH_URL"):
        return metrics + _skipped("elasticsearch", "ELASTICSEARCH_URL is not set")
    with (
        elasticsearch_prefix("bench_api") as elasticsearch,
        tempfile.TemporaryDirectory(prefix="lotse-bench-api-") as folder,
    ):
        metrics += _measure("elasticsearch", Path(folder), elasticsearch)
    return metrics
