"""When a source is due after failures: backoff across runs, and no run left 'running'."""

import datetime as dt

import pytest
from django.utils import timezone

from crawlers.models import BACKOFF_MAX_FACTOR, INTERRUPTED, STALE_AFTER, CrawlRun, Source
from crawlers.tasks import crawl_due_sources

pytestmark = pytest.mark.django_db

NOW = timezone.now()


@pytest.fixture(autouse=True)
def queued(monkeypatch) -> list[int]:
    """The crawls the due-run queues (the worker side is in test_worker_killed)."""
    found: list[int] = []
    monkeypatch.setattr("crawlers.tasks.crawl_source.delay", found.append)
    return found


def source(every_hours: int = 24) -> Source:
    return Source.objects.create(
        key="kaputt", name="Kaputt", kind=Source.Kind.FEED, every_hours=every_hours
    )


def runs(of: Source, *outcomes: str, hours_apart: int = 1) -> CrawlRun:
    """Runs oldest first, the last one started just now: "ok", "failed" or "running"."""
    for number, outcome in enumerate(outcomes):
        started = NOW - dt.timedelta(hours=hours_apart * (len(outcomes) - 1 - number))
        last = CrawlRun.objects.create(
            source=of,
            started_at=started,
            finished_at=None if outcome == "running" else started,
            errors=["HTTP 500"] if outcome == "failed" else [],
        )
    return last


def due_after(of: Source, hours: float) -> bool:
    return of.is_due(NOW + dt.timedelta(hours=hours))


def test_a_failed_run_doubles_the_wait_before_the_next_one():
    kaputt = source(every_hours=24)
    runs(kaputt, "ok", "failed")
    assert not due_after(kaputt, 47)
    assert due_after(kaputt, 48)


def test_each_failure_in_a_row_doubles_it_again_up_to_a_limit():
    kaputt = source(every_hours=1)
    runs(kaputt, "failed", "failed")
    assert not due_after(kaputt, 3.9) and due_after(kaputt, 4)
    runs(kaputt, "failed", "failed", "failed", "failed", "failed", "failed")
    assert not due_after(kaputt, BACKOFF_MAX_FACTOR - 0.1)
    assert due_after(kaputt, BACKOFF_MAX_FACTOR)


def test_a_good_run_ends_the_backoff():
    kaputt = source(every_hours=24)
    runs(kaputt, "failed", "failed", "ok")
    assert due_after(kaputt, 24)


def test_a_source_with_a_run_under_way_is_not_queued_again():
    kaputt = source(every_hours=1)
    runs(kaputt, "running")
    assert not due_after(kaputt, 1.5)


def test_the_due_run_closes_runs_whose_worker_died_long_ago_and_crawls_again(queued):
    kaputt = source(every_hours=1)
    started = NOW - STALE_AFTER - dt.timedelta(minutes=1)
    cut_off = CrawlRun.objects.create(source=kaputt, started_at=started)
    assert crawl_due_sources() == 1
    assert queued == [kaputt.pk]
    cut_off.refresh_from_db()
    assert cut_off.finished_at is not None
    assert cut_off.errors == [INTERRUPTED]
    assert not cut_off.succeeded


def test_a_run_still_under_way_is_left_alone_by_the_due_run():
    kaputt = source(every_hours=1)
    under_way = runs(kaputt, "running")
    assert crawl_due_sources() == 0
    under_way.refresh_from_db()
    assert under_way.finished_at is None
