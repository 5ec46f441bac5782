"""The Bundesagentur für Arbeit Weiterbildungssuche API: every page of one search."""

from __future__ import annotations

import json
import logging
from collections.abc import AsyncIterator, Iterator
from typing import Any
from urllib.parse import urlencode

import scrapy
from django.conf import settings
from scrapy.http import Response
from twisted.python.failure import Failure

from crawlers import weiterbildung as wb

logger = logging.getLogger(__name__)

DEFAULT_URL = "https://rest.arbeitsagentur.de/infosysbub/wbsuche"
DEFAULT_API_KEY = "infosysbub-wbsuche"  # the public client id of the Weiterbildungssuche


class WeiterbildungSpider(scrapy.Spider):
    """Every further-training date a Weiterbildungssuche query finds.

    Asks for the first page, then follows `page.number` / `page.totalPages`
    one page after the other (capped at `wb.MAX_PAGES`). Yields
    `{"vacancy": VacancyData}` and `{"problem": str, "url": str}` items; a
    page that fails makes the run an error (it is incomplete).
    """

    name = "ba_weiterbildung"
    # An API, not a website: no robots.txt to honour; the key identifies us.
    custom_settings = {"ROBOTSTXT_OBEY": False, "DEPTH_LIMIT": 0}

    def __init__(
        self,
        source: str,
        base_url: str | None = None,
        api_key: str | None = None,
        what: str = "",
        where: str = "",
        radius_km: int | str | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        if not source:
            raise ValueError("a crawl needs a source key")
        self.source = source
        self.base_url = (
            base_url or getattr(settings, "LOTSE_BA_WEITERBILDUNG_URL", DEFAULT_URL)
        ).rstrip("/")
        self.api_key = api_key or getattr(settings, "LOTSE_BA_WEITERBILDUNG_KEY", DEFAULT_API_KEY)
        self.query = wb.search_query(
            what or "", where or "", int(radius_km) if radius_km not in (None, "") else None
        )
        self.seen: set[str] = set()
        self.errors: list[str] = []
        self.pages = 0
        # For `manage.py crawl`'s progress bar: the dates the search announces.
        self.progress_total: int | None = None

    def page_request(self, page: int) -> scrapy.Request:
        params = wb.page_query(self.query, page)
        return scrapy.Request(
            f"{self.base_url}{wb.SEARCH_PATH}?{urlencode(params)}",
            self.parse_page,
            errback=self.failed,
            headers={"X-API-Key": self.api_key, "Accept": "application/json"},
            cb_kwargs={"page": page},
        )

    async def start(self) -> AsyncIterator[Any]:
        yield self.page_request(wb.FIRST_PAGE)

    def problem(self, url: str, text: str) -> dict[str, str]:
        logger.warning("%s: %s", url, text)
        return {"problem": text, "url": url}

    def parse_page(self, response: Response, page: int) -> Iterator[Any]:
        try:
            data = json.loads(response.body)
        except ValueError:
            data = None
        if not isinstance(data, dict):
            self.errors.append(f"{response.url}: the search answered no JSON ({response.status})")
            yield self.problem(response.url, f"search answered no JSON ({response.status})")
            return
        self.pages += 1
        if self.progress_total is None:
            self.progress_total = wb.total_count(data)
        for item in wb.page_items(data):
            termin_id = str(item["id"]).strip()
            if termin_id in self.seen:  # the order may shift between pages
                continue
            self.seen.add(termin_id)
            try:
                yield {"vacancy": wb.vacancy_from_offer(item, source=self.source)}
            except ValueError as error:
                yield self.problem(response.url, f"offer {termin_id!r} cannot be read: {error}")
        following = wb.next_page(data)
        if following is not None and following > page:
            yield self.page_request(following)
        elif following is None and wb.next_page(data, max_pages=10**9) is not None:
            yield self.problem(response.url, f"stopped after {wb.MAX_PAGES} pages")

    def failed(self, failure: Failure) -> Iterator[dict[str, str]]:
        """A search page that failed: the run is incomplete, so it is an error."""
        request = failure.request  # type: ignore[attr-defined]
        text = f"{type(failure.value).__name__}: {failure.getErrorMessage()}"
        response = getattr(failure.value, "response", None)
        if response is not None:
            body = response.body[:200].decode("utf-8", "replace")
            text += f" ({response.status}: {body})"
        self.errors.append(f"{request.url}: {text}")
        yield self.problem(request.url, text)
