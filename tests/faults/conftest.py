"""Services of the fault tests' own: PostgreSQL, Redis and a three-node Elasticsearch cluster.

The tests stop, restart and kill these, so they never use the shared ones:
each starts once per session through infra/services/*.sh on free loopback
ports, with its state in a fresh folder under /var/tmp (the services' own
users must reach it), and is stopped at the end. For development, set
LOTSE_FAULTS_STATE_DIR to a folder to keep the services running between
sessions (the ports are kept in its ports.json).

Lotse itself runs as processes against them (`Lotse`): Celery workers,
gunicorn, and `python -c` snippets that set up data; the tests read the
results with SQL.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import psycopg
import pytest
import redis

from tests.processes import REPO, clean_env, free_port

SERVICES = REPO / "infra" / "services"
PORTS = ("postgres", "redis", "es_http", "es_transport")
ES_NODES = 3
STOPS_A_NODE = "tests/faults/test_elasticsearch_node.py"
SERVICE_SCRIPTS = ("es-cluster.sh", "redis.sh", "postgres.sh")


@dataclass
class State:
    folder: Path
    ports: dict[str, int]
    keep: bool  # a developer's folder: leave the services running

    def environment(self, **env: str) -> dict[str, str]:
        base = {
            "LOTSE_STATE_DIR": str(self.folder),
            "LOTSE_PG_PORT": str(self.ports["postgres"]),
            "LOTSE_REDIS_PORT": str(self.ports["redis"]),
            "LOTSE_ES_PORT": str(self.ports["es_http"]),
            "LOTSE_ES_TRANSPORT_PORT": str(self.ports["es_transport"]),
            "LOTSE_ES_HEAP": "256m",
            "LOTSE_ES_NODES": str(ES_NODES),
        }
        return {**os.environ, **base, **env}

    def background(self, name: str, *args: str) -> subprocess.Popen:
        log = (self.folder / f"{name}.log").open("ab")
        return subprocess.Popen(
            ["bash", str(SERVICES / name), *args], env=self.environment(), stdout=log, stderr=log
        )

    def script(self, name: str, *args: str, **env: str) -> None:
        done = subprocess.run(
            ["bash", str(SERVICES / name), *args],
            env=self.environment(**env),
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )
        if done.returncode != 0:
            pytest.fail(f"{name} {' '.join(args)} failed:\n{done.stderr[-3000:]}", pytrace=False)


def _consecutive_free_ports(count: int) -> int:
    """The first of `count` free ports in a row (the cluster's nodes take neighbours)."""
    for _ in range(50):
        first = free_port()
        if first + count < 65535 and all(_free(first + n) for n in range(1, count)):
            return first
    raise RuntimeError("no run of free ports found")


def _free(port: int) -> bool:
    with socket.socket() as sock:
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


@pytest.fixture(scope="session")
def state() -> Iterator[State]:
    given = os.environ.get("LOTSE_FAULTS_STATE_DIR")
    fresh = given is None
    folder = Path(given or tempfile.mkdtemp(prefix="lotse-faults.", dir="/var/tmp"))
    folder.mkdir(parents=True, exist_ok=True)
    folder.chmod(0o755)
    saved = folder / "ports.json"
    if saved.exists():
        ports = json.loads(saved.read_text())
    else:
        ports = {
            "postgres": free_port(),
            "redis": free_port(),
            "es_http": _consecutive_free_ports(ES_NODES),
            "es_transport": _consecutive_free_ports(ES_NODES),
        }
        saved.write_text(json.dumps(ports))
    found = State(folder, ports, keep=not fresh)
    yield found
    if not found.keep:
        stopping = [found.background(name, "stop") for name in SERVICE_SCRIPTS]
        for process in stopping:
            process.wait(timeout=300)
        shutil.rmtree(folder, ignore_errors=True)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The test that stops a cluster node runs last: no other has to wait for its restart."""
    last = [item for item in items if item.nodeid.startswith(STOPS_A_NODE)]
    items[:] = [item for item in items if item not in last] + last


# PostgreSQL ----------------------------------------------------------------


def _migrations_digest() -> str:
    """Changes when any of Lotse's migrations does (a kept template is then made anew)."""
    digest = hashlib.sha256()
    for path in sorted(REPO.glob("**/migrations/*.py")):
        if ".venv" not in path.parts:
            digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()[:12]


@dataclass
class Postgres:
    state: State
    template: str = field(default_factory=lambda: f"lotse_faults_{_migrations_digest()}")
    made: list[str] = field(default_factory=list)

    @property
    def port(self) -> int:
        return self.state.ports["postgres"]

    def url(self, database: str) -> str:
        return f"postgres://lotse:lotse@127.0.0.1:{self.port}/{database}"

    def admin(self) -> psycopg.Connection:
        return psycopg.connect(self.url("lotse"), autocommit=True)

    def fresh_database(self, name: str) -> str:
        """A new, migrated database (a copy of the template); its URL."""
        with self.admin() as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            connection.execute(f'CREATE DATABASE "{name}" TEMPLATE "{self.template}"')
        self.made.append(name)
        return self.url(name)

    def stop(self) -> None:
        self.state.script("postgres.sh", "stop")

    def start(self) -> None:
        self.state.script("postgres.sh", "start")


@pytest.fixture(scope="session")
def postgres(state: State, es_starting: subprocess.Popen | None) -> Iterator[Postgres]:
    state.script("postgres.sh", "start")
    service = Postgres(state)
    with service.admin() as connection:
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", (service.template,)
        ).fetchone()
    if not exists:
        with service.admin() as connection:
            connection.execute(f'CREATE DATABASE "{service.template}_new"')
        env = clean_env(
            DJANGO_SETTINGS_MODULE="cms.settings.test",
            DATABASE_URL=service.url(f"{service.template}_new"),
        )
        migrated = subprocess.run(
            [sys.executable, "manage.py", "migrate", "--noinput"],
            cwd=REPO, env=env, capture_output=True, text=True, timeout=600, check=False,
        )  # fmt: skip
        assert migrated.returncode == 0, migrated.stderr[-3000:]
        with service.admin() as connection:
            connection.execute(
                f'ALTER DATABASE "{service.template}_new" RENAME TO "{service.template}"'
            )
    yield service
    with service.admin() as connection:
        for name in service.made:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


# Redis ---------------------------------------------------------------------


@dataclass
class Redis:
    state: State

    @property
    def port(self) -> int:
        return self.state.ports["redis"]

    def url(self, db: int = 0) -> str:
        return f"redis://127.0.0.1:{self.port}/{db}"

    def client(self) -> redis.Redis:
        return redis.Redis(host="127.0.0.1", port=self.port, socket_timeout=5)

    def stop(self) -> None:
        self.state.script("redis.sh", "stop")

    def start(self) -> None:
        self.state.script("redis.sh", "start")


@pytest.fixture(scope="session")
def redis_server(state: State) -> Redis:
    state.script("redis.sh", "start")
    return Redis(state)


@pytest.fixture
def broker(redis_server: Redis) -> str:
    """An empty Redis for one test's queues."""
    redis_server.client().flushall()
    return redis_server.url(0)


# Elasticsearch ---------------------------------------------------------------


@dataclass
class Cluster:
    state: State
    stopped: set[int] = field(default_factory=set)

    @property
    def urls(self) -> list[str]:
        first = self.state.ports["es_http"]
        return [f"http://127.0.0.1:{first + n}" for n in range(ES_NODES)]

    def stop_node(self, number: int) -> None:
        self.stopped.add(number)
        self.state.script("es-cluster.sh", "stop-node", str(number))

    def start_node(self, number: int) -> None:
        self.state.script("es-cluster.sh", "start-node", str(number))
        self.stopped.discard(number)

    def whole(self) -> Cluster:
        for number in sorted(self.stopped):
            self.start_node(number)
        return self


def _reuse_installation(state: State) -> None:
    """Hard-link an Elasticsearch installed by elasticsearch.sh (CI's or the dev one) here.

    A copy of links, not the folder itself: if it is outdated, es-cluster.sh
    reinstalls over the copy and leaves the original alone.
    """
    target = state.folder / "es-cluster" / "home"
    for base in (os.environ.get("LOTSE_STATE_DIR"), str(REPO / ".services")):
        source = Path(base or "/nonexistent") / "elasticsearch" / "home"
        if target.exists() or not (source / ".lotse-installed").exists():
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        copied = subprocess.run(["cp", "-al", str(source), str(target)], check=False)
        if copied.returncode != 0:
            shutil.rmtree(target, ignore_errors=True)
        return


@pytest.fixture(scope="session")
def es_starting(state: State, request) -> Iterator[subprocess.Popen | None]:
    """Start the cluster in the background as soon as the session begins, if a test needs it.

    Its nodes take a minute or two to come up; meanwhile PostgreSQL migrates.
    """
    if not any("cluster" in item.fixturenames for item in request.session.items):
        yield None
        return
    _reuse_installation(state)
    starting = state.background("es-cluster.sh", "start")
    yield starting
    starting.wait(timeout=600)  # before the services are stopped


@pytest.fixture(scope="session")
def es_cluster(state: State, es_starting: subprocess.Popen | None) -> Cluster:
    if es_starting is None or es_starting.wait(timeout=600) != 0:
        state.script("es-cluster.sh", "start")  # fails with the script's message
    return Cluster(state)


@pytest.fixture
def cluster(es_cluster: Cluster) -> Cluster:
    """The cluster with all its nodes (a test that stopped one leaves it to this)."""
    return es_cluster.whole()


# Lotse as processes ------------------------------------------------------------


@dataclass
class Lotse:
    """One installation: its database, broker, index and data folder, run as processes."""

    env: dict[str, str]
    database_url: str
    processes: list[subprocess.Popen] = field(default_factory=list)

    def sql(self, query: str, *params: object) -> list[tuple]:
        with psycopg.connect(self.database_url, autocommit=True) as connection:
            return connection.execute(query, params).fetchall()

    def value(self, query: str, *params: object) -> object:
        return self.sql(query, *params)[0][0]

    def python(self, code: str, timeout: float = 300) -> object:
        """Run `code` (which sets `result`) in a Django process of this installation."""
        program = (
            "import django, json\ndjango.setup()\n"
            + code
            + "\nprint('RESULT ' + json.dumps(result, default=str))"
        )
        done = subprocess.run(
            [sys.executable, "-c", program],
            cwd=REPO, env=self.env, capture_output=True, text=True, timeout=timeout, check=False,
        )  # fmt: skip
        assert done.returncode == 0, done.stderr[-3000:]
        line = next(line for line in done.stdout.splitlines() if line.startswith("RESULT "))
        return json.loads(line.removeprefix("RESULT "))

    def start(self, *args: str, log: Path) -> subprocess.Popen:
        """A long-running process in its own process group (so a kill takes its children)."""
        with log.open("ab") as out:
            process = subprocess.Popen(
                [sys.executable, *args],
                cwd=REPO, env=self.env, stdout=out, stderr=subprocess.STDOUT,
                start_new_session=True,
            )  # fmt: skip
        self.processes.append(process)
        return process

    def worker(self, *queues: str, log: Path) -> subprocess.Popen:
        return self.start(
            "-m", "celery", "-A", "cms", "worker", "--pool", "solo",
            "--queues", ",".join(queues), "--without-mingle", "--without-gossip",
            "--loglevel", "INFO", "--hostname", f"faults-{time.monotonic_ns()}@%h",
            log=log,
        )  # fmt: skip

    @staticmethod
    def kill(process: subprocess.Popen) -> None:
        """SIGKILL the process and everything it started: a machine or container lost."""
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=30)

    def stop_all(self) -> None:
        for process in self.processes:
            if process.poll() is None:
                try:
                    os.killpg(process.pid, signal.SIGTERM)
                    process.wait(timeout=30)
                except (ProcessLookupError, subprocess.TimeoutExpired):
                    self.kill(process)


def lotse_env(
    database_url: str, broker_url: str, data_dir: Path, es_urls: list[str] | None, **extra: str
) -> dict[str, str]:
    env = clean_env(
        DJANGO_SETTINGS_MODULE="cms.settings.test",
        LOTSE_DATA_DIR=str(data_dir),
        DATABASE_URL=database_url,
        CELERY_BROKER_URL=broker_url,
        LOTSE_INDEX_PREFIX=f"faults{time.monotonic_ns()}",
        **extra,
    )
    if es_urls:
        env["ELASTICSEARCH_URL"] = ",".join(es_urls)
        env["ELASTICSEARCH_REPLICAS"] = "1"
    return env


@pytest.fixture
def make_lotse(postgres: Postgres, tmp_path: Path, request) -> Iterator:
    """make_lotse(broker_url, es_urls=None, **env): a fresh installation for this test."""
    made: list[Lotse] = []

    def make(broker_url: str, es_urls: list[str] | None = None, **extra: str) -> Lotse:
        name = re.sub(r"\W", "_", f"faults_{request.node.name[:40].lower()}_{len(made)}")
        database_url = postgres.fresh_database(name)
        env = lotse_env(database_url, broker_url, tmp_path / f"data{len(made)}", es_urls, **extra)
        lotse = Lotse(env, database_url)
        made.append(lotse)
        return lotse

    yield make
    for lotse in made:
        lotse.stop_all()


def wait_until(condition, seconds: float, what: str, every: float = 0.25):
    """Poll condition() until it returns something true; fail naming `what`."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        found = condition()
        if found:
            return found
        time.sleep(every)
    raise AssertionError(f"{what} within {seconds:.0f}s")
