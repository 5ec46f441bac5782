"""Scrapy settings for Lotse's crawls: polite by default.

Built by `build()` rather than read from a module path so the contact URL comes
from Django settings and a run can change its concurrency without touching
the environment.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings as django_settings

DEFAULT_CONTACT_URL = "http://127.0.0.1:8000/"


def user_agent() -> str:
    """Names Lotse and where a site operator can reach whoever runs it."""
    contact = getattr(django_settings, "LOTSE_CRAWLER_CONTACT_URL", DEFAULT_CONTACT_URL)
    return f"Lotse/0.1 (+{contact})"


def build(*, concurrency: int = 2, max_pages: int = 0) -> dict[str, Any]:
    return {
        "BOT_NAME": "lotse",
        "USER_AGENT": user_agent(),
        "ROBOTSTXT_OBEY": True,
        "CONCURRENT_REQUESTS_PER_DOMAIN": concurrency,
        "AUTOTHROTTLE_ENABLED": True,
        "AUTOTHROTTLE_START_DELAY": 0.5,
        "AUTOTHROTTLE_MAX_DELAY": 30,
        "AUTOTHROTTLE_TARGET_CONCURRENCY": float(concurrency),
        "DOWNLOAD_TIMEOUT": 30,
        # Scrapy's RetryMiddleware retries at once; HTTP answers that ask us to
        # slow down go through BackoffRetryMiddleware instead, which waits.
        "RETRY_ENABLED": True,
        "RETRY_TIMES": 3,
        "RETRY_HTTP_CODES": [],
        "BACKOFF_HTTP_CODES": [408, 429, 500, 502, 503, 504, 522, 524],
        "BACKOFF_BASE_DELAY": 1.0,
        "BACKOFF_MAX_DELAY": 60.0,
        "DOWNLOADER_MIDDLEWARES": {"crawlers.middlewares.BackoffRetryMiddleware": 560},
        "ITEM_PIPELINES": {"crawlers.pipelines.CataloguePipeline": 300},
        "CLOSESPIDER_PAGECOUNT": max_pages,
        "DEPTH_LIMIT": 5,
        "TELNETCONSOLE_ENABLED": False,
        "LOG_LEVEL": "INFO",
        "HTTPCACHE_ENABLED": False,
        "REQUEST_FINGERPRINTER_IMPLEMENTATION": "2.7",
        "COOKIES_ENABLED": False,
    }
