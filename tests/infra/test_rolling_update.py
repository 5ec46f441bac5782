"""A rolling update's steps keep the site serving (infra/deploy/README.md).

The order: migrate first (migrations must be backward compatible, so the
running version works on the new schema), then roll web and workers, then
rebuild the vacancy index, which swaps an alias. These tests hold the two
steps that happen while the old web serves: a migration applied under load,
and `search_rebuild` under load. (That searches never fail while an index is
swapped is held at the index level in tests/search; here it is the whole web.)
"""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import time
import urllib.request
from collections import Counter

import pytest
from django.db.migrations.loader import MigrationLoader
from django_migration_linter import MigrationLinter

from tests.infra.drill_db import Drill
from tests.processes import REPO, free_port, wait_for

PROJECT_APPS = ["cms", "guide", "search", "crawlers", "matching"]
# Migrations that were written before this check existed, each with why it is
# accepted. A new entry needs the same: what breaks for the old version during
# the update window, and why that is acceptable.
ACCEPTED = {
    # AddField JSONField(default=list) without a database default: an old web
    # inserting a vacancy during the update would violate NOT NULL. Released
    # together with the code that fills it, before any installation existed.
    ("search", "0003_vacancy_skills"),
}


@pytest.mark.django_db
@pytest.mark.services("postgres")
def test_every_migration_of_the_project_is_safe_for_a_rolling_update(capsys):
    """No dropped or renamed column or table, no NOT NULL column without a default."""
    linter = MigrationLinter(
        None,
        include_apps=PROJECT_APPS,
        ignore_name=[name for _app, name in ACCEPTED],
        ignore_initial_migrations=True,
        no_cache=True,
    )
    linter.lint_all_migrations()
    report = capsys.readouterr().out
    assert not linter.has_errors, report
    assert linter.nb_valid + linter.nb_warnings >= 5, report


@pytest.mark.django_db
@pytest.mark.services("postgres")
def test_the_accepted_list_names_only_migrations_that_exist():
    loader = MigrationLoader(None, ignore_no_migrations=True)
    for key in ACCEPTED:
        assert key in loader.disk_migrations, key


class Traffic:
    """Clients asking the web what the office PC and the guide ask, until stopped."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.stop = threading.Event()
        self.statuses: Counter[tuple[str, int | str]] = Counter()
        self.totals: set[int] = set()
        self.phase = "before"
        self.per_phase: Counter[str] = Counter()

    def ask(self, path: str) -> None:
        try:
            with urllib.request.urlopen(self.base + path, timeout=60) as response:
                body = response.read()
                status: int | str = response.status
        except urllib.error.HTTPError as error:
            body, status = b"", error.code
        except OSError as error:
            body, status = b"", type(error).__name__
        self.statuses[(f"{self.phase} {path}", status)] += 1
        self.per_phase[self.phase] += 1
        if status == 200 and path.startswith("/api/v1/vacancies/"):
            self.totals.add(json.loads(body)["count"])

    def run(self) -> None:
        paths = ["/api/v1/vacancies/?q=Lagerhelfer", "/stellen/?q=Koch", "/healthz"]
        while not self.stop.is_set():
            for path in paths:
                self.ask(path)


@pytest.mark.slow
@pytest.mark.services("postgres", "elasticsearch")
def test_the_web_serves_while_migrate_and_search_rebuild_run(tmp_path, migrated_template):
    drill = Drill(tmp_path, template=migrated_template)
    web = None
    try:
        # A pending migration the public pages do not depend on: Wagtail's
        # newest user-profile migration, unapplied, as after a release.
        out = drill.run(sys.executable, "-m", "tests.infra.drill", "vacancies", "wagtailusers")
        latest = out.strip().splitlines()[-1]
        port = free_port()
        # A busy CI machine may take seconds to answer; a slow health probe of
        # Elasticsearch is not what this test is about.
        drill.env.update(
            ALLOWED_HOSTS="127.0.0.1", LOTSE_API_RATE="1000000/minute", HEALTH_CHECK_TIMEOUT="20"
        )
        web = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "cms.wsgi:application",
             "--bind", f"127.0.0.1:{port}", "--workers", "1", "--threads", "4"],
            cwd=REPO, env=drill.env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        )  # fmt: skip
        base = f"http://127.0.0.1:{port}"
        wait_for(base + "/healthz", process=web)
        traffic = Traffic(base)
        clients = [threading.Thread(target=traffic.run) for _ in range(2)]
        for client in clients:
            client.start()
        try:
            time.sleep(1)
            traffic.phase = "migrate"
            drill.manage("migrate", "--noinput", "-v", "0")
            traffic.phase = "search_rebuild"
            drill.manage("search_rebuild")
            traffic.phase = "after"
            time.sleep(1)
        finally:
            traffic.stop.set()
            for client in clients:
                client.join()
        assert drill.applied("wagtailusers", latest)
        failures = {key: n for key, n in traffic.statuses.items() if key[1] != 200}
        assert failures == {}, failures
        assert len(traffic.totals) == 1, traffic.totals
        assert traffic.totals != {0}
        for phase in ("before", "migrate", "search_rebuild", "after"):
            assert traffic.per_phase[phase] > 0, traffic.per_phase
    finally:
        if web is not None:
            web.terminate()
            web.wait(timeout=30)
        drill.close()
