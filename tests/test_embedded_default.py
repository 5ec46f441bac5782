"""Smoke test: the embedded default boots on a fresh SQLite file with no servers.

It runs the same command as the README's run script (`manage.py serve`) with
no service variables, then checks the home page, the admin login, /healthz and
that beat, broker folder and worker carry a task from end to end.
"""

import signal
import subprocess
import sys
import time

import psutil
import pytest

from tests.processes import REPO, clean_env, free_port, get, health, wait_for

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def embedded(tmp_path_factory):
    data = tmp_path_factory.mktemp("embedded-data")
    port = free_port()
    env = clean_env(LOTSE_DATA_DIR=str(data), LOTSE_HEARTBEAT_SECONDS="1", DEBUG="false")
    log = (data / "serve.log").open("w")
    process = subprocess.Popen(
        [sys.executable, "manage.py", "serve", "--port", str(port), "--web-workers", "1"],
        cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for(f"{base}/healthz", seconds=120, process=process)
        yield base, data, process
    finally:
        children = psutil.Process(process.pid).children(recursive=True)
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=30)
        log.close()
        _, alive = psutil.wait_procs(children, timeout=15)
        assert not alive, f"still running after the run command stopped: {alive}"


def test_fresh_sqlite_file_is_created_and_migrated(embedded):
    _, data, _ = embedded
    assert (data / "lotse.sqlite3").stat().st_size > 100_000


def test_home_page_is_served(embedded):
    base, _, _ = embedded
    status, html = get(f"{base}/")
    assert status == 200
    assert "Lotse – Wegweiser" in html


def test_admin_login_page_is_served(embedded):
    base, _, _ = embedded
    status, html = get(f"{base}/admin/login/")
    assert status == 200
    assert 'name="password"' in html


def test_static_files_are_served_without_collectstatic(embedded):
    base, _, _ = embedded
    status, css = get(f"{base}/static/cms/base.css")
    assert status == 200 and "focus-visible" in css


def test_healthz_is_ok_on_sqlite_folder_broker_and_embedded_index(embedded):
    base, _, _ = embedded
    status, body = health(f"{base}/healthz")
    assert status == 200
    assert body["checks"]["database"]["detail"] == "sqlite answers"
    assert body["checks"]["broker"]["detail"].startswith("filesystem broker")
    assert body["checks"]["index"]["detail"].startswith("embedded index")


def test_beat_and_worker_run_scheduled_tasks(embedded):
    base, _, _ = embedded
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if health(f"{base}/healthz")[1]["worker_last_seen"]:
            return
        time.sleep(0.5)
    raise AssertionError("no heartbeat from the worker within 60 s")


def test_administrator_password_is_kept_for_its_owner_only(embedded):
    _, data, _ = embedded
    password_file = data / "admin-password.txt"
    assert password_file.read_text().strip()
    assert password_file.stat().st_mode & 0o077 == 0
