"""Career site, BA Jobsuche and feed crawled into ONE catalogue: duplicates are merged.

Each crawl runs in its own process against the same fresh SQLite file, in the
order production would meet them: career site, then BA, then the feed.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from crawlers.run import run_crawl
from tests.crawlers.harness import EXPECTED, fresh_installation, needs_fixtures, query, reset

SITE, BA, FEED = "all-karriere", "all-ba", "all-feed"

pytestmark = [
    pytest.mark.slow,
    needs_fixtures,
]


@pytest.fixture(scope="module")
def catalogue(fixture_server, tmp_path_factory):
    base_url, _log = fixture_server
    env, database = fresh_installation(tmp_path_factory.mktemp("lotse-data"))
    reset(base_url)
    runs = {
        SITE: run_crawl(
            "site",
            SITE,
            {
                "start_urls": [f"{base_url}/karriere/"],
                "sitemap_urls": [f"{base_url}/sitemap.xml"],
                "timeout": 300,
            },
            env=env,
        ),
        BA: run_crawl("ba_jobsuche", BA, {"base_url": base_url, "timeout": 300}, env=env),
        FEED: run_crawl(
            "feed", FEED, {"start_urls": [f"{base_url}/feeds/stellen.rss"], "timeout": 120}, env=env
        ),
    }
    return runs, query(database, "SELECT * FROM search_vacancy")


def row_for(rows: list[dict], vacancy_id: str) -> dict:
    """The stored record an expected.json id names."""
    prefix, _, rest = vacancy_id.partition(":")
    if prefix == "web":
        path = rest.split("#")[0]
        found = [r for r in rows if r["source"] == SITE and urlsplit(r["url"]).path == path]
    elif prefix == "ba":
        found = [r for r in rows if r["source"] == BA and r["external_id"] == rest]
    else:
        found = [r for r in rows if r["source"] == FEED and r["external_id"] == rest]
    assert len(found) == 1, (vacancy_id, found)
    return found[0]


def test_every_run_succeeds(catalogue):
    runs, _ = catalogue
    for key, summary in runs.items():
        assert summary.ok, (key, summary.errors)


def test_all_records_are_stored(catalogue):
    _, rows = catalogue
    counts = EXPECTED["counts"]
    assert len(rows) == counts["vacancies"] == 80
    by_source = {key: sum(r["source"] == key for r in rows) for key in (SITE, BA, FEED)}
    assert by_source == {
        SITE: counts["by_source"]["career_page"],
        BA: counts["by_source"]["ba_api"],
        FEED: counts["by_source"]["feed"],
    }


@pytest.mark.parametrize(
    "group", EXPECTED.get("duplicate_groups", []), ids=lambda g: " + ".join(g["ids"])
)
def test_each_duplicate_group_is_merged_with_provenance(catalogue, group):
    _, rows = catalogue
    members = [row_for(rows, vacancy_id) for vacancy_id in group["ids"]]
    originals = [m for m in members if m["duplicate_of_id"] is None]
    duplicates = [m for m in members if m["duplicate_of_id"] is not None]
    assert len(originals) == 1, f"{group['ids']} not merged ({group['why']})"
    for duplicate in duplicates:
        assert duplicate["duplicate_of_id"] == originals[0]["id"]
    # Provenance: every member keeps its own source and link.
    assert len({m["source"] for m in members}) == len(members)
    assert all(m["url"] for m in members)


def test_no_other_records_are_merged(catalogue):
    _, rows = catalogue
    by_id = {r["id"]: r for r in rows}
    in_groups = {row_for(rows, i)["id"] for g in EXPECTED["duplicate_groups"] for i in g["ids"]}
    wrong = [
        " = ".join(
            f"{r['source']}/{r['external_id']} {r['title']!r} {r['employer']!r} {r['postal_code']}"
            for r in (row, by_id[row["duplicate_of_id"]])
        )
        for row in rows
        if row["duplicate_of_id"] is not None and row["id"] not in in_groups
    ]
    assert not wrong, f"merged although expected.json keeps them apart: {wrong}"
    distinct = [r for r in rows if r["duplicate_of_id"] is None]
    assert len(distinct) == EXPECTED["counts"]["after_merging_duplicates"] == 78
