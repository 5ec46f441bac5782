"""Latency of the guide API with 500 pages in each of 7 locales, on SQLite and PostgreSQL.

Per database: a fresh one (a new data folder; a throwaway database on the
server of infra/services/postgres.sh) is migrated and filled by guide_data.py,
then served by gunicorn as the run command serves it (2 workers, 4 threads,
DEBUG off), without Elasticsearch, Redis or a broker. One client sends the
requests one after another over a kept-alive connection.

Baseline, in the same run and the same server process: plain Django views
returning the same JSON with a JsonResponse (baseline_urls.py). Each API
request is paired with its baseline request, taking turns which goes first,
so a change of load on the machine hits both alike. The responses are checked
to be equal first; a metric's note says when they are not.

LOTSE_BENCH_REQUESTS sets the timed requests per endpoint (default 300).
"""

from __future__ import annotations

import http.client
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from harness import HERE, REPO, Metric, benchmark

REQUESTS = int(os.environ.get("LOTSE_BENCH_REQUESTS", "300"))
WARMUP = 20
PAGES_PER_LOCALE = 500
SERVICE_VARIABLES = ("DATABASE_URL", "CELERY_BROKER_URL", "ELASTICSEARCH_URL", "REDIS_URL")
LISTING_OFFSETS = (0, 100, 200, 300, 460)
PERCENTILES = {"p50": 50, "p95": 95}


@dataclass(frozen=True)
class Endpoint:
    name: str
    api: Callable[[int], str]
    baseline: Callable[[int], str]
    about: str


def _endpoints(detail_ids: list[int]) -> list[Endpoint]:
    def offset(i: int) -> int:
        return LISTING_OFFSETS[i % len(LISTING_OFFSETS)]

    def detail(i: int) -> int:
        return detail_ids[i % len(detail_ids)]

    offers = "?locale=ar&limit=20&offset={}"
    pages = "?locale=uk&type=guide.OfferPage&limit=20&offset={}"
    return [
        Endpoint(
            "offers_listing",
            lambda i: "/api/v2/offers/" + offers.format(offset(i)),
            lambda i: "/bench/baseline/offers/" + offers.format(offset(i)),
            f"/api/v2/offers/?locale=ar&limit=20, offsets {LISTING_OFFSETS}",
        ),
        Endpoint(
            "pages_listing",
            lambda i: "/api/v2/pages/" + pages.format(offset(i)),
            lambda i: "/bench/baseline/pages/" + pages.format(offset(i)),
            f"/api/v2/pages/?locale=uk&type=guide.OfferPage&limit=20, offsets {LISTING_OFFSETS}",
        ),
        Endpoint(
            "offer_detail",
            lambda i: f"/api/v2/offers/{detail(i)}/",
            lambda i: f"/bench/baseline/offers/{detail(i)}/",
            f"/api/v2/offers/<id>/ for {len(detail_ids)} offers across all 7 locales",
        ),
    ]


# --- The database and its content ---------------------------------------------------


class Skipped(Exception):
    """The database cannot be had here; its metrics are recorded as skipped."""


def _env(data_dir: Path, database_url: str | None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k.removesuffix("_FILE") not in SERVICE_VARIABLES}
    python_path = [str(HERE), str(REPO), env.get("PYTHONPATH", "")]
    env.update(
        DJANGO_SETTINGS_MODULE="bench_settings",
        PYTHONPATH=os.pathsep.join(part for part in python_path if part),
        LOTSE_DATA_DIR=str(data_dir),
        DEBUG="false",
        ALLOWED_HOSTS="127.0.0.1",
        LOG_LEVEL="WARNING",
    )
    if database_url:
        env["DATABASE_URL"] = database_url
    return env


def _run(argv: list[str], env: dict[str, str]) -> str:
    done = subprocess.run(argv, cwd=REPO, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(argv)} failed:\n{done.stderr[-3000:]}")
    return done.stdout


def _fill(env: dict[str, str]) -> tuple[dict[str, object], float]:
    """Migrate and generate the content; the generator's summary and the migration seconds."""
    started = time.monotonic()
    _run([sys.executable, "manage.py", "migrate", "--verbosity", "0"], env)
    migrate_seconds = time.monotonic() - started
    output = _run(
        [sys.executable, str(HERE / "guide_data.py"), "--pages", str(PAGES_PER_LOCALE)], env
    )
    return json.loads(output.strip().splitlines()[-1]), migrate_seconds


def _query_counts(env: dict[str, str], endpoints: list[Endpoint]) -> dict[str, tuple[int, int]]:
    """Database queries of one API request and of its baseline request, per endpoint."""
    paths = [path for endpoint in endpoints for path in (endpoint.api(1), endpoint.baseline(1))]
    output = _run([sys.executable, str(HERE / "guide_data.py"), "--count-queries", *paths], env)
    counts = json.loads(output.strip().splitlines()[-1])
    return {e.name: (counts[e.api(1)], counts[e.baseline(1)]) for e in endpoints}


@contextmanager
def _postgres_database() -> Iterator[str]:
    """A new, empty database on the dev PostgreSQL server, dropped afterwards."""
    script = str(REPO / "infra" / "services" / "postgres.sh")
    started = subprocess.run(["bash", script, "start"], capture_output=True, text=True, check=False)
    if started.returncode != 0:
        reason = (started.stderr.strip().splitlines() or ["no output"])[-1]
        raise Skipped(f"PostgreSQL did not start: {reason}")
    env_line = subprocess.run(
        ["bash", script, "env"], capture_output=True, text=True, check=True
    ).stdout
    server_url = env_line.strip().split("DATABASE_URL=", 1)[1]
    try:
        import psycopg
    except ImportError:
        raise Skipped("psycopg is not installed (the dev dependencies have it)") from None
    name = f"lotse_bench_{uuid.uuid4().hex[:8]}"
    try:
        with psycopg.connect(server_url, autocommit=True) as connection:
            connection.execute(f'CREATE DATABASE "{name}"')
    except psycopg.Error as error:
        raise Skipped(f"could not create a database: {error}") from None
    try:
        yield server_url.rsplit("/", 1)[0] + f"/{name}"
    finally:
        with psycopg.connect(server_url, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


# --- Server and client --------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def _gunicorn(env: dict[str, str], log: Path) -> Iterator[int]:
    port = _free_port()
    with log.open("wb") as log_file:
        process = subprocess.Popen(
            [
                sys.executable, "-m", "gunicorn", "cms.wsgi:application",
                "--bind", f"127.0.0.1:{port}", "--workers", "2", "--threads", "4",
            ],
            cwd=REPO,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=log_file,
        )  # fmt: skip
    try:
        deadline = time.monotonic() + 120
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"gunicorn ended early:\n{log.read_text()[-3000:]}")
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1):
                    break
            except OSError:
                if time.monotonic() > deadline:
                    raise RuntimeError("gunicorn did not listen within 120 s") from None
                time.sleep(0.1)
        yield port
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


class Client:
    """One kept-alive connection; each request timed from sending to the last byte."""

    def __init__(self, port: int, log: Path):
        self.port, self.log = port, log
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)

    def get(self, path: str) -> tuple[float, bytes]:
        for attempt in (1, 2):
            started = time.perf_counter()
            try:
                self.connection.request("GET", path)
                response = self.connection.getresponse()
                body = response.read()
            except (http.client.RemoteDisconnected, ConnectionError):
                # The server closed the kept-alive connection; open a new one, once.
                self.connection.close()
                if attempt == 2:
                    raise
                continue
            seconds = time.perf_counter() - started
            if response.status != 200:
                raise RuntimeError(
                    f"GET {path} answered {response.status}: {body[:500]!r}\n"
                    f"server log:\n{self.log.read_text()[-3000:]}"
                )
            return seconds, body
        raise AssertionError("unreachable")

    def close(self) -> None:
        self.connection.close()


def _differences(api: object, baseline: object, path: str = "") -> list[str]:
    """Where two JSON documents differ, as paths like /items[3]/meta/html_url."""
    if type(api) is not type(baseline):
        return [path or "/"]
    if isinstance(api, dict):
        found = []
        for key in sorted(set(api) | set(baseline)):
            if key not in api or key not in baseline:
                found.append(f"{path}/{key}")
            else:
                found += _differences(api[key], baseline[key], f"{path}/{key}")
        return found
    if isinstance(api, list):
        if len(api) != len(baseline):
            return [f"{path} (length)"]
        return [
            difference
            for i, (first, second) in enumerate(zip(api, baseline, strict=True))
            for difference in _differences(first, second, f"{path}[{i}]")
        ]
    return [] if api == baseline else [path or "/"]


def _percentile(samples: list[float], percent: int) -> float:
    return statistics.quantiles(samples, n=100, method="inclusive")[percent - 1]


def _measure(client: Client, endpoints: list[Endpoint]) -> dict[str, dict[str, object]]:
    results: dict[str, dict[str, object]] = {}
    for endpoint in endpoints:
        differences: list[str] = []
        for i in range(len(LISTING_OFFSETS)):
            api = json.loads(client.get(endpoint.api(i))[1])
            baseline = json.loads(client.get(endpoint.baseline(i))[1])
            differences += _differences(api, baseline)
        results[endpoint.name] = {"api": [], "baseline": [], "differences": differences}
    for i in range(-WARMUP, REQUESTS):
        for endpoint in endpoints:
            pair = [("api", endpoint.api(i)), ("baseline", endpoint.baseline(i))]
            for kind, path in pair if i % 2 == 0 else reversed(pair):
                seconds, _body = client.get(path)
                if i >= 0:
                    results[endpoint.name][kind].append(seconds * 1000)
    return results


def _metrics(database: str, endpoints: list[Endpoint], results, queries, context: str):
    metrics = []
    for endpoint in endpoints:
        result = results[endpoint.name]
        api_queries, baseline_queries = queries[endpoint.name]
        differences = result["differences"]
        same = (
            "baseline JSON equal to the API's"
            if not differences
            else f"BASELINE JSON DIFFERS at {len(differences)} places, e.g. {differences[:3]}"
        )
        for label, percent in PERCENTILES.items():
            metrics.append(
                Metric(
                    f"guide_api_{database}_{endpoint.name}_{label}_ms",
                    round(_percentile(result["api"], percent), 2),
                    "ms",
                    f"jsonresponse_{database}_{endpoint.name}_{label}_ms",
                    round(_percentile(result["baseline"], percent), 2),
                    f"{endpoint.about}; {REQUESTS} sequential requests; {same}; database queries"
                    f" per request: API {api_queries}, baseline {baseline_queries}; {context}",
                )
            )
    return metrics


def _benchmark_database(database: str, data_dir: Path, database_url: str | None) -> list[Metric]:
    env = _env(data_dir, database_url)
    summary, migrate_seconds = _fill(env)
    offer_ids: dict[str, list[int]] = summary["offer_ids"]  # type: ignore[assignment]
    # Every 25th offer of each locale: ids spread over the whole table.
    detail_ids = [pk for ids in offer_ids.values() for pk in ids[::25]]
    endpoints = _endpoints(detail_ids)
    queries = _query_counts(env, endpoints)
    log = data_dir / "gunicorn.log"
    with _gunicorn(env, log) as port:
        client = Client(port, log)
        try:
            load_before = os.getloadavg()[0]
            results = _measure(client, endpoints)
            load_after = os.getloadavg()[0]
        finally:
            client.close()
    context = (
        f"{summary['locales']} locales x {summary['pages_per_locale']} pages; "
        f"load average {load_before:.1f} before, {load_after:.1f} after"
    )
    by_locale = ", ".join(f"{code} {s}" for code, s in summary["seconds_by_locale"].items())
    return [
        *_metrics(database, endpoints, results, queries, context),
        Metric(
            f"guide_data_{database}_seconds",
            summary["seconds"],
            "s",
            note=f"generating {summary['locales']} x {summary['pages_per_locale']} pages"
            f" (offers in bulk, the other pages through Wagtail), by locale: {by_locale};"
            f" migrations before it {migrate_seconds:.1f} s",
        ),
    ]


def _skipped(database: str, reason: str) -> list[Metric]:
    return [
        Metric(
            f"guide_api_{database}_{endpoint}_{label}_ms",
            0.0,
            "ms",
            note=f"SKIPPED (no measurement): {reason}",
        )
        for endpoint in ("offers_listing", "pages_listing", "offer_detail")
        for label in PERCENTILES
    ]


@benchmark("guide_api")
def guide_api() -> list[Metric]:
    metrics = []
    with tempfile.TemporaryDirectory(prefix="lotse-bench-") as folder:
        metrics += _benchmark_database("sqlite", Path(folder), None)
    try:
        with (
            _postgres_database() as database_url,
            tempfile.TemporaryDirectory(prefix="lotse-bench-") as folder,
        ):
            metrics += _benchmark_database("postgresql", Path(folder), database_url)
    except Skipped as skipped:
        metrics += _skipped("postgresql", str(skipped))
    return metrics
