"""The outbox between catalogue and index: queued with the change, drained in bulk."""

from __future__ import annotations

import datetime as dt
import io
import json

import pytest
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from search import sync
from search.catalogue import expire, mark_removed, upsert
from search.models import IndexLease, IndexOutbox, Vacancy
from search.query import Query
from search.signals import vacancies_changed

from .builders import vacancy

pytestmark = pytest.mark.django_db(transaction=True)


def queued() -> list[int]:
    return sorted(IndexOutbox.objects.values_list("vacancy_id", flat=True))


def visible(index, **options) -> set[int]:
    index.refresh()
    return {hit.id for hit in index.search(Query(page_size=100, **options)).hits}


def test_a_change_queues_its_vacancy_in_the_same_transaction():
    with pytest.raises(RuntimeError), transaction.atomic():
        upsert(vacancy())
        assert len(queued()) == 1
        raise RuntimeError("the crawl run fails after the write")
    assert queued() == [] and not Vacancy.objects.exists()
    pk = upsert(vacancy()).vacancy_id
    assert queued() == [pk]


def test_an_unchanged_vacancy_is_not_queued_again(vacancy_index):
    upsert(vacancy())
    sync.drain(vacancy_index)
    upsert(vacancy())  # the same content seen again: only last_seen moves
    assert queued() == []


def test_drain_sends_the_current_state_and_empties_the_outbox(vacancy_index):
    first = upsert(vacancy(external_id="a", title="Lagerhelfer")).vacancy_id
    second = upsert(vacancy(external_id="b", title="Koch", url="https://x.example/b")).vacancy_id
    assert sync.drain(vacancy_index) == 2
    assert queued() == []
    assert visible(vacancy_index, text="Koch") == {second}
    upsert(vacancy(external_id="a", title="Staplerfahrer"))
    assert sync.drain(vacancy_index) == 1
    assert visible(vacancy_index, text="Staplerfahrer") == {first}
    assert visible(vacancy_index, text="Lagerhelfer") == set()


def test_removed_expired_and_deleted_vacancies_leave_the_search(vacancy_index):
    start = timezone.now()
    gone = upsert(vacancy(external_id="gone", title="Lagerhelfer")).vacancy_id
    old = upsert(
        vacancy(external_id="old", title="Koch", valid_through=dt.date.today() + dt.timedelta(1))
    ).vacancy_id
    deleted = upsert(vacancy(external_id="deleted", title="Bäcker")).vacancy_id
    sync.drain(vacancy_index)
    assert visible(vacancy_index) == {gone, old, deleted}

    assert mark_removed("career-pages", seen_since=start + dt.timedelta(seconds=1)) == 3
    assert sorted(queued()) == sorted([gone, old, deleted])
    Vacancy.objects.filter(pk__in=[old, deleted]).update(state=Vacancy.State.ACTIVE)
    assert expire(today=dt.date.today() + dt.timedelta(days=2)) == 1
    Vacancy.objects.get(pk=deleted).delete()
    sync.drain(vacancy_index)
    assert visible(vacancy_index) == set()
    assert visible(vacancy_index, active_only=False) == {gone, old}
    assert vacancy_index.status()["documents"] == 2


def test_a_failing_index_keeps_everything_queued(tmp_path):
    from search.backends.embedded import EmbeddedIndex

    (tmp_path / "not-a-folder").write_text("a file where the index folder should be")
    broken = EmbeddedIndex(tmp_path / "not-a-folder" / "vacancies.sqlite3")
    pk = upsert(vacancy()).vacancy_id
    with pytest.raises(Exception):  # noqa: B017 - whatever the index raises, it must surface
        sync.drain(broken)
    assert queued() == [pk]
    assert sync.lag().pending == 1 and sync.lag().oldest_seconds is not None


def test_listeners_hear_which_vacancies_changed(vacancy_index):
    heard: list[list[int]] = []

    def listener(sender, ids, **kwargs):
        heard.append(ids)

    vacancies_changed.connect(listener)
    try:
        pk = upsert(vacancy()).vacancy_id
        sync.drain(vacancy_index)
    finally:
        vacancies_changed.disconnect(listener)
    assert heard == [[pk]]


def test_a_held_lease_makes_drain_wait_for_its_turn(vacancy_index):
    pk = upsert(vacancy()).vacancy_id
    with sync.lease():
        assert sync.drain(vacancy_index) == 0
        with pytest.raises(sync.LeaseBusy), sync.lease(wait=0.2):
            pass
    assert queued() == [pk]
    assert sync.drain(vacancy_index) == 1


def test_a_lease_of_a_dead_process_expires():
    IndexLease.objects.create(
        name=sync.LEASE, holder="gone:1:x", expires_at=timezone.now() - dt.timedelta(seconds=1)
    )
    with sync.lease() as renew:
        renew()
        assert IndexLease.objects.get().holder != "gone:1:x"
    assert not IndexLease.objects.exists()


def test_rebuild_loads_everything_and_leaves_later_changes_queued(vacancy_index):
    titles = ["Koch", "Bäcker", "Maurer", "Gärtner", "Friseur", "Elektriker", "Schweißer"]
    ids = [
        upsert(vacancy(external_id=t, title=t, url=f"https://x.example/{t}")).vacancy_id
        for t in titles
    ]
    IndexOutbox.objects.all().delete()  # as if the index had never heard of them
    seen: list[tuple[int, int]] = []
    sync.rebuild(vacancy_index, progress=lambda done, total: seen.append((done, total)))
    assert visible(vacancy_index) == set(ids)
    assert seen[-1] == (7, 7)


def test_search_rebuild_and_search_status_commands(vacancy_index):
    upsert(vacancy(external_id="1"))
    upsert(vacancy(external_id="2", title="Koch", url="https://x.example/2"))
    out = io.StringIO()
    call_command("search_rebuild", stdout=out)
    assert "2/2" in out.getvalue() and "Live index" in out.getvalue()
    out = io.StringIO()
    call_command("search_status", "--json", stdout=out)
    status = json.loads(out.getvalue())
    assert status["catalogue"]["total"] == 2
    assert status["index"]["documents"] == 2
    assert status["lag"]["pending"] == 2  # the upserts are still queued: rebuild took them
    out = io.StringIO()
    call_command("search_status", stdout=out)
    assert "Lag:        2 queued changes" in out.getvalue()


def test_healthz_shows_the_index_lag(client):
    upsert(vacancy())
    body = client.get("/healthz").json()
    assert body["index_lag"]["pending"] == 1


def test_a_duplicate_is_the_hit_once_its_original_is_gone(vacancy_index):
    start = timezone.now()
    original = upsert(vacancy(source="ba", external_id="1", url="https://ba.example/1"))
    copy = upsert(vacancy(source="site", external_id="2", url="https://jobs.example/2"))
    assert copy.duplicate_of == original.vacancy_id
    sync.drain(vacancy_index)
    assert visible(vacancy_index) == {original.vacancy_id}

    mark_removed("ba", seen_since=start + dt.timedelta(seconds=1))  # BA stopped listing it
    sync.drain(vacancy_index)
    assert visible(vacancy_index) == {copy.vacancy_id}

    Vacancy.objects.filter(pk=original.vacancy_id).update(state=Vacancy.State.ACTIVE)
    sync.queue([original.vacancy_id])
    sync.drain(vacancy_index)
    assert visible(vacancy_index) == {original.vacancy_id}
    Vacancy.objects.get(pk=original.vacancy_id).delete()  # its copy is the opening now
    sync.drain(vacancy_index)
    assert visible(vacancy_index) == {copy.vacancy_id}
