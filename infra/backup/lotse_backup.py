"""Back up and restore one Lotse installation: its database and its files.

    python infra/backup/lotse_backup.py backup DEST [--keep N]
    python infra/backup/lotse_backup.py restore BACKUP [--create-database] [--no-rebuild]

(`backup.sh` and `restore.sh` beside this file run it with the project's
Python.) The installation is the one the environment describes, read through
Lotse's own settings, so DATABASE_URL_FILE and the rest work as in the app.

A backup is a folder `lotse-<UTC time>` in DEST with
- `database.dump`: PostgreSQL in pg_dump's custom format, or `database.sqlite3`:
  the embedded SQLite file, copied with SQLite's online backup API (consistent
  while Lotse runs);
- `files.tar.gz`: the uploaded media, and on the embedded default also the
  secret key and the administrator's first password from the data folder;
- `manifest.json`: what it holds, with a SHA-256 of each file.
It is written under a temporary name and renamed when complete.

The search indices are not backed up: a restore rebuilds them from the
database (`search_rebuild` for vacancies, `update_index` for the guide).
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tarfile
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
FORMAT = 1
# Files of the embedded default's data folder worth keeping besides media.
DATA_FILES = ("secret_key", "admin-password.txt")


class BackupError(Exception):
    """Something the operator has to fix; printed without a traceback."""


@dataclass(frozen=True)
class Installation:
    engine: str  # "postgresql" or "sqlite"
    database: dict[str, object]
    data_dir: Path
    media_root: Path


def installation() -> Installation:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")
    sys.path.insert(0, str(REPO))
    from django.conf import settings

    database = dict(settings.DATABASES["default"])
    engine = str(database["ENGINE"]).rsplit(".", 1)[-1]
    if engine not in ("postgresql", "sqlite3"):
        raise BackupError(f"cannot back up a {engine} database: PostgreSQL or SQLite only")
    return Installation(
        engine="sqlite" if engine == "sqlite3" else "postgresql",
        database=database,
        data_dir=Path(settings.DATA_DIR),
        media_root=Path(settings.MEDIA_ROOT),
    )


def libpq_env(database: dict[str, object], name: str | None = None) -> dict[str, str]:
    """The connection for pg_dump/pg_restore/psycopg as libpq variables, so no
    password appears on a command line."""
    env = dict(os.environ)
    for variable, key in (
        ("PGHOST", "HOST"),
        ("PGPORT", "PORT"),
        ("PGUSER", "USER"),
        ("PGPASSWORD", "PASSWORD"),
    ):
        if database.get(key):
            env[variable] = str(database[key])
    env["PGDATABASE"] = name or str(database["NAME"])
    return env


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as file:
        for block in iter(lambda: file.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def run(command: list[str], env: dict[str, str]) -> None:
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise BackupError(f"{command[0]} failed ({done.returncode}):\n{done.stderr.strip()}")


# --- backup --------------------------------------------------------------------------


def backup(dest: Path, keep: int | None = None) -> Path:
    site = installation()
    dest.mkdir(parents=True, exist_ok=True)
    name = f"lotse-{dt.datetime.now(dt.UTC):%Y%m%dT%H%M%S%fZ}"
    partial = dest / f".{name}.partial"
    partial.mkdir(mode=0o700)
    try:
        if site.engine == "postgresql":
            database_file = partial / "database.dump"
            run(
                ["pg_dump", "--format=custom", "--no-owner", "--no-privileges",
                 f"--file={database_file}"],
                libpq_env(site.database),
            )  # fmt: skip
        else:
            database_file = partial / "database.sqlite3"
            source = sqlite3.connect(f"file:{site.database['NAME']}?mode=ro", uri=True)
            target = sqlite3.connect(database_file)
            with target:
                source.backup(target)
            source.close()
            target.close()
        files = partial / "files.tar.gz"
        with tarfile.open(files, "w:gz") as archive:
            if site.media_root.is_dir():
                archive.add(site.media_root, arcname="media")
            if site.engine == "sqlite":
                for file_name in DATA_FILES:
                    if (site.data_dir / file_name).is_file():
                        archive.add(site.data_dir / file_name, arcname=file_name)
        manifest = {
            "format": FORMAT,
            "created": dt.datetime.now(dt.UTC).isoformat(),
            "database": site.engine,
            "files": {path.name: sha256(path) for path in (database_file, files)},
        }
        (partial / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n")
        final = dest / name
        partial.rename(final)
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    if keep is not None:
        for old in sorted(dest.glob("lotse-*"))[:-keep]:
            shutil.rmtree(old)
    return final


# --- restore -------------------------------------------------------------------------


def read_manifest(folder: Path) -> dict[str, object]:
    try:
        manifest = json.loads((folder / "manifest.json").read_text())
    except (OSError, ValueError) as error:
        raise BackupError(f"{folder} is not a Lotse backup: no readable manifest.json") from error
    if manifest.get("format") != FORMAT:
        raise BackupError(f"{folder}: backup format {manifest.get('format')!r} is not {FORMAT}")
    for file_name, digest in manifest["files"].items():
        path = folder / file_name
        if not path.is_file() or sha256(path) != digest:
            raise BackupError(f"{path} is missing or damaged (its SHA-256 does not match)")
    return manifest


def create_database(site: Installation) -> None:
    import psycopg
    from psycopg import sql

    name = str(site.database["NAME"])
    env = libpq_env(site.database, name="postgres")
    keys = {"PGHOST": "host", "PGPORT": "port", "PGUSER": "user", "PGPASSWORD": "password"}
    params = {keys[k]: v for k, v in env.items() if k in keys}
    with psycopg.connect(dbname="postgres", autocommit=True, **params) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def restore(folder: Path, create: bool = False, rebuild: bool = True) -> None:
    manifest = read_manifest(folder)
    site = installation()
    if manifest["database"] != site.engine:
        raise BackupError(
            f"{folder} holds a {manifest['database']} database, but this installation "
            f"uses {site.engine}"
        )
    if site.engine == "postgresql":
        if create:
            create_database(site)
        run(
            ["pg_restore", "--clean", "--if-exists", "--no-owner", "--no-privileges",
             "--exit-on-error", "--single-transaction",
             f"--dbname={site.database['NAME']}", str(folder / "database.dump")],
            libpq_env(site.database),
        )  # fmt: skip
    else:
        target_path = Path(str(site.database["NAME"]))
        target_path.parent.mkdir(parents=True, exist_ok=True)
        source = sqlite3.connect(f"file:{folder / 'database.sqlite3'}?mode=ro", uri=True)
        target = sqlite3.connect(target_path)
        with target:
            source.backup(target)
        source.close()
        target.close()
    site.data_dir.mkdir(parents=True, exist_ok=True)
    shutil.rmtree(site.media_root, ignore_errors=True)
    with tarfile.open(folder / "files.tar.gz") as archive:
        for member in archive.getmembers():
            top = member.name.split("/", 1)[0]
            if top != "media" and member.name not in DATA_FILES:
                raise BackupError(f"files.tar.gz holds an unexpected entry {member.name!r}")
        # "data": no absolute paths, no escaping the folder, no devices or links out.
        archive.extractall(site.data_dir, filter="data")
    if rebuild:
        for command in (["search_rebuild"], ["update_index"]):
            done = subprocess.run(
                [sys.executable, str(REPO / "manage.py"), *command], check=False, text=True
            )
            if done.returncode != 0:
                raise BackupError(f"manage.py {command[0]} failed; run it again by hand")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="lotse_backup", description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    make = commands.add_parser("backup", help="write a backup folder into DEST")
    make.add_argument("dest", type=Path)
    make.add_argument("--keep", type=int, help="keep only the newest N backups in DEST")
    back = commands.add_parser("restore", help="restore the installation from BACKUP")
    back.add_argument("backup", type=Path)
    back.add_argument(
        "--create-database", action="store_true", help="create the database if it is missing"
    )
    back.add_argument("--no-rebuild", action="store_true", help="do not rebuild the search indices")
    args = parser.parse_args(argv)
    try:
        if args.command == "backup":
            if args.keep is not None and args.keep < 1:
                raise BackupError("--keep must be at least 1")
            print(backup(args.dest, keep=args.keep))
        else:
            restore(args.backup, create=args.create_database, rebuild=not args.no_rebuild)
            print(f"restored from {args.backup}")
    except BackupError as error:
        print(f"lotse_backup: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
