"""The restore drill: back up, destroy, restore, rebuild the index, compare.

Runs on a database of its own on the dev/CI PostgreSQL server (created and
dropped here, never the test database) and on indices of its own in
Elasticsearch, with infra/backup's scripts as an operator would run them.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest

from tests.infra.drill_db import Drill
from tests.processes import REPO, SERVICE_VARIABLES

postgres_and_elasticsearch = pytest.mark.services("postgres", "elasticsearch")


@pytest.fixture
def drill(tmp_path, migrated_template):
    drill = Drill(tmp_path, template=migrated_template)
    try:
        yield drill
    finally:
        drill.close()


@pytest.mark.slow
@postgres_and_elasticsearch
def test_a_restored_backup_has_every_record_file_and_search_result(drill, tmp_path):
    before = drill.snapshot("prepare")
    assert before["counts"]["search.Vacancy"] == 40
    assert before["counts"]["matching.Participant"] == 3
    assert before["counts"]["matching.Consent"] == 3
    assert before["counts"]["guide.OfferPage"] == 3
    assert all(found["total"] for found in before["vacancy_searches"].values())
    assert all(before["guide_searches"].values()), before["guide_searches"]
    assert len(before["media"]) == 1

    backups = tmp_path / "backups"
    folder = Path(drill.run("bash", "infra/backup/backup.sh", str(backups)).strip())
    assert sorted(p.name for p in folder.iterdir()) == [
        "database.dump",
        "files.tar.gz",
        "manifest.json",
    ]

    # Lose everything: the database, the indices and the uploaded files.
    drill.drop_database()
    drill.drop_indices()
    shutil.rmtree(drill.data_dir / "media")

    drill.run("bash", "infra/backup/restore.sh", str(folder), "--create-database")

    after = drill.snapshot()
    assert after["counts"] == before["counts"]
    assert after["samples"] == before["samples"]
    assert after["vacancy_searches"] == before["vacancy_searches"]
    assert after["guide_searches"] == before["guide_searches"]
    assert after["media"] == before["media"]


@pytest.mark.slow  # the session's migrated template database
@postgres_and_elasticsearch
def test_a_damaged_backup_is_refused_before_anything_is_changed(drill, tmp_path):
    folder = Path(drill.run("bash", "infra/backup/backup.sh", str(tmp_path / "b")).strip())
    with (folder / "database.dump").open("ab") as dump:
        dump.write(b"x")
    done = subprocess.run(
        ["bash", "infra/backup/restore.sh", str(folder)],
        cwd=REPO,
        env=drill.env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 1
    assert "database.dump is missing or damaged" in done.stderr


def embedded_env(data_dir: Path) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in SERVICE_VARIABLES and not key.endswith("_FILE")
    }
    env.update(DJANGO_SETTINGS_MODULE="cms.settings.dev", LOTSE_DATA_DIR=str(data_dir))
    return env


def test_the_embedded_default_is_backed_up_while_written_and_restored(tmp_path):
    """SQLite through its online backup API (a writer's open transaction is not
    copied), with the media and the installation's secret key."""
    data = tmp_path / "data"
    (data / "media" / "original_images").mkdir(parents=True)
    (data / "media" / "original_images" / "a.png").write_bytes(b"\x89PNG picture")
    (data / "secret_key").write_text("embedded-secret")
    database = sqlite3.connect(data / "lotse.sqlite3")
    database.execute("PRAGMA journal_mode=WAL")
    database.execute("CREATE TABLE vacancy (id INTEGER PRIMARY KEY, title TEXT)")
    database.executemany("INSERT INTO vacancy (title) VALUES (?)", [("Koch",), ("Lagerhelfer",)])
    database.commit()
    database.execute("INSERT INTO vacancy (title) VALUES ('not yet committed')")
    env = embedded_env(data)

    def script(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            ["bash", *args], cwd=REPO, env=env, capture_output=True, text=True, timeout=120
        )

    made = script("infra/backup/backup.sh", str(tmp_path / "backups"))
    assert made.returncode == 0, made.stderr
    folder = Path(made.stdout.strip())
    database.rollback()
    database.close()
    shutil.rmtree(data)

    restored = script("infra/backup/restore.sh", str(folder), "--no-rebuild")
    assert restored.returncode == 0, restored.stderr
    with sqlite3.connect(data / "lotse.sqlite3") as copy:
        titles = [row[0] for row in copy.execute("SELECT title FROM vacancy ORDER BY id")]
    assert titles == ["Koch", "Lagerhelfer"]
    assert (data / "media" / "original_images" / "a.png").read_bytes() == b"\x89PNG picture"
    assert (data / "secret_key").read_text() == "embedded-secret"
