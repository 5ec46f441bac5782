"""The Bundesagentur für Arbeit Jobsuche API: search pages, then each posting's detail."""

from __future__ import annotations

import json
import logging
from collections.abc import AsyncIterator, Iterable, Iterator
from typing import Any
from urllib.parse import urlencode

import scrapy
from django.conf import settings
from scrapy.http import Response
from twisted.python.failure import Failure

from crawlers import ba

logger = logging.getLogger(__name__)

DEFAULT_URL = "https://rest.arbeitsagentur.de/jobboerse/jobsuche-service"
DEFAULT_API_KEY = "jobboerse-jobsuche"  # the public client key every Jobsuche client sends
DEFAULT_OFFER_TYPES = ("1", "4", "34")
SEARCH_PATH = "/pc/v4/jobs"


def offer_type_codes(value: str | Iterable[object] | None) -> list[str]:
    """ "1,4,34", ["1", 4] or None → ["1", "4", "34"]; only the kinds we collect."""
    if value is None or value == "":
        return list(DEFAULT_OFFER_TYPES)
    parts = value.replace(";", ",").split(",") if isinstance(value, str) else list(value)
    codes = list(dict.fromkeys(str(part).strip() for part in parts if str(part).strip()))
    unknown = [code for code in codes if code not in ba.ANGEBOTSARTEN]
    if unknown:
        known = ", ".join(ba.ANGEBOTSARTEN)
        raise ValueError(f"angebotsart {', '.join(unknown)} is not one we collect ({known})")
    return codes or list(DEFAULT_OFFER_TYPES)


class BAJobsucheSpider(scrapy.Spider):
    """Every posting a Jobsuche query finds, with its detail where there is one.

    Per angebotsart it asks for page 1 (size 100), reads `maxErgebnisse`, narrows
    the query with `ba.split_queries` where paging could not reach everything,
    and pages with `ba.pages_for` (page × size never above 10,000). Yields
    `{"vacancy": VacancyData}` and `{"problem": str, "url": str}` items.
    """

    name = "ba_jobsuche"
    # The Jobsuche is an API, not a website: there is no robots.txt to honour
    # (the host answers it with an API error), and its terms allow clients.
    # Politeness here is the API key, modest concurrency and Retry-After.
    custom_settings = {
        "ROBOTSTXT_OBEY": False,
        # The query plan is bounded by split_queries, not by link depth.
        "DEPTH_LIMIT": 0,
    }
    # A detail that is gone (404) still leaves the search-list entry to keep.
    handle_httpstatus_list = [404]

    def __init__(
        self,
        source: str,
        base_url: str | None = None,
        api_key: str | None = None,
        what: str = "",
        where: str = "",
        radius_km: int | str | None = None,
        offer_types: str | Iterable[object] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        if not source:
            raise ValueError("a crawl needs a source key")
        self.source = source
        self.base_url = (
            base_url or getattr(settings, "LOTSE_BA_JOBSUCHE_URL", DEFAULT_URL)
        ).rstrip("/")
        self.api_key = api_key or getattr(settings, "LOTSE_BA_API_KEY", DEFAULT_API_KEY)
        self.what = (what or "").strip()
        self.where = (where or "").strip()
        self.radius_km = int(radius_km) if radius_km not in (None, "") else None
        self.offer_types = offer_type_codes(offer_types)
        self.seen: set[str] = set()
        self.errors: list[str] = []
        self.pages = 0
        # For `manage.py crawl`'s progress bar: the postings the searches announce.
        self.progress_total: int | None = None

    # --- requests ----------------------------------------------------------

    def base_query(self, angebotsart: str) -> dict[str, str]:
        query = {"angebotsart": angebotsart}
        if self.what:
            query["was"] = self.what
        if self.where:
            query["wo"] = self.where
            if self.radius_km is not None:
                query["umkreis"] = str(self.radius_km)
        return query

    def api_request(self, path: str, callback, **kwargs: Any) -> scrapy.Request:
        return scrapy.Request(
            self.base_url + path,
            callback,
            errback=kwargs.pop("errback", self.failed),
            headers={"X-API-Key": self.api_key, "Accept": "application/json"},
            **kwargs,
        )

    def search_request(
        self, query: dict[str, str], page: int, *, first: bool, priority: int = 0
    ) -> scrapy.Request:
        params = {**query, "page": str(page), "size": str(ba.MAX_PAGE_SIZE)}
        if page * ba.MAX_PAGE_SIZE > ba.MAX_WINDOW:  # pages_for never plans this
            raise ValueError(f"page {page} is beyond what the Jobsuche pages to")
        return self.api_request(
            f"{SEARCH_PATH}?{urlencode(params)}",
            self.parse_first if first else self.parse_search,
            cb_kwargs={"query": query},
            priority=priority,
        )

    async def start(self) -> AsyncIterator[Any]:
        for angebotsart in self.offer_types:
            yield self.search_request(self.base_query(angebotsart), 1, first=True, priority=10)

    # --- responses ---------------------------------------------------------

    def problem(self, url: str, text: str) -> dict[str, str]:
        logger.warning("%s: %s", url, text)
        return {"problem": text, "url": url}

    def read_json(self, response: Response) -> Any:
        try:
            return json.loads(response.body)
        except ValueError:
            return None

    def parse_first(self, response: Response, query: dict[str, str]) -> Iterator[Any]:
        """Page 1 of a query: how many there are decides narrowing and paging."""
        data = self.read_json(response)
        if response.status == 404 or not isinstance(data, dict):
            self.errors.append(f"{response.url}: the search answered no JSON ({response.status})")
            yield self.problem(response.url, f"search answered no JSON ({response.status})")
            return
        total = data.get("maxErgebnisse")
        total = int(total) if isinstance(total, int | str) and str(total).isdigit() else 0
        narrower = ba.split_queries(query, total, ba.MAX_PAGE_SIZE)
        if narrower != [query]:
            logger.info("%s: %d results, narrowing into %d queries", query, total, len(narrower))
            for sub in narrower:
                yield self.search_request(sub, 1, first=True, priority=10)
            return
        if total > ba.reachable(ba.MAX_PAGE_SIZE):
            yield self.problem(
                response.url,
                f"{total} results, but paging reaches only the first "
                f"{ba.reachable(ba.MAX_PAGE_SIZE)} and the query cannot be narrowed further",
            )
        reached = min(total, ba.reachable(ba.MAX_PAGE_SIZE))
        self.progress_total = (self.progress_total or 0) + reached
        yield from self.parse_search(response, query, data)
        for params in ba.pages_for(query, total, ba.MAX_PAGE_SIZE)[1:]:
            yield self.search_request(query, int(params["page"]), first=False, priority=5)

    def parse_search(
        self, response: Response, query: dict[str, str], data: Any = None
    ) -> Iterator[Any]:
        if data is None:
            data = self.read_json(response)
        if response.status == 404 or not isinstance(data, dict):
            self.errors.append(f"{response.url}: the search answered no JSON ({response.status})")
            yield self.problem(response.url, f"search answered no JSON ({response.status})")
            return
        self.pages += 1
        angebotsart = int(query["angebotsart"])
        for item in ba.search_page_items(data):
            refnr = str(item["refnr"]).strip()
            if refnr in self.seen:  # narrowed queries overlap (several working times)
                continue
            self.seen.add(refnr)
            yield self.api_request(
                ba.detail_path(refnr),
                self.parse_detail,
                errback=self.detail_failed,
                cb_kwargs={"item": item, "angebotsart": angebotsart},
            )

    def vacancy(self, item: dict[str, Any], detail: Any, angebotsart: int, url: str) -> Any:
        try:
            vacancy = ba.vacancy_from_ba(
                item,
                detail if isinstance(detail, dict) else None,
                source=self.source,
                angebotsart=angebotsart,
            )
        except ValueError as error:
            return self.problem(url, f"posting {item.get('refnr')!r} cannot be read: {error}")
        return {"vacancy": vacancy}

    def parse_detail(
        self, response: Response, item: dict[str, Any], angebotsart: int
    ) -> Iterator[Any]:
        detail = None if response.status == 404 else self.read_json(response)
        if response.status != 404 and not isinstance(detail, dict):
            yield self.problem(response.url, "detail is not JSON; kept the search-list fields")
        yield self.vacancy(item, detail, angebotsart, response.url)

    def detail_failed(self, failure: Failure) -> Iterator[Any]:
        """A detail that could not be fetched: the posting itself is still there."""
        request = failure.request  # type: ignore[attr-defined]
        item, angebotsart = request.cb_kwargs["item"], request.cb_kwargs["angebotsart"]
        text = f"{type(failure.value).__name__}: {failure.getErrorMessage()}"
        yield self.problem(request.url, f"detail not fetched ({text}); kept the search-list fields")
        yield self.vacancy(item, None, angebotsart, request.url)

    def failed(self, failure: Failure) -> Iterator[dict[str, str]]:
        """A search page that failed: the run is incomplete, so it is an error."""
        request = failure.request  # type: ignore[attr-defined]
        text = f"{type(failure.value).__name__}: {failure.getErrorMessage()}"
        response = getattr(failure.value, "response", None)
        if response is not None:
            text += f" ({response.body[:200].decode('utf-8', 'replace')})"
        self.errors.append(f"{request.url}: {text}")
        yield self.problem(request.url, text)
