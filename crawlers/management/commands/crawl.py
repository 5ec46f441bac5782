"""Crawl one configured source now, record the run, and print what it did."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from crawlers.models import Source
from crawlers.tasks import CRAWL_KINDS, crawl


class Command(BaseCommand):
    help = "Crawl one source (by its key) synchronously and record the run."

    def add_arguments(self, parser) -> None:
        parser.add_argument("source_key", help="the source's key, e.g. ba-gotha")

    def handle(self, *args, **options) -> None:
        key = options["source_key"]
        source = Source.objects.filter(key=key).first()
        if source is None:
            known = list(Source.objects.order_by("key").values_list("key", flat=True))
            listing = ", ".join(known) if known else "none configured yet"
            raise CommandError(f"No source with key {key!r}. Known sources: {listing}.")
        if source.kind not in CRAWL_KINDS:
            raise CommandError(
                f"Crawling {source.get_kind_display()} sources is not available yet."
            )
        if not source.enabled:
            self.stdout.write(self.style.WARNING(f"{key} is disabled; crawling it anyway."))
        self.stdout.write(f"[1/3] crawling {key} ({source.get_kind_display()}) …")
        run = crawl(source)
        self.stdout.write(f"[2/3] recorded run {run.pk}")
        rejected = sum(run.rejected.values()) if isinstance(run.rejected, dict) else 0
        rows = [
            ("requests", run.requests),
            ("items", run.items),
            ("new", run.new),
            ("updated", run.updated),
            ("unchanged", run.unchanged),
            ("rejected", rejected),
            ("problems", len(run.problems)),
            ("errors", len(run.errors)),
            ("duration", f"{run.duration_seconds:.1f}s"),
        ]
        self.stdout.write("[3/3] summary")
        for name, value in rows:
            self.stdout.write(f"  {name:<10}{value:>10}")
        for reason, count in (run.rejected or {}).items():
            self.stdout.write(f"  rejected {count}: {reason}")
        for problem in run.problems:
            self.stdout.write(self.style.WARNING(f"  {problem['url']}: {problem['problem']}"))
        for error in run.errors:
            self.stderr.write(self.style.ERROR(error))
        if not run.succeeded:
            raise CommandError(f"the crawl of {key} finished with errors.")
