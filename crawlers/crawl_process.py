"""One crawl run in its own process: `python -m crawlers.crawl_process --source KEY ...`.

Twisted's reactor cannot be restarted, so a Celery worker or a test never runs
Scrapy itself; it starts this and reads the last stdout line, which starts with
SUMMARY_PREFIX and carries the run's summary as JSON. With --progress-interval,
a PROGRESS_PREFIX line (crawlers.progress) comes every so many seconds before it.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from typing import Any

from crawlers.progress import Progress

SUMMARY_PREFIX = "LOTSE-CRAWL-SUMMARY "
KINDS = ("site", "ba_jobsuche", "ba_weiterbildung", "feed")


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m crawlers.crawl_process")
    parser.add_argument("--kind", choices=KINDS, default="site")
    parser.add_argument("--source", required=True, help="the source's key")
    parser.add_argument("--start", action="append", default=[], help="start URL (repeatable)")
    parser.add_argument("--sitemap", action="append", default=[], help="sitemap URL (repeatable)")
    parser.add_argument("--concurrency", type=int, default=2, help="requests per domain")
    parser.add_argument("--max-pages", type=int, default=0, help="stop after N pages (0: no cap)")
    # BA Jobsuche and Weiterbildungssuche (offer types: Jobsuche only).
    parser.add_argument("--what", default="", help="BA: occupation or keywords (was)")
    parser.add_argument("--where", default="", help="BA: place or postal code (wo)")
    parser.add_argument("--radius", type=int, default=None, help="BA: radius in km (umkreis)")
    parser.add_argument("--offer-types", default="", help="BA: angebotsart codes, e.g. 1,4,34")
    parser.add_argument("--base-url", default="", help="BA: API base URL (default: settings)")
    parser.add_argument(
        "--progress-interval",
        type=float,
        default=0.0,
        help="print a progress line every N seconds (0: none)",
    )
    return parser.parse_args(argv)


def snapshot(crawler: Any, started: float) -> Progress:
    """Where the run stands: Scrapy's stats, the spider's announced total, the pipeline's tally."""
    stats = crawler.stats.get_stats()
    spider = crawler.spider
    counts: Any = {}
    rejected = 0
    # The catalogue pipeline keeps its tally to itself until the spider closes.
    scraper = getattr(getattr(crawler, "engine", None), "scraper", None)
    for pipeline in getattr(getattr(scraper, "itemproc", None), "middlewares", ()):
        if hasattr(pipeline, "counts") and hasattr(pipeline, "rejected"):
            counts = pipeline.counts
            rejected = sum(list(pipeline.rejected.values()))
            break
    items = int(counts.get("items", 0))
    unit = getattr(spider, "progress_unit", "items")
    total = getattr(spider, "progress_total", None)
    pages = int(getattr(spider, "pages", 0))
    total = total if isinstance(total, int) and total > 0 else None
    done = pages if unit == "pages" else items + rejected
    return Progress(
        elapsed=round(time.monotonic() - started, 1),
        requests=int(stats.get("downloader/request_count", 0)),
        pages=pages,
        items=items,
        new=int(counts.get("new", 0)),
        updated=int(counts.get("updated", 0)),
        unchanged=int(counts.get("unchanged", 0)),
        rejected=rejected,
        problems=int(counts.get("problems", 0)),
        # Listing pages and overlapping BA queries can take `done` past the announced total.
        done=min(done, total) if total else done,
        total=total,
        unit=unit,
    )


def report_progress(crawler: Any, started: float, interval: float) -> None:
    """Print a snapshot every `interval` seconds while the crawl runs, and one at its end."""
    from scrapy import signals

    loops: list[Any] = []

    def report() -> None:
        if getattr(crawler, "spider", None) is not None:
            print(snapshot(crawler, started).to_line(), flush=True)

    def begin() -> None:
        # Imported only now: importing it earlier would install Twisted's
        # default reactor before Scrapy installs the asyncio one.
        from twisted.internet import task

        loops.append(task.LoopingCall(report))
        loops[0].start(interval, now=True)

    def end() -> None:
        for loop in loops:
            if loop.running:
                loop.stop()
        report()

    crawler.signals.connect(begin, signal=signals.engine_started, weak=False)
    crawler.signals.connect(end, signal=signals.spider_closed, weak=False)


def crawl(args: argparse.Namespace) -> dict[str, object]:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")
    import django

    django.setup()

    from scrapy.crawler import CrawlerProcess

    from crawlers import scrapy_settings
    from crawlers.spiders.ba import BAJobsucheSpider
    from crawlers.spiders.feed import FeedSpider
    from crawlers.spiders.jobposting import JobPostingSpider
    from crawlers.spiders.weiterbildung import WeiterbildungSpider

    started = time.monotonic()
    process = CrawlerProcess(
        scrapy_settings.build(concurrency=args.concurrency, max_pages=args.max_pages),
        install_root_handler=False,  # Django's LOGGING already has one
    )
    if args.kind == "ba_jobsuche":
        spider, kwargs = (
            BAJobsucheSpider,
            {
                "base_url": args.base_url or None,
                "what": args.what,
                "where": args.where,
                "radius_km": args.radius,
                "offer_types": args.offer_types or None,
            },
        )
    elif args.kind == "ba_weiterbildung":
        spider, kwargs = (
            WeiterbildungSpider,
            {
                "base_url": args.base_url or None,
                "what": args.what,
                "where": args.where,
                "radius_km": args.radius,
            },
        )
    elif args.kind == "feed":
        spider, kwargs = FeedSpider, {"start_urls": args.start}
    else:
        spider, kwargs = JobPostingSpider, {"start_urls": args.start, "sitemap_urls": args.sitemap}
    crawler = process.create_crawler(spider)
    if args.progress_interval > 0:
        report_progress(crawler, started, args.progress_interval)
    process.crawl(crawler, source=args.source, **kwargs)
    process.start()
    stats = crawler.stats.get_stats()
    summary = dict(stats.get("lotse/summary") or {"errors": ["the crawl did not finish"]})
    summary["requests"] = stats.get("downloader/request_count", 0)
    summary["responses"] = stats.get("downloader/response_count", 0)
    summary["robots_forbidden"] = stats.get("robotstxt/forbidden", 0)
    summary["retried"] = sum(v for k, v in stats.items() if k.startswith("backoff/"))
    summary["duration"] = round(time.monotonic() - started, 3)
    return summary


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    try:
        summary = crawl(args)
    except Exception as error:  # the parent must always get a summary line
        summary = {"errors": [f"crawl failed: {type(error).__name__}: {error}"]}
    print(SUMMARY_PREFIX + json.dumps(summary, default=str, ensure_ascii=False), flush=True)
    return 1 if summary.get("errors") else 0


if __name__ == "__main__":
    sys.exit(main())
