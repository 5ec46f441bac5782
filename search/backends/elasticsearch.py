"""The Elasticsearch vacancy index: versioned indices behind an alias.

Searches and writes go through the alias `{prefix}_vacancies`; the index it
points to is `{prefix}_vacancies_v<UTC timestamp>`. A rebuild loads a new
index, then moves the alias in one atomic `update_aliases` call, so a search
always sees one complete index. The semantics are those of search.query.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import re
import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from html import escape, unescape
from typing import TYPE_CHECKING, Any

from elasticsearch import ApiError, Elasticsearch, NotFoundError
from elasticsearch.helpers import streaming_bulk

from ..analysis import Term, query_terms
from ..documents import parse_posted
from ..geo import distance_km
from ..query import FACET_DIMENSIONS, Hit, Query, Results

if TYPE_CHECKING:
    from ..documents import Document

logger = logging.getLogger(__name__)

CHUNK = 1000  # documents per bulk request
SWAP_GRACE_SECONDS = 1.0  # searches that resolved the alias before a swap finish on the old index
TEXT_FIELDS = ("title^3", "employer", "city", "qualification", "description")
FOLDED_FIELDS = (  # typos are looked for in words as written, not in stems
    "title.folded^3",
    "employer.folded",
    "city.folded",
    "qualification.folded",
    "description.folded",
)
FUZZY_BOOST = 0.5  # a match with a typo counts half an exact one
COMPOUND_BOOST = 0.5  # a match inside a compound word of the title
SUGGEST_FUZZY_MIN_LENGTH = 4
SUGGEST_MAX_GRAM = 20
FACET_SIZE = 100  # more than there are kinds or working times
_MARKS = re.compile("(</?mark>)")

ANALYSIS: dict[str, Any] = {
    "filter": {
        "lotse_light_german": {"type": "stemmer", "language": "light_german"},
        "lotse_trigram": {"type": "ngram", "min_gram": 3, "max_gram": 3},
        "lotse_word_start": {"type": "edge_ngram", "min_gram": 1, "max_gram": SUGGEST_MAX_GRAM},
        "lotse_suggest_length": {"type": "truncate", "length": SUGGEST_MAX_GRAM},
    },
    "tokenizer": {
        "lotse_trigram": {
            "type": "ngram",
            "min_gram": 3,
            "max_gram": 3,
            "token_chars": ["letter", "digit"],
        },
    },
    "analyzer": {
        # German text: umlauts and accents folded ("Kuche" finds "Küche"), light stemming.
        "lotse_german": {
            "type": "custom",
            "tokenizer": "standard",
            "filter": ["lowercase", "german_normalization", "asciifolding", "lotse_light_german"],
        },
        # The same without stemming: typos are counted on words as written, as in
        # search.analysis ("lager" is one edit from "lage", not "lag" from "ag").
        "lotse_folded": {
            "type": "custom",
            "tokenizer": "standard",
            "filter": ["lowercase", "german_normalization", "asciifolding"],
        },
        # Trigrams of each normalised word, for terms inside compounds ("Staplerfahrer" in
        # "Gabelstaplerfahrer"). A filter rather than an ngram tokenizer: the grams come from
        # the folded word ("Kueche" and "Küche" give the same grams), and each gram keeps the
        # whole word's offsets, so a compound match highlights the whole word.
        "lotse_trigram": {
            "type": "custom",
            "tokenizer": "standard",
            "filter": ["lowercase", "german_normalization", "asciifolding", "lotse_trigram"],
        },
        # A query's grams need positions of their own, or `match` takes them for synonyms
        # (any one would do); the term comes already folded (search.analysis.fold).
        "lotse_trigram_search": {
            "type": "custom",
            "tokenizer": "lotse_trigram",
            "filter": ["lowercase", "asciifolding"],
        },
        # Suggestions: every word's beginnings are indexed, a typed word is one of them.
        "lotse_suggest_index": {
            "type": "custom",
            "tokenizer": "standard",
            "filter": ["lowercase", "german_normalization", "asciifolding", "lotse_word_start"],
        },
        "lotse_suggest_search": {
            "type": "custom",
            "tokenizer": "standard",
            "filter": [
                "lowercase",
                "german_normalization",
                "asciifolding",
                "lotse_suggest_length",
            ],
        },
    },
    # Plugin filters are refused in normalizers here (infra/elasticsearch.md): lowercase only.
    "normalizer": {"lotse_lowercase": {"type": "custom", "filter": ["lowercase"]}},
}

_FOLDED = {"folded": {"type": "text", "analyzer": "lotse_folded"}}
_TEXT = {"type": "text", "analyzer": "lotse_german", "fields": _FOLDED}
MAPPINGS: dict[str, Any] = {
    "dynamic": "strict",
    "properties": {
        "id": {"type": "long"},
        "kind": {"type": "keyword"},
        "title": {
            **_TEXT,
            "fields": {
                **_FOLDED,
                "ngram": {
                    "type": "text",
                    "analyzer": "lotse_trigram",
                    "search_analyzer": "lotse_trigram_search",
                },
            },
        },
        "suggestion": {
            "type": "text",
            "analyzer": "lotse_suggest_index",
            "search_analyzer": "lotse_suggest_search",
            "fields": {
                "key": {"type": "keyword", "normalizer": "lotse_lowercase", "ignore_above": 512}
            },
        },
        "employer": {
            **_TEXT,
            "fields": {**_FOLDED, "keyword": {"type": "keyword", "ignore_above": 512}},
        },
        "city": _TEXT,
        "postal_code": {"type": "keyword"},
        "qualification": _TEXT,
        "description": _TEXT,
        "working_times": {"type": "keyword"},
        "location": {"type": "geo_point"},
        "posted": {"type": "date", "format": "strict_date"},
        "german_level": {"type": "keyword"},
        "german_rank": {"type": "integer"},
        "driving_licence": {"type": "boolean"},
        "state": {"type": "keyword"},
        "hidden": {"type": "boolean"},
        "url": {"type": "keyword", "index": False, "doc_values": False},
    },
}
# What a hit needs from the stored document; the long texts stay on the server.
HIT_SOURCE = [
    "id",
    "kind",
    "title",
    "employer",
    "postal_code",
    "city",
    "working_times",
    "posted",
    "german_level",
    "driving_licence",
    "url",
    "location",
]


class SearchError(RuntimeError):
    """Elasticsearch refused one search of several."""


class IndexWriteError(RuntimeError):
    """Some documents were not written; the caller keeps them queued and tries again."""


class ElasticsearchIndex:
    """An Elasticsearch node or cluster; see infra/elasticsearch.md."""

    name = "elasticsearch"

    def __init__(self, urls: Sequence[str], prefix: str, timeout: float, replicas: int = 0) -> None:
        self.prefix = prefix
        self.alias = f"{prefix}_vacancies"
        self.replicas = replicas
        # A bounded number of retries (one per node, at least one): when Elasticsearch is
        # down, a write fails within seconds and the outbox keeps the changes.
        self.client = Elasticsearch(
            list(urls),
            request_timeout=timeout,
            retry_on_timeout=False,
            max_retries=max(1, len(urls)),
        )

    def health(self, timeout: float) -> str:
        client = self.client.options(request_timeout=timeout, max_retries=0)
        health = client.cluster.health(timeout=f"{max(int(timeout), 1)}s")
        status = health["status"]
        if status == "red":
            raise RuntimeError("Elasticsearch cluster status is red")
        return f"Elasticsearch cluster {status}, {health['number_of_nodes']} node(s)"

    # Indices -------------------------------------------------------------

    def _new_name(self) -> str:
        return f"{self.alias}_v{dt.datetime.now(dt.UTC):%Y%m%d%H%M%S%f}"

    def _pattern(self) -> str:
        return f"{self.alias}_v*"

    def _live(self) -> str | None:
        try:
            found = self.client.indices.get_alias(name=self.alias).body
        except NotFoundError:
            return None
        writers = [
            name
            for name, info in found.items()
            if info["aliases"][self.alias].get("is_write_index")
        ]
        return str(max(writers or found))

    def _create(self, name: str, *, loading: bool, alias: bool) -> None:
        settings: dict[str, Any] = {
            "number_of_shards": 1,
            "number_of_replicas": 0 if loading else self.replicas,
            "analysis": ANALYSIS,
        }
        if loading:
            settings["refresh_interval"] = "-1"
        self.client.indices.create(
            index=name,
            settings=settings,
            mappings=MAPPINGS,
            # Only one index can be the alias's write index: of two processes creating the
            # first index at once, the second one's create fails as a whole.
            aliases={self.alias: {"is_write_index": True}} if alias else None,
        )

    def _ensure_live(self) -> str:
        if live := self._live():
            return live
        name = self._new_name()
        try:
            self._create(name, loading=False, alias=True)
        except ApiError:
            # Lost the race to another process (or the name was taken in the same microsecond).
            if live := self._live():
                return live
            raise
        return name

    # Writing -------------------------------------------------------------

    def write(self, docs: Sequence[Document], deleted: Sequence[int]) -> None:
        if not docs and not deleted:
            return
        self._ensure_live()
        actions: list[dict[str, Any]] = [
            {"_op_type": "index", "_id": doc["id"], "_source": doc} for doc in docs
        ]
        actions += [{"_op_type": "delete", "_id": pk} for pk in deleted]
        failures = [
            item
            for ok, item in streaming_bulk(
                self.client,
                actions,
                index=self.alias,
                require_alias=True,
                chunk_size=CHUNK,
                max_retries=0,
                raise_on_error=False,
                raise_on_exception=True,
            )
            if not ok and not _already_deleted(item)
        ]
        if failures:
            raise IndexWriteError(_describe(failures, len(actions)))

    def refresh(self) -> None:
        with contextlib.suppress(NotFoundError):  # nothing written yet
            self.client.indices.refresh(index=self.alias)

    def rebuild(self, docs: Iterable[Mapping[str, object]]) -> str:
        name = self._new_name()
        self._create(name, loading=True, alias=False)
        try:
            self._load(name, docs)
            self.client.indices.put_settings(
                index=name,
                settings={"index": {"refresh_interval": None, "number_of_replicas": self.replicas}},
            )
            self.client.indices.refresh(index=name)
            if self.replicas:
                self._wait_for_replicas(name)
            # One atomic step: the alias leaves every old index and points at the new one.
            self.client.indices.update_aliases(
                actions=[
                    {
                        "remove": {
                            "index": self._pattern(),
                            "alias": self.alias,
                            "must_exist": False,
                        }
                    },
                    {"add": {"index": name, "alias": self.alias, "is_write_index": True}},
                ]
            )
        except BaseException:
            # The error that stopped the rebuild is the one to report; a new index that cannot
            # be deleted now is deleted by the next rebuild (it is older than that one's).
            with contextlib.suppress(Exception):
                self.client.indices.delete(index=name, ignore_unavailable=True)
            raise
        logger.info("vacancy index %s is live", name)
        old = [index for index in self._indices() if index < name]
        if old:
            time.sleep(SWAP_GRACE_SECONDS)
            self.client.indices.delete(index=",".join(old), ignore_unavailable=True)
        return name

    def _wait_for_replicas(self, name: str) -> None:
        try:
            self.client.cluster.health(index=name, wait_for_status="green", timeout="60s")
        except ApiError as error:  # timed out: the primaries serve searches meanwhile
            logger.warning("replicas of %s not allocated within 60 s: %s", name, error)

    def _load(self, name: str, docs: Iterable[Mapping[str, object]]) -> None:
        actions = ({"_id": doc["id"], "_source": doc} for doc in docs)
        failures = [
            item
            for ok, item in streaming_bulk(
                self.client,
                actions,
                index=name,
                chunk_size=CHUNK,
                max_retries=0,
                raise_on_error=False,
                raise_on_exception=True,
            )
            if not ok
        ]
        if failures:
            raise IndexWriteError(_describe(failures, None))

    def _indices(self) -> list[str]:
        found = self.client.indices.get(
            index=self._pattern(), allow_no_indices=True, expand_wildcards="open,closed"
        )
        return sorted(found.body)

    def status(self) -> dict[str, object]:
        indices = {name: self._count(name) for name in self._indices()}
        live = self._live()
        return {
            "live": live,
            "documents": indices.get(live, 0) if live else 0,
            "indices": indices,
        }

    def _count(self, name: str) -> int:
        try:
            return int(self.client.count(index=name)["count"])
        except ApiError:  # closed, or deleted meanwhile
            return 0

    def drop(self) -> None:
        # Deleting the indices deletes the alias with them.
        self.client.indices.delete(
            index=self._pattern(), ignore_unavailable=True, allow_no_indices=True
        )

    # Searching -----------------------------------------------------------

    def search(self, query: Query) -> Results:
        try:
            response = self.client.search(index=self.alias, **search_body(query))
        except NotFoundError as error:
            if error.error != "index_not_found_exception":
                raise
            return Results(0, (), _empty_facets(), query.page, query.page_size)
        return _results(response.body, query)

    def search_many(self, queries: Sequence[Query]) -> list[Results]:
        """One round trip (msearch); the cluster runs the searches side by side."""
        if len(queries) == 1:
            return [self.search(queries[0])]
        searches: list[Mapping[str, Any]] = []
        for query in queries:
            searches += [{"index": self.alias}, _msearch_body(search_body(query))]
        answers = self.client.msearch(searches=searches)["responses"]
        found = []
        for query, answer in zip(queries, answers, strict=True):
            error = answer.get("error")
            if error is None:
                found.append(_results(answer, query))
            elif error.get("type") == "index_not_found_exception":
                found.append(Results(0, (), _empty_facets(), query.page, query.page_size))
            else:
                raise SearchError(f"{error.get('type')}: {error.get('reason')}")
        return found

    def suggest(self, prefix: str, limit: int) -> list[str]:
        try:
            response = self.client.search(index=self.alias, **suggest_body(prefix, limit))
        except NotFoundError as error:
            if error.error != "index_not_found_exception":
                raise
            return []
        return [hit["_source"]["suggestion"] for hit in response["hits"]["hits"]]


# Request bodies (plain functions over a Query, testable without a server) ---


def _msearch_body(body: dict[str, Any]) -> dict[str, Any]:
    """A search's keyword arguments as one body of an msearch."""
    body = dict(body)
    body["from"] = body.pop("from_")
    body["_source"] = {"includes": body.pop("source_includes")}
    return body


def _results(response: Mapping[str, Any], query: Query) -> Results:
    hits = tuple(_hit(hit, query) for hit in response["hits"]["hits"])
    aggregations = response.get("aggregations", {})
    facets = {
        dimension: {
            bucket["key"]: bucket["doc_count"]
            for bucket in aggregations[dimension]["values"]["buckets"]
        }
        if dimension in aggregations
        else {}
        for dimension in FACET_DIMENSIONS
    }
    return Results(
        total=response["hits"]["total"]["value"],
        hits=hits,
        facets=facets,
        page=query.page,
        page_size=query.page_size,
    )


def _term_query(term: Term, typos: bool = True) -> dict[str, Any]:
    """One term matches any text field (typo tolerant) or, when long, inside a title compound.

    Terms come from search.analysis, as in the embedded backend: the typos allowed
    follow the length of the word as typed, and the stem is what is looked for
    inside compounds ("reinig" of "Reinigung" in "Gebäudereiniger").
    """
    exact = {"query": term.word, "fields": list(TEXT_FIELDS), "operator": "and"}
    options: list[dict[str, Any]] = [{"multi_match": exact}]
    if term.edits and typos:
        fuzzy = {
            **exact,
            "fields": list(FOLDED_FIELDS),
            "fuzziness": term.edits,
            "boost": FUZZY_BOOST,
        }
        options.append({"multi_match": fuzzy})
    if term.substring:
        compound = {"query": term.substring, "operator": "and", "boost": COMPOUND_BOOST}
        options.append({"match": {"title.ngram": compound}})
    return {"bool": {"should": options, "minimum_should_match": 1}}


def _highlight_query(terms: list[Term]) -> dict[str, Any]:
    """What the highlighter marks: exact (stemmed) matches and compound parts of the title.

    Not the typo-tolerant matches: highlighting fuzzy queries costs the highlighter tens of
    milliseconds per hit (100k vacancies: p95 1.4 s instead of 30 ms).
    """
    marked: list[dict[str, Any]] = []
    for term in terms:
        marked.append({"multi_match": {"query": term.word, "fields": ["title", "description"]}})
        if term.substring:
            compound = {"query": term.substring, "operator": "and"}
            marked.append({"match": {"title.ngram": compound}})
    return {"bool": {"should": marked}}


def _filters(query: Query) -> list[dict[str, Any]]:
    """Every filter except the facet dimensions (kind, working time)."""
    found: list[dict[str, Any]] = [{"term": {"hidden": False}}]
    if query.active_only:
        found.append({"term": {"state": "active"}})
    if query.near is not None and query.radius_km is not None:
        lat, lon = query.near
        found.append(
            {
                "geo_distance": {
                    "distance": f"{query.radius_km}km",
                    "location": {"lat": lat, "lon": lon},
                }
            }
        )
    if (since := query.posted_since) is not None:
        found.append({"range": {"posted": {"gte": since.isoformat()}}})
    if (rank := query.max_german_rank) is not None:
        found.append({"range": {"german_rank": {"lte": rank}}})
    if query.no_driving_licence:
        found.append({"term": {"driving_licence": False}})
    return found


def _facet_filters(query: Query) -> dict[str, dict[str, Any]]:
    found = {}
    if query.kinds:
        found["kind"] = {"terms": {"kind": sorted(query.kinds)}}
    if query.working_times:
        found["working_time"] = {"terms": {"working_times": sorted(query.working_times)}}
    return found


def _sort(query: Query) -> list[Any]:
    sort = query.effective_sort()
    if sort == "relevance":
        first: dict[str, Any] = {"_score": "desc"}
    elif sort == "date":
        first = {"posted": "desc"}
    elif query.near is not None:
        lat, lon = query.near
        # Vacancies without coordinates sort as infinitely far, so they come last.
        first = {
            "_geo_distance": {
                "location": {"lat": lat, "lon": lon},
                "order": "asc",
                "unit": "km",
                "ignore_unmapped": True,
            }
        }
    else:  # Query refuses sorting by distance without a point
        raise ValueError("sorting by distance needs a point")
    return [first, {"id": "desc"}]


def search_body(query: Query) -> dict[str, Any]:
    terms = query_terms(query.text)
    phrases = [found for phrase in query.any_text if (found := query_terms(phrase))]
    must = [_term_query(term) for term in terms]
    if phrases:  # any one phrase, all its terms
        either = [
            {"bool": {"must": [_term_query(term, typos=False) for term in phrase]}}
            for phrase in phrases
        ]
        must.append({"bool": {"should": either, "minimum_should_match": 1}})
    marked = terms + [term for phrase in phrases for term in phrase]
    facet_filters = _facet_filters(query)
    aggregations = {
        dimension: {
            "filter": {"bool": {"filter": [f for d, f in facet_filters.items() if d != dimension]}},
            "aggs": {"values": {"terms": {"field": field, "size": FACET_SIZE}}},
        }
        for dimension, field in (("kind", "kind"), ("working_time", "working_times"))
    }
    body: dict[str, Any] = {
        "query": {
            "bool": {
                "must": must,
                "filter": _filters(query),
            }
        },
        "aggs": aggregations,
        "sort": _sort(query),
        "from_": query.offset,
        "size": query.page_size,
        "track_total_hits": True,
        "source_includes": HIT_SOURCE,
        "highlight": {
            "highlight_query": _highlight_query(marked),
            "encoder": "html",
            "pre_tags": ["<mark>"],
            "post_tags": ["</mark>"],
            "fields": {
                "title": {"number_of_fragments": 0, "matched_fields": ["title", "title.ngram"]},
                "description": {"fragment_size": 160, "number_of_fragments": 1},
            },
        },
    }
    if facet_filters:
        body["post_filter"] = {"bool": {"filter": list(facet_filters.values())}}
    if not marked or not query.details:
        del body["highlight"]
    if not query.details:
        del body["aggs"]
    return body


def suggest_body(prefix: str, limit: int) -> dict[str, Any]:
    typed = {"query": prefix, "operator": "and"}
    fuzzy = {**typed, "fuzziness": f"AUTO:{SUGGEST_FUZZY_MIN_LENGTH},100", "prefix_length": 1}
    return {
        "query": {
            "bool": {
                "must": [{"match": {"suggestion": fuzzy}}],
                "should": [
                    # Exactly typed beats a typo; a title that starts with it beats one that
                    # has it further on.
                    {"match": {"suggestion": {**typed, "boost": 2}}},
                    {"prefix": {"suggestion.key": {"value": prefix.lower(), "boost": 2}}},
                ],
                "filter": [{"term": {"hidden": False}}, {"term": {"state": "active"}}],
            }
        },
        # One hit per suggestion, compared in lower case: the distinct titles.
        "collapse": {"field": "suggestion.key"},
        "sort": [{"_score": "desc"}, {"suggestion.key": "asc"}],
        "size": limit,
        "source_includes": ["suggestion"],
    }


# Responses -------------------------------------------------------------------


def _hit(hit: Mapping[str, Any], query: Query) -> Hit:
    source = hit["_source"]
    location = source.get("location")
    distance = None
    if query.near is not None and location:
        distance = round(
            distance_km(query.near[0], query.near[1], location["lat"], location["lon"]), 1
        )
    highlight = hit.get("highlight", {})
    title = source["title"]
    # Without text nothing was highlighted: the title escaped, no snippet.
    highlight_title = _marked(highlight.get("title", [escape(title)])[0])
    highlight_description = _marked(highlight.get("description", [""])[0])
    return Hit(
        id=int(source["id"]),
        score=float(hit.get("_score") or 0.0),
        kind=source["kind"],
        title=title,
        employer=source["employer"],
        postal_code=source["postal_code"],
        city=source["city"],
        working_times=tuple(source["working_times"]),
        posted=parse_posted(source.get("posted")),
        german_level=source["german_level"],
        driving_licence=bool(source["driving_licence"]),
        url=source["url"],
        distance_km=distance,
        highlight_title=highlight_title,
        highlight_description=highlight_description,
    )


def _marked(fragment: str) -> str:
    """The highlighter's HTML, escaped as html.escape does (it writes "/" as "&#x2F;")."""
    pieces = _MARKS.split(fragment)
    return "".join(p if p in ("<mark>", "</mark>") else escape(unescape(p)) for p in pieces)


def _empty_facets() -> dict[str, dict[str, int]]:
    return {dimension: {} for dimension in FACET_DIMENSIONS}


def _already_deleted(item: Mapping[str, Any]) -> bool:
    return "delete" in item and item["delete"].get("status") == 404


def _describe(failures: Sequence[Mapping[str, Any]], total: int | None) -> str:
    reasons: Iterator[str] = (
        f"{op} {info.get('_id')}: {info.get('error') or info.get('status')}"
        for item in failures[:3]
        for op, info in item.items()
    )
    of = f" of {total}" if total is not None else ""
    return f"{len(failures)}{of} index operations failed, e.g. " + "; ".join(reasons)
