"""The load benchmark's machinery (infra/bench/bench_load.py, load_driver.py), for seconds.

The driver runs Locust in its own process against a small HTTP server on
loopback that answers 200, 500 and a redirect, and against a closed port: it
must time the answers and count the failures by kind, and the benchmark must
turn that into metrics with their baselines and find where latency degrades.
The full run (100,000 vacancies, minutes of load) is `bash infra/bench/run.sh
--only load`.
"""

from __future__ import annotations

import socket
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

BENCH = Path(__file__).resolve().parents[2] / "infra" / "bench"
if str(BENCH) not in sys.path:
    sys.path.insert(0, str(BENCH))

import bench_load  # noqa: E402


class Answers(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # kept-alive connections, as gunicorn's

    def do_GET(self) -> None:
        status, location = 200, None
        if self.path.startswith("/broken"):
            status = 500
        elif self.path.startswith("/moved"):
            status, location = 302, "/ok"
        body = b"<p>answer</p>"
        self.send_response(status)
        if location:
            self.send_header("Location", location)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Answers)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def result(server: str, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    site = [
        ("office_search", "/ok?q=Lager"),
        ("office_vacancy", "/moved"),
        ("guide_api", "/broken"),
    ]
    plan = {
        "host": server,
        "mixes": {
            "site": site,
            "baseline": [("baseline", "/ok")],
            "closed": [("office_search", f"http://127.0.0.1:{closed_port()}/")],
        },
        "steps": [
            {"label": "ramp_c1", "users": 1, "seconds": 1.5, "mix": "site"},
            {"label": "ramp_c3", "users": 3, "seconds": 1.5, "mix": "site"},
            {"label": "c3", "users": 3, "seconds": 1.5, "mix": "site"},
            {"label": "c3_baseline", "users": 3, "seconds": 1.5, "mix": "baseline"},
            {"label": "closed", "users": 2, "seconds": 1, "mix": "closed"},
        ],
        "settle_seconds": 0.5,
        "timeout_seconds": 5,
        "processes": {"server": []},
    }
    return bench_load.drive(plan, tmp_path_factory.mktemp("load"))


@pytest.mark.slow
def test_answers_are_timed_per_group(result):
    step = next(s for s in result["steps"] if s["label"] == "c3")
    search = step["groups"]["office_search"]
    assert search["answered"] > 0
    assert search["errors"] == 0
    assert 0 < search["p50_ms"] <= search["p95_ms"] <= search["p99_ms"]
    assert search["requests_per_s"] > 0
    assert step["all"]["requests"] == sum(g["requests"] for g in step["groups"].values())


@pytest.mark.slow
def test_a_followed_redirect_is_no_error(result):
    vacancy = next(s for s in result["steps"] if s["label"] == "c3")["groups"]["office_vacancy"]
    assert vacancy["answered"] > 0
    assert vacancy["errors"] == 0


@pytest.mark.slow
def test_server_errors_are_counted_by_status(result):
    guide = next(s for s in result["steps"] if s["label"] == "c3")["groups"]["guide_api"]
    assert guide["answered"] == 0
    assert guide["errors"] == guide["requests"] > 0
    assert guide["error_kinds"] == {"HTTP 500": guide["errors"]}
    assert guide["error_examples"]["HTTP 500"].endswith("/broken")


@pytest.mark.slow
def test_a_refused_connection_is_counted_as_an_error(result):
    closed = next(s for s in result["steps"] if s["label"] == "closed")["all"]
    assert closed["answered"] == 0
    assert closed["errors"] > 0
    assert set(closed["error_kinds"]) == {"ConnectionRefusedError"}


@pytest.mark.slow
def test_the_generator_reports_its_own_cpu(result):
    for step in result["steps"]:
        assert step["cpu_percent"]["generator"] > 0
        assert 0 <= step["cpu_percent"]["machine_busy"] <= 100


@pytest.mark.slow
def test_metrics_compare_each_step_with_its_baseline(result):
    metrics = {m.name: m for m in bench_load.metrics_from(result, "smoke")}
    p95 = metrics["load_c3_office_search_p95_ms"]
    assert p95.baseline_name == "load_c3_canned_p95_ms"
    assert p95.baseline_value and p95.ratio
    errors = metrics["load_c3_guide_api_errors"]
    assert errors.value > 0
    assert "HTTP 500" in errors.note
    ramp = metrics["load_ramp_c3_all_p95_ms"]
    assert ramp.baseline_name == "load_ramp_c1_all_p95_ms"
    assert metrics["load_ramp_c1_all_p95_ms"].baseline_name is None
    assert "load_degradation_clients" in metrics
    assert metrics["load_c3_generator_cpu_percent"].value > 0
    assert not any(name.startswith("load_closed") for name in metrics)


def ramp_step(users: int, per_second: float, p95: float) -> dict[str, Any]:
    return {"users": users, "all": {"requests_per_s": per_second, "p95_ms": p95, "errors": 0}}


def test_latency_degrades_where_p95_doubles():
    ramp = [ramp_step(10, 50, 100), ramp_step(25, 100, 150), ramp_step(50, 150, 210)]
    assert bench_load.degradation(ramp)[0] == 50


def test_latency_degrades_where_throughput_stops_rising():
    ramp = [ramp_step(10, 50, 100), ramp_step(25, 100, 120), ramp_step(50, 105, 130)]
    assert bench_load.degradation(ramp)[0] == 50


def test_no_degradation_while_throughput_rises_and_p95_holds():
    ramp = [ramp_step(10, 50, 100), ramp_step(25, 100, 120), ramp_step(50, 180, 150)]
    clients, why = bench_load.degradation(ramp)
    assert clients is None
    assert "up to 50 clients" in why


def test_the_request_mix_keeps_its_proportions_and_form_fields():
    inventory = {
        "vacancies": [3, 5, 8],
        "pages": [1, 2],
        "offers": [2],
        "parents": [1],
        "locales": ["de", "ar"],
        "topics": ["arbeit"],
        "languages": ["uk"],
    }
    mix = bench_load.request_mix(inventory, 2000)
    assert mix == bench_load.request_mix(inventory, 2000)  # the same every run
    share = {group: sum(g == group for g, _ in mix) / len(mix) for group in bench_load.MIX}
    for group, percent in bench_load.MIX.items():
        assert abs(share[group] - percent / 100) < 0.04
    searches = [path for group, path in mix if group == "office_search"]
    assert all("/stellen/suche/?" in path for path in searches)
    assert any("kind=job" in path for path in searches)
    assert not any("kind=job%2C" in path or "postal_code" in path for path in searches)
    assert all(path.startswith("/api/v2/") for group, path in mix if group == "guide_api")


def test_a_bad_duration_is_refused_with_its_name(monkeypatch):
    monkeypatch.setenv("LOTSE_BENCH_LOAD_SECONDS", "five")
    with pytest.raises(ValueError, match="LOTSE_BENCH_LOAD_SECONDS='five'"):
        bench_load.plan_steps()
