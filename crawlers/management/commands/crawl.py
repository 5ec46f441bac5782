"""Crawl one configured source now, record the run, and print what it did."""

from __future__ import annotations

import shutil

from django.core.management.base import BaseCommand, CommandError, OutputWrapper

from crawlers.models import Source
from crawlers.progress import Progress, render_line, render_plain
from crawlers.tasks import CRAWL_KINDS, crawl
from search import sync


class ProgressDisplay:
    """Shows the run's progress: one line redrawn in place on a terminal, else log lines.

    Log lines come at most every `every` seconds of the run (the first one at
    once), so a cron mail or CI log stays readable.
    """

    def __init__(self, out: OutputWrapper, *, every: float) -> None:
        self.out = out
        self.tty = out.isatty()
        self.every = every
        self.frame = 0
        self.drawn = False
        self.last: float | None = None

    def __call__(self, progress: Progress) -> None:
        if self.tty:
            width = shutil.get_terminal_size(fallback=(80, 24)).columns
            self.out.write("\r" + render_line(progress, width, self.frame), ending="")
            self.out.flush()
            self.frame += 1
            self.drawn = True
        elif self.last is None or progress.elapsed - self.last >= self.every:
            self.out.write(render_plain(progress))
            self.last = progress.elapsed

    def finish(self) -> None:
        """Ends the redrawn line, so what follows starts on a line of its own."""
        if self.drawn:
            self.out.write("")
            self.drawn = False


class Command(BaseCommand):
    help = "Crawl one source (by its key) synchronously and record the run."

    def add_arguments(self, parser) -> None:
        parser.add_argument("source_key", help="the source's key, e.g. ba-gotha")
        parser.add_argument(
            "--progress-every",
            type=float,
            default=10.0,
            metavar="SECONDS",
            help="when the output is not a terminal: a progress line every N seconds (default 10)",
        )

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
        display = ProgressDisplay(self.stdout, every=options["progress_every"])
        try:
            run = crawl(source, on_progress=display if options["verbosity"] > 0 else None)
        finally:
            display.finish()
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
        self._sync_index()
        if not run.succeeded:
            raise CommandError(f"the crawl of {key} finished with errors.")

    def _sync_index(self) -> None:
        """Send what the crawl changed to the vacancy index now, not at the next sync."""
        try:
            sent = sync.drain(wait=30.0)
        except Exception as error:  # the index may be down: the outbox keeps the changes
            self.stderr.write(
                self.style.WARNING(
                    f"  index not updated ({type(error).__name__}); "
                    "the changes stay queued for the next index sync"
                )
            )
        else:
            self.stdout.write(f"  {'indexed':<10}{sent:>10}")
