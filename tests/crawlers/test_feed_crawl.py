"""A crawl of the fixture RSS feed, and `manage.py crawl SOURCE_KEY` for a feed source."""

from __future__ import annotations

import pytest

from crawlers.run import RunSummary, run_crawl
from tests.crawlers.harness import EXPECTED, needs_fixtures, query, read_log, reset
from tests.processes import manage

SOURCE = "feed-test"

pytestmark = [
    pytest.mark.slow,
    needs_fixtures,
]


FEED = EXPECTED.get("feeds", [{}])[0]


@pytest.fixture(scope="module")
def feed_crawl(fixture_server, crawl_env) -> tuple[RunSummary, list[dict], list[dict]]:
    base_url, log = fixture_server
    env, database = crawl_env
    reset(base_url)
    summary = run_crawl(
        "feed", SOURCE, {"start_urls": [base_url + FEED["url"]], "timeout": 120}, env=env
    )
    rows = query(database, "SELECT * FROM search_vacancy WHERE source = ?", SOURCE)
    return summary, rows, read_log(log)


def test_every_readable_item_is_a_vacancy(feed_crawl):
    summary, rows, _ = feed_crawl
    assert summary.ok, summary.errors
    guids = {vid.removeprefix("feed:") for vid in FEED["vacancy_ids"]}
    assert len(rows) == 5
    assert {row["external_id"] for row in rows} == guids
    expected = {v["id"]: v for v in EXPECTED["vacancies"]}
    for row in rows:
        want = expected["feed:" + row["external_id"]]
        assert row["title"] == want["title"]
        assert row["kind"] == want["kind"]
        assert row["postal_code"] == want["postal_code"]


def test_the_broken_item_is_reported(feed_crawl):
    summary, _, _ = feed_crawl
    for broken in FEED["broken_items"]:
        assert any(broken["guid"] in p["problem"] for p in summary.problems), summary.problems


def test_the_feed_is_fetched_once_politely(feed_crawl):
    _, _, requests = feed_crawl
    paths = [e["path"] for e in requests]
    assert paths[0] == "/robots.txt"
    assert paths.count(FEED["url"]) == 1
    assert all("Lotse" in (e["user_agent"] or "") for e in requests)


def test_manage_crawl_runs_a_source_and_records_the_run(fixture_server, crawl_env):
    base_url, _ = fixture_server
    env, database = crawl_env
    reset(base_url)
    created = manage(
        "shell",
        "-c",
        "from crawlers.models import Source; Source.objects.update_or_create(key='feed-cmd',"
        f" defaults=dict(name='Feed', kind='feed', start_urls={base_url + FEED['url']!r}))",
        env=env,
    )
    assert created.returncode == 0, created.stderr
    done = manage("crawl", "feed-cmd", env=env, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    table = dict(
        line.split()[:2]
        for line in done.stdout.splitlines()
        if line.startswith("  ") and ":" not in line
    )
    assert table["items"] == "5" and table["new"] == "5" and table["problems"] == "1", done.stdout
    assert "[1/3]" in done.stdout and "[3/3]" in done.stdout
    runs = query(
        database,
        "SELECT r.* FROM crawlers_crawlrun r JOIN crawlers_source s ON s.id = r.source_id"
        " WHERE s.key = 'feed-cmd'",
    )
    assert len(runs) == 1
    assert runs[0]["new"] == 5 and runs[0]["finished_at"]
    stored = query(database, "SELECT * FROM search_vacancy WHERE source = 'feed-cmd'")
    assert len(stored) == 5


def test_manage_crawl_names_the_known_sources_for_an_unknown_key(crawl_env):
    env, _ = crawl_env
    done = manage("crawl", "no-such-source", env=env)
    assert done.returncode != 0
    assert "no-such-source" in done.stderr
    assert "Known sources" in done.stderr
