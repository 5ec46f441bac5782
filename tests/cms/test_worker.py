"""A real Celery worker takes tasks from Redis and writes to PostgreSQL."""

import subprocess
import sys
import time

import pytest
from django.db import connection

from cms.models import WorkerHeartbeat
from cms.tasks import heartbeat
from tests.processes import REPO, clean_env


@pytest.mark.slow
@pytest.mark.services("postgres", "redis")
def test_worker_runs_a_task_sent_through_redis(transactional_db, tmp_path, settings):
    db = connection.settings_dict
    test_database = (
        f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"
    )
    env = clean_env(
        DJANGO_SETTINGS_MODULE="cms.settings.test",
        LOTSE_DATA_DIR=str(tmp_path),
        DATABASE_URL=test_database,
        CELERY_BROKER_URL=settings.CELERY_BROKER_URL,
    )
    queue = f"test-{time.monotonic_ns()}"
    worker = subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "cms", "worker", "--pool", "solo",
         "--queues", queue, "--without-mingle", "--without-gossip", "--loglevel", "WARNING"],
        cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        heartbeat.apply_async(queue=queue)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not WorkerHeartbeat.objects.exists():
            assert worker.poll() is None, "the worker ended early"
            time.sleep(0.25)
        assert WorkerHeartbeat.objects.exists(), "the worker did not run the task within 60 s"
    finally:
        worker.terminate()
        worker.wait(timeout=30)


def test_long_crawls_have_their_own_queue_apart_from_indexing_and_matching():
    from cms.celery import app
    from crawlers.tasks import crawl_source
    from matching.tasks import rematch_participant
    from search.tasks import sync_index

    router = app.amqp.router
    queues = {
        task.name: router.route({}, task.name)["queue"].name
        for task in (crawl_source, sync_index, rematch_participant, heartbeat)
    }
    assert queues == {
        crawl_source.name: "crawling",
        sync_index.name: "indexing",
        rematch_participant.name: "matching",
        heartbeat.name: "default",
    }
