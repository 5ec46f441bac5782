"""Redis restarted with tasks queued: they survive (append-only file); a worker reconnects."""

from __future__ import annotations

import pytest

from tests.faults.conftest import wait_until

pytestmark = [pytest.mark.slow, pytest.mark.services("postgres", "redis")]

QUEUE_WORK = """
from search.catalogue import upsert
from search.tasks import sync_index
from tests.search.builders import vacancy
for n in range(3):
    upsert(vacancy(external_id=f"v{n}", url=f"https://jobs.example.org/{n}",
                   title=f"Lagerhelfer {n}", employer=f"Firma {n}"))
sync_index.delay()
result = None
"""
HEARTBEAT = "from cms.tasks import heartbeat\nheartbeat.delay()\nresult = None"


def test_queued_tasks_survive_a_redis_restart_and_a_connected_worker_carries_on(
    make_lotse, broker, redis_server, tmp_path
):
    lotse = make_lotse(broker)
    lotse.python(QUEUE_WORK)
    assert redis_server.client().llen("indexing") == 1

    redis_server.stop()
    redis_server.start()

    assert redis_server.client().llen("indexing") == 1, "the queued task was lost"
    worker = lotse.worker("indexing", "default", log=tmp_path / "worker.log")
    queued = "SELECT count(*) FROM search_indexoutbox"
    wait_until(lambda: lotse.value(queued) == 0, 120, "the queued sync did not run")

    redis_server.stop()
    redis_server.start()
    lotse.python(HEARTBEAT)
    seen = "SELECT count(*) FROM cms_workerheartbeat"
    wait_until(lambda: lotse.value(seen) == 1, 120, "the worker did not reconnect")
    assert worker.poll() is None
