"""Celery tasks of the vacancy index."""

from celery import shared_task

from . import sync


@shared_task(ignore_result=True)
def sync_index() -> int:
    """Send what the outbox holds to the index; if the index is down, it stays queued.

    Runs on the beat schedule (LOTSE_INDEX_SYNC_SECONDS) and after every
    crawl run. Safe to run twice at once: the second finds the lease taken.
    """
    return sync.drain()
