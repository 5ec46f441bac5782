"""One Elasticsearch node of three stopped while Lotse searches and indexes.

The node stopped is the one holding the vacancy index's primary shard, the
hard case: its replica on another node takes over. Lotse talks to all three
nodes (ELASTICSEARCH_URL lists them) and retries a request on the next one,
so no search fails; a write that cannot be made stays in the outbox and is
sent afterwards.
"""

from __future__ import annotations

import itertools
import json
import time
from pathlib import Path

import pytest

from tests.faults.conftest import wait_until

pytestmark = [pytest.mark.slow, pytest.mark.services("postgres", "redis", "elasticsearch")]

# Searches and writes in a loop until the stop file appears; one JSON line per attempt.
TRAFFIC = """
import django, json, sys, time, traceback
from pathlib import Path
django.setup()
from search import sync
from search.catalogue import upsert
from search.query import Query, search
from tests.search.builders import vacancy
log, stop = Path(sys.argv[1]), Path(sys.argv[2])
n = 0
with log.open("a") as out:
    while not stop.exists():
        n += 1
        started = time.monotonic()
        try:
            found = search(Query(text="Lagerhelfer", details=False)).total
            record = {"kind": "search", "ok": True, "found": found}
        except Exception as error:
            record = {"kind": "search", "ok": False, "error": repr(error)}
        if n % 3 == 0:
            upsert(vacancy(external_id=f"w{n}", url=f"https://jobs.example.org/w{n}",
                           title=f"Lagerhelfer {n}", employer=f"Firma {n}"))
            try:
                sync.drain()
                record = {**record, "write": "sent"}
            except Exception as error:
                record = {**record, "write": "queued", "error_write": repr(error)}
        record["at"], record["seconds"] = started, time.monotonic() - started
        out.write(json.dumps(record) + "\\n")
        out.flush()
        time.sleep(0.05)
"""

SETUP = """
from search import sync
from search.catalogue import upsert
from search.index import get_index
from tests.search.builders import vacancy
for n in range(20):
    upsert(vacancy(external_id=f"v{n}", url=f"https://jobs.example.org/v{n}",
                   title=f"Lagerhelfer {n}", employer=f"Firma {n}"))
sync.drain()
index = get_index()
index.client.cluster.health(index=index.alias, wait_for_status="green", timeout="60s")
shards = index.client.cat.shards(index=index.alias, format="json")
result = next(s["node"] for s in shards if s["prirep"] == "p")
"""

FINISH = """
from search import sync
from search.index import get_index
sync.drain()
index = get_index()
index.refresh()
result = index.client.count(index=index.alias)["count"]
"""


def records(log: Path) -> list[dict]:
    return [json.loads(line) for line in log.read_text().splitlines() if line.strip()]


def test_searches_never_fail_and_writes_arrive_while_a_node_of_three_is_stopped(
    make_lotse, broker, cluster, tmp_path
):
    lotse = make_lotse(broker, cluster.urls, ELASTICSEARCH_TIMEOUT="30")
    primary = lotse.python(SETUP)  # e.g. "lotse-2"
    log, stop = tmp_path / "traffic.jsonl", tmp_path / "stop"
    traffic = lotse.start("-c", TRAFFIC, str(log), str(stop), log=tmp_path / "traffic.log")
    try:
        wait_until(lambda: log.exists() and len(records(log)) >= 10, 120, "no traffic")
        cluster.stop_node(int(primary.rsplit("-", 1)[1]))
        stopped = time.monotonic()
        wait_until(
            lambda: sum(r["at"] > stopped for r in records(log)) >= 30, 120, "traffic stalled"
        )
    finally:
        stop.touch()
        traffic.wait(timeout=120)

    done = records(log)
    searches = [r for r in done if r["kind"] == "search"]
    assert [r for r in searches if not r["ok"]] == []
    assert sum(r["at"] > stopped for r in searches) >= 30
    # Nothing goes missing from the answers while the replica takes over.
    found = [r["found"] for r in searches]
    assert all(later >= earlier for earlier, later in itertools.pairwise(found))
    writes = [r for r in done if "write" in r]
    assert writes and all(r["write"] in ("sent", "queued") for r in writes)
    # Whatever could not be sent while the replica took over is sent now.
    assert lotse.python(FINISH) == lotse.value("SELECT count(*) FROM search_vacancy")
    assert lotse.value("SELECT count(*) FROM search_indexoutbox") == 0
