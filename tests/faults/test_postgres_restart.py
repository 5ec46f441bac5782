"""PostgreSQL restarted while gunicorn serves: 503 meanwhile, served again after, no web restart."""

from __future__ import annotations

import threading
import time
import urllib.error
import urllib.request

import pytest

from tests.processes import free_port, wait_for

pytestmark = [pytest.mark.slow, pytest.mark.services("postgres", "redis")]

OUTAGE = 3  # seconds
PAGE = "/api/v2/pages/"  # Wagtail's page API: every answer reads the database


def ask(url: str) -> tuple[int, dict[str, str], str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, dict(response.headers), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read().decode()


def test_requests_get_503_while_the_database_is_down_and_succeed_after_without_a_web_restart(
    make_lotse, broker, postgres, tmp_path
):
    lotse = make_lotse(broker)
    port = free_port()
    web = lotse.start(
        "-m", "gunicorn", "cms.wsgi:application", "--bind", f"127.0.0.1:{port}",
        "--workers", "2", "--timeout", "30", log=tmp_path / "gunicorn.log",
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}{PAGE}"
    wait_for(url, 200, seconds=120, process=web)

    answers: list[tuple[float, int, dict[str, str], str]] = []
    stop = threading.Event()

    def keep_asking() -> None:
        while not stop.is_set():
            started = time.monotonic()
            answers.append((started, *ask(url)))
            time.sleep(0.1)

    asker = threading.Thread(target=keep_asking, daemon=True)
    asker.start()
    try:
        time.sleep(1)
        postgres.stop()
        down = time.monotonic()
        time.sleep(OUTAGE)
        postgres.start()
        back = time.monotonic()
        time.sleep(3)
    finally:
        stop.set()
        asker.join(timeout=30)

    assert web.poll() is None, "the web server must not need a restart"
    during = [answer for answer in answers if down < answer[0] < down + OUTAGE - 0.5]
    after = [answer for answer in answers if answer[0] > back]
    assert during and after
    assert {status for _, status, _, _ in answers} <= {200, 503}
    for _, status, headers, body in during:
        assert status == 503, body[:300]
        assert headers["Retry-After"] == "30"
        assert "Traceback" not in body and "OperationalError" not in body
        assert "gleich wieder da" in body
    assert [status for _, status, _, _ in after] == [200] * len(after)
