"""Crawl sources, managed by staff in the admin, and the record of each run."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

# A source that failed this many runs in a row is flagged in the admin.
FAILING_AFTER = 3
# After each failed run in a row a source waits twice as long before its next
# scheduled run, up to this many times its interval: a site that is down or
# broken is not asked again and again, and is crawled again once it recovers.
BACKOFF_MAX_FACTOR = 8
# A run still unfinished this long after it started was cut off (its worker
# died): a crawl itself is stopped after an hour (crawlers.run.DEFAULT_TIMEOUT).
STALE_AFTER = dt.timedelta(hours=2)
INTERRUPTED = "interrupted: the worker running this crawl stopped before it finished"


class Source(models.Model):
    class Kind(models.TextChoices):
        BA_JOBSUCHE = "ba_jobsuche", "Bundesagentur Jobsuche"
        BA_WEITERBILDUNG = "ba_weiterbildung", "Bundesagentur Weiterbildungssuche"
        JOBPOSTING_SITE = "jobposting_site", "Career site (schema.org JobPosting)"
        FEED = "feed", "RSS/Atom feed"

    key = models.SlugField(max_length=100, unique=True, help_text="Short name, e.g. ba-gotha.")
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=30, choices=Kind.choices)
    enabled = models.BooleanField(default=True)
    every_hours = models.PositiveIntegerField(default=24, help_text="How often to crawl.")

    start_urls = models.TextField(blank=True, help_text="Career sites and feeds: one URL a line.")
    sitemap_urls = models.TextField(blank=True, help_text="Career sites: one sitemap URL a line.")
    what = models.CharField(max_length=200, blank=True, help_text="BA: occupation or keywords.")
    where = models.CharField(max_length=200, blank=True, help_text="BA: place or postal code.")
    radius_km = models.PositiveIntegerField(null=True, blank=True)
    offer_types = models.CharField(
        max_length=50, blank=True, help_text="BA: angebotsart codes, e.g. 1,4,34."
    )

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        needs_urls = self.kind in (self.Kind.JOBPOSTING_SITE, self.Kind.FEED)
        if needs_urls and not (self.start_urls.strip() or self.sitemap_urls.strip()):
            raise ValidationError({"start_urls": "Give at least one start or sitemap URL."})

    def urls(self, field: str) -> list[str]:
        return [line.strip() for line in getattr(self, field).splitlines() if line.strip()]

    def is_due(self, now: dt.datetime) -> bool:
        """Never crawled, or its (backed-off) interval has passed and no run is under way."""
        recent = list(self.runs.order_by("-started_at")[: BACKOFF_MAX_FACTOR.bit_length()])
        if not recent:
            return True
        last = recent[0]
        if last.finished_at is None and last.started_at > now - STALE_AFTER:
            return False  # still running
        failed = next((n for n, run in enumerate(recent) if run.succeeded), len(recent))
        factor = min(2**failed, BACKOFF_MAX_FACTOR)
        return last.started_at + dt.timedelta(hours=self.every_hours * factor) <= now

    @property
    def is_failing(self) -> bool:
        recent = list(self.runs.order_by("-started_at")[:FAILING_AFTER])
        return len(recent) == FAILING_AFTER and all(not run.succeeded for run in recent)


class CrawlRun(models.Model):
    source = models.ForeignKey(Source, on_delete=models.CASCADE, related_name="runs")
    started_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)
    requests = models.PositiveIntegerField(default=0)
    items = models.PositiveIntegerField(default=0)
    new = models.PositiveIntegerField(default=0)
    updated = models.PositiveIntegerField(default=0)
    unchanged = models.PositiveIntegerField(default=0)
    rejected = models.JSONField(default=dict, blank=True, help_text="Reason → count.")
    problems = models.JSONField(default=list, blank=True)
    errors = models.JSONField(default=list, blank=True)
    duration_seconds = models.FloatField(default=0)

    class Meta:
        ordering = ["-started_at"]
        indexes = [models.Index(fields=["source", "-started_at"])]

    def __str__(self) -> str:
        return f"{self.source} at {self.started_at:%Y-%m-%d %H:%M}"

    @property
    def succeeded(self) -> bool:
        return self.finished_at is not None and not self.errors


def end_interrupted(runs: models.QuerySet[CrawlRun], now: dt.datetime) -> int:
    """Record the unfinished runs among `runs` as failed by interruption; how many there were."""
    return runs.filter(finished_at=None).update(finished_at=now, errors=[INTERRUPTED])
