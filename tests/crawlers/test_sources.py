"""Crawl sources and their runs: due, failing, recorded, shown to staff."""

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils import timezone

from crawlers.models import FAILING_AFTER, CrawlRun, Source
from crawlers.tasks import crawl, crawl_due_sources
from tests.processes import free_port

pytestmark = pytest.mark.django_db


def source(**fields) -> Source:
    defaults = {"key": "ba-gotha", "name": "BA Gotha", "kind": Source.Kind.BA_JOBSUCHE}
    return Source.objects.create(**{**defaults, **fields})


def run(of: Source, hours_ago: int, *, failed: bool = False) -> CrawlRun:
    started = timezone.now() - dt.timedelta(hours=hours_ago)
    return CrawlRun.objects.create(
        source=of, started_at=started, finished_at=started, errors=["boom"] if failed else []
    )


def test_a_source_never_crawled_is_due():
    assert source().is_due(timezone.now())


def test_a_source_is_due_again_after_its_interval():
    ba = source(every_hours=24)
    run(ba, hours_ago=23)
    assert not ba.is_due(timezone.now())
    assert ba.is_due(timezone.now() + dt.timedelta(hours=2))


def test_a_source_that_failed_its_last_runs_is_flagged():
    ba = source()
    for hours in range(FAILING_AFTER):
        run(ba, hours_ago=hours + 1, failed=True)
    assert ba.is_failing


def test_one_good_run_among_the_last_ones_clears_the_flag():
    ba = source()
    run(ba, hours_ago=3, failed=True)
    run(ba, hours_ago=2, failed=True)
    run(ba, hours_ago=1)
    assert not ba.is_failing


def test_a_career_site_source_needs_a_url():
    site = Source(key="site", name="Site", kind=Source.Kind.JOBPOSTING_SITE)
    with pytest.raises(ValidationError, match="at least one start or sitemap URL"):
        site.full_clean()


@pytest.mark.slow
def test_a_weiterbildung_crawl_without_a_reachable_server_is_recorded_as_failed(
    settings, monkeypatch, tmp_path
):
    monkeypatch.setenv("LOTSE_DATA_DIR", str(tmp_path))  # the child's own, empty database
    settings.LOTSE_BA_WEITERBILDUNG_URL = f"http://127.0.0.1:{free_port()}/infosysbub/wbsuche"
    recorded = crawl(source(key="wb-gotha", kind=Source.Kind.BA_WEITERBILDUNG, where="Gotha"))
    assert not recorded.succeeded
    assert recorded.errors
    assert "not available yet" not in " ".join(recorded.errors)


def test_only_enabled_sources_that_are_due_are_queued():
    source(enabled=False)
    recent = source(key="recent", name="Recent")
    run(recent, hours_ago=1)
    source(key="due", name="Due")
    assert crawl_due_sources() == 1


def test_staff_see_sources_with_their_last_run_and_failing_flag(client):
    ba = source()
    for hours in range(FAILING_AFTER):
        run(ba, hours_ago=hours + 1, failed=True)
    admin = get_user_model().objects.create_superuser("admin", password="x" * 12)
    client.force_login(admin)
    page = client.get("/admin/crawl_sources/").content.decode()
    assert "BA Gotha" in page and "keeps failing" in page
