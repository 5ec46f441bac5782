"""German text analysis for the embedded index: words, folding, stems, highlights.

Pure functions over strings, the same for what is indexed and what is asked,
so "Küche", "Kueche" and "Kuche" all become the stem "kuch", and "Lagerhelfers"
becomes "lagerhelf" like "Lagerhelfer".

Folding follows the German normalisation Elasticsearch uses (Lucene's
GermanNormalizationFilter): lower case; ä, ö, ü to a, o, u; ß to ss; "ae",
"oe" and "ue" typed for an umlaut to a, o, u (not in "Bauer", "Feuer" or
"Quelle"); then every other accent dropped (é to e). Stems come from the
Snowball German stemmer.
"""

from __future__ import annotations

import html
import re
import threading
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

import snowballstemmer

__all__ = [
    "Term",
    "analyse",
    "analysed_words",
    "fold",
    "highlight",
    "query_terms",
    "snippet",
    "stem",
    "stems",
    "words",
]

WORD = re.compile(r"[^\W_]+")
_UMLAUTS = str.maketrans({"ä": "a", "ö": "o", "ü": "u", "ß": "ss"})
# The "e" of an "ae", "oe" or "ue" written for an umlaut: after a or o, or after
# a u that follows no vowel (Lucene's state machine, as lookbehinds).
_TYPED_UMLAUT = re.compile(r"(?:(?<=[ao])|(?<=^u)|(?<=[^aeiouyqäöü]u))e")
SUBSTRING_MIN = 4  # a term this long also matches inside a compound word of the title


def fold(text: str) -> str:
    """Lower case, umlauts and ß folded the German way, other accents dropped."""
    text = _TYPED_UMLAUT.sub("", text.lower()).translate(_UMLAUTS)
    if not text.isascii():
        text = "".join(
            c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)
        )
    return text


class _Stemmers(threading.local):
    """Snowball stemmers keep state while they work: one per thread."""

    def __init__(self) -> None:
        self.german = snowballstemmer.stemmer("german")


_stemmers = _Stemmers()


@lru_cache(maxsize=200_000)
def analyse(word: str) -> tuple[str, str]:
    """One word as indexed: (folded, stem); ("", "") for no letters or digits."""
    folded = fold(word)
    if not folded.isalnum():  # a ligature or fraction may fold into separators
        folded = "".join(c for c in folded if c.isalnum())
    if not folded:
        return "", ""
    return folded, str(_stemmers.german.stemWord(folded))


def stem(word: str) -> str:
    """The indexed form of one word: folded, then stemmed; "" for no letters or digits."""
    return analyse(word)[1]


def words(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, stem) of every word of `text`, positions in `text` itself."""
    for match in WORD.finditer(text):
        if token := stem(match.group()):
            yield match.start(), match.end(), token


def analysed_words(text: str) -> list[tuple[str, str]]:
    """(folded, stem) of every word of `text`, in order."""
    return [pair for word in WORD.findall(text) if (pair := analyse(word))[1]]


def stems(text: str) -> list[str]:
    """The stems of `text` in order: what the full-text index holds."""
    return [token for word in WORD.findall(text) if (token := stem(word))]


@dataclass(frozen=True)
class Term:
    """One word of a query: folded, its stem, and what it matches inside title compounds."""

    word: str
    stem: str
    substring: str  # "" for words too short to look inside compounds

    @property
    def edits(self) -> int:
        """Typos allowed: none below 4 characters, one from 4, two from 8."""
        return 0 if len(self.word) < 4 else 1 if len(self.word) < 8 else 2


def query_terms(text: str) -> list[Term]:
    """The terms of a query; search syntax (quotes, operators, stars) is only text."""
    terms = []
    for word in WORD.findall(text):
        folded, token = analyse(word)
        if not token:
            continue
        # The stem looks inside compounds ("reinig" in "Gebäudereiniger"); when
        # stemming left too little ("lager" -> "lag"), the word itself does.
        substring = token if len(token) >= SUBSTRING_MIN else folded
        terms.append(Term(folded, token, substring if len(substring) >= SUBSTRING_MIN else ""))
    return terms


def _matches(word: str, token: str, matched: frozenset[str], substrings: tuple[str, ...]) -> bool:
    if token in matched:
        return True
    return bool(substrings) and any(part in fold(word) for part in substrings)


def _marked(
    text: str, start: int, end: int, matched: frozenset[str], substrings: tuple[str, ...]
) -> tuple[str, bool]:
    """Escaped text[start:end] with matched words in <mark>, and whether any was."""
    out, position, found = [], start, False
    for match in WORD.finditer(text, start, end):
        token = stem(match.group())
        if token and _matches(match.group(), token, matched, substrings):
            out.append(html.escape(text[position : match.start()]))
            out.append(f"<mark>{html.escape(match.group())}</mark>")
            position, found = match.end(), True
    out.append(html.escape(text[position:end]))
    return "".join(out), found


def highlight(text: str, matched: frozenset[str], substrings: tuple[str, ...] = ()) -> str:
    """HTML-safe `text` with <mark> around words whose stem matched or that contain
    one of `substrings` (folded)."""
    return _marked(text, 0, len(text), matched, substrings)[0]


def snippet(text: str, matched: frozenset[str], size: int = 160) -> str:
    """An HTML-safe excerpt of about `size` characters around the first matched
    word, matches in <mark>; "" when no word matched."""
    first = next(
        (start for start, _, token in words(text) if token in matched),
        None,
    )
    if first is None:
        return ""
    start = max(0, min(first - size // 4, len(text) - size))
    if start > 0:  # begin at a word
        space = text.find(" ", start, first)
        start = space + 1 if space >= 0 else start
    end = min(len(text), start + size)
    if end < len(text):  # end at a word
        space = text.rfind(" ", first, end)
        end = space if space > first else end
    body, _ = _marked(text, start, end, matched, ())
    return ("…" if start > 0 else "") + body.strip() + ("…" if end < len(text) else "")
