"""Vacancy indexes for tests: each backend on its own, isolated from the others.

`vacancy_index` runs a test once per backend: the embedded index in a
temporary folder, and Elasticsearch (the real server) under a prefix of its
own that is dropped afterwards. While the test runs, `search.index.get_index()`
answers with it.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest
from django.conf import settings

BACKENDS = [
    "embedded",
    pytest.param("elasticsearch", marks=pytest.mark.services("elasticsearch")),
]


def make_index(backend: str, folder):
    if backend == "embedded":
        from search.backends.embedded import EmbeddedIndex

        return EmbeddedIndex(folder / "index" / "vacancies.sqlite3")
    from search.backends.elasticsearch import ElasticsearchIndex

    # Only reached by tests marked services("elasticsearch"): configured, or already failed.
    return ElasticsearchIndex(
        settings.ELASTICSEARCH_URLS, prefix=f"test_{uuid.uuid4().hex[:12]}", timeout=30
    )


@pytest.fixture(params=BACKENDS)
def vacancy_index(request, tmp_path) -> Iterator[object]:
    """An empty index of each backend, returned by get_index() meanwhile."""
    index = make_index(request.param, tmp_path)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("search.index.get_index", lambda: index)
        yield index
    index.drop()
