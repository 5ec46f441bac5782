"""A Celery worker killed (SIGKILL, with its children) mid-task: redone, nothing lost or doubled.

Tasks are acknowledged late, so the message of a task whose worker died stays
unacknowledged in Redis and goes back on the queue after the broker's
visibility timeout (LOTSE_TASK_VISIBILITY_TIMEOUT, short here); a new worker
takes it and runs it again from the start.
"""

from __future__ import annotations

import time

import pytest

from crawlers.models import INTERRUPTED
from tests.faults.conftest import Lotse, wait_until
from tests.faults.sites import Site, serve

pytestmark = [pytest.mark.slow, pytest.mark.services("postgres", "redis", "elasticsearch")]

VISIBILITY_TIMEOUT = 3  # seconds; production: 7200, longer than the longest task
# Three Elasticsearch nodes on a shared 2-CPU machine answer slowly at times.
SLOW_MACHINE = {
    "LOTSE_TASK_VISIBILITY_TIMEOUT": str(VISIBILITY_TIMEOUT),
    "ELASTICSEARCH_TIMEOUT": "60",
}


def redelivered_after_restart(lotse: Lotse, worker, queue: str, tmp_path) -> object:
    """Kill the worker, wait out the visibility timeout, start another one."""
    lotse.kill(worker)
    time.sleep(VISIBILITY_TIMEOUT + 1)
    return lotse.worker(queue, log=tmp_path / "worker-2.log")


def queue_settled(redis_client, queue: str) -> bool:
    """Nothing waiting in the queue and no message taken but unacknowledged."""
    return redis_client.llen(queue) == 0 and redis_client.hlen("unacked") == 0


def test_a_crawl_killed_midway_is_redone_without_duplicates_and_the_run_is_closed(
    make_lotse, broker, redis_server, tmp_path
):
    site = Site("langsam", vacancies=12, behaviour="slow", delay=0.6)
    lotse = make_lotse(broker, LOTSE_TASK_VISIBILITY_TIMEOUT=str(VISIBILITY_TIMEOUT))
    with serve(site) as base_url:
        source_id = lotse.python(
            "from crawlers.models import Source\n"
            "from crawlers.tasks import crawl_source\n"
            "source = Source.objects.create(key='langsam', name='Langsam', kind='jobposting_site',"
            f" start_urls='{base_url}/langsam/jobs/')\n"
            "crawl_source.delay(source.pk)\n"
            "result = source.pk"
        )
        worker = lotse.worker("crawling", log=tmp_path / "worker-1.log")
        stored = "SELECT count(*) FROM search_vacancy WHERE source = 'langsam'"
        wait_until(lambda: 2 <= lotse.value(stored) < 12, 120, "the crawl did not get going")
        second = redelivered_after_restart(lotse, worker, "crawling", tmp_path)
        before = lotse.value(stored)
        assert 2 <= before < 12, "the kill should land mid-crawl"

        finished = (
            "SELECT count(*) FROM crawlers_crawlrun"
            " WHERE finished_at IS NOT NULL AND errors = '[]'::jsonb"
        )
        wait_until(lambda: lotse.value(finished) == 1, 120, "the crawl was not redone")
        assert second.poll() is None

    assert lotse.value(stored) == 12
    assert lotse.value("SELECT count(DISTINCT external_id) FROM search_vacancy") == 12
    runs = lotse.sql(
        "SELECT finished_at IS NOT NULL, errors, new, unchanged FROM crawlers_crawlrun"
        " WHERE source_id = %s ORDER BY started_at",
        source_id,
    )
    assert len(runs) == 2
    killed, redone = runs
    assert killed[0] and killed[1] == [INTERRUPTED], "the killed run must not stay 'running'"
    assert redone == (True, [], 12 - before, before)


MANY_VACANCIES = """
from search import sync
from search.catalogue import upsert
from search.models import Vacancy
from tests.search.builders import vacancy
first = Vacancy.objects.get(pk=upsert(vacancy(external_id="v0")).vacancy_id)
fields = {{f.attname: getattr(first, f.attname) for f in Vacancy._meta.concrete_fields}}
copies = [
    Vacancy(**{{**fields, "id": None, "external_id": f"v{{n}}", "title": f"Lagerhelfer {{n}}"}})
    for n in range(1, {count})
]
sync.queue(copy.pk for copy in Vacancy.objects.bulk_create(copies))
result = None
"""


def many_vacancies(lotse: Lotse, count: int) -> None:
    """`count` vacancies queued for the index: one through the catalogue, copies in bulk."""
    lotse.python(MANY_VACANCIES.format(count=count))


def index_count(lotse: Lotse) -> int:
    return lotse.python(
        "from search.index import get_index\n"
        "index = get_index()\nindex.refresh()\n"
        "result = index.client.count(index=index.alias)['count']"
    )


def test_an_index_sync_killed_midway_is_redone_and_every_vacancy_is_indexed_once(
    make_lotse, broker, redis_server, cluster, tmp_path
):
    lotse = make_lotse(broker, cluster.urls, **SLOW_MACHINE)
    total = 2000
    many_vacancies(lotse, total)
    queued = "SELECT count(*) FROM search_indexoutbox"
    assert lotse.value(queued) == total
    lotse.python("from search.tasks import sync_index\nsync_index.delay()\nresult = None")
    worker = lotse.worker("indexing", log=tmp_path / "worker-1.log")
    wait_until(lambda: 0 < lotse.value(queued) < total, 180, "the sync did not get going")
    second = redelivered_after_restart(lotse, worker, "indexing", tmp_path)
    assert lotse.value(queued) > 0, "the kill should land mid-sync"

    wait_until(lambda: lotse.value(queued) == 0, 120, "the outbox was not drained")
    wait_until(lambda: queue_settled(redis_server.client(), "indexing"), 60, "the task hung")
    assert second.poll() is None
    assert index_count(lotse) == total == lotse.value("SELECT count(*) FROM search_vacancy")
    assert lotse.value("SELECT count(*) FROM search_indexlease") == 0


MATCH_SETUP = """
from matching import privacy
from matching.models import Office, Participant
from search import sync
from search.catalogue import upsert
from tests.search.builders import vacancy
office = Office.objects.create(name="Anlaufstelle Gotha-West", code="gw", postal_code="99867")
for n in range({people}):
    person = Participant.objects.create(
        office=office, name=f"P{{n}}", language="de", desired_kinds=["job"],
        desired_occupations="Lagerhelfer", skills="Gabelstapler fahren", german_level="B1",
        home_postal_code="99867", latitude=50.95, longitude=10.7, availability=["vollzeit"])
    privacy.give_consent(person, by=None, method="paper")
ids = [upsert(vacancy(external_id=f"v{{n}}", url=f"https://jobs.example.org/{{n}}",
                      title=f"Lagerhelfer (m/w/d) Halle {{n}}", employer=f"Firma {{n}}")).vacancy_id
       for n in range({vacancies})]
sync.drain()
from search.index import get_index
get_index().refresh()
result = ids
"""

SUGGESTIONS = "SELECT participant_id, vacancy_id, score FROM matching_suggestion ORDER BY 1, 2"


def test_a_matching_batch_killed_midway_is_redone_and_no_suggestion_is_missing_or_doubled(
    make_lotse, broker, redis_server, cluster, tmp_path
):
    lotse = make_lotse(broker, cluster.urls, **SLOW_MACHINE)
    people = 40
    ids = lotse.python(MATCH_SETUP.format(people=people, vacancies=20), timeout=600)
    redis_server.client().flushall()  # the rematching the setup queued: only the batch counts
    matched = "SELECT count(DISTINCT participant_id) FROM matching_suggestion"
    assert lotse.value(matched) == 0
    lotse.python(
        "from matching.tasks import match_changed_vacancies\n"
        f"match_changed_vacancies.delay({ids})\nresult = None"
    )
    worker = lotse.worker("matching", log=tmp_path / "worker-1.log")
    wait_until(lambda: 0 < lotse.value(matched) < people, 180, "matching did not get going")
    second = redelivered_after_restart(lotse, worker, "matching", tmp_path)
    assert lotse.value(matched) < people, "the kill should land mid-batch"

    wait_until(lambda: queue_settled(redis_server.client(), "matching"), 180, "not redone")
    assert second.poll() is None
    after = lotse.sql(SUGGESTIONS)
    assert len({(p, v) for p, v, _ in after}) == len(after)
    assert lotse.value(matched) == people
    # What a full rematch from scratch computes is exactly what the redone batch left.
    lotse.python(
        "from matching import engine\nfrom matching.models import Participant\n"
        "for pk in Participant.objects.values_list('pk', flat=True):\n"
        "    engine.match_participant(pk)\n"
        "result = None"
    )
    assert lotse.sql(SUGGESTIONS) == after
