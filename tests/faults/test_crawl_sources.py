"""Sources that answer slowly, with 500s or with garbage, crawled in one due-run with a good one.

A real worker runs the crawls the beat task queues; the sites are local
servers. What fails is retried with growing pauses and recorded; the others'
vacancies arrive all the same.
"""

from __future__ import annotations

import itertools

import pytest

from tests.faults.conftest import wait_until
from tests.faults.sites import Site, serve

pytestmark = [pytest.mark.slow, pytest.mark.services("postgres", "redis")]

SOURCES = """
from crawlers.models import Source
from crawlers.tasks import crawl_due_sources
for key in ("gut", "langsam", "kaputt", "muell"):
    Source.objects.create(key=key, name=key, kind="jobposting_site",
                          start_urls="{base_url}/" + key + "/jobs/")
result = crawl_due_sources.delay() and None
"""

RUNS = """
SELECT s.key, r.finished_at IS NOT NULL, r.errors = '[]'::jsonb, r.items, r.problems::text
FROM crawlers_crawlrun r JOIN crawlers_source s ON s.id = r.source_id
"""


def test_failing_sources_back_off_and_are_recorded_while_the_others_arrive(
    make_lotse, broker, tmp_path
):
    good = Site("gut", vacancies=3)
    slow = Site("langsam", vacancies=2, behaviour="slow", delay=1.0)
    broken = Site("kaputt", behaviour="error")
    garbage = Site("muell", behaviour="garbage")
    lotse = make_lotse(broker)
    with serve(good, slow, broken, garbage) as base_url:
        lotse.python(SOURCES.format(base_url=base_url))
        lotse.worker("crawling", log=tmp_path / "worker.log")
        finished = "SELECT count(*) FROM crawlers_crawlrun WHERE finished_at IS NOT NULL"
        wait_until(lambda: lotse.value(finished) == 4, 240, "not every source was crawled")

    runs = {key: rest for key, *rest in lotse.sql(RUNS)}
    stored = dict(lotse.sql("SELECT source, count(*) FROM search_vacancy GROUP BY source"))
    # The good and the slow source: complete, clean runs.
    assert runs["gut"][:3] == [True, True, 3] and stored["gut"] == 3
    assert runs["langsam"][:3] == [True, True, 2] and stored["langsam"] == 2
    # The broken one: asked again after 1, 2 and 4 seconds, then recorded as failed.
    listing = [at for at, path, status in broken.requests if path == "/kaputt/jobs/"]
    assert len(listing) == 4
    pauses = [later - earlier for earlier, later in itertools.pairwise(listing)]
    assert [round(pause) for pause in pauses] == [1, 2, 4]
    assert runs["kaputt"][:2] == [True, False]
    # Garbage: nothing stored, and the run says why (a problem of the pages, not a failure).
    assert "muell" not in stored and "kaputt" not in stored
    assert runs["muell"][2] == 0 and "not valid utf-8" in runs["muell"][3]
