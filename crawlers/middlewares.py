"""Retry with a pause: honour Retry-After, otherwise back off exponentially."""

from __future__ import annotations

import datetime as dt
import email.utils
import logging

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.http import Response
from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet import reactor
from twisted.internet.task import deferLater

logger = logging.getLogger(__name__)


def retry_after_seconds(value: str | bytes | None, now: dt.datetime | None = None) -> float | None:
    """Seconds a Retry-After header asks for: delta-seconds or an HTTP-date."""
    if not value:
        return None
    text = value.decode("latin-1") if isinstance(value, bytes) else value
    text = text.strip()
    if text.isdigit():
        return float(text)
    try:
        when = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    now = now or dt.datetime.now(dt.UTC)
    return max(0.0, (when - now).total_seconds())


class BackoffRetryMiddleware:
    """On 429/5xx wait (Retry-After, capped; else 1 s, 2 s, 4 s, ...) and retry a few times."""

    def __init__(self, crawler: Crawler) -> None:
        settings = crawler.settings
        self.crawler = crawler
        self.codes = set(settings.getlist("BACKOFF_HTTP_CODES", [429, 503]))
        self.codes = {int(code) for code in self.codes}
        self.max_times = settings.getint("RETRY_TIMES", 3)
        self.base_delay = settings.getfloat("BACKOFF_BASE_DELAY", 1.0)
        self.max_delay = settings.getfloat("BACKOFF_MAX_DELAY", 60.0)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> BackoffRetryMiddleware:
        return cls(crawler)

    def delay_for(self, response: Response, attempt: int) -> float:
        asked = retry_after_seconds(response.headers.get("Retry-After"))
        delay = asked if asked is not None else self.base_delay * 2**attempt
        return min(delay, self.max_delay)

    async def process_response(self, request: Request, response: Response) -> Request | Response:
        if response.status not in self.codes or request.meta.get("dont_retry"):
            return response
        attempt = request.meta.get("backoff_times", 0)
        if attempt >= self.max_times:
            logger.warning("Gave up on %s after %d retries (%d)", request, attempt, response.status)
            self.crawler.stats.inc_value("backoff/gave_up")
            return response
        delay = self.delay_for(response, attempt)
        logger.info("%s answered %d; retrying in %.1f s", request.url, response.status, delay)
        self.crawler.stats.inc_value(f"backoff/{response.status}")
        # Waiting here, not in the scheduler, keeps the retry from jumping the pause.
        await maybe_deferred_to_future(deferLater(reactor, delay, lambda: None))
        retry = request.replace(dont_filter=True)
        retry.meta["backoff_times"] = attempt + 1
        return retry
