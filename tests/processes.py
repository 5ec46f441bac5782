"""Helpers for tests that run Lotse's own commands and servers as processes."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SERVICE_VARIABLES = ("DATABASE_URL", "CELERY_BROKER_URL", "ELASTICSEARCH_URL", "REDIS_URL")


def clean_env(**overrides: str) -> dict[str, str]:
    """The environment without any service URL: the embedded default."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key.removesuffix("_FILE") not in SERVICE_VARIABLES
    }
    env.pop("DJANGO_SETTINGS_MODULE", None)
    env.update(overrides)
    return env


def manage(
    *args: str, env: dict[str, str], timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def get(url: str, timeout: float = 10) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def wait_for(url: str, status: int = 200, seconds: float = 90, process=None) -> tuple[int, str]:
    """Poll url until it answers with status; fail with what it last said."""
    deadline = time.monotonic() + seconds
    last: tuple[int, str] | str = "no answer"
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise AssertionError(
                f"the process ended with {process.returncode} before {url} answered"
            )
        try:
            last = get(url, timeout=5)
            if last[0] == status:
                return last
        except (urllib.error.URLError, ConnectionError, TimeoutError) as error:
            last = str(error)
        time.sleep(0.25)
    raise AssertionError(f"{url} did not answer {status} within {seconds}s; last: {last}")


def health(url: str) -> tuple[int, dict]:
    status, body = get(url)
    return status, json.loads(body)
