"""RSS 2.0 and Atom feeds whose items are vacancies."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Iterator
from typing import Any
from urllib.parse import urlsplit

import scrapy
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response
from twisted.python.failure import Failure

from crawlers.feeds import vacancies_from_feed

logger = logging.getLogger(__name__)


class FeedSpider(scrapy.Spider):
    """Fetches each feed once; every readable item is a vacancy.

    Yields `{"vacancy": VacancyData}` and `{"problem": str, "url": str}` items;
    a broken item or feed is a problem to report, not a reason to stop.
    """

    name = "feed"
    # A feed that is gone is worth reporting, not dropping.
    handle_httpstatus_list = [404, 410]

    def __init__(
        self, source: str, start_urls: list[str] | tuple[str, ...] = (), **kwargs: Any
    ) -> None:
        super().__init__(**kwargs)
        if not source:
            raise ValueError("a crawl needs a source key")
        if not start_urls:
            raise ValueError("a feed crawl needs at least one feed URL")
        self.source = source
        self.start_urls = list(start_urls)
        self.allowed_domains = sorted({(urlsplit(u).hostname or "").lower() for u in start_urls})
        self.errors: list[str] = []
        self.pages = 0

    async def start(self) -> AsyncIterator[Any]:
        for url in self.start_urls:
            yield scrapy.Request(url, self.parse_feed, errback=self.failed)

    def problem(self, url: str, text: str) -> dict[str, str]:
        logger.warning("%s: %s", url, text)
        return {"problem": text, "url": url}

    def parse_feed(self, response: Response) -> Iterator[Any]:
        if response.status in (404, 410):
            text = f"feed not found ({response.status})"
            self.errors.append(f"{response.url}: {text}")
            yield self.problem(response.url, text)
            return
        self.pages += 1
        content_type = (response.headers.get("Content-Type") or b"").decode("latin-1") or None
        result = vacancies_from_feed(
            response.body, response.url, source=self.source, content_type=content_type
        )
        for vacancy in result.vacancies:
            yield {"vacancy": vacancy}
        for text in result.problems:
            yield self.problem(response.url, text)

    def failed(self, failure: Failure) -> Iterator[dict[str, str]]:
        request = failure.request  # type: ignore[attr-defined]
        if failure.check(IgnoreRequest) and not hasattr(failure.value, "response"):
            # Forbidden by robots.txt: reported, but not a failed run.
            yield self.problem(request.url, "feed not fetched: forbidden by robots.txt")
            return
        text = f"{type(failure.value).__name__}: {failure.getErrorMessage()}"
        self.errors.append(f"{request.url}: {text}")
        yield self.problem(request.url, text)
