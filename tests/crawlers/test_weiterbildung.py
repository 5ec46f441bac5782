"""The BA Weiterbildungssuche: reading its pages, and a whole crawl against an emulation.

The fixtures are fictional offers around Gotha in the service's response form
(`_embedded.termine`, `page.number` / `page.totalPages`, dates as epoch ms).
The emulation serves them on 127.0.0.1, pages by `page` and refuses requests
without the public client key.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from crawlers import weiterbildung as wb
from crawlers.run import command, run_crawl
from crawlers.spiders.weiterbildung import DEFAULT_API_KEY
from search.vacancies import TEILZEIT, VOLLZEIT, WEITERBILDUNG, Place
from tests.processes import clean_env, manage

FIXTURES = Path(__file__).parent / "weiterbildung_fixtures"
SOURCE = "ba-weiterbildung-test"


def page(number: int) -> dict:
    return json.loads((FIXTURES / f"page-{number}.json").read_text())


def first_item() -> dict:
    return page(0)["_embedded"]["termine"][0]


# --- parsing ----------------------------------------------------------------------


def test_an_offer_becomes_a_weiterbildung_with_its_fields():
    vacancy = wb.vacancy_from_offer(first_item(), source="wb")
    assert vacancy.kind == WEITERBILDUNG
    assert vacancy.external_id == "700000101"
    assert vacancy.title == "Fachkraft Lagerlogistik – Teilqualifikation"
    assert vacancy.employer == "Fiktives Bildungswerk Gotha gGmbH"
    assert vacancy.places == (Place("Beispielweg 4", "99867", "Gotha", 50.9489, 10.7018),)
    assert vacancy.working_time == frozenset({VOLLZEIT})
    assert vacancy.posted == dt.date(2026, 5, 4)
    # Registration closes before the start: that is how long one can apply.
    assert vacancy.valid_through == dt.date(2026, 8, 15)
    assert vacancy.url == "https://web.arbeitsagentur.de/weiterbildungssuche/angebot/800001"
    assert vacancy.extra["beginn"] == "2026-09-01"
    assert vacancy.extra["ende"] == "2027-02-26"
    assert vacancy.extra["kosten"] == "3450.00 EUR"
    assert vacancy.extra["unterrichtsform"] == "Präsenzveranstaltung"
    assert vacancy.extra["angebot_id"] == "800001"


def test_the_description_is_sanitised():
    description = wb.vacancy_from_offer(first_item(), source="wb").description
    assert "<li>Wareneingang</li>" in description
    assert "script" not in description and "alert" not in description
    assert "onclick" not in description
    assert "Praxis im Betrieb" in description


def test_without_registration_end_the_offer_is_valid_until_it_starts():
    item = page(0)["_embedded"]["termine"][1]
    vacancy = wb.vacancy_from_offer(item, source="wb")
    assert vacancy.valid_through == dt.date(2026, 10, 5)
    assert vacancy.working_time == frozenset({TEILZEIT})
    assert vacancy.place.city == "Waltershausen"
    assert "kosten" not in vacancy.extra  # 0.0 is no stated price


def test_epoch_milliseconds_are_read_as_the_german_day():
    # 2026-09-01 00:00 in Berlin is still 31 August in UTC.
    assert wb.parse_day(1788213600000) == dt.date(2026, 9, 1)
    assert wb.parse_day("2026-09-01") == dt.date(2026, 9, 1)
    assert wb.parse_day(None) is None
    assert wb.parse_day(True) is None


def test_an_offer_without_title_or_id_is_refused():
    untitled = page(1)["_embedded"]["termine"][1]
    with pytest.raises(ValueError, match="no title"):
        wb.vacancy_from_offer(untitled, source="wb")
    with pytest.raises(ValueError, match="without id"):
        wb.vacancy_from_offer({**first_item(), "id": None}, source="wb")


def test_odd_values_do_not_break_the_parser():
    item = {
        **first_item(),
        "adresse": {"koordinaten": {"lat": "north", "lon": 10}},
        "unterrichtszeit": "Vollzeit",
        "beginn": "soon",
        "anmeldeschluss": float("nan"),
        "angebot": {"id": 1, "titel": "Kurs", "bildungsanbieter": "?"},
    }
    vacancy = wb.vacancy_from_offer(item, source="wb")
    assert vacancy.places == ()
    assert vacancy.working_time is None
    assert vacancy.valid_through is None
    assert vacancy.employer == ""


def test_the_published_schema_spelling_of_the_address_is_read_too():
    # The schema has "ortStraße" and an integer plz; Dresden's lost its leading zero.
    address = {"strasse": "Kursweg 1", "ortStraße": {"plz": 1067, "name": "Dresden"}}
    vacancy = wb.vacancy_from_offer({**first_item(), "adresse": address}, source="wb")
    assert vacancy.places == (Place("Kursweg 1", "01067", "Dresden"),)


def test_the_total_is_the_announced_number_of_dates():
    assert wb.total_count(page(0)) == 4
    assert wb.total_count({"page": {"totalElements": "4"}}) is None
    assert wb.total_count("nonsense") is None


def test_paging_follows_page_number_and_total_pages():
    assert wb.page_items(page(0))[0]["id"] == 700000101
    assert wb.next_page(page(0)) == 1
    assert wb.next_page(page(1)) is None
    assert wb.next_page({"page": {"number": 3, "totalPages": 900}}, max_pages=4) is None
    assert wb.page_items({"page": {}}) == [] and wb.next_page("nonsense") is None


def test_the_query_uses_the_services_parameters():
    assert wb.search_query("Pflege", "Gotha", 30) == {"sw": "Pflege", "orte": "Gotha", "uk": "50"}
    assert wb.search_query("", "Gotha_10.7018_50.9489", 500)["uk"] == "Bundesweit"
    assert wb.search_query("Pflege", "", 25) == {"sw": "Pflege"}
    assert wb.search_query("", "Gotha", 0)["uk"] == "ort"  # the place itself
    assert wb.page_query({"sw": "x"}, 2) == {"sw": "x", "page": "2"}


def test_the_crawl_command_passes_the_weiterbildung_options():
    args = command("ba_weiterbildung", "wb", {"what": "Pflege", "where": "Gotha", "radius_km": 25})
    assert args[args.index("--kind") + 1] == "ba_weiterbildung"
    assert args[-6:] == ["--what", "Pflege", "--where", "Gotha", "--radius", "25"]


# --- a whole crawl against the emulation ---------------------------------------------


class Emulation(BaseHTTPRequestHandler):
    requests: list[dict] = []

    def do_GET(self) -> None:
        url = urlsplit(self.path)
        query = {key: values[0] for key, values in parse_qs(url.query).items()}
        key = self.headers.get("X-API-Key")
        self.requests.append({"path": url.path, "query": query, "key": key})
        if key != DEFAULT_API_KEY:
            self.answer(403, {"message": "no API key"})
        elif url.path != "/infosysbub/wbsuche" + wb.SEARCH_PATH:
            self.answer(404, {"message": "not found"})
        elif query.get("page", "0") in ("0", "1"):
            self.answer(200, page(int(query.get("page", "0"))))
        else:
            self.answer(200, {"page": {"number": int(query["page"]), "totalPages": 2}})

    def answer(self, status: int, body: dict) -> None:
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def emulation():
    Emulation.requests = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), Emulation)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/infosysbub/wbsuche", Emulation.requests
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def crawl_env(tmp_path_factory):
    data_dir = tmp_path_factory.mktemp("lotse-wb-data")
    env = clean_env(LOTSE_DATA_DIR=str(data_dir), DJANGO_SETTINGS_MODULE="cms.settings.dev")
    migrated = manage("migrate", "search", "--noinput", env=env)
    assert migrated.returncode == 0, migrated.stderr
    return env, data_dir / "lotse.sqlite3"


@pytest.fixture(scope="module")
def wb_crawl(emulation, crawl_env):
    base_url, requests = emulation
    env, database = crawl_env
    summary = run_crawl(
        "ba_weiterbildung",
        SOURCE,
        {"base_url": base_url, "what": "Pflege", "where": "Gotha", "radius_km": 25, "timeout": 180},
        env=env,
    )
    with sqlite3.connect(database) as connection:
        connection.row_factory = sqlite3.Row
        rows = connection.execute("SELECT * FROM search_vacancy WHERE source = ?", (SOURCE,))
        rows = [dict(row) for row in rows]
    return summary, rows, list(requests)


@pytest.mark.slow
def test_a_crawl_stores_every_offer_as_weiterbildung(wb_crawl):
    summary, rows, _ = wb_crawl
    assert summary.ok, summary.errors
    assert summary.new == 3 == len(rows)
    assert {row["external_id"] for row in rows} == {"700000101", "700000102", "700000201"}
    assert {row["kind"] for row in rows} == {"weiterbildung"}
    by_id = {row["external_id"]: row for row in rows}
    assert by_id["700000101"]["employer"] == "Fiktives Bildungswerk Gotha gGmbH"
    assert by_id["700000201"]["valid_through"] == "2026-11-02"
    # The untitled date on page 1 is reported, not stored.
    assert any("700000202" in problem["problem"] for problem in summary.problems)


@pytest.mark.slow
def test_the_crawl_pages_with_the_key_and_the_search_parameters(wb_crawl):
    _, _, requests = wb_crawl
    assert [r["query"]["page"] for r in requests] == ["0", "1"]  # the service counts from 0
    assert all(r["key"] == DEFAULT_API_KEY for r in requests)
    assert requests[0]["query"] == {"sw": "Pflege", "orte": "Gotha", "uk": "25", "page": "0"}


@pytest.mark.slow
def test_a_crawl_whose_search_answers_an_error_fails(emulation, crawl_env):
    base_url, _ = emulation
    env, _ = crawl_env
    summary = run_crawl(
        "ba_weiterbildung",
        "ba-weiterbildung-broken",
        {"base_url": base_url + "/nowhere", "timeout": 180},
        env=env,
    )
    assert not summary.ok
    assert summary.new == 0
    assert "404" in " ".join(summary.errors)
