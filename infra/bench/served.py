"""A data folder served by gunicorn for the load benchmarks (vacancy_api_load, load).

`prepare` makes a fresh installation in a folder: migrated, optionally with
the demo guide, filled with generated vacancies (catalogue and index,
vacancy_data.py), with the API's rate limit raised (LOTSE_API_RATE) so
throttling does not count as errors. The database is a SQLite file in the
folder unless a `database_url` is given (see `postgres_database`); the index
is the embedded one unless `elasticsearch` names a server and a prefix of our
own (see `elasticsearch_prefix`). No Redis or broker: caches and the API's
throttle count in each worker's memory.

Its settings are the benchmarks' (cms.settings.dev, DEBUG off, through
bench_guide_api._env) plus one baseline view: `/bench/baseline/canned/<name>`
answers the bytes of a response captured from the real server before the
load (`capture`), without doing anything, so a benchmark can measure what
the same server and clients manage when a view costs nothing.
"""

from __future__ import annotations

import http.client
import json
import os
import statistics
import sys
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from bench_guide_api import _env, _run
from harness import HERE

RATE = "1000000/second"
CANNED_PREFIX = "/bench/baseline/canned/"

# The baseline server's URLs and settings, written into the folder.
BASELINE_URLS = f'''
import mimetypes
from functools import cache
from pathlib import Path

from django.http import Http404, HttpResponse
from django.urls import path

from cms.urls import urlpatterns as cms_urlpatterns

CANNED = Path(__file__).with_name("canned")


@cache
def body(name):
    return (CANNED / name).read_bytes()


def canned(request, name):
    if not (CANNED / name).is_file():
        raise Http404(name)
    return HttpResponse(body(name), content_type=mimetypes.guess_type(name)[0])


urlpatterns = [path("{CANNED_PREFIX.strip("/")}/<str:name>", canned), *cms_urlpatterns]
'''
BASELINE_SETTINGS = """
from cms.settings.dev import *  # noqa: F403

ROOT_URLCONF = "served_baseline_urls"
"""


def prepare(
    folder: Path,
    vacancies: int,
    *,
    elasticsearch: tuple[str, str] | None = None,
    database_url: str | None = None,
    demo: bool = False,
) -> tuple[dict[str, str], dict[str, object]]:
    """The server's environment and the vacancy generator's summary."""
    (folder / "served_baseline_urls.py").write_text(BASELINE_URLS)
    (folder / "served_baseline_settings.py").write_text(BASELINE_SETTINGS)
    (folder / "canned").mkdir(exist_ok=True)
    env = _env(folder / "data", database_url)
    env.update(
        DJANGO_SETTINGS_MODULE="served_baseline_settings",
        PYTHONPATH=os.pathsep.join((str(folder), env["PYTHONPATH"])),
        LOTSE_API_RATE=RATE,
    )
    if elasticsearch:
        env.update(ELASTICSEARCH_URL=elasticsearch[0], LOTSE_INDEX_PREFIX=elasticsearch[1])
    _run([sys.executable, "manage.py", "migrate", "--verbosity", "0"], env)
    if demo:
        _run([sys.executable, "manage.py", "load_demo"], env)
    output = _run([sys.executable, str(HERE / "vacancy_data.py"), "--load", str(vacancies)], env)
    summary: dict[str, object] = json.loads(output.strip().splitlines()[-1])
    return env, summary


def capture(port: int, path: str, folder: Path, name: str) -> str:
    """Save the server's answer to `path` as a canned response; its baseline path."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        body = response.read()
    finally:
        connection.close()
    if response.status != 200:
        raise RuntimeError(f"GET {path} answered {response.status}: {body[:500]!r}")
    (folder / "canned" / name).write_bytes(body)
    return CANNED_PREFIX + name


@contextmanager
def elasticsearch_prefix(name: str) -> Iterator[tuple[str, str]]:
    """ELASTICSEARCH_URL and a prefix of our own; its indices are deleted afterwards."""
    from elasticsearch import Elasticsearch

    url = os.environ["ELASTICSEARCH_URL"]
    prefix = f"{name}_{uuid.uuid4().hex[:8]}"
    try:
        yield url, prefix
    finally:
        client = Elasticsearch(url.split(","), request_timeout=60)
        client.indices.delete(index=f"{prefix}_*", ignore_unavailable=True, allow_no_indices=True)


@contextmanager
def postgres_database(name: str) -> Iterator[str]:
    """A new, empty database on the server of DATABASE_URL, dropped afterwards."""
    import psycopg

    server_url = os.environ["DATABASE_URL"]
    database = f"{name}_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(server_url, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{database}"')
    try:
        yield server_url.rsplit("/", 1)[0] + f"/{database}"
    finally:
        with psycopg.connect(server_url, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')


def percentile(samples: list[float], percent: int) -> float:
    if len(samples) < 2:
        return round(samples[0], 1) if samples else 0.0
    return round(statistics.quantiles(samples, n=100, method="inclusive")[percent - 1], 1)


def server_errors(log: Path) -> str:
    """The last distinct error lines of the server's log, to say why requests failed."""
    lines = [line for line in log.read_text(errors="replace").splitlines() if "Error" in line]
    distinct = list(dict.fromkeys(reversed(lines)))[:3]
    return f"; server log: {distinct}" if distinct else ""
