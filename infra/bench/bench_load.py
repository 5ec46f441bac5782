"""Load on loopback: the office-PC vacancy search and the guide API under 50 and 200 clients.

The server: a fresh installation (served.py) with the demo guide and
LOTSE_BENCH_LOAD_VACANCIES generated vacancies (default 100,000), on
PostgreSQL when DATABASE_URL is set (a throwaway database on that server)
and Elasticsearch when ELASTICSEARCH_URL is set (indices under a prefix of
our own), otherwise on a SQLite file and the embedded index. gunicorn serves
it as the run command does (2 workers x 4 threads, no access log, DEBUG off),
with the API's rate limit raised (LOTSE_API_RATE=1000000/second) so that no
429 is counted as an error.

The clients: Locust, headless, in a process of its own (load_driver.py), on
the same machine: closed-loop clients, each on one kept-alive connection,
sending its next request as soon as the last is answered (or after
LOTSE_BENCH_LOAD_THINK_SECONDS, default 0). So "N clients" is N requests in
flight at once, the hardest reading of N people at N office PCs. The mix, in
endpoint groups (the same list every run, seeded):

- office_search (40 %): /stellen/suche/ results pages in the eight interface
  languages, from vacancy_data.queries: free text with typos, kinds, working
  times, distances, "little German", "no licence", later pages;
- office_vacancy (20 %): vacancy pages /stellen/<id>/ of active vacancies,
  most with the search they came from (?q=...);
- office_start_suggest (10 %): start pages and title suggestions while typing
  (/stellen/vorschlaege/?q=);
- guide_api (30 %): /api/v2/ page and offer listings (locale, type,
  child_of, search, and the offer filters topic, language, open_now,
  near/radius) and single pages and offers of the demo guide.

Steps, one after another on the same server: a warm-up (not recorded); for
the first of LOTSE_BENCH_LOAD_CLIENTS (default 50,200)
LOTSE_BENCH_LOAD_SECONDS (default 300) of the mix, followed at once by
LOTSE_BENCH_LOAD_BASELINE_SECONDS (default 30) of the baseline under the same
number of clients; the ramp LOTSE_BENCH_LOAD_RAMP (default
10,25,50,100,150,200 clients) for LOTSE_BENCH_LOAD_RAMP_SECONDS each (default
30); then the other client counts as the first. Each step starts once every
request of the step before is answered (load_driver.py).

Reported per step and group: requests, errors (any status but 2xx, or a 3xx
followed to its end; a refused, reset or timed-out connection), answered
requests per second, and p50/p95/p99 of the answered ones, client side, from
sending to the last byte. Also the generator's own CPU use (percent of one
CPU; past about 90 % the clients, not the server, set the pace), the
server's, the database's and Elasticsearch's, how busy the whole machine was,
and the load average.

Baseline, in the same run, the same server process and under the same number
of clients: a plain Django view answering the bytes of a real results page
and of a real offers listing, captured before the load (served.capture):
what this server and these clients manage when the view costs nothing. The
ramp's steps are compared with its first step instead.

Where latency degrades: the first ramp step whose p95 (all groups) is more
than twice the first step's, or whose throughput rose by less than 10 % over
the step before (the server is saturated: more clients only wait longer).
"""

from __future__ import annotations

import itertools
import json
import os
import random
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlsplit

from bench_guide_api import _gunicorn, _run
from harness import HERE, REPO, Metric, benchmark
from served import capture, elasticsearch_prefix, postgres_database, prepare, server_errors

if str(REPO) not in sys.path:  # vacancy_data imports the project
    sys.path.append(str(REPO))


def _number(name: str, default: str) -> float:
    value = os.environ.get(name, default)
    try:
        number = float(value)
    except ValueError:
        number = -1.0
    if number < 0:
        raise ValueError(f"{name}={value!r} is not valid: expected a number of 0 or more")
    return number


def _counts(name: str, default: str) -> list[int]:
    value = os.environ.get(name, default)
    try:
        counts = [int(part) for part in value.split(",") if part.strip()]
    except ValueError:
        counts = []
    if not counts or min(counts) < 1:
        raise ValueError(f"{name}={value!r} is not valid: expected client counts like 50,200")
    return counts


GROUPS = ("office_search", "office_vacancy", "office_start_suggest", "guide_api")
MIX = {"office_search": 40, "office_vacancy": 20, "office_start_suggest": 10, "guide_api": 30}
PATHS = 6000  # the request mix, cycled through
SEED = 8  # issue #8
# Interface languages as URL prefixes, weighted roughly as an office's visitors use them.
LANGUAGES = {"": 50, "/ar": 12, "/uk": 10, "/en": 6, "/ru": 6, "/fa": 6, "/tr": 5, "/de-x-ls": 5}
GUIDE_SEARCHES = ("Deutschkurs", "Beratung", "Arbeit", "Wohnung", "Kita", "Sprachkurs", "Schulden")
OFFICE = "50.949,10.701"  # near= for the offer filter: Gotha-West, the demo's district
DEGRADED_P95_FACTOR = 2.0
RISING_THROUGHPUT = 1.10
GENERATOR_SATURATED = 90.0
STATS = ("requests", "errors", "requests_per_s", "p50_ms", "p95_ms", "p99_ms")
EMPTY: dict[str, Any] = {**dict.fromkeys(STATS, 0.0), "error_kinds": {}}  # a group never seen

# Runs inside Django: what the paths can point at.
INVENTORY = """
import json, random, sys
import django
django.setup()
from wagtail.models import Page
from cms.guide.models import GuideIndexPage, OfferIndexPage, OfferPage, SpokenLanguage, Topic
from search.models import Vacancy

rng = random.Random(int(sys.argv[1]))
active = list(
    Vacancy.objects.filter(state=Vacancy.State.ACTIVE, duplicate_of__isnull=True)
    .order_by("pk").values_list("pk", flat=True)
)
pages = Page.objects.live().filter(alias_of__isnull=True, depth__gt=1)
offers = OfferPage.objects.live().filter(alias_of__isnull=True)
parents = [*GuideIndexPage.objects.live(), *OfferIndexPage.objects.live()]
print(json.dumps({
    "vacancies": sorted(rng.sample(active, min(3000, len(active)))),
    "pages": sorted(pages.values_list("pk", flat=True)),
    "offers": sorted(offers.values_list("pk", flat=True)),
    "parents": sorted(page.pk for page in parents),
    "locales": sorted(set(pages.values_list("locale__language_code", flat=True))),
    "topics": sorted(set(Topic.objects.values_list("slug", flat=True))),
    "languages": sorted(set(
        SpokenLanguage.objects.filter(offerpage__isnull=False).values_list("code", flat=True)
    )),
}))
"""


# --- The request mix --------------------------------------------------------------------


def office_search_path(params: dict[str, str], language: str, rng: random.Random) -> str:
    """The results page a participant gets to with the choices of an API query."""
    form: list[tuple[str, str]] = []
    if params.get("q"):
        form.append(("q", params["q"]))
    for name in ("kind", "working_time"):
        form += [(name, value) for value in params.get(name, "").split(",") if value]
    radius = params.get("radius_km")
    if radius in ("5", "10", "50"):
        form.append(("distance", radius))
    elif radius is None and rng.random() < 0.3:
        form.append(("distance", "any"))
    if params.get("german_level_max"):
        form.append(("little_german", "1"))
    if params.get("no_driving_licence"):
        form.append(("no_licence", "1"))
    if params.get("page"):
        form.append(("page", params["page"]))
    return f"{language}/stellen/suche/?{urlencode(form)}"


def guide_api_path(inventory: dict[str, Any], rng: random.Random) -> str:
    locale = rng.choice(inventory["locales"])
    roll = rng.random()
    if roll < 0.25:
        listing = rng.choice(
            (
                {"locale": locale, "fields": "title"},
                {"locale": locale, "type": "guide.TopicPage"},
                {"child_of": str(rng.choice(inventory["parents"]))},
            )
        )
        return f"/api/v2/pages/?{urlencode(listing)}"
    if roll < 0.50:
        return f"/api/v2/pages/{rng.choice(inventory['pages'])}/"
    if roll < 0.80:
        filters = {"locale": locale}
        if rng.random() < 0.15:
            # Offers, not pages, and no other filter: /api/v2/pages/?search= and search with
            # topic, language or open_now answer 400 (filters on fields the index lacks).
            filters["search"] = rng.choice(GUIDE_SEARCHES)
            return f"/api/v2/offers/?{urlencode(filters)}"
        if rng.random() < 0.4 and inventory["topics"]:
            filters["topic"] = rng.choice(inventory["topics"])
        if rng.random() < 0.3 and inventory["languages"]:
            filters["language"] = rng.choice(inventory["languages"])
        if rng.random() < 0.3:
            filters["open_now"] = "true"
        if rng.random() < 0.3:
            filters.update(near=OFFICE, radius=rng.choice(("3", "5", "10")))
        return f"/api/v2/offers/?{urlencode(filters)}"
    return f"/api/v2/offers/{rng.choice(inventory['offers'])}/"


def request_mix(inventory: dict[str, Any], count: int = PATHS) -> list[tuple[str, str]]:
    """(group, path) pairs in the proportions of MIX, the same for every run."""
    from vacancy_data import TYPED, queries, typo

    rng = random.Random(SEED)
    searches = iter(queries(count))
    groups, weights = list(MIX), list(MIX.values())
    languages, language_weights = list(LANGUAGES), list(LANGUAGES.values())
    found = []
    for _ in range(count):
        group = rng.choices(groups, weights)[0]
        language = rng.choices(languages, language_weights)[0]
        if group == "office_search":
            path = office_search_path(next(searches), language, rng)
        elif group == "office_vacancy":
            path = f"{language}/stellen/{rng.choice(inventory['vacancies'])}/"
            if rng.random() < 0.7:
                path += "?" + urlencode({"q": rng.choice(TYPED)})
        elif group == "office_start_suggest":
            if rng.random() < 0.4:
                path = f"{language}/stellen/"
            else:
                word = rng.choice(TYPED)
                prefix = word[: rng.randint(2, max(2, len(word)))]
                if rng.random() < 0.15:
                    prefix = typo(rng, prefix)
                path = f"{language}/stellen/vorschlaege/?" + urlencode({"q": prefix})
        else:
            path = guide_api_path(inventory, rng)
        found.append((group, path))
    return found


# --- Steps and the driver ---------------------------------------------------------------


def plan_steps() -> list[dict[str, Any]]:
    warmup = _number("LOTSE_BENCH_LOAD_WARMUP_SECONDS", "15")
    ramp_seconds = _number("LOTSE_BENCH_LOAD_RAMP_SECONDS", "30")
    seconds = _number("LOTSE_BENCH_LOAD_SECONDS", "300")
    baseline_seconds = _number("LOTSE_BENCH_LOAD_BASELINE_SECONDS", "30")
    ramp = sorted(set(_counts("LOTSE_BENCH_LOAD_RAMP", "10,25,50,100,150,200")))
    clients = sorted(set(_counts("LOTSE_BENCH_LOAD_CLIENTS", "50,200")))

    def long_step(n: int) -> list[dict[str, Any]]:
        return [
            {"label": f"c{n}", "users": n, "seconds": seconds, "mix": "site"},
            {"label": f"c{n}_baseline", "users": n, "seconds": baseline_seconds, "mix": "baseline"},
        ]

    # The number of clients only falls after a baseline step (cheap requests), so no step
    # starts behind a queue of requests whose clients were stopped.
    steps = [{"label": "warmup", "users": clients[0], "seconds": warmup, "mix": "site"}]
    steps += long_step(clients[0])
    steps += [
        {"label": f"ramp_c{n}", "users": n, "seconds": ramp_seconds, "mix": "site"} for n in ramp
    ]
    for n in clients[1:]:
        steps += long_step(n)
    return steps


def drive(plan: dict[str, Any], folder: Path) -> dict[str, Any]:
    """Run load_driver.py on the plan; its result."""
    plan_file, result_file = folder / "load-plan.json", folder / "load-result.json"
    plan_file.write_text(json.dumps(plan))
    # Its progress and warnings go straight to our stderr.
    done = subprocess.run(
        [sys.executable, str(HERE / "load_driver.py"), str(plan_file), str(result_file)],
        cwd=REPO,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"the load driver failed (exit code {done.returncode}); see above")
    result: dict[str, Any] = json.loads(result_file.read_text())
    return result


# --- Processes whose CPU is reported ----------------------------------------------------


def _listening_pid(url: str | None) -> list[int]:
    """The process listening on the port of `url` (only visible to its owner or root)."""
    if not url:
        return []
    import psutil

    port = urlsplit(url.split(",")[0]).port
    try:
        connections = psutil.net_connections(kind="tcp")
    except psutil.Error:
        return []
    return sorted(
        {
            c.pid
            for c in connections
            if c.pid and c.laddr and c.laddr.port == port and c.status == psutil.CONN_LISTEN
        }
    )


def _gunicorn_pid(port: int) -> list[int]:
    import psutil

    return [
        child.pid
        for child in psutil.Process().children()
        if f"127.0.0.1:{port}" in " ".join(child.cmdline())
    ]


# --- Metrics ----------------------------------------------------------------------------


def degradation(ramp: list[dict[str, Any]]) -> tuple[int | None, str]:
    """The clients of the first degraded ramp step (None: none), and why."""
    if len(ramp) < 2:
        return None, "a ramp of one step cannot show it"
    first = ramp[0]["all"]
    for before, step in itertools.pairwise(ramp):
        p95, throughput = step["all"]["p95_ms"], step["all"]["requests_per_s"]
        if p95 > DEGRADED_P95_FACTOR * first["p95_ms"]:
            return step["users"], (
                f"p95 {p95} ms is more than {DEGRADED_P95_FACTOR:g}x the {ramp[0]['users']}"
                f" clients' {first['p95_ms']} ms"
            )
        if throughput < RISING_THROUGHPUT * before["all"]["requests_per_s"]:
            return step["users"], (
                f"{throughput} requests/s, less than {RISING_THROUGHPUT - 1:.0%} more than the"
                f" {before['users']} clients' {before['all']['requests_per_s']}"
            )
    return None, f"neither happened up to {ramp[-1]['users']} clients"


def _cpu_note(step: dict[str, Any]) -> str:
    cpu = step["cpu_percent"]
    parts = [f"{name} {value:.0f} %" for name, value in cpu.items() if name != "machine_busy"]
    saturated = (
        " (GENERATOR SATURATED: the clients set the pace)"
        if cpu["generator"] > GENERATOR_SATURATED
        else ""
    )
    return (
        f"CPU (percent of one of the machine's CPUs): {', '.join(parts)}{saturated};"
        f" machine {cpu['machine_busy']:.0f} % busy; load average"
        f" {step['load_average'][0]} before, {step['load_average'][1]} after"
    )


def _errors_note(stats: dict[str, Any]) -> str:
    examples = stats.get("error_examples", {})
    kinds = ", ".join(
        f"{kind}: {n} (e.g. {examples[kind]})" if kind in examples else f"{kind}: {n}"
        for kind, n in stats["error_kinds"].items()
    )
    return f"errors by kind: {kinds}" if kinds else "no errors"


Reference = Callable[[str], tuple[str, dict[str, Any]] | None]


def step_metrics(
    name: str, step: dict[str, Any], reference: Reference, context: str
) -> list[Metric]:
    """Per group and for all: the STATS; latencies and throughput against `reference(group)`,
    which names the baseline's metric prefix and gives its stats."""
    units = {"requests": "requests", "errors": "requests", "requests_per_s": "requests/s"}
    metrics = []
    for group in ("all", *GROUPS):
        stats = step["all"] if group == "all" else step["groups"].get(group, EMPTY)
        compared_with = reference(group)
        # The setting is told once per step, with its group "all".
        about = f"{step['users']} clients for {step['seconds']:.0f} s; " + (
            f"{_cpu_note(step)}; {context}"
            if group == "all"
            else f"{group} only; CPU and setting: see load_{name}_all_requests"
        )
        for stat in STATS:
            baseline_name = baseline_value = None
            if compared_with is not None and stat not in ("requests", "errors"):
                baseline_name = f"{compared_with[0]}_{stat}"
                baseline_value = float(compared_with[1][stat])
            note = about
            if stat == "errors":
                note = f"{_errors_note(stats)}; target 0; {about}"
            elif stat == "requests":
                note = f"answered and failed; {about}"
            metrics.append(
                Metric(
                    f"load_{name}_{group}_{stat}",
                    float(stats[stat]),
                    units.get(stat, "ms"),
                    baseline_name,
                    baseline_value,
                    note,
                )
            )
    return metrics


def metrics_from(result: dict[str, Any], context: str) -> list[Metric]:
    steps = {step["label"]: step for step in result["steps"]}
    ramp = [step for step in result["steps"] if step["label"].startswith("ramp_")]
    clients = [s for s in result["steps"] if s["label"].startswith("c") and s["mix"] == "site"]
    metrics: list[Metric] = []

    def first_step(group: str) -> tuple[str, dict[str, Any]]:
        stats = ramp[0]["all"] if group == "all" else ramp[0]["groups"].get(group, EMPTY)
        return f"load_{ramp[0]['label']}_{group}", stats

    def no_baseline(group: str) -> None:
        return None

    for step in clients:
        baseline = steps.get(f"{step['label']}_baseline")
        note = context
        if baseline is not None:
            note += (
                f"; baseline (canned responses, same clients): {_errors_note(baseline['all'])},"
                f" {_cpu_note(baseline)}"
            )

        def canned(group: str, baseline: Any = baseline, label: str = step["label"]) -> Any:
            return (f"load_{label}_canned", baseline["all"]) if baseline else None

        metrics += step_metrics(step["label"], step, canned, note)
    for step in ramp:
        compared = first_step if step is not ramp[0] else no_baseline
        metrics += step_metrics(step["label"], step, compared, context)
    for step in [*clients, *ramp]:
        metrics.append(
            Metric(
                f"load_{step['label']}_generator_cpu_percent",
                step["cpu_percent"]["generator"],
                "% of a CPU",
                note=f"the load generator's own CPU time per second of the step; {_cpu_note(step)}",
            )
        )
    at, why = degradation(ramp)
    definition = (
        f"first ramp step whose p95 (all groups) is more than {DEGRADED_P95_FACTOR:g}x the"
        f" first step's, or whose throughput rose by less than {RISING_THROUGHPUT - 1:.0%} over"
        " the step before"
    )
    ramp_summary = "; ".join(
        f"{s['users']} clients: {s['all']['requests_per_s']} requests/s, p95"
        f" {s['all']['p95_ms']} ms, {s['all']['errors']} errors"
        for s in ramp
    )
    metrics.append(
        Metric(
            "load_degradation_clients",
            float(at or 0),
            "clients",
            note=f"{'NOT REACHED (0): ' if at is None else ''}{why}; definition: {definition};"
            f" ramp: {ramp_summary}; {context}",
        )
    )
    if ramp:
        best = max(ramp, key=lambda s: s["all"]["requests_per_s"])
        metrics.append(
            Metric(
                "load_saturation_requests_per_s",
                best["all"]["requests_per_s"],
                "requests/s",
                note=f"the ramp's highest throughput, at {best['users']} clients; {context}",
            )
        )
    return metrics


# --- The benchmark ----------------------------------------------------------------------


@contextmanager
def _services() -> Iterator[tuple[tuple[str, str] | None, str | None]]:
    """Elasticsearch and PostgreSQL of our own when configured; None where not."""
    with ExitStack() as stack:
        elasticsearch = None
        if os.environ.get("ELASTICSEARCH_URL"):
            elasticsearch = stack.enter_context(elasticsearch_prefix("bench_load"))
        database_url = None
        if os.environ.get("DATABASE_URL", "").startswith("postgres"):
            database_url = stack.enter_context(postgres_database("lotse_bench_load"))
        yield elasticsearch, database_url


def measure(folder: Path) -> tuple[dict[str, Any], str]:
    """Prepare, serve and drive the plan; the driver's result and a context for the notes."""
    vacancies = int(_number("LOTSE_BENCH_LOAD_VACANCIES", "100000"))
    steps = plan_steps()
    with _services() as (elasticsearch, database_url):
        env, summary = prepare(
            folder, vacancies, elasticsearch=elasticsearch, database_url=database_url, demo=True
        )
        inventory = json.loads(
            _run([sys.executable, "-c", INVENTORY, str(SEED)], env).strip().splitlines()[-1]
        )
        mix = request_mix(inventory)
        log = folder / "gunicorn.log"
        with _gunicorn(env, log) as port:
            baseline = [
                (
                    "baseline",
                    capture(port, "/stellen/suche/?q=Lagerhelfer", folder, "results.html"),
                ),
                ("baseline", capture(port, "/api/v2/offers/?locale=de", folder, "offers.json")),
            ]
            plan = {
                "host": f"http://127.0.0.1:{port}",
                "mixes": {"site": mix, "baseline": baseline},
                "steps": steps,
                "settle_seconds": _number("LOTSE_BENCH_LOAD_SETTLE_SECONDS", "3"),
                "think_seconds": _number("LOTSE_BENCH_LOAD_THINK_SECONDS", "0"),
                "processes": {
                    "server": _gunicorn_pid(port),
                    "elasticsearch": _listening_pid(elasticsearch[0] if elasticsearch else None),
                    "postgresql": _listening_pid(database_url),
                },
            }
            result = drive(plan, folder)
            failed = any(step["all"]["errors"] for step in result["steps"])
            found_in_log = server_errors(log) if failed else ""
    database = "PostgreSQL" if database_url else "SQLite"
    index = "Elasticsearch" if elasticsearch else "embedded"
    think = plan["think_seconds"]
    context = (
        f"{summary['vacancies']} generated vacancies ({index} index, {database}) and the demo"
        f" guide ({len(inventory['pages'])} pages, {len(inventory['offers'])} offers); gunicorn"
        f" 2 workers x 4 threads; Locust {result['locust']} closed-loop clients"
        f" ({'no think time' if not think else f'{think:g} s think time'}); mix"
        f" {', '.join(f'{g} {w} %' for g, w in MIX.items())}{found_in_log}"
    )
    return result, context


@benchmark("load")
def load() -> list[Metric]:
    with tempfile.TemporaryDirectory(prefix="lotse-bench-load-") as folder:
        result, context = measure(Path(folder))
    return metrics_from(result, context)
