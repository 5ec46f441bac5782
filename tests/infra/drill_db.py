"""Databases and indices of their own for the tests that destroy or migrate them.

`migrated_template` (tests/infra/conftest.py) migrates one database per test
session; each `Drill` is a copy of it (CREATE DATABASE ... TEMPLATE, a second
instead of a migration run) on the same PostgreSQL server, with an index
prefix of its own, and is dropped afterwards. The test database is never used.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid
from pathlib import Path

import psycopg
from django.conf import settings
from elasticsearch import Elasticsearch
from psycopg import sql

from tests.processes import REPO, SERVICE_VARIABLES


def server_params() -> dict[str, object]:
    db = settings.DATABASES["default"]
    return {"host": db["HOST"], "port": db["PORT"], "user": db["USER"], "password": db["PASSWORD"]}


def admin(statement: sql.Composable) -> None:
    with psycopg.connect(dbname="postgres", autocommit=True, **server_params()) as conn:
        conn.execute(statement)


def create_database(name: str, template: str | None = None) -> None:
    if template:
        admin(
            sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(
                sql.Identifier(name), sql.Identifier(template)
            )
        )
    else:
        admin(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def drop_database(name: str) -> None:
    admin(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))


def new_name(kind: str) -> str:
    return f"lotse_{kind}_{uuid.uuid4().hex[:10]}"


class Drill:
    """A Lotse installation on a database and index prefix of its own."""

    def __init__(self, tmp_path: Path, template: str | None = None) -> None:
        self.name = new_name("drill")
        self.prefix = f"drill{uuid.uuid4().hex[:8]}"
        self.data_dir = tmp_path / "data"
        params = server_params()
        # The database URL comes from a file, as in production.
        url_file = tmp_path / "database_url"
        url_file.write_text(
            f"postgres://{params['user']}:{params['password']}@{params['host']}:"
            f"{params['port']}/{self.name}\n"
        )
        self.env = {
            key: value
            for key, value in os.environ.items()
            if key not in SERVICE_VARIABLES and not key.endswith("_FILE")
        }
        self.env.update(
            DJANGO_SETTINGS_MODULE="cms.settings.dev",
            DEBUG="false",
            DATABASE_URL_FILE=str(url_file),
            ELASTICSEARCH_URL=",".join(settings.ELASTICSEARCH_URLS),
            LOTSE_INDEX_PREFIX=self.prefix,
            LOTSE_DATA_DIR=str(self.data_dir),
        )
        self.es = Elasticsearch(settings.ELASTICSEARCH_URLS)
        create_database(self.name, template)

    def run(self, *command: str, timeout: float = 300) -> str:
        done = subprocess.run(
            list(command),
            cwd=REPO,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
        assert done.returncode == 0, (
            f"{command} failed:\n{done.stdout[-2000:]}\n{done.stderr[-3000:]}"
        )
        return done.stdout

    def manage(self, *args: str) -> str:
        return self.run(sys.executable, "manage.py", *args)

    def snapshot(self, step: str = "snapshot") -> dict:
        out = self.run(sys.executable, "-m", "tests.infra.drill", step)
        return json.loads(out.strip().splitlines()[-1])

    def applied(self, app: str, migration: str) -> bool:
        with psycopg.connect(dbname=self.name, **server_params()) as conn:
            row = conn.execute(
                "SELECT 1 FROM django_migrations WHERE app = %s AND name = %s", [app, migration]
            ).fetchone()
        return row is not None

    def drop_indices(self) -> None:
        self.es.options(ignore_status=404).indices.delete(
            index=f"{self.prefix}_*", expand_wildcards="all"
        )

    def drop_database(self) -> None:
        drop_database(self.name)

    def close(self) -> None:
        self.drop_database()
        self.drop_indices()
        self.es.close()
