"""Cold start and memory of the embedded default, as `infra/run.sh` runs it.

Baselines, measured in the same run on the same machine:
- cold start: gunicorn serving a one-line WSGI app, from launch to first 200;
- memory: a bare Python interpreter that has imported nothing.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import psutil
from harness import REPO, Metric, benchmark

RUNS = int(os.environ.get("LOTSE_BENCH_RUNS", "3"))
SERVICE_VARIABLES = ("DATABASE_URL", "CELERY_BROKER_URL", "ELASTICSEARCH_URL", "REDIS_URL")
HELLO_APP = (
    "def application(environ, start_response):\n"
    "    start_response('200 OK', [('Content-Type', 'text/plain')])\n"
    "    return [b'ok']\n"
)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _embedded_env(data_dir: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in SERVICE_VARIABLES}
    env.update(
        DJANGO_SETTINGS_MODULE="cms.settings.dev",
        LOTSE_DATA_DIR=str(data_dir),
        LOTSE_HEARTBEAT_SECONDS="1",
    )
    return env


def _get(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, b""


def _seconds_until_200(url: str, process: subprocess.Popen[bytes], started: float) -> float:
    while time.monotonic() - started < 180:
        if process.poll() is not None:
            raise RuntimeError(f"the process ended with {process.returncode} before {url} answered")
        try:
            if _get(url)[0] == 200:
                return time.monotonic() - started
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.05)
    raise RuntimeError(f"{url} gave no 200 within 180 s")


def _stop(process: subprocess.Popen[bytes]) -> None:
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@contextmanager
def _lotse(data_dir: Path) -> Iterator[tuple[subprocess.Popen[bytes], str, float]]:
    """Launch the embedded default; yield it with its URL once /healthz says 200."""
    port = _free_port()
    started = time.monotonic()
    process = subprocess.Popen(
        [sys.executable, "manage.py", "serve", "--port", str(port)],
        cwd=REPO,
        env=_embedded_env(data_dir),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        seconds = _seconds_until_200(f"{base}/healthz", process, started)
        yield process, base, seconds
    finally:
        _stop(process)


def _hello_cold_start(folder: Path) -> float:
    (folder / "hello.py").write_text(HELLO_APP)
    port = _free_port()
    started = time.monotonic()
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "hello:application", "--bind", f"127.0.0.1:{port}"],
        cwd=folder,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        return _seconds_until_200(f"http://127.0.0.1:{port}/", process, started)
    finally:
        _stop(process)


@benchmark("cold_start")
def cold_start() -> list[Metric]:
    first, again, hello = [], [], []
    for _ in range(RUNS):
        with tempfile.TemporaryDirectory(prefix="lotse-bench-") as folder:
            data = Path(folder)
            with _lotse(data) as (_, _, seconds):
                first.append(seconds)
            with _lotse(data) as (_, _, seconds):
                again.append(seconds)
            hello.append(_hello_cold_start(data))
    baseline = round(statistics.median(hello), 3)
    return [
        Metric(
            "cold_start_seconds",
            round(statistics.median(again), 3),
            "s",
            "gunicorn_hello_world_seconds",
            baseline,
            "launch of the run command to the first 200 on /healthz, data folder"
            f" already set up; median of {RUNS}",
        ),
        Metric(
            "cold_start_first_run_seconds",
            round(statistics.median(first), 3),
            "s",
            "gunicorn_hello_world_seconds",
            baseline,
            "the same on a fresh data folder: migrations, demo content and admin account included",
        ),
    ]


def _pss_and_rss(processes: list[psutil.Process]) -> tuple[float, float]:
    pss = rss = 0
    for process in processes:
        info = process.memory_full_info()
        pss += info.pss
        rss += info.rss
    return pss / 2**20, rss / 2**20


def _role(process: psutil.Process) -> str:
    cmdline = " ".join(process.cmdline())
    for role in ("gunicorn", "worker", "beat"):
        if role in cmdline:
            return {"gunicorn": "web"}.get(role, role)
    return "other"


def _wait_for_heartbeat(base: str) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if json.loads(_get(f"{base}/healthz")[1]).get("worker_last_seen"):
            return
        time.sleep(0.5)
    raise RuntimeError("the worker ran no heartbeat within 60 s")


@benchmark("memory")
def memory() -> list[Metric]:
    with (
        tempfile.TemporaryDirectory(prefix="lotse-bench-") as folder,
        _lotse(Path(folder)) as (
            process,
            base,
            _,
        ),
    ):
        _wait_for_heartbeat(base)
        for _ in range(20):  # let the web workers import what a page view needs
            _get(f"{base}/")
            _get(f"{base}/admin/login/")
        by_role: dict[str, list[psutil.Process]] = {"web": [], "worker": [], "beat": []}
        for child in psutil.Process(process.pid).children(recursive=True):
            by_role.setdefault(_role(child), []).append(child)
        web_pss, web_rss = _pss_and_rss(by_role["web"])
        worker_pss, worker_rss = _pss_and_rss(by_role["worker"])
        beat_pss, _ = _pss_and_rss(by_role["beat"])
    bare = subprocess.Popen([sys.executable, "-S", "-c", "import time; time.sleep(60)"])
    try:
        time.sleep(0.5)
        bare_pss, _ = _pss_and_rss([psutil.Process(bare.pid)])
    finally:
        bare.kill()
        bare.wait()
    baseline = round(bare_pss, 1)
    return [
        Metric(
            "memory_web_worker_pss_mb",
            round(web_pss + worker_pss, 1),
            "MiB",
            "bare_python_pss_mb",
            baseline,
            f"proportional set size of gunicorn (master + 2 workers) and the Celery worker; "
            f"resident sum {web_rss + worker_rss:.0f} MiB counts shared pages twice",
        ),
        Metric("memory_web_pss_mb", round(web_pss, 1), "MiB", "bare_python_pss_mb", baseline),
        Metric("memory_worker_pss_mb", round(worker_pss, 1), "MiB", "bare_python_pss_mb", baseline),
        Metric("memory_beat_pss_mb", round(beat_pss, 1), "MiB", "bare_python_pss_mb", baseline),
    ]
