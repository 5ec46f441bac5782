"""End-to-end crawl throughput: pages per second from request to committed vacancy.

The crawl is the real one (`crawlers.run.run_crawl`, its own process, a fresh
SQLite data folder) against a generated loopback career site of
LOTSE_BENCH_CRAWL_PAGES vacancy pages (default 5,000; see crawl_site.py).

Baseline, measured in the same run on the same machine: `scrapy bench`, which
serves its own link-heavy pages on localhost and crawls them for ten seconds
with Scrapy's defaults and no item pipeline.
"""

from __future__ import annotations

import http.client
import os
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from crawl_site import generate
from harness import REPO, Metric, benchmark

PAGES = int(os.environ.get("LOTSE_BENCH_CRAWL_PAGES", "5000"))
# The default of run_crawl and `manage.py crawl_site` is 2 requests per domain;
# the other values are tried and reported beside it.
DEFAULT_CONCURRENCY = 2
TRIED_CONCURRENCY = [
    int(n) for n in os.environ.get("LOTSE_BENCH_CRAWL_CONCURRENCY", "8,16").split(",") if n
]
SOURCE = "bench-site"
SERVICE_VARIABLES = ("DATABASE_URL", "CELERY_BROKER_URL", "ELASTICSEARCH_URL", "REDIS_URL")
CRAWLED = re.compile(r"Crawled (\d+) pages \(at (\d+) pages/min\)")


def _embedded_env(data_dir: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in SERVICE_VARIABLES}
    env.update(DJANGO_SETTINGS_MODULE="cms.settings.dev", LOTSE_DATA_DIR=str(data_dir))
    return env


@contextmanager
def _site(folder: Path) -> Iterator[str]:
    """Serve the generated site on loopback; yield its base URL."""
    process = subprocess.Popen(
        [sys.executable, str(Path(__file__).with_name("crawl_site.py")), str(folder)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        line = process.stdout.readline() if process.stdout else ""
        if not line.startswith("serving on http://127.0.0.1:"):
            raise RuntimeError(f"the site server did not start: {line!r}")
        yield line.split()[-1]
    finally:
        process.terminate()
        process.wait(timeout=10)


def _fetch_rate(base_url: str, paths: list[str], threads: int = 8) -> float:
    """Pages per second a plain threaded client gets from the server, keep-alive."""
    port = int(base_url.rsplit(":", 1)[1])
    chunks = [paths[i::threads] for i in range(threads)]

    def fetch(chunk: list[str]) -> None:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        for path in chunk:
            connection.request("GET", path)
            response = connection.getresponse()
            response.read()
            if response.status != 200:
                raise RuntimeError(f"{path}: {response.status}")
        connection.close()

    workers = [threading.Thread(target=fetch, args=(chunk,)) for chunk in chunks]
    started = time.monotonic()
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    return len(paths) / (time.monotonic() - started)


def _scrapy_bench(folder: Path) -> tuple[float, str]:
    """Steady-state pages per second of `scrapy bench`, and how it was read."""
    settings = [
        option
        for setting in ("CLOSESPIDER_TIMEOUT=10", "LOG_LEVEL=INFO", "TELNETCONSOLE_ENABLED=False")
        for option in ("-s", setting)
    ]
    done = subprocess.run(
        [str(Path(sys.executable).with_name("scrapy")), "bench", *settings],
        cwd=folder,  # no scrapy.cfg here: Scrapy's defaults only
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    rates = [int(m.group(2)) for m in CRAWLED.finditer(done.stderr)]
    # The first interval is the ramp-up from zero; the last is cut short by the close.
    steady = [rate for rate in rates[1:-1] if rate > 0]
    if not steady:
        raise RuntimeError(f"scrapy bench reported no rates: {done.stderr[-2000:]}")
    per_second = statistics.mean(steady) / 60
    return per_second, f"mean of {len(steady)} one-second LogStats intervals after the first"


def _crawl(base_url: str, template: Path, folder: Path, concurrency: int) -> dict[str, float]:
    """One crawl into a copy of the migrated data folder; check what it stored."""
    data_dir = folder / f"data-{concurrency}"
    shutil.copytree(template, data_dir)
    from crawlers.run import run_crawl

    started = time.monotonic()
    summary = run_crawl(
        "site",
        SOURCE,
        {
            "sitemap_urls": [f"{base_url}/sitemap.xml"],
            "concurrency": concurrency,
            "timeout": 600,
        },
        env=_embedded_env(data_dir),
    )
    wall = time.monotonic() - started
    if not summary.ok:
        raise RuntimeError(f"the crawl failed: {summary.errors[:5]}")
    with sqlite3.connect(data_dir / "lotse.sqlite3") as connection:
        (stored,) = connection.execute(
            "SELECT count(*) FROM search_vacancy WHERE source = ? AND state = 'active'", (SOURCE,)
        ).fetchone()
    if summary.new != PAGES or stored != PAGES:
        raise RuntimeError(
            f"{PAGES} pages but {summary.new} new vacancies, {stored} active rows;"
            f" problems: {summary.problems[:5]}"
        )
    result = {
        "per_second": round(summary.new / summary.duration, 1),
        "wall_per_second": round(summary.new / wall, 1),
        "duration": summary.duration,
        "wall": round(wall, 1),
        "requests": summary.requests,
        "duplicates": summary.duplicates,
    }
    print(f"  concurrency {concurrency}: {result}", file=sys.stderr, flush=True)
    return result


@benchmark("crawl")
def crawl() -> list[Metric]:
    sys.path.insert(0, str(REPO))
    with tempfile.TemporaryDirectory(prefix="lotse-bench-crawl-") as name:
        folder = Path(name)
        site = folder / "site"
        paths = generate(site, PAGES)
        template = folder / "template"
        template.mkdir()
        migrated = subprocess.run(
            [sys.executable, "manage.py", "migrate", "search", "--noinput"],
            cwd=REPO,
            env=_embedded_env(template),
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        if migrated.returncode != 0:
            raise RuntimeError(f"migrate failed: {migrated.stderr[-2000:]}")
        baseline, how = _scrapy_bench(folder)
        with _site(site) as base_url:
            server_rate = _fetch_rate(base_url, paths[:2000])
            runs = {
                n: _crawl(base_url, template, folder, n)
                for n in dict.fromkeys([DEFAULT_CONCURRENCY, *TRIED_CONCURRENCY])
            }
    default = runs[DEFAULT_CONCURRENCY]
    best = max(runs, key=lambda n: runs[n]["per_second"])
    tried = ", ".join(f"{n}: {r['per_second']}/s" for n, r in runs.items())
    metrics = [
        Metric(
            "crawl_pages_per_second",
            default["per_second"],
            "pages/s",
            "scrapy_bench_pages_per_second",
            round(baseline, 1),
            f"{PAGES} vacancy pages via run_crawl at the default concurrency"
            f" {DEFAULT_CONCURRENCY}; new vacancies / the run's own duration"
            f" ({default['duration']} s, robots.txt to the last commit; wall time with"
            f" interpreter start {default['wall']} s = {default['wall_per_second']}/s);"
            f" {default['requests']} requests, {default['duplicates']} marked duplicate."
            f" Baseline: scrapy bench, {how}",
        ),
        Metric("crawl_pages", PAGES, "pages", note="vacancy pages in the sitemap; all stored new"),
        Metric(
            "crawl_best_pages_per_second",
            runs[best]["per_second"],
            "pages/s",
            "scrapy_bench_pages_per_second",
            round(baseline, 1),
            f"best of the concurrency values tried ({tried}): {best}",
        ),
        Metric(
            "crawl_site_server_pages_per_second",
            round(server_rate, 1),
            "pages/s",
            note="the loopback site server under 8 keep-alive client threads, 2,000 pages:"
            " how far the server is from being the bottleneck",
        ),
    ]
    return metrics
