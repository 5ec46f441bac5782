"""Career sites that mark their vacancies up as schema.org JobPosting."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Iterator
from typing import Any
from urllib.parse import urldefrag, urlsplit

import scrapy
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response, TextResponse
from scrapy.utils.gz import gunzip
from scrapy.utils.sitemap import Sitemap, sitemap_urls_from_robots
from twisted.python.failure import Failure

from crawlers.extract import extract_vacancies

logger = logging.getLogger(__name__)

# Links to these are never pages with vacancies.
SKIPPED_SUFFIXES = (
    ".pdf", ".jpg", ".jpeg", ".png", ".gif", ".svg", ".webp", ".zip", ".css", ".js",
    ".ico", ".mp4", ".mp3", ".doc", ".docx", ".xls", ".xlsx",
)  # fmt: skip


def host(url: str) -> str:
    return (urlsplit(url).hostname or "").lower()


class JobPostingSpider(scrapy.Spider):
    """Reads sitemaps and listing pages of one site and every vacancy they lead to.

    Yields `{"vacancy": VacancyData}` and `{"problem": str, "url": str}` items;
    a broken page is a problem to report, not a reason to stop.
    """

    name = "jobposting"
    # 404s are read, not dropped: an advertised page that is gone is worth reporting.
    handle_httpstatus_list = [404]

    def __init__(
        self,
        source: str,
        start_urls: list[str] | tuple[str, ...] = (),
        sitemap_urls: list[str] | tuple[str, ...] = (),
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        if not source:
            raise ValueError("a crawl needs a source key")
        if not start_urls and not sitemap_urls:
            raise ValueError("a crawl needs a start URL or a sitemap URL")
        self.source = source
        self.start_urls = list(start_urls)
        self.sitemap_urls = list(sitemap_urls)
        self.allowed_domains = sorted({host(url) for url in self.start_urls + self.sitemap_urls})
        self.errors: list[str] = []
        self.pages = 0
        # For `manage.py crawl`'s progress bar: the pages the sitemaps list.
        self.progress_unit = "pages"
        self.progress_total: int | None = None

    async def start(self) -> AsyncIterator[Any]:
        for url in self.sitemap_urls:
            yield scrapy.Request(url, self.parse_sitemap, errback=self.failed, priority=10)
        for url in self.start_urls:
            yield scrapy.Request(url, self.parse_page, errback=self.failed, priority=5)

    def is_same_site(self, url: str) -> bool:
        return urlsplit(url).scheme in ("http", "https") and host(url) in self.allowed_domains

    def problem(self, url: str, text: str) -> dict[str, str]:
        logger.warning("%s: %s", url, text)
        return {"problem": text, "url": url}

    def parse_sitemap(self, response: Response) -> Iterator[Any]:
        if response.status == 404:
            yield self.problem(response.url, "sitemap not found (404)")
            return
        if response.url.endswith("/robots.txt"):
            for url in sitemap_urls_from_robots(response.text, base_url=response.url):
                yield response.follow(url, self.parse_sitemap, errback=self.failed)
            return
        body = response.body
        if response.url.endswith(".gz") or body[:2] == b"\x1f\x8b":
            try:
                body = gunzip(body)
            except OSError as error:
                yield self.problem(response.url, f"sitemap is not valid gzip: {error}")
                return
        try:
            sitemap = Sitemap(body)
        except Exception as error:  # lxml raises several kinds on junk
            yield self.problem(response.url, f"sitemap is not valid XML: {error}")
            return
        for entry in sitemap:
            url = entry.get("loc", "")
            if not self.is_same_site(url):
                continue
            if sitemap.type == "sitemapindex":
                yield scrapy.Request(url, self.parse_sitemap, errback=self.failed, priority=10)
            else:
                self.progress_total = (self.progress_total or 0) + 1
                yield scrapy.Request(
                    url, self.parse_page, errback=self.failed, cb_kwargs={"from_sitemap": True}
                )

    def parse_page(self, response: Response, from_sitemap: bool = False) -> Iterator[Any]:
        if response.status == 404:
            where = "listed in the sitemap but" if from_sitemap else "linked but"
            yield self.problem(response.url, f"page {where} not found (404)")
            return
        if not isinstance(response, TextResponse) or b"html" not in (
            response.headers.get("Content-Type") or b"text/html"
        ):
            return
        self.pages += 1
        extraction = extract_vacancies(
            response.body, response.url, source=self.source, encoding=response.encoding
        )
        for vacancy in extraction.vacancies:
            yield {"vacancy": vacancy}
        for text in extraction.problems:
            yield self.problem(response.url, text)
        yield from self.follow_links(response)

    def follow_links(self, response: TextResponse) -> Iterator[scrapy.Request]:
        """Pagination first, then every other link that stays on the site."""
        next_links = response.xpath(
            "//a[@rel='next' or contains(concat(' ', normalize-space(@rel), ' '), ' next ')"
            " or normalize-space(.)='Weiter' or starts-with(normalize-space(.), 'Weiter ')"
            " or starts-with(normalize-space(.), 'Nächste')]/@href"
            " | //link[@rel='next']/@href"
        ).getall()
        for href in next_links:
            url = urldefrag(response.urljoin(href)).url
            if self.is_same_site(url):
                yield scrapy.Request(url, self.parse_page, errback=self.failed, priority=3)
        for href in response.xpath("//a/@href").getall():
            url = urldefrag(response.urljoin(href.strip())).url
            if self.is_same_site(url) and not urlsplit(url).path.lower().endswith(SKIPPED_SUFFIXES):
                yield scrapy.Request(url, self.parse_page, errback=self.failed)

    def failed(self, failure: Failure) -> Iterator[dict[str, str]]:
        request = failure.request  # type: ignore[attr-defined]
        if failure.check(IgnoreRequest) and not hasattr(failure.value, "response"):
            # Forbidden by robots.txt or offsite: a polite skip, not an error.
            return
        text = f"{type(failure.value).__name__}: {failure.getErrorMessage()}"
        self.errors.append(f"{request.url}: {text}")
        yield self.problem(request.url, text)
