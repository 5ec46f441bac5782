"""The vacancy index: Elasticsearch when ELASTICSEARCH_URL is set, else embedded.

The database is the truth; the index is a copy that can always be rebuilt
from it. Both backends offer the same interface; `get_index()` picks the one
the settings ask for.
"""

from __future__ import annotations

import sqlite3
from functools import cache
from pathlib import Path
from typing import Protocol

from django.conf import settings
from elasticsearch import Elasticsearch


class VacancyIndex(Protocol):
    name: str

    def health(self, timeout: float) -> str:
        """Describe the index's state; raise if it cannot serve searches."""
        ...


class EmbeddedIndex:
    """A SQLite file beside the database, with FTS5 for full text."""

    name = "embedded"

    def __init__(self, path: Path) -> None:
        self.path = Path(path)

    def connect(self, timeout: float = 5.0) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        return sqlite3.connect(self.path, timeout=timeout)

    def health(self, timeout: float) -> str:
        with self.connect(timeout) as db:
            # FTS5 must be compiled into this Python's SQLite for text search.
            db.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.fts_probe USING fts5(text)")
            db.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return f"embedded index (SQLite {sqlite3.sqlite_version}, FTS5) is usable"


class ElasticsearchIndex:
    """An Elasticsearch node or cluster; see infra/elasticsearch.md."""

    name = "elasticsearch"

    def __init__(self, urls: list[str], prefix: str, timeout: float) -> None:
        self.prefix = prefix
        self.client = Elasticsearch(urls, request_timeout=timeout, retry_on_timeout=False)

    def health(self, timeout: float) -> str:
        client = self.client.options(request_timeout=timeout, max_retries=0)
        health = client.cluster.health(timeout=f"{max(int(timeout), 1)}s")
        status = health["status"]
        if status == "red":
            raise RuntimeError("Elasticsearch cluster status is red")
        return f"Elasticsearch cluster {status}, {health['number_of_nodes']} node(s)"


@cache
def get_index() -> VacancyIndex:
    if settings.ELASTICSEARCH_URLS:
        return ElasticsearchIndex(
            settings.ELASTICSEARCH_URLS,
            prefix=settings.ELASTICSEARCH_INDEX_PREFIX,
            timeout=settings.ELASTICSEARCH_TIMEOUT,
        )
    return EmbeddedIndex(settings.EMBEDDED_INDEX_PATH)
