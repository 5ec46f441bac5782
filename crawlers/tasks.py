"""Celery tasks: crawl one source, and start the sources that are due."""

from __future__ import annotations

from collections.abc import Callable

from celery import Task, shared_task
from django.conf import settings
from django.utils import timezone

from search.tasks import sync_index

from .models import STALE_AFTER, CrawlRun, Source, end_interrupted
from .progress import Progress
from .run import run_crawl

# The crawl subprocess kinds for each source kind.
CRAWL_KINDS = {
    Source.Kind.JOBPOSTING_SITE: "site",
    Source.Kind.BA_JOBSUCHE: "ba_jobsuche",
    Source.Kind.BA_WEITERBILDUNG: "ba_weiterbildung",
    Source.Kind.FEED: "feed",
}


def crawl_options(source: Source) -> dict[str, object]:
    """What the crawl subprocess needs to know of `source`, by its kind."""
    if source.kind == Source.Kind.BA_JOBSUCHE:
        return {
            "what": source.what,
            "where": source.where,
            "radius_km": source.radius_km,
            "offer_types": source.offer_types,
        }
    if source.kind == Source.Kind.BA_WEITERBILDUNG:
        return {
            "what": source.what,
            "where": source.where,
            "radius_km": source.radius_km,
            # The child process reads its own settings; pass an override on.
            "base_url": getattr(settings, "LOTSE_BA_WEITERBILDUNG_URL", ""),
        }
    if source.kind == Source.Kind.FEED:
        return {"start_urls": source.urls("start_urls")}
    return {"start_urls": source.urls("start_urls"), "sitemap_urls": source.urls("sitemap_urls")}


def crawl(source: Source, on_progress: Callable[[Progress], None] | None = None) -> CrawlRun:
    """Run one crawl of `source` and record it, whatever the outcome.

    on_progress: see `run_crawl`; `manage.py crawl` draws its progress bar with it.
    """
    run = CrawlRun.objects.create(source=source)
    kind = CRAWL_KINDS.get(source.kind)
    if kind is None:
        run.errors = [f"crawling {source.get_kind_display()} sources is not available yet"]
    else:
        summary = run_crawl(kind, source.key, crawl_options(source), on_progress=on_progress)
        run.requests, run.items = summary.requests, summary.items
        run.new, run.updated, run.unchanged = summary.new, summary.updated, summary.unchanged
        run.rejected, run.problems, run.errors = summary.rejected, summary.problems, summary.errors
        run.duration_seconds = summary.duration
    run.finished_at = timezone.now()
    run.save()
    return run


@shared_task(bind=True, ignore_result=True, acks_late=True)
def crawl_source(task: Task, source_id: int) -> None:
    """Crawl one source; if its worker dies, the crawl runs again from the start.

    Redone is safe: the catalogue's upsert is idempotent per source and
    external id. A redelivered task means the worker that took it first died:
    the run it left unfinished is recorded as interrupted.
    """
    source = Source.objects.filter(pk=source_id, enabled=True).first()
    if source is not None:
        if (task.request.delivery_info or {}).get("redelivered"):
            end_interrupted(source.runs.all(), timezone.now())
        crawl(source)
        sync_index.delay()  # what the crawl changed reaches the index now


@shared_task(ignore_result=True)
def crawl_due_sources() -> int:
    """Queue a crawl for every enabled source whose interval has passed.

    Runs whose worker died long ago (their task lost too) are closed first,
    so a source is never left "running" for good.
    """
    now = timezone.now()
    end_interrupted(CrawlRun.objects.filter(started_at__lt=now - STALE_AFTER), now)
    due = [source for source in Source.objects.filter(enabled=True) if source.is_due(now)]
    for source in due:
        crawl_source.delay(source.pk)
    return len(due)
