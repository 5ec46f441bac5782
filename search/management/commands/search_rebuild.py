"""manage.py search_rebuild: a fresh vacancy index from the catalogue, swapped in live."""

from __future__ import annotations

import sys
import time

from django.core.management.base import BaseCommand, CommandError

from search import index as search_index
from search import sync


def bar(done: int, total: int, elapsed: float, width: int = 30) -> str:
    """One line of progress: "[#####-----]  50%  1,000/2,000  400/s"."""
    share = done / total if total else 1.0
    filled = round(width * share)
    rate = done / elapsed if elapsed > 0 else 0.0
    return (
        f"[{'#' * filled}{'-' * (width - filled)}] {share:4.0%}  {done:,}/{total:,}  {rate:,.0f}/s"
    )


class Command(BaseCommand):
    help = (
        "Build a new vacancy index from the database, load it, make it live and drop "
        "the old one. Searches keep using the old index until the swap."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--wait",
            type=float,
            default=600.0,
            help="Seconds to wait for a running index sync to finish (default 600).",
        )

    def handle(self, *args, wait: float, **options):
        index = search_index.get_index()
        started = time.monotonic()
        interactive = sys.stdout.isatty()
        last_line = 0.0

        def progress(done: int, total: int) -> None:
            nonlocal last_line
            now = time.monotonic()
            line = bar(done, total, now - started)
            if interactive:
                self.stdout.write(f"\r{line}", ending="")
                self.stdout.flush()
            elif now - last_line >= 5 or done >= total:
                self.stdout.write(line)
                last_line = now

        self.stdout.write(f"Rebuilding the {index.name} vacancy index ...")
        try:
            name = sync.rebuild(index, progress=progress, wait=wait)
        except sync.LeaseBusy as error:
            raise CommandError(f"{error}; try again later or raise --wait") from error
        if interactive:
            self.stdout.write("")
        status = index.status()
        seconds = time.monotonic() - started
        self.stdout.write(
            self.style.SUCCESS(
                f"Live index {name}: {status['documents']:,} documents, {seconds:.1f} s. "
                "Changes made meanwhile are sent by the next index sync."
            )
        )
