"""A whole crawl of the fixture career site, run the way production runs it.

The crawl runs in its own process (`crawlers.run.run_crawl`) against a fresh
SQLite file, and the fixture server's request log shows how politely it asked.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from crawlers.run import RunSummary, run_crawl
from tests.crawlers.harness import EXPECTED, needs_fixtures, query, read_log, reset
from tests.processes import clean_env, manage

SOURCE = "karriere-partnerbetriebe"

pytestmark = [
    pytest.mark.slow,
    needs_fixtures,
]


def required_career_vacancies() -> Counter[str]:
    """How many required vacancies each career page holds, by path."""
    return Counter(
        v["source_url"]
        for v in EXPECTED["vacancies"]
        if v["source"] == "career_page" and v["required"]
    )


def vacancy_rows(database: Path) -> list[dict]:
    return query(database, "SELECT * FROM search_vacancy WHERE source = ?", SOURCE)


@pytest.fixture(scope="module")
def site_crawl(fixture_server, crawl_env) -> tuple[RunSummary, list[dict], list[dict]]:
    base_url, log = fixture_server
    env, database = crawl_env
    reset(base_url)
    summary = run_crawl(
        "site",
        SOURCE,
        {
            "start_urls": [f"{base_url}/karriere/"],
            "sitemap_urls": [f"{base_url}/sitemap.xml"],
            "concurrency": 2,
            "timeout": 300,
        },
        env=env,
    )
    return summary, vacancy_rows(database), read_log(log)


def test_crawl_finishes_without_errors(site_crawl):
    summary, _, _ = site_crawl
    assert summary.ok, summary.errors
    assert summary.exit_code == 0
    assert summary.requests > 0


def test_every_required_career_page_vacancy_is_in_the_catalogue(site_crawl):
    summary, rows, _ = site_crawl
    found = Counter(urlsplit(row["url"]).path for row in rows)
    expected = required_career_vacancies()
    missing = {path: n for path, n in expected.items() if found[path] < n}
    assert not missing, f"missing vacancies: {missing}; found {dict(found)}"
    assert summary.new == len(rows)


def test_no_robots_disallowed_path_is_requested(site_crawl):
    _, rows, requests = site_crawl
    paths = {entry["path"] for entry in requests}
    assert not paths & set(EXPECTED["robots_disallowed"])
    assert not any(urlsplit(row["url"]).path in EXPECTED["robots_disallowed"] for row in rows)


def test_robots_txt_is_fetched_before_anything_else(site_crawl):
    _, _, requests = site_crawl
    assert requests, "the crawl made no requests"
    assert requests[0]["path"] == "/robots.txt"


def test_every_request_names_lotse(site_crawl):
    _, _, requests = site_crawl
    agents = {entry["user_agent"] for entry in requests}
    assert all("Lotse" in (agent or "") for agent in agents), agents


def test_throttled_listing_page_is_retried_and_its_vacancies_kept(site_crawl):
    summary, rows, requests = site_crawl
    answers = [e["status"] for e in requests if e["path"] == "/karriere/seite-2.html"]
    assert answers[:2] == [429, 200], answers
    assert summary.retried >= 1
    # seite-2 links to the pages below; they must all have been read.
    listed = {
        "/karriere/sonnenkorn/ausbildung-baecker.html",
        "/karriere/seelogistik/berufskraftfahrer.html",
        "/karriere/druckhaus/medientechnologe.html",
    }
    assert listed <= {urlsplit(row["url"]).path for row in rows}


def test_the_sitemap_404_is_reported_as_a_problem(site_crawl):
    summary, _, _ = site_crawl
    reported = {urlsplit(p["url"]).path for p in summary.problems if "404" in p["problem"]}
    assert set(EXPECTED["not_found_pages"]) <= reported


def test_broken_pages_do_not_stop_the_crawl(site_crawl):
    summary, rows, _ = site_crawl
    paths = {urlsplit(row["url"]).path for row in rows}
    for page in EXPECTED["broken_pages"]:
        if page["must"] == "recover":
            assert page["url"] in paths
        else:
            reported = {urlsplit(p["url"]).path for p in summary.problems}
            assert page["url"] in paths | reported
    assert summary.ok


def test_stored_descriptions_are_sanitised(site_crawl):
    _, rows, _ = site_crawl
    for row in rows:
        for bad in EXPECTED["description_must_not_contain"]:
            assert bad not in row["description"], (row["url"], bad)


def test_pages_without_vacancies_yield_none(site_crawl):
    _, rows, _ = site_crawl
    paths = {urlsplit(row["url"]).path for row in rows}
    assert not paths & {page["url"] for page in EXPECTED["no_vacancy_pages"]}


def test_a_second_run_changes_nothing_and_removes_nothing(fixture_server, crawl_env, site_crawl):
    base_url, _ = fixture_server
    env, database = crawl_env
    reset(base_url)
    summary = run_crawl(
        "site",
        SOURCE,
        {"start_urls": [f"{base_url}/karriere/"], "sitemap_urls": [f"{base_url}/sitemap.xml"]},
        env=env,
    )
    assert summary.ok, summary.errors
    assert (summary.new, summary.updated) == (0, 0)
    assert summary.unchanged == len(site_crawl[1])
    assert summary.removed == 0
    assert len(vacancy_rows(database)) == len(site_crawl[1])


def test_crawl_url_prints_the_vacancies_of_one_page_as_json(fixture_server, tmp_path):
    base_url, _ = fixture_server
    url = f"{base_url}/karriere/sonnenkorn/stellen.html"
    env = clean_env(LOTSE_DATA_DIR=str(tmp_path))
    done = manage("crawl_url", url, "--json", env=env)
    assert done.returncode == 0, done.stderr
    shown = json.loads(done.stdout)
    titles = sorted(v["title"] for v in shown["vacancies"])
    expected = sorted(
        v["title"]
        for v in EXPECTED["vacancies"]
        if v["source_url"] == "/karriere/sonnenkorn/stellen.html"
    )
    assert titles == expected
    assert isinstance(shown["problems"], list)


def test_crawl_url_refuses_a_robots_disallowed_page(fixture_server, tmp_path):
    base_url, log = fixture_server
    reset(base_url)
    done = manage(
        "crawl_url",
        f"{base_url}/intern/schichtleitung.html",
        "--json",
        env=clean_env(LOTSE_DATA_DIR=str(tmp_path)),
    )
    assert done.returncode != 0
    assert "robots.txt" in done.stderr
    assert "/intern/schichtleitung.html" not in {e["path"] for e in read_log(log)}


def test_retry_after_is_read_as_seconds_or_as_an_http_date():
    import datetime as dt

    from crawlers.middlewares import retry_after_seconds

    now = dt.datetime(2026, 11, 21, 12, 0, tzinfo=dt.UTC)
    assert retry_after_seconds(b"2") == 2.0
    assert retry_after_seconds("Sat, 21 Nov 2026 12:00:05 GMT", now=now) == 5.0
    assert retry_after_seconds("Sat, 21 Nov 2026 11:00:00 GMT", now=now) == 0.0
    assert retry_after_seconds("soon") is None
