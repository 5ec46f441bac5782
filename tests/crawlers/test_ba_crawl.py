"""A whole crawl of the Bundesagentur Jobsuche emulation, run the way production runs it.

The crawl runs in its own process against a fresh SQLite file; the fixture
server's request log shows what it asked for and how.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from crawlers.run import RunSummary, command, run_crawl
from tests.crawlers.harness import EXPECTED, needs_fixtures, query, read_log, reset

SOURCE = "ba-jobsuche-test"

pytestmark = [
    pytest.mark.slow,
    needs_fixtures,
]


def expected_ba() -> dict[str, dict]:
    return {v["refnr"]: v for v in EXPECTED["vacancies"] if v["source"] == "ba_api"}


def vacancy_rows(database: Path) -> list[dict]:
    return query(database, "SELECT * FROM search_vacancy WHERE source = ?", SOURCE)


def crawl_ba(base_url: str, env: dict[str, str]) -> RunSummary:
    return run_crawl(
        "ba_jobsuche",
        SOURCE,
        {"base_url": base_url, "offer_types": "1,4,34", "timeout": 300},
        env=env,
    )


@pytest.fixture(scope="module")
def ba_crawl(fixture_server, crawl_env) -> tuple[RunSummary, list[dict], list[dict]]:
    base_url, log = fixture_server
    env, database = crawl_env
    reset(base_url)
    summary = crawl_ba(base_url, env)
    return summary, vacancy_rows(database), read_log(log)


def test_crawl_finishes_without_errors(ba_crawl):
    summary, rows, _ = ba_crawl
    assert summary.ok, summary.errors
    assert summary.exit_code == 0
    assert summary.new == len(rows) == summary.items


def test_every_posting_is_stored_once_with_its_kind(ba_crawl):
    _, rows, _ = ba_crawl
    expected = expected_ba()
    assert len(rows) == 62
    assert {row["external_id"] for row in rows} == set(expected)
    assert Counter(row["kind"] for row in rows) == {"job": 40, "ausbildung": 14, "praktikum": 8}
    for row in rows:
        assert row["kind"] == expected[row["external_id"]]["kind"], row["external_id"]
        assert row["title"], row["external_id"]


def test_postings_without_detail_keep_their_search_list_fields(ba_crawl):
    _, rows, requests = ba_crawl
    by_refnr = {row["external_id"]: row for row in rows}
    missing = EXPECTED["ba_api"]["detail_missing_refnrs"]
    assert len(missing) == 4
    for refnr in missing:
        row = by_refnr[refnr]
        assert row["title"] == expected_ba()[refnr]["title"]
        assert row["working_time_stated"] == 0  # unknown without the detail
        assert row["valid_through"] is None
    not_found = [e for e in requests if e["status"] == 404]
    assert len(not_found) == 4
    assert all(e["path"].startswith("/pc/v4/jobdetails/") for e in not_found)


def test_expired_postings_are_marked_expired(ba_crawl):
    _, rows, _ = ba_crawl
    by_refnr = {row["external_id"]: row for row in rows}
    expired = [i.removeprefix("ba:") for i in EXPECTED["expired_ids"] if i.startswith("ba:")]
    assert len(expired) == 3
    for refnr in expired:
        assert by_refnr[refnr]["state"] == "expired", refnr
        assert by_refnr[refnr]["valid_through"] == expected_ba()[refnr]["valid_through"]


def test_throttled_search_is_retried(ba_crawl):
    summary, rows, requests = ba_crawl
    answers = [
        e["status"]
        for e in requests
        if e["path"].startswith("/pc/v4/jobs?")
        and parse_qs(urlsplit(e["path"]).query).get("angebotsart") == ["4"]
    ]
    assert answers[:2] == [429, 200], answers
    assert summary.retried >= 1
    assert sum(row["kind"] == "ausbildung" for row in rows) == 14


def test_every_request_carried_the_api_key(ba_crawl):
    # The server answers 401 without the key and 403 with a wrong one; the log has no headers.
    _, _, requests = ba_crawl
    assert requests
    assert not [e for e in requests if e["status"] in (400, 401, 403)]
    assert all("Lotse" in (e["user_agent"] or "") for e in requests)


def test_paging_never_goes_beyond_the_window(ba_crawl):
    _, _, requests = ba_crawl
    searches = [e for e in requests if urlsplit(e["path"]).path == "/pc/v4/jobs"]
    assert searches
    for entry in searches:
        query = parse_qs(urlsplit(entry["path"]).query)
        page, size = int(query["page"][0]), int(query["size"][0])
        assert size <= 100 and page * size <= 10_000, entry["path"]


def test_each_detail_is_fetched_once_and_robots_txt_not_at_all(ba_crawl):
    _, _, requests = ba_crawl
    details = Counter(e["path"] for e in requests if e["path"].startswith("/pc/v4/jobdetails/"))
    assert len(details) == 62
    assert max(details.values()) == 1
    assert "/robots.txt" not in {e["path"] for e in requests}


def test_a_second_run_changes_nothing(fixture_server, crawl_env, ba_crawl):
    base_url, _ = fixture_server
    env, database = crawl_env
    reset(base_url)
    summary = crawl_ba(base_url, env)
    assert summary.ok, summary.errors
    assert (summary.new, summary.updated, summary.removed) == (0, 0, 0)
    assert summary.unchanged == 62
    assert len(vacancy_rows(database)) == 62


def test_run_command_passes_the_ba_options():
    args = command(
        "ba_jobsuche",
        "ba-gotha",
        {
            "what": "Koch",
            "where": "99867",
            "radius_km": 25,
            "offer_types": ["1", "4"],
            "base_url": "http://127.0.0.1:1",
        },
    )
    assert args[args.index("--what") + 1] == "Koch"
    assert args[args.index("--where") + 1] == "99867"
    assert args[args.index("--radius") + 1] == "25"
    assert args[args.index("--offer-types") + 1] == "1,4"
    assert args[args.index("--base-url") + 1] == "http://127.0.0.1:1"


def test_a_query_too_big_to_page_is_narrowed_and_never_paged_past_the_window():
    from scrapy.http import Request, TextResponse

    from crawlers.spiders.ba import BAJobsucheSpider

    spider = BAJobsucheSpider("ba-test", base_url="http://api.test", offer_types="1")
    query = spider.base_query("1")
    url = "http://api.test/pc/v4/jobs?angebotsart=1&page=1&size=100"

    def first_page(total: int, query: dict[str, str] = query) -> list:
        body = json.dumps({"maxErgebnisse": total, "stellenangebote": []}).encode()
        response = TextResponse(url, body=body, request=Request(url))
        return list(spider.parse_first(response, query))

    narrowed = first_page(25_000)
    assert narrowed and all(isinstance(r, Request) for r in narrowed)
    arbeitszeit = {parse_qs(urlsplit(r.url).query)["arbeitszeit"][0] for r in narrowed}
    assert arbeitszeit == {"vz", "tz", "snw", "ho", "mj"}
    assert all(r.headers.get("X-API-Key") == b"jobboerse-jobsuche" for r in narrowed)

    paged = first_page(250)
    pages = sorted(int(parse_qs(urlsplit(r.url).query)["page"][0]) for r in paged)
    assert pages == [2, 3]

    narrowest = {"angebotsart": "1", "arbeitszeit": "vz", "wo": "99867"}
    capped = first_page(12_345, narrowest)  # cannot be narrowed: first 10,000 only, reported
    requests = [r for r in capped if isinstance(r, Request)]
    assert any("problem" in item for item in capped if isinstance(item, dict))
    assert max(int(parse_qs(urlsplit(r.url).query)["page"][0]) for r in requests) == 100


def test_offer_types_outside_the_collected_kinds_are_refused():
    from crawlers.spiders.ba import offer_type_codes

    assert offer_type_codes(None) == ["1", "4", "34"]
    assert offer_type_codes("4, 34") == ["4", "34"]
    with pytest.raises(ValueError):
        offer_type_codes("2")
