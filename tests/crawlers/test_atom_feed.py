"""An Atom job feed (feed_fixtures/stellen.atom): read by the parser, crawled into the catalogue.

The shared fixtures hold an RSS feed only; this one is the project's own. It
has what real Atom feeds do: `xml:base` with relative links, several `link`s
per entry of which `rel="alternate"` is the posting, escaped HTML content with
a script and handlers, a summary-only entry, inline XHTML, entries with only
`updated`, and an entry without a title.
"""

from __future__ import annotations

import datetime as dt
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from crawlers.feeds import vacancies_from_feed
from crawlers.run import run_crawl
from search.vacancies import AUSBILDUNG, JOB, TEILZEIT, VOLLZEIT, WEITERBILDUNG, Place
from tests.crawlers.harness import query

FIXTURES = Path(__file__).parent / "feed_fixtures"
FEED_PATH = "/stellenboerse/feed.atom"
BASE_URL = "http://127.0.0.1:8765"
SOURCE = "atom-test"
ENTRY = "tag:stellen.example,2026:gotha-ost/{}".format


def read(base_url: str = BASE_URL):
    content = (FIXTURES / "stellen.atom").read_bytes()
    return vacancies_from_feed(
        content, base_url + FEED_PATH, source=SOURCE, content_type="application/atom+xml"
    )


def by_entry(number: int):
    return next(v for v in read().vacancies if v.external_id == ENTRY(number))


# --- the parser ------------------------------------------------------------------------


def test_every_titled_entry_is_a_vacancy_of_its_kind():
    kinds = {v.external_id: v.kind for v in read().vacancies}
    assert kinds == {ENTRY(1041): JOB, ENTRY(1042): AUSBILDUNG, ENTRY(1043): WEITERBILDUNG}


def test_the_entry_without_title_is_reported_not_stored():
    assert read().problems == [
        f"Item 4 (guid {ENTRY(1044)}) at {BASE_URL}/stellenboerse/anzeigen/1044.html"
        " has no title; skipped."
    ]


def test_the_link_is_the_alternate_one_resolved_against_xml_base():
    assert by_entry(1041).url == f"{BASE_URL}/stellenboerse/anzeigen/1041.html"  # not the PDF
    assert by_entry(1042).url == f"{BASE_URL}/stellenboerse/anzeigen/1042.html"  # no rel at all
    assert by_entry(1043).url == "https://bildung.example/kurse/pflege-umschulung"  # not related


def test_html_content_is_the_description_without_script_or_handlers():
    description = by_entry(1041).description
    assert "<p>Wareneingang, Kommissionierung und Versand in <strong>Vollzeit</strong>.</p>" in (
        description
    )
    assert "Staplerschein wird bezahlt." in description
    for vector in ("script", "alert", "onclick", "steal", "javascript:"):
        assert vector not in description


def test_a_summary_only_entry_keeps_its_teaser_sanitised():
    description = by_entry(1042).description
    assert description == (
        "<p>Start: 1. August 2027, Teilzeit möglich.</p><p>Arbeitsort: 99869 Drei Gleichen</p>"
    )


def test_inline_xhtml_content_is_read_and_sanitised():
    description = by_entry(1043).description
    assert "<p>Drei Jahre, gefördert mit Bildungsgutschein.</p>" in description
    assert 'href="https://bildung.example/anmeldung"' in description
    assert "onmouseover" not in description and "alert" not in description


def test_html_in_the_title_becomes_text():
    assert by_entry(1043).title == "Umschulung Pflegefachkraft (m/w/d)"


def test_the_posted_date_is_published_else_updated_as_written():
    assert by_entry(1041).posted == dt.date(2026, 11, 16)  # published, not updated (18th)
    assert by_entry(1042).posted == dt.date(2026, 11, 12)  # 01:45 UTC on the 13th


def test_employer_place_and_working_time():
    first, second = by_entry(1041), by_entry(1042)
    assert first.employer == "Logistikzentrum Siebleben GmbH"
    assert second.employer == "Stadtwerke Gotha-Ost & Co. KG"
    assert first.places == (Place(postal_code="99867", city="Gotha"),)
    assert second.places == (Place(postal_code="99869", city="Drei Gleichen"),)  # from the text
    assert (first.working_time, second.working_time) == (
        frozenset({VOLLZEIT}),
        frozenset({TEILZEIT}),
    )
    assert {v.language for v in read().vacancies} == {"de"}


# --- a crawl of the feed ----------------------------------------------------------------


class FeedServer(BaseHTTPRequestHandler):
    """The feed at FEED_PATH as application/atom+xml; everything else (robots.txt too) 404."""

    paths: list[str] = []

    def do_GET(self) -> None:
        self.paths.append(self.path)
        if self.path != FEED_PATH:
            self.send_error(404)
            return
        body = (FIXTURES / "stellen.atom").read_bytes()
        self.send_response(200)
        self.send_header("Content-Type", "application/atom+xml; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def feed_server():
    FeedServer.paths = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), FeedServer)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", FeedServer.paths
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def atom_crawl(feed_server, crawl_env):
    base_url, paths = feed_server
    env, database = crawl_env
    summary = run_crawl(
        "feed", SOURCE, {"start_urls": [base_url + FEED_PATH], "timeout": 120}, env=env
    )
    rows = query(database, "SELECT * FROM search_vacancy WHERE source = ?", SOURCE)
    return base_url, summary, {row["external_id"]: row for row in rows}, list(paths)


@pytest.mark.slow
def test_the_crawl_stores_the_three_vacancies(atom_crawl):
    base_url, summary, rows, _ = atom_crawl
    assert summary.ok, summary.errors
    assert summary.new == 3 == len(rows)
    assert {key: row["kind"] for key, row in rows.items()} == {
        ENTRY(1041): "job",
        ENTRY(1042): "ausbildung",
        ENTRY(1043): "weiterbildung",
    }
    first = rows[ENTRY(1041)]
    assert first["url"] == f"{base_url}/stellenboerse/anzeigen/1041.html"
    assert (first["employer"], first["postal_code"], first["city"]) == (
        "Logistikzentrum Siebleben GmbH",
        "99867",
        "Gotha",
    )
    assert str(first["posted"]) == "2026-11-16"


@pytest.mark.slow
def test_no_stored_description_carries_a_script(atom_crawl):
    _, _, rows, _ = atom_crawl
    for row in rows.values():
        for vector in ("<script", "alert(", "onclick", "onerror", "onmouseover", "javascript:"):
            assert vector not in row["description"], (row["external_id"], vector)


@pytest.mark.slow
def test_the_untitled_entry_is_a_problem_of_the_run(atom_crawl):
    _, summary, rows, _ = atom_crawl
    assert ENTRY(1044) not in rows
    assert any(ENTRY(1044) in problem["problem"] for problem in summary.problems)


@pytest.mark.slow
def test_the_crawl_asks_robots_txt_then_the_feed_once(atom_crawl):
    _, _, _, paths = atom_crawl
    assert paths == ["/robots.txt", FEED_PATH]
