"""manage.py matching_eval PATH: the engine measured on a labelled data set.

The data set goes into a fresh temporary installation (its own SQLite file
and embedded index, in a child process), never into this one's data. There
the engine runs exactly as the Celery tasks run it, and one JSON object with
precision@5, recall@20, nDCG@10 and leak is printed.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

SERVICE_VARIABLES = ("DATABASE_URL", "ELASTICSEARCH_URL", "CELERY_BROKER_URL", "REDIS_URL")


class Command(BaseCommand):
    help = "Evaluate the matching engine on a labelled data set (see shared/eval/README.md)."

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path)
        parser.add_argument("--inside", action="store_true", help="(internal) run in this store")
        parser.add_argument("--keep", action="store_true", help="Keep the temporary store.")

    def handle(self, *args, path: Path, inside: bool, keep: bool, **options):
        if not path.is_file():
            raise CommandError(f"{path}: no such file")
        if inside:
            self.stdout.write(json.dumps(evaluate(path), sort_keys=True))
            return
        folder = tempfile.mkdtemp(prefix="lotse-eval-")
        # The URLs and their *_FILE forms: nothing may reach the real services.
        env = {
            k: v for k, v in os.environ.items() if k.removesuffix("_FILE") not in SERVICE_VARIABLES
        }
        env.update(DJANGO_SETTINGS_MODULE="cms.settings.dev", LOTSE_DATA_DIR=folder)
        try:
            done = subprocess.run(  # noqa: S603 - this very command, with a fixed argument list
                [
                    sys.executable,
                    str(Path(settings.BASE_DIR) / "manage.py"),
                    "matching_eval",
                    str(path.resolve()),
                    "--inside",
                ],
                env=env,
                capture_output=True,
                text=True,
                check=False,
            )
        finally:
            if not keep:
                shutil.rmtree(folder, ignore_errors=True)
        if done.returncode != 0:
            raise CommandError(f"evaluation failed:\n{done.stderr[-4000:]}")
        self.stdout.write(done.stdout.strip().splitlines()[-1])


def evaluate(path: Path) -> dict[str, object]:
    from matching import engine
    from matching.evaluation import metrics, vacancy_data
    from matching.models import Consent, Office, Participant, Suggestion
    from matching.tasks import on_vacancies_changed
    from search import sync
    from search.catalogue import upsert
    from search.signals import vacancies_changed

    started = time.monotonic()
    data = json.loads(path.read_text(encoding="utf-8"))
    call_command("migrate", verbosity=0, interactive=False)
    # The tasks a live installation would queue are run below, directly and in order.
    vacancies_changed.disconnect(on_vacancies_changed, dispatch_uid="matching.vacancies_changed")
    today = dt.date.fromisoformat(data["reference_date"])
    now = dt.datetime.combine(today, dt.time(12), tzinfo=dt.UTC)

    external: dict[int, str] = {}
    for row in data["vacancies"]:
        external[upsert(vacancy_data(row), now=now).vacancy_id] = row["id"]
    sync.drain()
    loaded = time.monotonic()

    office = Office.objects.create(name="Evaluation", code="EV")
    people: dict[int, str] = {}
    consenting = set()
    for row in data["participants"]:
        spoken = row.get("languages", [])
        german = next((e["level"] for e in spoken if e["lang"] == "de"), "")
        person = Participant.objects.create(
            office=office,
            desired_kinds=row.get("desired_kinds", []),
            desired_occupations="\n".join(row.get("desired_occupations", [])),
            skills="\n".join(row.get("skills", [])),
            languages=[e for e in spoken if e["lang"] != "de"],
            german_level="C2" if german == "native" else (german or ""),
            driving_licence=bool(row.get("driving_licence")),
            home_postal_code=row.get("home_postal_code") or "",
            latitude=row.get("lat"),
            longitude=row.get("lon"),
            max_distance_km=int(row.get("max_distance_km") or 25),
            availability=row.get("availability", []),
        )
        people[person.pk] = row["id"]
        if row.get("consent"):
            consenting.add(row["id"])
            Consent.objects.create(participant=person, version=1, language="de", method="paper")

    latencies = []
    for pk in people:  # everyone: the engine itself must refuse those without consent
        tick = time.monotonic()
        engine.match_participant(pk, today=today)
        latencies.append(time.monotonic() - tick)

    ranked: dict[str, list[str]] = {}
    for s in Suggestion.objects.order_by("participant_id", "-score", "vacancy_id"):
        ranked.setdefault(people[s.participant_id], []).append(external[s.vacancy_id])
    result = metrics(ranked, data["relevance"], consenting)
    latencies.sort()
    result.update(
        participants=len(people),
        vacancies=len(external),
        seconds_loading=round(loaded - started, 1),
        ms_per_participant_p50=round(1000 * latencies[len(latencies) // 2], 1),
        ms_per_participant_p95=round(1000 * latencies[int(len(latencies) * 0.95)], 1),
    )
    return result
