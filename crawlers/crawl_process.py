"""One crawl run in its own process: `python -m crawlers.crawl_process --source KEY ...`.

Twisted's reactor cannot be restarted, so a Celery worker or a test never runs
Scrapy itself; it starts this and reads the last stdout line, which starts with
SUMMARY_PREFIX and carries the run's summary as JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time

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
    return parser.parse_args(argv)


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
