"""Crawl sources in the Wagtail admin: staff add and edit them, and see the last runs."""

from django.utils.html import format_html
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.model import ModelViewSet

from .models import CrawlRun, Source


class LastRunColumn(Column):
    def get_value(self, instance: Source) -> str:
        run = instance.runs.first()
        if run is None:
            return "never"
        outcome = "ok" if run.succeeded else "FAILED"
        counts = f"{run.new} new, {run.updated} updated, {run.unchanged} unchanged"
        return f"{run.started_at:%d.%m.%Y %H:%M}: {outcome} ({counts})"


class HealthColumn(Column):
    def get_value(self, instance: Source):
        if instance.is_failing:
            return format_html("<strong>{}</strong>", "keeps failing")
        return "ok"


class SourceViewSet(ModelViewSet):
    model = Source
    icon = "site"
    menu_label = "Crawl sources"
    add_to_admin_menu = True
    form_fields = [
        "key", "name", "kind", "enabled", "every_hours", "start_urls", "sitemap_urls",
        "what", "where", "radius_km", "offer_types",
    ]  # fmt: skip
    list_display = ["name", "kind", "enabled", LastRunColumn("last_run"), HealthColumn("health")]
    list_filter = ["kind", "enabled"]


class CrawlRunViewSet(ModelViewSet):
    model = CrawlRun
    icon = "history"
    menu_label = "Crawl runs"
    add_to_admin_menu = True
    inspect_view_enabled = True
    form_fields = ["source"]
    list_display = [
        "source",
        "started_at",
        "requests",
        "items",
        "new",
        "updated",
        "unchanged",
        "duration_seconds",
    ]
    list_filter = ["source"]
