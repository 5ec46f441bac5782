"""The vacancy index: Elasticsearch when ELASTICSEARCH_URL is set, else embedded.

The database is the truth; the index is a copy that can always be rebuilt
from it (search.sync). Both backends implement `VacancyIndex` with the
semantics written down in search.query, and pass one contract test suite.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from functools import cache
from typing import TYPE_CHECKING, Protocol

from django.conf import settings

if TYPE_CHECKING:
    from .documents import Document
    from .query import Query, Results


class VacancyIndex(Protocol):
    name: str

    def health(self, timeout: float) -> str:
        """Describe the index's state; raise if it cannot serve searches."""
        ...

    def write(self, docs: Sequence[Document], deleted: Sequence[int]) -> None:
        """Add or replace these documents and delete these ids, in bulk; idempotent.

        Raises when anything was not written, so the caller keeps it queued.
        Creates the live index on first use.
        """
        ...

    def refresh(self) -> None:
        """Make every write so far visible to searches (they are within a second anyway)."""
        ...

    def search(self, query: Query) -> Results: ...

    def search_many(self, queries: Sequence[Query]) -> list[Results]:
        """Several searches at once, answered in order (one round trip where the
        backend has one)."""
        ...

    def suggest(self, prefix: str, limit: int) -> list[str]:
        """Distinct titles of visible active vacancies completing `prefix`, best first."""
        ...

    def rebuild(self, docs: Iterable[Mapping[str, object]]) -> str:
        """Load these documents into a new index, make it live, drop the old one.

        Searches served meanwhile use the old index; returns the new index's name.
        """
        ...

    def status(self) -> dict[str, object]:
        """`live`: the live index's name (None before the first write),
        `documents`: how many it holds, `indices`: every index of this
        installation, {name: document count}."""
        ...

    def drop(self) -> None:
        """Delete every index of this installation (tests, reset)."""
        ...


@cache
def get_index() -> VacancyIndex:
    if settings.ELASTICSEARCH_URLS:
        from .backends.elasticsearch import ElasticsearchIndex

        return ElasticsearchIndex(
            settings.ELASTICSEARCH_URLS,
            prefix=settings.ELASTICSEARCH_INDEX_PREFIX,
            timeout=settings.ELASTICSEARCH_TIMEOUT,
            replicas=settings.ELASTICSEARCH_REPLICAS,
        )
    from .backends.embedded import EmbeddedIndex

    return EmbeddedIndex(settings.EMBEDDED_INDEX_PATH)
