"""Keeping the index equal to the catalogue: the outbox, its draining, and the rebuild.

Every change to a vacancy queues its id in the outbox in the same database
transaction (`queue`, called by the catalogue and by the model signals
below). `drain` sends the current state of queued vacancies to the index in
bulk and deletes exactly the entries it sent, so a change that arrives while
it works stays queued. If the index is down, `drain` raises and nothing is
deleted: the outbox grows, and the next run catches up.

Only one process writes to the index at a time, under a lease in the
database (`IndexLease`): the sync task, or a rebuild, which holds the lease
while it loads a new index, so no change can land in the old index after
its contents were copied. A lease whose holder died is taken over when it
expires, or at once by a process on the same host, which can see that the
holder's process is gone (a killed worker's batch is redone without waiting).
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import socket
import time
import uuid
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.db.models import Min, Q
from django.db.models.signals import post_save, pre_delete
from django.dispatch import receiver
from django.utils import timezone

from . import index as index_module
from .documents import all_documents, documents
from .index import VacancyIndex
from .models import IndexLease, IndexOutbox, Vacancy
from .signals import vacancies_changed

logger = logging.getLogger(__name__)

LEASE = "vacancy-index"
LEASE_SECONDS = 120
BATCH = 500


def queue(ids: Iterable[int]) -> None:
    """Mark vacancies for the index; call inside the transaction that changed them.

    Their duplicates are marked too: whether a duplicate is shown depends on
    its original's state (search.documents.is_shadowed).
    """
    wanted = set(ids)
    wanted |= set(Vacancy.objects.filter(duplicate_of__in=wanted).values_list("pk", flat=True))
    IndexOutbox.objects.bulk_create([IndexOutbox(vacancy_id=pk) for pk in wanted])


@receiver(post_save, sender=Vacancy, dispatch_uid="search.sync.saved")
def _saved(sender: type[Vacancy], instance: Vacancy, **kwargs: object) -> None:
    queue([instance.pk])


# Before the delete: afterwards its duplicates no longer point at it.
@receiver(pre_delete, sender=Vacancy, dispatch_uid="search.sync.deleted")
def _deleted(sender: type[Vacancy], instance: Vacancy, **kwargs: object) -> None:
    queue([instance.pk])


# The lease ---------------------------------------------------------------


def _host() -> str:
    """This host and process-id namespace: where a holder's pid can be looked up."""
    try:
        namespace = os.stat("/proc/self/ns/pid").st_ino
    except OSError:
        return socket.gethostname()[:60]
    return f"{socket.gethostname()[:60]}/{namespace}"  # IndexLease.holder takes 100


def _holder() -> str:
    return f"{_host()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


def _dead_here(holder: str) -> bool:
    """The holder ran on this host (in this pid namespace) and its process is gone."""
    parts = holder.rsplit(":", 2)  # see _holder
    if len(parts) != 3:
        return False
    host, pid, _ = parts
    if host != _host() or not pid.isdigit() or int(pid) == os.getpid():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False  # alive, another user's
    return False


def _take(holder: str, seconds: float) -> bool:
    now = timezone.now()
    until = now + dt.timedelta(seconds=seconds)
    try:
        with transaction.atomic():
            IndexLease.objects.create(name=LEASE, holder=holder, expires_at=until)
            return True
    except IntegrityError:
        pass
    taken = (
        IndexLease.objects.filter(name=LEASE)
        .filter(Q(expires_at__lt=now) | Q(holder=holder))
        .update(holder=holder, expires_at=until)
    )
    if taken:
        return True
    current = IndexLease.objects.filter(name=LEASE).values_list("holder", flat=True).first()
    if current is None or not _dead_here(current):
        return False
    logger.info("taking over the index lease of %s, whose process is gone", current)
    return (
        IndexLease.objects.filter(name=LEASE, holder=current).update(
            holder=holder, expires_at=until
        )
        == 1
    )


def _release(holder: str) -> None:
    IndexLease.objects.filter(name=LEASE, holder=holder).delete()


class LeaseBusy(RuntimeError):
    pass


@contextmanager
def lease(wait: float = 0.0, seconds: float = LEASE_SECONDS) -> Iterator[Callable[[], None]]:
    """Hold the index lease; yields a function that renews it (call it while working)."""
    holder = _holder()
    deadline = time.monotonic() + wait
    while not _take(holder, seconds):
        if time.monotonic() >= deadline:
            raise LeaseBusy("another process is writing to the vacancy index")
        time.sleep(min(1.0, max(0.05, deadline - time.monotonic())))

    def renew() -> None:
        if not _take(holder, seconds):
            raise LeaseBusy("the index lease was lost (expired and taken by another process)")

    try:
        yield renew
    finally:
        _release(holder)


# Draining ----------------------------------------------------------------


def drain_batch(index: VacancyIndex, batch: int = BATCH) -> int:
    """Send one batch of queued vacancies to the index; the number of vacancies sent."""
    rows = list(IndexOutbox.objects.order_by("id").values_list("id", "vacancy_id")[:batch])
    if not rows:
        return 0
    ids = sorted({vacancy_id for _, vacancy_id in rows})
    found, gone = documents(ids)
    index.write(found, gone)
    IndexOutbox.objects.filter(id__in=[row_id for row_id, _ in rows]).delete()
    vacancies_changed.send(sender=VacancyIndex, ids=ids)
    return len(ids)


def drain(index: VacancyIndex | None = None, batch: int = BATCH, wait: float = 0.0) -> int:
    """Empty the outbox into the index; the number of vacancies sent.

    Returns 0 without waiting when another process holds the lease (it is
    draining or rebuilding; what is queued stays for it or the next run).
    """
    index = index or index_module.get_index()
    try:
        with lease(wait=wait) as renew:
            sent = 0
            while count := drain_batch(index, batch):
                sent += count
                renew()
            return sent
    except LeaseBusy:
        logger.info("index sync skipped: the index lease is held elsewhere")
        return 0


# Rebuilding --------------------------------------------------------------


def rebuild(
    index: VacancyIndex | None = None,
    progress: Callable[[int, int], None] | None = None,
    wait: float = 600.0,
) -> str:
    """Build a new index from the whole catalogue and make it the live one.

    Searches keep using the old index until the swap. Holding the lease, the
    sync task pauses; changes made meanwhile stay queued and are sent to the
    new index afterwards. Returns the name of the new live index.
    """
    index = index or index_module.get_index()
    with lease(wait=wait) as renew:
        total = Vacancy.objects.count()
        done = 0

        def counted() -> Iterator[dict[str, object]]:
            nonlocal done
            for number, doc in enumerate(all_documents(), start=1):
                yield dict(doc)
                done = number
                if number % BATCH == 0:
                    renew()
                    if progress:
                        progress(done, total)

        name = index.rebuild(counted())
        if progress:
            progress(done, total)
        return name


# Lag ---------------------------------------------------------------------


@dataclass(frozen=True)
class Lag:
    pending: int  # outbox entries
    oldest_seconds: float | None  # age of the oldest, None when empty


def lag(now: dt.datetime | None = None) -> Lag:
    pending = IndexOutbox.objects.count()
    oldest = IndexOutbox.objects.aggregate(oldest=Min("queued_at"))["oldest"]
    if oldest is None:
        return Lag(pending, None)
    return Lag(pending, round(((now or timezone.now()) - oldest).total_seconds(), 1))
