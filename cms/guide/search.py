"""Searching the guide in one language, forgiving typos.

Wagtail's backends find words as written (the database backend) or by their
stem (Elasticsearch). People who write German as a second language often
misspell, so when a search finds nothing, each word of the query is matched
with rapidfuzz against the words the guide uses in that language, and the
search is run once more with the closest words ("Did you mean ...?").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from django.db.models import Max
from django.utils.html import strip_tags
from rapidfuzz import fuzz, process
from wagtail.models import Locale, Page
from wagtail.search import index
from wagtail.search.backends import get_search_backend

WORD = re.compile(r"\w{3,}", re.UNICODE)
MIN_SIMILARITY = 75


# Elasticsearch analyser per content language (analysis-common's names).
# Ukrainian has none there (it needs the analysis-ukrainian plugin), so it
# gets the language-neutral standard analyser.
ANALYZERS = {
    "de": "german",
    "de-x-ls": "german",
    "en": "english",
    "uk": "standard",
    "ru": "russian",
    "ar": "arabic",
    "fa": "persian",
    "tr": "turkish",
}
TEXT_ATTRIBUTES = ("summary", "intro", "description", "opening_notes")


def language_field(language_code: str) -> str:
    return "text_" + language_code.replace("-", "_")


def _strings(value) -> list[str]:
    """Every string inside a StreamField's raw data."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [text for item in value.values() for text in _strings(item)]
    if isinstance(value, list | tuple):
        return [text for item in value for text in _strings(item)]
    return []


def _language_property(code: str) -> property:
    def text(page) -> str:
        return page.language_text() if page.locale.language_code == code else ""

    return property(text)


class LanguageSearchMixin:
    """A page's text, indexed once more in a field of its own language.

    Elasticsearch analyses each `text_<language>` field with that language's
    analyser (German stems "Kurse" to "kurs", Arabic strips its articles), so
    a search in one language matches word forms of that language. The
    database backend indexes the fields as plain text.
    """

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        # On each page class itself: the search index looks fields up on
        # the model that defines them, and the mixin is not a model.
        for code in ANALYZERS:
            setattr(cls, language_field(code), _language_property(code))

    def language_text(self) -> str:
        parts = [self.title]
        parts += [strip_tags(str(getattr(self, name, "") or "")) for name in TEXT_ATTRIBUTES]
        body = getattr(self, "body", None)
        if body is not None:
            parts += [strip_tags(text) for text in _strings(body.get_prep_value())]
        return " ".join(part for part in parts if part)

    @classmethod
    def language_search_fields(cls) -> list[index.SearchField]:
        return [
            index.SearchField(language_field(code), es_extra={"analyzer": analyzer})
            for code, analyzer in ANALYZERS.items()
        ]


@dataclass
class GuideSearch:
    query: str
    results: list[Page] = field(default_factory=list)
    corrected_query: str | None = None


def _pages(locale: Locale):
    return Page.objects.live().public().filter(locale=locale)


def _search(pages, query: str, operator: str, limit: int) -> list[Page]:
    # Aliases repeat another page's content; the search index cannot filter
    # them out, so they are dropped here.
    found = pages.search(query, operator=operator)[: limit * 2]
    return [page for page in found if page.alias_of_id is None][:limit]


def _page_words(page: Page) -> set[str]:
    texts = [page.title]
    for name in ("summary", "intro", "search_description"):
        value = getattr(page, name, "")
        if value:
            texts.append(re.sub(r"<[^>]+>", " ", str(value)))
    return {word.lower() for text in texts for word in WORD.findall(text)}


@lru_cache(maxsize=32)
def _vocabulary(locale_id: int, version: str) -> tuple[str, ...]:
    """All words of the live pages in one locale; `version` keys the cache."""
    locale = Locale.objects.get(pk=locale_id)
    words: set[str] = set()
    for page in _pages(locale).filter(alias_of__isnull=True).specific():
        words |= _page_words(page)
    return tuple(sorted(words))


def vocabulary(locale: Locale) -> tuple[str, ...]:
    changed = _pages(locale).aggregate(latest=Max("last_published_at"))["latest"]
    return _vocabulary(locale.pk, str(changed))


def correct(query: str, words: tuple[str, ...]) -> str | None:
    """The query with each unknown word replaced by its closest known word."""
    known = set(words)
    corrected, changed = [], False
    for word in query.split():
        lowered = word.lower()
        if lowered in known or len(lowered) < 3:
            corrected.append(word)
            continue
        match = process.extractOne(lowered, words, scorer=fuzz.WRatio, score_cutoff=MIN_SIMILARITY)
        if match is None:
            corrected.append(word)
        else:
            corrected.append(match[0])
            changed = True
    return " ".join(corrected) if changed else None


def _elasticsearch_guide(query: str, locale: Locale, limit: int) -> list[Page] | None:
    """Search the language's own field with its analyser, forgiving typos.

    Returns None when the configured backend is not Elasticsearch.
    """
    backend = get_search_backend()
    if not hasattr(backend, "es"):
        return None
    field_name = language_field(locale.language_code)
    body = {
        "bool": {
            "must": {
                "multi_match": {
                    "query": query,
                    "fields": [f"*__{field_name}", "title^2"],
                    "fuzziness": "AUTO",
                    "operator": "and",
                }
            },
            "filter": [
                {"term": {"locale_id_filter": locale.pk}},
                {"term": {"live_filter": True}},
            ],
        }
    }
    response = backend.es.search(
        index=backend.get_index_for_model(Page).name, query=body, size=limit * 2, _source=False
    )
    ids = [int(hit["_id"]) for hit in response["hits"]["hits"]]
    pages = _pages(locale).filter(pk__in=ids, alias_of__isnull=True).in_bulk()
    return [pages[pk] for pk in ids if pk in pages][:limit]


def search_guide(query: str, locale: Locale, limit: int = 30) -> GuideSearch:
    query = query.strip()
    if not query:
        return GuideSearch(query)
    found = _elasticsearch_guide(query, locale, limit)
    if found is not None:
        return GuideSearch(query, found)
    pages = _pages(locale)
    results = _search(pages, query, "and", limit)
    if results:
        return GuideSearch(query, results)
    suggestion = correct(query, vocabulary(locale))
    if suggestion:
        return GuideSearch(query, _search(pages, suggestion, "and", limit), suggestion)
    return GuideSearch(query, _search(pages, query, "or", limit))
