"""Page weight and first contentful paint of the vacancy search at the office PC.

A fresh data folder is migrated, given the demo guide (for the coaching
offer's address and hours) and 2,000 generated vacancies in the embedded
index, then served by gunicorn as the run command serves it (DEBUG off,
WhiteNoise for static files). Debian's Chromium, driven by Playwright, loads
the start page, a results page and a vacancy page in German and in Arabic,
each time in a new browser context (an empty cache, like the first visit of
the day).

- Page weight: the bytes of the document and everything it loads except
  images (decoded body sizes from the Resource Timing API, so compression
  does not flatter it). Target: at most 200 KB.
- First contentful paint: from the Paint Timing API, on loopback. Target: at
  most 1 s. Median and worst of LOTSE_BENCH_KIOSK_LOADS loads (default 10).

Baseline, in the same run and browser: the German results page saved as a
static file and served by Python's http.server (its styles and script still
from the same gunicorn), which is what the page costs without server work.
"""

from __future__ import annotations

import functools
import os
import random
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from harness import REPO, Metric, benchmark

LOADS = int(os.environ.get("LOTSE_BENCH_KIOSK_LOADS", "10"))
VACANCIES = 2000
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
SERVICE_VARIABLES = ("DATABASE_URL", "CELERY_BROKER_URL", "ELASTICSEARCH_URL", "REDIS_URL")
WEIGHT_LIMIT_KB = 200
FCP_LIMIT_MS = 1000

# Runs inside Django: the vacancies of a district, some far away, in the catalogue and index.
FILL = """
import datetime as dt, random, sys
import django
django.setup()
from search import sync
from search.catalogue import upsert
from search.vacancies import KINDS, WORKING_TIMES, Place, VacancyData
random.seed(7)
words = ["Lager", "Helfer", "Koch", "Pflege", "Fahrer", "Verkauf", "Reinigung", "Montage",
         "Büro", "Küche", "Service", "Technik", "Garten", "Maler", "Elektro", "Logistik"]
places = [("99867", "Gotha", 50.95, 10.70), ("99084", "Erfurt", 50.98, 11.03),
          ("99817", "Eisenach", 50.98, 10.32), ("99887", "Georgenthal", 50.83, 10.66)]
paragraph = "<p>Wir bieten einen sicheren Arbeitsplatz, ein gutes Team und faire Bezahlung. </p>"
today = dt.date.today()
for n in range(int(sys.argv[1])):
    code, city, lat, lon = random.choice(places)
    upsert(VacancyData(
        source="bench", external_id=str(n), kind=random.choice(KINDS),
        title=f"{random.choice(words)}{random.choice(words).lower()} {n} (m/w/d)",
        url=f"https://jobs.example.org/{n}", employer=f"Firma {n} GmbH",
        description=paragraph * random.randint(3, 12),
        places=(Place(postal_code=code, city=city, latitude=lat + random.uniform(-.05, .05),
                      longitude=lon + random.uniform(-.05, .05)),),
        working_time=frozenset(random.sample(WORKING_TIMES, random.randint(1, 2))),
        posted=today - dt.timedelta(days=random.randint(0, 60)),
        german_level=random.choice(["", "A2", "B1", "B2"]),
        driving_licence=random.choice([None, True, False]),
    ))
sync.drain()
print(sync.lag())
"""

# Collected in the page once it has loaded.
MEASURE = """() => {
  const paint = performance.getEntriesByName("first-contentful-paint")[0];
  const navigation = performance.getEntriesByType("navigation")[0];
  const image = /\\.(png|jpe?g|gif|webp|avif|ico)$/;
  const resources = performance.getEntriesByType("resource")
    .filter((entry) => entry.initiatorType !== "img" && !image.test(entry.name));
  const bytes = resources.reduce(
    (sum, entry) => sum + entry.decodedBodySize, navigation.decodedBodySize);
  return {fcp: paint ? paint.startTime : null, bytes, requests: resources.length + 1};
}"""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _env(data_dir: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k.removesuffix("_FILE") not in SERVICE_VARIABLES}
    env.update(
        DJANGO_SETTINGS_MODULE="cms.settings.dev",
        PYTHONPATH=os.pathsep.join(p for p in (str(REPO), env.get("PYTHONPATH", "")) if p),
        LOTSE_DATA_DIR=str(data_dir),
        DEBUG="false",
        ALLOWED_HOSTS="127.0.0.1",
        LOG_LEVEL="WARNING",
    )
    return env


def _run(argv: list[str], env: dict[str, str]) -> str:
    done = subprocess.run(argv, cwd=REPO, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(argv[:3])} failed:\n{done.stderr[-3000:]}")
    return done.stdout


@contextmanager
def _gunicorn(env: dict[str, str], log: Path) -> Iterator[str]:
    port = _free_port()
    with log.open("wb") as log_file:
        process = subprocess.Popen(
            [
                sys.executable, "-m", "gunicorn", "cms.wsgi:application",
                "--bind", f"127.0.0.1:{port}", "--workers", "2", "--threads", "4",
            ],
            cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=log_file,
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
        yield f"http://127.0.0.1:{port}"
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _pages(base: str, vacancy_id: int) -> dict[str, str]:
    pages = {}
    for language, prefix in (("de", ""), ("ar", "/ar")):
        pages[f"start_{language}"] = f"{base}{prefix}/stellen/"
        pages[f"results_{language}"] = f"{base}{prefix}/stellen/suche/?q=Lagerhelfr&distance=any"
        pages[f"detail_{language}"] = f"{base}{prefix}/stellen/{vacancy_id}/?q=Lager"
    return pages


def _load(browser, url: str) -> dict[str, float]:
    context = browser.new_context(locale="de-DE")
    try:
        page = context.new_page()
        response = page.goto(url, wait_until="load")
        if response is None or response.status != 200:
            raise RuntimeError(f"{url} answered {response.status if response else 'nothing'}")
        # Paint entries arrive just after load on a fast page; give them a frame.
        page.wait_for_function(
            "() => performance.getEntriesByName('first-contentful-paint').length > 0",
            timeout=10_000,
        )
        return page.evaluate(MEASURE)
    finally:
        context.close()


@benchmark("kiosk_pages")
def kiosk_pages() -> list[Metric]:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="lotse-bench-") as folder:
        data = Path(folder)
        env = _env(data)
        _run([sys.executable, "manage.py", "migrate", "--verbosity", "0"], env)
        _run([sys.executable, "manage.py", "load_demo"], env)
        _run([sys.executable, "-c", FILL, str(VACANCIES)], env)
        with _gunicorn(env, data / "gunicorn.log") as base, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            try:
                pages = _pages(base, _first_vacancy_id(browser, base))
                copy = data / "static-copy"
                copy.mkdir()
                (copy / "results.html").write_text(_static_copy(browser, pages, base))
                with _static_server(copy) as static_base:
                    samples: dict[str, list[dict[str, float]]] = {
                        name: [] for name in [*pages, "baseline"]
                    }
                    load_before = os.getloadavg()[0]
                    for _ in range(LOADS):
                        for name, url in random.sample(sorted(pages.items()), len(pages)):
                            samples[name].append(_load(browser, url))
                        samples["baseline"].append(_load(browser, f"{static_base}/results.html"))
                    load = f"load average {load_before:.1f} before, {os.getloadavg()[0]:.1f} after"
            finally:
                browser.close()
    return _metrics(samples, load)


@contextmanager
def _static_server(folder: Path) -> Iterator[str]:
    handler = functools.partial(QuietHandler, directory=str(folder))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def _first_vacancy_id(browser, base: str) -> int:
    page = browser.new_page()
    try:
        page.goto(f"{base}/stellen/suche/?q=Lagerhelfer&distance=any")
        href = page.locator(".hit__title a").first.get_attribute("href") or ""
        return int(href.split("/stellen/")[1].split("/")[0])
    finally:
        page.close()


def _static_copy(browser, pages: dict[str, str], base: str) -> str:
    """The German results page as a static file, its styles and script still from `base`."""
    page = browser.new_page()
    try:
        page.goto(pages["results_de"])
        html = page.content()
    finally:
        page.close()
    return html.replace('="/static/', f'="{base}/static/')


def _metrics(samples: dict[str, list[dict[str, float]]], load: str) -> list[Metric]:
    baseline_fcp = statistics.median(s["fcp"] for s in samples["baseline"])
    metrics = []
    for name, loads in samples.items():
        if name == "baseline":
            continue
        fcps = [s["fcp"] for s in loads]
        kb = max(s["bytes"] for s in loads) / 1000
        requests = max(s["requests"] for s in loads)
        metrics += [
            Metric(
                f"kiosk_{name}_fcp_p50_ms",
                round(statistics.median(fcps), 1),
                "ms",
                "static_copy_fcp_p50_ms",
                round(baseline_fcp, 1),
                f"first contentful paint, Chromium on loopback, new context each load; "
                f"median of {len(fcps)}, worst {max(fcps):.0f} ms; target <= {FCP_LIMIT_MS} ms"
                f" ({'met' if max(fcps) <= FCP_LIMIT_MS else 'MISSED'}); {load}",
            ),
            Metric(
                f"kiosk_{name}_weight_kb",
                round(kb, 1),
                "KB",
                note=f"document and everything it loads except images, decoded; {requests}"
                f" requests; target <= {WEIGHT_LIMIT_KB} KB"
                f" ({'met' if kb <= WEIGHT_LIMIT_KB else 'MISSED'})",
            ),
        ]
    return metrics
