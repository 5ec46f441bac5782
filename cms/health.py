"""Health of the services Lotse depends on: database, broker and vacancy index.

Each check answers within settings.HEALTH_CHECK_TIMEOUT seconds and never
raises: a failing service becomes a failed `Check` whose detail says what is
wrong, without addresses or credentials (the report is served publicly).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import asdict, dataclass

from django.conf import settings
from django.db import connection

from search.index import get_index

from .celery import app as celery_app


@dataclass(frozen=True)
class Check:
    name: str
    ok: bool
    detail: str


def _run(name: str, probe: Callable[[], str]) -> Check:
    try:
        return Check(name, True, probe())
    except Exception as error:
        reason = str(error).splitlines()[0] if str(error) else ""
        return Check(name, False, f"{type(error).__name__}: {reason}"[:300])


def _database() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return f"{connection.vendor} answers"


def _broker() -> str:
    url = celery_app.conf.broker_url or ""
    timeout = settings.HEALTH_CHECK_TIMEOUT
    if url.startswith("filesystem"):
        folder = celery_app.conf.broker_transport_options["data_folder_in"]
        if not os.access(folder, os.W_OK):
            raise PermissionError("the broker folder is missing or not writable")
        return "filesystem broker folder is writable"
    with celery_app.connection_for_write() as conn:
        # max_retries=0 would retry forever in kombu; 1 means one attempt.
        conn.ensure_connection(max_retries=1, timeout=timeout)
        conn.default_channel  # noqa: B018 - opening a channel pings Redis
        return f"{conn.transport_cls} broker answers"


def _index() -> str:
    return get_index().health(timeout=settings.HEALTH_CHECK_TIMEOUT)


CHECKS: dict[str, Callable[[], str]] = {
    "database": _database,
    "broker": _broker,
    "index": _index,
}


def run_checks() -> list[Check]:
    return [_run(name, probe) for name, probe in CHECKS.items()]


def report(checks: list[Check]) -> dict[str, object]:
    failing = [check.name for check in checks if not check.ok]
    return {
        "status": "ok" if not failing else "unavailable",
        "failing": failing,
        "checks": {check.name: asdict(check) for check in checks},
    }
