"""manage.py search_status: catalogue and index counts, sync lag, the live index."""

from __future__ import annotations

import json

from django.core.management.base import BaseCommand
from django.db.models import Count

from search import index as search_index
from search.models import Vacancy
from search.sync import lag


class Command(BaseCommand):
    help = "Show how many vacancies the catalogue and the index hold, and the index lag."

    def add_arguments(self, parser):
        parser.add_argument(
            "--json", action="store_true", dest="as_json", help="Print one JSON object."
        )

    def handle(self, *args, as_json: bool = False, **options):
        states = dict(Vacancy.objects.values_list("state").annotate(n=Count("pk")))
        duplicates = Vacancy.objects.filter(duplicate_of__isnull=False).count()
        behind = lag()
        index = search_index.get_index()
        try:
            status: dict[str, object] = index.status()
            problem = ""
        except Exception as error:  # the index may be down: say so, show the rest
            status, problem = {}, f"{type(error).__name__}: {str(error).splitlines()[0]}"
        report = {
            "backend": index.name,
            "catalogue": {"total": sum(states.values()), "duplicates": duplicates, **states},
            "index": {**status, "error": problem} if problem else status,
            "lag": {"pending": behind.pending, "oldest_seconds": behind.oldest_seconds},
        }
        if as_json:
            self.stdout.write(_dumps(report))
            return
        catalogue = report["catalogue"]
        self.stdout.write(f"Backend:    {index.name}")
        self.stdout.write(
            "Catalogue:  {total:,} vacancies ({states}), {duplicates:,} duplicates".format(
                total=catalogue["total"],
                states=", ".join(f"{k} {v:,}" for k, v in sorted(states.items())) or "empty",
                duplicates=duplicates,
            )
        )
        if problem:
            self.stdout.write(self.style.ERROR(f"Index:      unavailable: {problem}"))
        else:
            self.stdout.write(f"Live index: {status.get('live') or '(none yet)'}")
            self.stdout.write(f"Documents:  {status.get('documents', 0):,}")
            for name, count in dict(status.get("indices") or {}).items():
                self.stdout.write(f"  {name}: {count:,}")
        age = "" if behind.oldest_seconds is None else f", oldest {behind.oldest_seconds:.0f} s"
        self.stdout.write(f"Lag:        {behind.pending:,} queued changes{age}")


def _dumps(data: object) -> str:
    return json.dumps(data, default=str, sort_keys=True)
