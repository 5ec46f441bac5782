"""Crawl one career site in a subprocess and print what the run did."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from crawlers.run import run_crawl


class Command(BaseCommand):
    help = "Crawl a career site with schema.org JobPosting markup into the catalogue."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--source", required=True, help="the source's key")
        parser.add_argument("--start", action="append", default=[], help="start URL")
        parser.add_argument("--sitemap", action="append", default=[], help="sitemap URL")
        parser.add_argument("--concurrency", type=int, default=2)
        parser.add_argument("--max-pages", type=int, default=0)

    def handle(self, *args, **options) -> None:
        if not options["start"] and not options["sitemap"]:
            raise CommandError("Give at least one --start URL or --sitemap URL.")
        summary = run_crawl(
            "site",
            options["source"],
            {
                "start_urls": options["start"],
                "sitemap_urls": options["sitemap"],
                "concurrency": options["concurrency"],
                "max_pages": options["max_pages"],
            },
        )
        rows = [
            ("requests", summary.requests),
            ("vacancies", summary.items),
            ("new", summary.new),
            ("updated", summary.updated),
            ("unchanged", summary.unchanged),
            ("duplicates", summary.duplicates),
            ("rejected", summary.rejected_total),
            ("removed", summary.removed),
            ("expired", summary.expired),
            ("retried", summary.retried),
            ("problems", len(summary.problems)),
            ("errors", len(summary.errors)),
            ("seconds", f"{summary.duration:.1f}"),
        ]
        for name, value in rows:
            self.stdout.write(f"{name:<12}{value:>8}")
        for reason, count in summary.rejected.items():
            self.stdout.write(f"rejected {count}: {reason}")
        for problem in summary.problems:
            self.stdout.write(self.style.WARNING(f"{problem['url']}: {problem['problem']}"))
        for error in summary.errors:
            self.stderr.write(self.style.ERROR(error))
        if not summary.ok:
            raise CommandError(f"the crawl of {summary.source} finished with errors.")
