"""Writes crawled vacancies into the catalogue and keeps the run's tally."""

from __future__ import annotations

import logging
from collections import Counter
from typing import Any

from django.db import DatabaseError, close_old_connections, connections
from django.utils import timezone
from scrapy import Spider, signals
from scrapy.crawler import Crawler
from twisted.internet import reactor
from twisted.internet.defer import Deferred, inlineCallbacks
from twisted.internet.threads import deferToThreadPool
from twisted.python.threadpool import ThreadPool

from crawlers.geocode import geocode
from search.catalogue import VacancyData, expire, mark_removed, upsert

logger = logging.getLogger(__name__)

MAX_REPORTED = 200  # problems and errors kept for the summary


class CataloguePipeline:
    """Upserts every vacancy item; retires what the source dropped if the run was clean.

    The ORM runs in one worker thread: Django refuses synchronous queries on
    the reactor's asyncio loop, and one thread keeps SQLite free of lock fights.
    The tally ends up in the crawl stats under "lotse/summary".
    """

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.counts: Counter[str] = Counter()
        self.rejected: Counter[str] = Counter()
        self.problems: list[dict[str, str]] = []
        self.errors: list[str] = []
        self.started = timezone.now()
        self.pool = ThreadPool(minthreads=1, maxthreads=1, name="lotse-catalogue")
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> CataloguePipeline:
        return cls(crawler)

    def open_spider(self, spider: Spider | None = None) -> None:
        self.started = timezone.now()
        self.pool.start()

    def _in_thread(self, function, *args: Any) -> Deferred:
        return deferToThreadPool(reactor, self.pool, function, *args)

    def process_item(self, item: Any, spider: Spider | None = None) -> Any:
        if isinstance(item, dict) and "problem" in item:
            if len(self.problems) < MAX_REPORTED:
                self.problems.append({"url": item.get("url", ""), "problem": item["problem"]})
            self.counts["problems"] += 1
            return item
        vacancy = item.get("vacancy") if isinstance(item, dict) else item
        if not isinstance(vacancy, VacancyData):
            self.reject(f"not a vacancy: {type(vacancy).__name__}")
            return item
        source = getattr(self.crawler.spider, "source", vacancy.source)
        if vacancy.source != source:
            self.reject(f"source {vacancy.source!r} is not this run's {source!r}")
            return item
        deferred = self._in_thread(self._store, vacancy)
        deferred.addCallback(lambda _: item)
        return deferred

    def reject(self, reason: str) -> None:
        self.rejected[reason] += 1
        logger.warning("rejected: %s", reason)

    def _store(self, vacancy: VacancyData) -> None:
        self.counts["items"] += 1
        try:
            result = upsert(geocode(vacancy))  # off the reactor: its first call reads a file
        except ValueError as error:
            self.reject(f"invalid: {error}")
        except DatabaseError as error:
            # Not the item's fault: the run is incomplete, so nothing may be retired.
            self.errors.append(f"{vacancy.external_id}: database error: {error}")
            logger.error("could not store %s: %s", vacancy.external_id, error)
        else:
            self.counts[result.outcome.value] += 1
            if result.duplicate_of is not None:
                self.counts["duplicates"] += 1

    @inlineCallbacks
    def spider_closed(self, spider: Spider, reason: str, **kwargs: Any):
        try:
            yield self._finish(spider, reason)
        finally:
            self.pool.stop()

    @inlineCallbacks
    def _finish(self, spider: Spider, reason: str):
        stats = self.crawler.stats
        errors = [*self.errors, *getattr(spider, "errors", [])]
        if reason != "finished":
            errors.append(f"run ended early: {reason}")
        logged = stats.get_value("log_count/ERROR", 0)
        if logged and not errors:
            errors.append(f"{logged} error(s) in the log")
        removed = 0
        if not errors:
            removed = yield self._in_thread(mark_removed, spider.source, self.started)
        expired = yield self._in_thread(expire)
        yield self._in_thread(close_old_connections)
        yield self._in_thread(connections.close_all)
        stats.set_value(
            "lotse/summary",
            {
                "source": spider.source,
                "finish_reason": reason,
                "pages": getattr(spider, "pages", 0),
                "items": self.counts["items"],
                "new": self.counts["new"],
                "updated": self.counts["updated"],
                "unchanged": self.counts["unchanged"],
                "duplicates": self.counts["duplicates"],
                "rejected": dict(self.rejected),
                "removed": removed,
                "expired": expired,
                "problem_count": self.counts["problems"],
                "problems": self.problems,
                "errors": errors[:MAX_REPORTED],
            },
        )
