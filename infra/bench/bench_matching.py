"""The matching engine: one participant's latency, and a night's rematch, on Elasticsearch.

A fresh installation (a new data folder; with DATABASE_URL set, a throwaway
database on that PostgreSQL server, else SQLite) is migrated in a child
process and filled with LOTSE_BENCH_MATCHING_VACANCIES generated vacancies
(default 100,000; vacancy_data.py): rows as `search.catalogue` stores them,
written in bulk, then `search.sync.rebuild` into the Elasticsearch at
ELASTICSEARCH_URL under an index prefix of its own, deleted afterwards.
Without ELASTICSEARCH_URL the metrics are recorded as skipped.

Participants are generated beside them, each with a consent, a known target
occupation (one of the generator's, drawn by its sector's weight), and what a
coach would type: the occupation in the participant's language (German, or
one of the curated taxonomy's labels of it in en, uk, ru, ar, fa, tr when it
has one), a few of its typical skills, a German level, a postal code of one of
the generated cities, a distance they would travel, working times and kinds.

matching_latency: milliseconds of `matching.engine.match_participant(pk,
today=...)`, the production path (consent, profile, candidate searches, the
catalogue records, scoring, storing the suggestions), for
LOTSE_BENCH_MATCHING_PARTICIPANTS participants (default 200) after 20
untimed warm-up ones. Baseline, timed per participant in turns with it:
brute force over every vacancy held in memory, the hard constraints checked
in Python, then `rapidfuzz.process.extract` (WRatio) of the desired
occupation text against the titles of those left, best 50.

nDCG@10 of both against graded relevance from the generator's ground truth
(there are no labels): a vacancy's occupation is the generator occupation its
title names (the longest of its written forms found in the title; some
Praktikum and Weiterbildung titles name only the sector). A vacancy that
breaks a hard constraint of the participant (kind, working time, driving
licence, German more than one level above theirs, expired, a duplicate,
farther than they travel) is grade 0; else grade 3 when its occupation is
the participant's target, 1 when it is in the target's sector, 0 otherwise.
Synonyms count as the same sector only ("Lagerist" for a "Lagerhelfer"), so
the numbers understate both rankers alike.

matching_batch: seconds for `match_participant` over
LOTSE_BENCH_MATCHING_BATCH other consenting participants (default 1,000)
one after another in one process, as one worker runs what `rematch_all`
queues; baseline: the brute force over the same participants.

Both metrics come from one child run, made when the first is asked for.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import json
import logging
import os
import random
import re
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from bench_guide_api import _env, _run
from harness import HERE, REPO, Metric, benchmark
from served import postgres_database

if str(REPO) not in sys.path:  # vacancy_data imports the project
    sys.path.append(str(REPO))

VACANCIES = int(os.environ.get("LOTSE_BENCH_MATCHING_VACANCIES", "100000"))
PARTICIPANTS = int(os.environ.get("LOTSE_BENCH_MATCHING_PARTICIPANTS", "200"))
BATCH = int(os.environ.get("LOTSE_BENCH_MATCHING_BATCH", "1000"))
WARMUP = 20
SEED = 6  # issue #6
SUGGESTIONS = 50  # as many as the engine keeps
NDCG_AT = 10
PERCENTILES = {"p50": 50, "p95": 95}
SPOKEN = {"de": 40, "en": 15, "uk": 15, "ru": 10, "ar": 10, "fa": 5, "tr": 5}
GERMAN_LEVELS = {"A2": 20, "B1": 35, "B2": 30, "C1": 15}
AVAILABILITY = (
    ["vollzeit"],
    ["vollzeit", "teilzeit"],
    ["teilzeit", "minijob"],
    ["vollzeit", "schicht_nacht_wochenende"],
    ["vollzeit", "teilzeit", "schicht_nacht_wochenende"],
)
KINDS = ((["job"], 70), (["job", "ausbildung"], 20), (["ausbildung"], 10))
DISTANCES = (10, 25, 25, 50)

logger = logging.getLogger(__name__)


# --- Ground truth (plain data) ---------------------------------------------------------


@dataclass(frozen=True)
class Opening:
    """What the brute force and the relevance grades know of a vacancy."""

    id: int
    title: str
    occupation: str  # the generator's occupation, "" when the title names only a sector
    sector: str
    kind: str
    working_times: frozenset[str]
    german: int
    driving_licence: bool
    point: tuple[float, float] | None
    usable: bool  # active, not expired, not a duplicate


@dataclass(frozen=True)
class Person:
    pk: int
    target: str
    sector: str
    text: str
    kinds: frozenset[str]
    availability: frozenset[str]
    german: int
    driving_licence: bool
    point: tuple[float, float]
    max_distance_km: float


def _occupation_finder() -> tuple[re.Pattern[str], dict[str, tuple[str, str]]]:
    """A pattern of every written form of every generator occupation, longest first."""
    from vacancy_data import SECTORS, forms

    owner: dict[str, tuple[str, str]] = {}
    for sector in SECTORS:
        for occupation in sector.occupations:
            for form in forms(occupation):
                owner.setdefault(form, (occupation, sector.name))
    alternatives = sorted(owner, key=len, reverse=True)
    return re.compile("|".join(re.escape(form) for form in alternatives)), owner


def openings(rows: list[Any], today: dt.date) -> list[Opening]:
    from vacancy_data import SECTORS

    from matching.scoring import level
    from search.documents import FLAGS

    pattern, owner = _occupation_finder()
    found = []
    for row in rows:
        match = pattern.search(row.title)
        occupation, sector = owner[match.group(0)] if match else ("", "")
        if not sector:
            sector = next((s.name for s in SECTORS if s.name in row.title), "")
        point = None
        if row.latitude is not None and row.longitude is not None:
            point = (row.latitude, row.longitude)
        found.append(
            Opening(
                id=row.pk,
                title=row.title,
                occupation=occupation,
                sector=sector,
                kind=row.kind,
                working_times=frozenset(name for flag, name in FLAGS if getattr(row, flag)),
                german=level(row.german_level),
                driving_licence=bool(row.driving_licence),
                point=point,
                usable=row.state == "active"
                and (row.valid_through is None or row.valid_through >= today)
                and row.duplicate_of_id is None,
            )
        )
    return found


def allowed(person: Person, opening: Opening) -> bool:
    """The engine's hard constraints (matching.scoring.broken_constraints), plainly."""
    from matching.scoring import distance_km

    return (
        opening.usable
        and opening.kind in person.kinds
        and (not opening.working_times or bool(opening.working_times & person.availability))
        and (not opening.driving_licence or person.driving_licence)
        and opening.german <= person.german + 1
        and opening.point is not None
        and distance_km(person.point, opening.point) <= person.max_distance_km
    )


def grades(person: Person, by_sector: dict[str, list[Opening]]) -> dict[int, int]:
    return {
        o.id: 3 if o.occupation == person.target else 1
        for o in by_sector.get(person.sector, [])
        if allowed(person, o)
    }


def brute_force(person: Person, everything: list[Opening]) -> list[int]:
    """The baseline: every vacancy's constraints checked, the rest ranked by title similarity."""
    from rapidfuzz import fuzz, process, utils

    left = [o for o in everything if allowed(person, o)]
    best = process.extract(
        person.text,
        [o.title for o in left],
        scorer=fuzz.WRatio,
        processor=utils.default_process,
        limit=SUGGESTIONS,
    )
    return [left[position].id for _title, _score, position in best]


def ndcg(ranked: dict[int, list[int]], relevance: dict[int, dict[int, int]]) -> tuple[float, int]:
    """Mean nDCG@10 over the participants with a relevant vacancy, and their number."""
    from matching.evaluation import ndcg_at

    judged = [pk for pk, graded in relevance.items() if graded]
    if not judged:
        return 0.0, 0
    total = sum(ndcg_at(ranked.get(pk, []), relevance[pk], NDCG_AT) for pk in judged)
    return round(total / len(judged), 4), len(judged)


# --- Generated participants (inside Django) --------------------------------------------


def _wording(rng: random.Random, occupation: str, language: str) -> tuple[str, str]:
    """How a participant writes the occupation and its skills: German, or the
    taxonomy's labels in their language where the occupation is one of its labels."""
    from vacancy_data import forms

    from matching import engine

    taxonomy = engine.taxonomy()
    masculine, feminine = forms(occupation)
    concept = next(
        (
            c
            for c in taxonomy.of_kind("occupation")
            if masculine in c.labels.get("de", ()) or feminine in c.labels.get("de", ())
        ),
        None,
    )
    text = rng.choice((masculine, feminine))
    if concept is None:
        return text, ""
    if language != "de" and concept.labels.get(language):
        text = rng.choice(concept.labels[language][:3])
    skills = rng.sample(concept.skills, min(len(concept.skills), rng.randint(0, 3)))
    return text, "\n".join(taxonomy.get(s).label(language) for s in skills if s in taxonomy)


def participants(count: int, rng: random.Random, office: Any) -> list[Person]:
    from vacancy_data import CITIES, CITY_WEIGHTS, SECTORS

    from matching.models import Consent, Participant
    from matching.scoring import level

    found = []
    for _ in range(count):
        sector = rng.choices(SECTORS, [s.weight for s in SECTORS])[0]
        target = rng.choice(sector.occupations)
        language = rng.choices(list(SPOKEN), list(SPOKEN.values()))[0]
        text, skills = _wording(rng, target, language)
        city = rng.choices(CITIES, cum_weights=CITY_WEIGHTS)[0]
        kinds = rng.choices(*zip(*KINDS, strict=True))[0]
        german = rng.choices(list(GERMAN_LEVELS), list(GERMAN_LEVELS.values()))[0]
        row = Participant.objects.create(
            office=office,
            language=language,
            desired_kinds=kinds,
            desired_occupations=text,
            skills=skills,
            languages=[] if language == "de" else [{"lang": language, "level": "C2"}],
            german_level=german,
            driving_licence=rng.random() < 0.5,
            home_postal_code=rng.choice(city.postal_codes),
            max_distance_km=rng.choice(DISTANCES),
            availability=rng.choice(AVAILABILITY),
        )
        Consent.objects.create(participant=row, version=1, language=language, method="paper")
        if row.latitude is None or row.longitude is None:
            raise RuntimeError(f"postal code {row.home_postal_code} has no coordinates")
        found.append(
            Person(
                pk=row.pk,
                target=target,
                sector=sector.name,
                text=text,
                kinds=frozenset(kinds),
                availability=frozenset(row.availability),
                german=level(german),
                driving_licence=row.driving_licence,
                point=(row.latitude, row.longitude),
                max_distance_km=float(row.max_distance_km),
            )
        )
    return found


def _suggested(pks: list[int]) -> dict[int, list[int]]:
    from matching.models import Suggestion

    ranked: dict[int, list[int]] = {}
    rows = Suggestion.objects.filter(participant_id__in=pks).order_by(
        "participant_id", "-score", "vacancy_id"
    )
    for participant_id, vacancy_id in rows.values_list("participant_id", "vacancy_id"):
        ranked.setdefault(participant_id, []).append(vacancy_id)
    return ranked


def inside() -> dict[str, object]:
    """Run in the child: fill the fresh installation, measure, return the numbers."""
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.utils import timezone
    from vacancy_data import generate, vacancy_rows

    from matching import engine
    from matching.models import Office
    from search import sync
    from search.index import get_index
    from search.models import Vacancy

    started = time.monotonic()
    call_command("migrate", verbosity=0, interactive=False)
    today = dt.date.today()
    rows = list(vacancy_rows(generate(VACANCIES, today), today, timezone.now()))
    everything = openings(rows, today)
    Vacancy.objects.bulk_create(rows, batch_size=2000)  # originals first: duplicates point back
    del rows
    catalogue_seconds = time.monotonic() - started
    started = time.monotonic()
    sync.rebuild(get_index())
    index_seconds = time.monotonic() - started
    # What production does when vacancies arrive (matching.tasks on the
    # "vacancies changed" signal): each is read once for matching, not per person.
    started = time.monotonic()
    pks = list(Vacancy.objects.order_by("pk").values_list("pk", flat=True))
    for at in range(0, len(pks), 2000):
        engine.read_vacancies(pks[at : at + 2000])
    features_seconds = time.monotonic() - started
    by_sector: dict[str, list[Opening]] = {}
    for o in everything:
        by_sector.setdefault(o.sector, []).append(o)

    rng = random.Random(SEED)
    office = Office.objects.create(name="Benchmark", code="BM")
    warmup = participants(WARMUP, rng, office)
    timed = participants(PARTICIPANTS, rng, office)
    batch = participants(BATCH, rng, office)

    for person in warmup:  # imports, connections, the taxonomy, the server's caches
        engine.match_participant(person.pk, today=today)
        brute_force(person, everything)
    ours: list[float] = []
    baseline: list[float] = []
    baseline_ranked: dict[int, list[int]] = {}
    for number, person in enumerate(timed):
        pair = ["ours", "baseline"] if number % 2 == 0 else ["baseline", "ours"]
        for kind in pair:
            tick = time.perf_counter()
            if kind == "ours":
                engine.match_participant(person.pk, today=today)
                ours.append((time.perf_counter() - tick) * 1000)
            else:
                baseline_ranked[person.pk] = brute_force(person, everything)
                baseline.append((time.perf_counter() - tick) * 1000)
    relevance = {person.pk: grades(person, by_sector) for person in timed}
    engine_ranked = _suggested([person.pk for person in timed])

    profile_to = os.environ.get("LOTSE_BENCH_PROFILE")  # a file for cProfile's stats
    profiler = cProfile.Profile() if profile_to else None
    tick = time.perf_counter()
    if profiler:
        profiler.enable()
    for person in batch:
        engine.match_participant(person.pk, today=today)
    batch_seconds = time.perf_counter() - tick
    if profiler and profile_to:
        profiler.disable()
        profiler.dump_stats(profile_to)
    batch_baseline_ranked = {}
    tick = time.perf_counter()
    for person in batch:
        batch_baseline_ranked[person.pk] = brute_force(person, everything)
    batch_baseline_seconds = time.perf_counter() - tick
    batch_relevance = {person.pk: grades(person, by_sector) for person in batch}
    batch_ranked = _suggested([person.pk for person in batch])

    def percentiles(samples: list[float]) -> dict[str, float]:
        cuts = statistics.quantiles(samples, n=100, method="inclusive")
        return {label: round(cuts[p - 1], 2) for label, p in PERCENTILES.items()}

    return {
        "vacancies": len(everything),
        "catalogue_seconds": round(catalogue_seconds, 1),
        "index_seconds": round(index_seconds, 1),
        "features_seconds": round(features_seconds, 1),
        "database": connection.vendor,
        "without_occupation": sum(1 for o in everything if not o.occupation),
        "latency": {
            "participants": len(timed),
            "ours": percentiles(ours),
            "baseline": percentiles(baseline),
            "ours_mean": round(statistics.fmean(ours), 2),
            "ndcg": ndcg(engine_ranked, relevance),
            "baseline_ndcg": ndcg(baseline_ranked, relevance),
            "suggestions_mean": round(sum(len(v) for v in engine_ranked.values()) / len(timed), 1),
            "relevant_mean": round(
                statistics.fmean(sum(1 for g in r.values() if g == 3) for r in relevance.values()),
                1,
            ),
        },
        "batch": {
            "participants": len(batch),
            "seconds": round(batch_seconds, 1),
            "baseline_seconds": round(batch_baseline_seconds, 1),
            "ndcg": ndcg(batch_ranked, batch_relevance),
            "baseline_ndcg": ndcg(batch_baseline_ranked, batch_relevance),
        },
        "load_average": round(os.getloadavg()[0], 1),
    }


# --- The fresh installation (in the harness) -------------------------------------------


class Skipped(Exception):
    """Elasticsearch cannot be had here; the metrics are recorded as skipped."""


@contextmanager
def _database() -> Iterator[str | None]:
    """A new, empty database on the DATABASE_URL server, dropped afterwards; None for SQLite."""
    server_url = os.environ.get("DATABASE_URL")
    if not server_url:
        yield None
        return
    with postgres_database("lotse_bench_matching") as url:
        yield url


@contextmanager
def _index_prefix() -> Iterator[tuple[str, str]]:
    """ELASTICSEARCH_URL and an index prefix of our own; its indices are deleted afterwards."""
    url = os.environ.get("ELASTICSEARCH_URL", "")
    if not url:
        raise Skipped('ELASTICSEARCH_URL is not set: eval "$(bash infra/services/up.sh)"')
    prefix = f"bench_matching_{uuid.uuid4().hex[:8]}"
    try:
        yield url, prefix
    finally:
        from elasticsearch import Elasticsearch

        client = Elasticsearch(url.split(","), request_timeout=60)
        try:
            client.indices.delete(
                index=f"{prefix}_*", ignore_unavailable=True, allow_no_indices=True
            )
        except Exception:  # keep the benchmark's own error; say what is left behind
            logger.exception("could not delete the indices %s_*", prefix)


def _measured() -> dict[str, Any]:
    with (
        _index_prefix() as (url, prefix),
        _database() as database_url,
        tempfile.TemporaryDirectory(prefix="lotse-bench-matching-") as folder,
    ):
        env = _env(Path(folder) / "data", database_url)
        env.update(
            DJANGO_SETTINGS_MODULE="cms.settings.dev",
            ELASTICSEARCH_URL=url,
            LOTSE_INDEX_PREFIX=prefix,
            ELASTICSEARCH_TIMEOUT="120",
        )
        output = _run([sys.executable, str(HERE / "bench_matching.py"), "--inside"], env)
    result: dict[str, Any] = json.loads(output.strip().splitlines()[-1])
    return result


def _context(found: dict[str, Any]) -> str:
    return (
        f"{found['vacancies']} generated vacancies ({found['database']}, bulk"
        f" {found['catalogue_seconds']} s; Elasticsearch rebuild {found['index_seconds']} s;"
        f" each vacancy read for matching once, as on arrival, {found['features_seconds']} s);"
        f" load average {found['load_average']} after"
    )


def _skipped(names: list[str], unit: str, reason: str) -> list[Metric]:
    if not reason.startswith("FAILED"):
        reason = f"SKIPPED (no measurement): {reason}"
    return [Metric(name, 0.0, unit, note=reason) for name in names]


@cache
def _measured_or_skipped() -> dict[str, Any] | str:
    """The child's numbers, or why there are none; one run for both metrics."""
    try:
        return _measured()
    except Skipped as skipped:
        return str(skipped)
    except Exception as error:  # recorded, so the other benchmarks still run
        logger.exception("the matching benchmark failed")
        return f"FAILED: {type(error).__name__}: {error}"


@benchmark("matching_latency")
def matching_latency() -> list[Metric]:
    found = _measured_or_skipped()
    if isinstance(found, str):
        names = [f"matching_latency_{label}_ms" for label in PERCENTILES]
        return _skipped([*names, "matching_ndcg_at_10"], "", found)
    latency = found["latency"]
    context = (
        f"{latency['participants']} participants after {WARMUP} warm-up, engine and brute force"
        f" in turns; {_context(found)}"
    )
    ndcg_ours, judged = latency["ndcg"]
    ndcg_baseline, _ = latency["baseline_ndcg"]
    metrics = [
        Metric(
            f"matching_latency_{label}_ms",
            latency["ours"][label],
            "ms",
            f"brute_force_rapidfuzz_{label}_ms",
            latency["baseline"][label],
            f"engine.match_participant on Elasticsearch (mean {latency['ours_mean']} ms,"
            f" {latency['suggestions_mean']} suggestions each); target p95 <= 50 ms; baseline:"
            f" hard constraints over every vacancy in memory, then rapidfuzz WRatio of the"
            f" desired occupation against the titles left, best {SUGGESTIONS}; {context}",
        )
        for label in PERCENTILES
    ]
    metrics.append(
        Metric(
            "matching_ndcg_at_10",
            ndcg_ours,
            "nDCG@10",
            "brute_force_rapidfuzz_ndcg_at_10",
            ndcg_baseline,
            f"mean over {judged} participants with a relevant vacancy (on average"
            f" {latency['relevant_mean']} of grade 3 each); grades from the generator: 3 the"
            " target occupation, 1 its sector, 0 otherwise or when a hard constraint breaks"
            f" ({found['without_occupation']} vacancy titles name only a sector); {context}",
        )
    )
    return metrics


@benchmark("matching_batch")
def matching_batch() -> list[Metric]:
    found = _measured_or_skipped()
    if isinstance(found, str):
        return _skipped(["matching_batch_seconds"], "s", found)
    batch = found["batch"]
    ndcg_ours, judged = batch["ndcg"]
    ndcg_baseline, _ = batch["baseline_ndcg"]
    return [
        Metric(
            "matching_batch_seconds",
            batch["seconds"],
            "s",
            "brute_force_rapidfuzz_batch_seconds",
            batch["baseline_seconds"],
            f"engine.match_participant for {batch['participants']} consenting participants"
            " one after another in one process (what one worker does with rematch_all's"
            f" tasks; first matching, so every suggestion is written); target <= 60 s;"
            f" nDCG@10 over {judged} of them: engine {ndcg_ours}, brute force {ndcg_baseline};"
            f" {_context(found)}",
        )
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description="(internal) measure inside a fresh installation")
    parser.add_argument("--inside", action="store_true", required=True)
    parser.parse_args()
    print(json.dumps(inside()))


if __name__ == "__main__":
    main()
