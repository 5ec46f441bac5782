"""What the crawl tests share: the fixture server, a fresh installation, its rows.

The fixtures live in shared/ beside the checkout (`../shared/fixtures`); set
LOTSE_CRAWLER_FIXTURES to use another copy.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.processes import REPO, clean_env, manage


def _fixtures_folder() -> Path:
    if "LOTSE_CRAWLER_FIXTURES" in os.environ:
        return Path(os.environ["LOTSE_CRAWLER_FIXTURES"])
    beside = REPO.parent / "shared" / "fixtures"
    return beside if beside.exists() else Path("/work/shared/fixtures")


FIXTURES = _fixtures_folder()
EXPECTED = json.loads((FIXTURES / "expected.json").read_text()) if FIXTURES.exists() else {}
needs_fixtures = pytest.mark.skipif(
    not FIXTURES.exists() and not os.environ.get("CI"),  # in CI missing fixtures must fail
    reason="crawler fixtures not found",
)


@contextmanager
def fixture_server(log: Path) -> Iterator[str]:
    """shared/fixtures/serve.py on a free loopback port; yields its base URL."""
    process = subprocess.Popen(
        [sys.executable, str(FIXTURES / "serve.py"), "0", "--log", str(log)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    line = process.stdout.readline()  # "serving ... on http://127.0.0.1:<port>  log: ..."
    base_url = next((w for w in line.split() if w.startswith("http://127.0.0.1:")), None)
    if base_url is None:
        process.kill()
        pytest.fail(f"the fixture server did not start: {line!r}")
    try:
        yield base_url.rstrip("/")
    finally:
        process.terminate()
        process.wait(timeout=10)


def reset(base_url: str) -> None:
    """Empty the server's request log and re-arm its throttle marks."""
    request = urllib.request.Request(f"{base_url}/__fixture__/reset", method="POST", data=b"")
    with urllib.request.urlopen(request, timeout=10):
        pass


def read_log(log: Path) -> list[dict]:
    return [json.loads(line) for line in log.read_text().splitlines() if line.strip()]


def fresh_installation(data_dir: Path, apps: tuple[str, ...] = ("search",)):
    """The environment of a Lotse installation on a new, migrated SQLite file."""
    env = clean_env(LOTSE_DATA_DIR=str(data_dir), DJANGO_SETTINGS_MODULE="cms.settings.dev")
    for app in apps:
        migrated = manage("migrate", app, "--noinput", env=env)
        assert migrated.returncode == 0, migrated.stderr
    return env, data_dir / "lotse.sqlite3"


def query(database: Path, sql: str, *params: object) -> list[dict]:
    with sqlite3.connect(database) as connection:
        connection.row_factory = sqlite3.Row
        return [dict(row) for row in connection.execute(sql, params)]
