"""The Elasticsearch backend: its alias and versioned indices, rebuild, outage.

What both backends share (text, filters, facets, sorting) is proved by
tests/search/test_contract.py; these tests are about what only
Elasticsearch has. Each test works under its own index prefix and drops it.
"""

import threading
import time
import uuid
from collections.abc import Iterator

import pytest
from django.conf import settings

from search import catalogue, sync
from search.backends.elasticsearch import ElasticsearchIndex, IndexWriteError, search_body
from search.documents import Document
from search.models import IndexOutbox, Vacancy
from search.query import Query
from tests.cms.test_healthz import control
from tests.search.builders import vacancy

elasticsearch = pytest.mark.services("elasticsearch")


def doc(pk: int, title: str = "Lagerhelfer (m/w/d)", **changes: object) -> Document:
    document: Document = {
        "id": pk,
        "kind": "job",
        "title": title,
        "suggestion": title,
        "employer": "Seelogistik GmbH",
        "city": "Gotha",
        "postal_code": "99867",
        "qualification": "",
        "description": "Wir suchen Verstärkung im Lager.",
        "working_times": ["vollzeit"],
        "location": {"lat": 50.95, "lon": 10.7},
        "posted": "2026-11-01",
        "german_level": "",
        "german_rank": 0,
        "driving_licence": False,
        "state": "active",
        "hidden": False,
        "url": f"https://jobs.example.org/{pk}",
    }
    document.update(changes)  # type: ignore[typeddict-item]
    return document


def new_index(prefix: str) -> ElasticsearchIndex:
    return ElasticsearchIndex(settings.ELASTICSEARCH_URLS, prefix=prefix, timeout=10)


@pytest.fixture
def index() -> Iterator[ElasticsearchIndex]:
    index = new_index(f"test_es_{uuid.uuid4().hex[:10]}")
    yield index
    index.drop()


def live_indices(index: ElasticsearchIndex) -> dict[str, object]:
    return index.client.indices.get_alias(name=index.alias).body


@elasticsearch
def test_the_first_write_creates_a_strict_mapping_behind_the_alias(index):
    index.write([doc(1)], [])
    (name,) = live_indices(index)
    assert name.startswith(f"{index.prefix}_vacancies_v")
    mapping = index.client.indices.get_mapping(index=name)[name]["mappings"]
    assert mapping["dynamic"] == "strict"
    assert mapping["properties"]["title"]["fields"]["ngram"]["analyzer"] == "lotse_trigram"
    assert mapping["properties"]["location"]["type"] == "geo_point"


@elasticsearch
def test_two_processes_writing_first_at_once_share_one_live_index(index):
    writers = [new_index(index.prefix) for _ in range(4)]
    start, errors = threading.Barrier(len(writers)), []

    def write(number: int) -> None:
        start.wait()
        try:
            writers[number].write([doc(number + 1)], [])
        except Exception as error:  # collected for the assertion
            errors.append(error)

    threads = [threading.Thread(target=write, args=(n,)) for n in range(len(writers))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    index.refresh()
    assert errors == []
    status = index.status()
    assert list(status["indices"]) == [status["live"]]
    assert status["documents"] == len(writers)


@elasticsearch
def test_a_document_the_mapping_refuses_raises_so_the_outbox_keeps_it(index):
    with pytest.raises(IndexWriteError, match="1 of 2 index operations failed"):
        index.write([doc(1), {**doc(2), "salary": 12}], [])  # type: ignore[list-item]


@elasticsearch
def test_deleting_a_document_the_index_does_not_hold_is_fine(index):
    index.write([doc(1)], [2])
    index.write([], [1, 2])
    index.refresh()
    assert index.status()["documents"] == 0


@elasticsearch
def test_searching_before_the_first_write_finds_nothing(index):
    results = index.search(Query(text="Lagerhelfer"))
    assert (results.total, results.hits) == (0, ())
    assert index.suggest("Lager", 5) == []
    assert index.status() == {"live": None, "documents": 0, "indices": {}}


@elasticsearch
def test_rebuild_swaps_the_alias_and_drops_the_old_index(index):
    index.write([doc(1), doc(2)], [])
    old = index.status()["live"]
    new = index.rebuild([doc(1), doc(3), doc(4)])
    assert new != old and new > old
    assert list(live_indices(index)) == [new]
    assert index.status() == {"live": new, "documents": 3, "indices": {new: 3}}
    settings_ = index.client.indices.get_settings(index=new)[new]["settings"]["index"]
    assert "refresh_interval" not in settings_  # back to the default after loading
    assert settings_["number_of_replicas"] == "0"


@elasticsearch
def test_replicas_come_from_the_configuration(index):
    replicated = ElasticsearchIndex(
        settings.ELASTICSEARCH_URLS, prefix=index.prefix, timeout=10, replicas=1
    )
    replicated.write([doc(1)], [])
    (name,) = live_indices(index)
    assert (
        index.client.indices.get_settings(index=name)[name]["settings"]["index"][
            "number_of_replicas"
        ]
        == "1"
    )


@elasticsearch
def test_writes_after_a_rebuild_go_to_the_new_index(index):
    new = index.rebuild([doc(1)])
    index.write([doc(2)], [1])
    index.refresh()
    assert index.status() == {"live": new, "documents": 1, "indices": {new: 1}}


@elasticsearch
def test_rebuild_under_concurrent_searches_fails_no_search(index):
    docs = [
        doc(pk, "Gabelstaplerfahrer" if pk % 10 == 0 else f"Bürokraft {pk}")
        for pk in range(1, 3001)
    ]
    index.rebuild(docs)
    stop, searches, failures, empty = threading.Event(), [0], [], [0]

    def search_continuously() -> None:
        reader = new_index(index.prefix)  # a client of its own, as another process has
        while not stop.is_set():
            try:
                results = reader.search(Query(text="Staplerfahrer", page_size=5))
            except Exception as error:  # collected for the assertion
                failures.append(error)
                continue
            searches[0] += 1
            if results.total != 300:
                empty[0] += 1

    readers = [threading.Thread(target=search_continuously) for _ in range(2)]
    for reader in readers:
        reader.start()
    try:
        for _ in range(2):
            index.rebuild(docs)
    finally:
        time.sleep(0.2)
        stop.set()
        for reader in readers:
            reader.join()
    assert failures == []
    assert empty[0] == 0
    assert searches[0] > 20
    assert len(index.status()["indices"]) == 1


@elasticsearch
def test_drop_deletes_every_index_and_the_alias(index):
    index.write([doc(1)], [])
    index.rebuild([doc(1)])
    index.drop()
    assert not index.client.indices.exists_alias(name=index.alias)
    assert index.status()["indices"] == {}


@elasticsearch
def test_highlights_escape_as_html_escape_does(index):
    index.write([doc(1, "Gabelstaplerfahrer (m/w/d) <Lager & Hof>")], [])
    index.refresh()
    (hit,) = index.search(Query(text="Staplerfahrer")).hits
    assert hit.highlight_title == "<mark>Gabelstaplerfahrer</mark> (m/w/d) &lt;Lager &amp; Hof&gt;"


@elasticsearch
def test_suggestions_are_distinct_regardless_of_case(index):
    index.write([doc(1, "Lagerhelfer"), doc(2, "LAGERHELFER"), doc(3, "Lagerist", hidden=True)], [])
    index.refresh()
    assert [s.lower() for s in index.suggest("Lager", 5)] == ["lagerhelfer"]


def test_facet_filters_apply_after_the_aggregations_of_the_other_dimension():
    body = search_body(Query(kinds=frozenset({"job"}), working_times=frozenset({"teilzeit"})))
    assert body["post_filter"]["bool"]["filter"] == [
        {"terms": {"kind": ["job"]}},
        {"terms": {"working_times": ["teilzeit"]}},
    ]
    assert body["aggs"]["kind"]["filter"]["bool"]["filter"] == [
        {"terms": {"working_times": ["teilzeit"]}}
    ]
    assert body["aggs"]["working_time"]["filter"]["bool"]["filter"] == [
        {"terms": {"kind": ["job"]}}
    ]


def test_several_urls_make_a_cluster_for_the_client():
    index = ElasticsearchIndex(["http://es1:9200", "http://es2:9200"], prefix="x", timeout=1)
    assert len(index.client.transport.node_pool.all()) == 2


# The outage --------------------------------------------------------------


@elasticsearch
@pytest.mark.slow
@pytest.mark.django_db
def test_a_stopped_elasticsearch_loses_no_catalogue_write(index):
    # Five different openings (similar titles would be merged as duplicates).
    for number, title in enumerate(["Koch 0", "Bäcker", "Maurer", "Gärtner", "Friseur"]):
        catalogue.upsert(vacancy(external_id=f"before-{number}", url="", title=title))
    assert sync.drain(index) == 5

    control("elasticsearch", "stop")
    try:
        for number in range(7):
            catalogue.upsert(
                vacancy(external_id=f"during-{number}", url="", title=f"Maler {number}")
            )
        catalogue.upsert(vacancy(external_id="before-0", url="", title="Koch 0", employer="Neu"))
        assert IndexOutbox.objects.count() == 8
        with pytest.raises(Exception):  # noqa: B017 - whatever the client raises for "down"
            sync.drain(index)
        assert IndexOutbox.objects.count() == 8
    finally:
        control("elasticsearch", "start")

    assert sync.drain(index) == 8
    index.refresh()
    assert IndexOutbox.objects.count() == 0
    assert index.status()["documents"] == Vacancy.objects.count() == 12
    visible = Vacancy.objects.filter(duplicate_of__isnull=True, state=Vacancy.State.ACTIVE)
    assert index.search(Query(page_size=100)).total == visible.count()
    assert index.search(Query(text="Neu")).total == 1
