"""The skill taxonomy and the recognition of its concepts in free text.

A concept is an occupation or a skill with labels in the project's languages
(the data file `concepts.json` beside this module; format in README.md).
`Taxonomy.analyse` finds concepts in a participant's free text or a vacancy's
title: exact matches of folded labels first, then typo-tolerant matches
(optimal string alignment distance, which counts a swapped pair of letters as
one edit), then German compounds by their head ("Gabelstaplerfahrer" ends in
"staplerfahrer"). Words that match nothing come back as leftover text, so an
unknown phrase still counts for the engine's text similarity.
"""

from __future__ import annotations

import bisect
import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Literal

from rapidfuzz import process
from rapidfuzz.distance import OSA

from matching.taxonomy.normalise import (
    female_forms,
    fold,
    has_cyrillic,
    script_of,
    strip_gender,
    transliterate_cyrillic,
)

Kind = Literal["occupation", "skill"]
KINDS: tuple[Kind, ...] = ("occupation", "skill")
LANGUAGES = ("de", "en", "uk", "ru", "ar", "fa", "tr")
DATA_FILE = Path(__file__).with_name("concepts.json")


def _folded_words(text: str) -> frozenset[str]:
    return frozenset(fold(word) for word in text.split())


# Words that carry no concept on their own: they may sit inside a label
# ("Fachkraft für Lagerlogistik") but never start or end a fuzzy match and are
# not reported as leftover text.
STOPWORDS = _folded_words(
    """
    ich suche arbeit als oder und mit im in der die das den dem des ein eine einer einen
    fur zum zur von bei auf an am job stelle stellen bereich erfahrung jahre jahr jahren
    gerne auch sehr gut gute guter mehrere viel etwas kein keine m w d
    i am a an the and or as in of for with at on looking work job jobs experience years year
    some good very
    я и й или в у на с з как як работа работу робота роботу ищу шукаю опыт досвід лет года
    років роки хочу есть є по для від от до
    و في من على عمل ابحث عن خبرة سنوات سنة او أو مع الى إلى
    و در از به با یا سال تجربه دنبال برای
    ve veya ile için iş arıyorum deneyim yıl olarak bir çok
    """
)
# Words of vacancy titles that say what kind of offer it is, not which occupation.
TITLE_NOISE = _folded_words(
    """
    ausbildung umschulung qualifizierung weiterbildung praktikum kurs lehrgang
    aushilfe minijob vollzeit teilzeit nachtschicht schicht quereinsteiger
    quereinstieg befristet unbefristet sofort ab """
)

# Role words that say "someone who works", not at what. Alone they are never
# matched by similarity ("Mitarbeiter" is not a misspelt "Barmitarbeiter").
GENERIC_WORDS = _folded_words(
    """
    mitarbeiter mitarbeiterin helfer helferin hilfe hilfskraft kraft fachkraft aushilfe
    assistent assistenz angestellter angestellte arbeiter arbeiterin beschaftigter
    worker helper assistant staff employee operative
    работник работница рабочий помощник сотрудник працівник працівниця робітник помічник
    عامل عاملة موظف مساعد كارگر کارمند دستيار
    isci eleman calisan yardimci personel gorevli
    """
)

MAX_SPAN = 5  # longest run of words looked up as a whole label
MAX_FUZZY_SPAN = 3  # longest run of words compared by similarity
EXACT = 100
COMPACT_EXACT = 98  # "Lager Helfer" written apart, "Kfz Mechatroniker" without hyphen
SWAPPED_EXACT = 95  # "Helfer Lager" for "Lagerhelfer"
LONGER_SPAN_BONUS = 15  # prefer "LKW Fahrer" as a whole over "Fahrer" alone


def allowed_edits(length: int) -> int:
    """Typos tolerated in a label of `length` letters: none in short words,
    where one edit makes another word (Koch, Loch), more in long ones."""
    if length < 5:
        return 0
    if length < 8:
        return 1
    if length < 13:
        return 2
    return 3


@dataclass(frozen=True)
class Concept:
    """An occupation or a skill. `labels[lang][0]` is the preferred label in
    that language; `related` lists closely related concepts of the same kind;
    an occupation's `skills` are the skills typical for it."""

    id: str
    kind: Kind
    group: str
    labels: Mapping[str, tuple[str, ...]]
    related: tuple[str, ...] = ()
    skills: tuple[str, ...] = ()
    esco_uri: str = ""

    @property
    def preferred(self) -> str:
        """The German preferred label."""
        return self.label("de")

    def label(self, lang: str) -> str:
        """The preferred label in `lang`, German when there is none."""
        for code in (lang, "de", "en"):
            if self.labels.get(code):
                return self.labels[code][0]
        return self.id


@dataclass(frozen=True)
class Group:
    """A field of work ("warehouse", "care"); related groups are neighbouring
    fields a person moves between (warehouse and production)."""

    id: str
    labels: Mapping[str, str]
    related: tuple[str, ...] = ()


Relation = Literal["same", "related", "group", "neighbour"]


@dataclass(frozen=True)
class ConceptHit:
    """One concept found in a text: how sure (0–100), which words of the text
    (folded) and which label (folded) they matched."""

    id: str
    kind: Kind
    score: int
    phrase: str
    label: str

    @property
    def concept_id(self) -> str:
        return self.id


@dataclass(frozen=True)
class TextAnalysis:
    hits: tuple[ConceptHit, ...]
    leftover: tuple[str, ...]  # folded phrases that matched no concept

    def ids(self, kind: Kind | None = None) -> list[str]:
        return [hit.id for hit in self.hits if kind is None or hit.kind == kind]


@dataclass(frozen=True)
class _Candidate:
    start: int
    end: int
    score: int
    label: str
    concept_ids: frozenset[str]

    @property
    def rank(self) -> tuple[float, int]:
        # A longer run of words explains more of the text, but a loose
        # similarity match must not swallow words it does not contain.
        width = self.end - self.start
        sureness = min(1.0, max(0.0, (self.score - 75) / 25))
        return (self.score + LONGER_SPAN_BONUS * (width - 1) * sureness, width)


def _key_tokens(folded: str) -> list[str]:
    """Tokens as the index compares them: the Arabic article is dropped
    ("المستودع" is "مستودع")."""
    out = []
    for token in folded.split():
        if token.startswith("وال") and len(token) > 5:
            token = token[3:]
        elif token.startswith("ال") and len(token) > 4:
            token = token[2:]
        out.append(token)
    return out


@dataclass
class _Bucket:
    """Compact labels (spaces removed) sharing a letter, sorted by length, so
    a fuzzy query only meets labels of about its own length."""

    lengths: list[int] = field(default_factory=list)
    keys: list[str] = field(default_factory=list)

    def around(self, length: int, spread: int) -> list[str]:
        lo = bisect.bisect_left(self.lengths, length - spread)
        hi = bisect.bisect_right(self.lengths, length + spread)
        return self.keys[lo:hi]


class Taxonomy:
    """Concepts by id and an index of their folded labels."""

    def __init__(self, concepts: Iterable[Concept], groups: Iterable[Group] = ()) -> None:
        self.groups: dict[str, Group] = {group.id: group for group in groups}
        self.concepts: dict[str, Concept] = {}
        for concept in concepts:
            if concept.id in self.concepts:
                raise ValueError(f"Concept id {concept.id!r} appears twice in the taxonomy.")
            self.concepts[concept.id] = concept
        self._exact: dict[str, set[str]] = {}
        self._compact: dict[str, set[str]] = {}
        # compact labels by their first letter and by their second letter
        self._buckets: dict[tuple[int, str], _Bucket] = {}
        self._cache: dict[tuple[str, Kind | None], TextAnalysis] = {}
        self._fuzzy_cache: dict[tuple[str, int], list[tuple[int, str, frozenset[str]]]] = {}
        self._build_index()
        related: dict[str, dict[str, None]] = {c: {} for c in self.concepts}
        for concept in self.concepts.values():
            for other in concept.related:
                if other in self.concepts and other != concept.id:
                    related[concept.id].setdefault(other)
                    related[other].setdefault(concept.id)
        self._related = {c: tuple(others) for c, others in related.items()}

    # loading

    @classmethod
    def load(cls, path: Path | str | None = None) -> Taxonomy:
        """The taxonomy in a data file (default: the curated one in the repository)."""
        with open(path or DATA_FILE, encoding="utf-8") as handle:
            return cls.from_dict(json.load(handle))

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Taxonomy:
        concepts = []
        for entry in data.get("concepts", []):
            kind = entry.get("kind")
            if kind not in KINDS:
                raise ValueError(
                    f"Concept {entry.get('id')!r} has kind {kind!r}; use 'occupation' or 'skill'."
                )
            concepts.append(
                Concept(
                    id=entry["id"],
                    kind=kind,
                    group=entry.get("group", ""),
                    labels={
                        lang: tuple(labels) for lang, labels in entry.get("labels", {}).items()
                    },
                    related=tuple(entry.get("related", ())),
                    skills=tuple(entry.get("skills", ())),
                    esco_uri=entry.get("esco_uri", ""),
                )
            )
        groups = [
            Group(
                id=group_id,
                labels=dict(entry.get("labels", {})),
                related=tuple(entry.get("related", ())),
            )
            for group_id, entry in data.get("groups", {}).items()
        ]
        return cls(concepts, groups)

    # lookups

    def __len__(self) -> int:
        return len(self.concepts)

    def __iter__(self) -> Iterator[Concept]:
        return iter(self.concepts.values())

    def __contains__(self, concept_id: object) -> bool:
        return concept_id in self.concepts

    def get(self, concept_id: str) -> Concept:
        return self.concepts[concept_id]

    def of_kind(self, kind: Kind) -> list[Concept]:
        return [c for c in self.concepts.values() if c.kind == kind]

    def label(self, concept_id: str, lang: str = "de") -> str:
        """The preferred label of a concept in `lang` (German when missing);
        empty for an empty or unknown id, so an explanation never breaks."""
        concept = self.concepts.get(concept_id)
        return concept.label(lang) if concept else ""

    def related_to(self, concept_id: str) -> tuple[str, ...]:
        """Concepts listed as related to this one, in either direction."""
        if concept_id not in self.concepts:
            return ()
        return self._related.get(concept_id, ())

    def relation(self, a: str, b: str) -> Relation | None:
        """How close two concepts are: the same, explicitly related, in one
        group (field of work), in neighbouring groups, or not at all (None)."""
        if a == b:
            return "same"
        if a not in self.concepts or b not in self.concepts:
            return None
        if b in self.related_to(a):
            return "related"
        group_a, group_b = self.concepts[a].group, self.concepts[b].group
        if group_a == group_b:
            return "group"
        for this, other in ((group_a, group_b), (group_b, group_a)):
            group = self.groups.get(this)
            if group is not None and other in group.related:
                return "neighbour"
        return None

    def related(self, a: str, b: str, reach: tuple[Relation, ...] = ("related",)) -> bool:
        """Whether `b` is a closely related concept of `a` (not the same one).
        By default only concepts listed as related count; pass a wider `reach`
        ("group", "neighbour") to accept the same or a neighbouring field."""
        return a != b and self.relation(a, b) in reach

    def search_phrases(self, concept_ids: Iterable[str], related: bool = True) -> list[str]:
        """German phrases to find vacancies for these concepts in the index:
        all their German labels and, with `related`, the preferred German
        labels of their related concepts."""
        phrases: dict[str, None] = {}
        ids = [c for c in concept_ids if c in self.concepts]
        for concept_id in ids:
            for label in self.concepts[concept_id].labels.get("de", ()):
                phrases.setdefault(label)
        if related:
            for concept_id in ids:
                for other in self.related_to(concept_id):
                    phrases.setdefault(self.concepts[other].preferred)
        return list(phrases)

    # the index

    def _add_key(self, folded: str, concept_id: str) -> None:
        tokens = _key_tokens(folded)
        if not tokens:
            return
        self._exact.setdefault(" ".join(tokens), set()).add(concept_id)
        compact = "".join(tokens)
        self._compact.setdefault(compact, set()).add(concept_id)

    def _build_index(self) -> None:
        for concept in self.concepts.values():
            for lang, labels in concept.labels.items():
                for label in labels:
                    folded = fold(label)
                    self._add_key(folded, concept.id)
                    if lang == "de":
                        for form in female_forms(folded):
                            self._add_key(form, concept.id)
        by_letter: dict[tuple[int, str], list[str]] = {}
        for compact in self._compact:
            for position in (0, 1):
                if len(compact) > position:
                    by_letter.setdefault((position, compact[position]), []).append(compact)
        for key, keys in by_letter.items():
            keys.sort(key=lambda k: (len(k), k))
            self._buckets[key] = _Bucket([len(k) for k in keys], keys)
        # rapidfuzz loads its native scorers on first use; pay that here, not
        # on the first participant's text
        process.extract("warm", ["warm"], scorer=OSA.distance)

    # recognition

    def concepts_in(self, text: str, kind: Kind | None = None) -> list[ConceptHit]:
        """The concepts (of `kind`, or all) found in `text`, best first."""
        return list(self.analyse(text, kind).hits)

    def exact_concepts(self, text: str, kind: Kind | None = None) -> set[str]:
        """Concepts (of `kind`, or all) whose label stands word for word in `text`,
        after folding: no typo tolerance, but fast enough for long prose."""
        tokens = _key_tokens(fold(strip_gender(text)))
        found: set[str] = set()
        for start in range(len(tokens)):
            for end in range(start + 1, min(len(tokens), start + MAX_SPAN) + 1):
                for concept_id in self._exact.get(" ".join(tokens[start:end]), ()):
                    if kind is None or self.concepts[concept_id].kind == kind:
                        found.add(concept_id)
        return found

    def analyse(self, text: str, kind: Kind | None = None) -> TextAnalysis:
        """Concepts (of `kind`, or all) found in `text` and the words that
        matched none. Looking for one kind lets a skill not hide an occupation
        on the same words ("Pflegehilfe Basiskurs")."""
        key = (text, kind)
        cached = self._cache.get(key)
        if cached is not None:
            return cached
        result = self._analyse(text, kind)
        if len(self._cache) > 50_000:
            self._cache.clear()
        self._cache[key] = result
        return result

    def _analyse(self, text: str, kind: Kind | None) -> TextAnalysis:
        tokens = _key_tokens(fold(strip_gender(text)))
        # One candidate per run of words: its best score, and every concept
        # reaching that score there (one label may name several concepts).
        spans: dict[tuple[int, int], _Candidate] = {}
        for cand in self._candidates(tokens):
            if kind is not None:
                ids = frozenset(i for i in cand.concept_ids if self.concepts[i].kind == kind)
                if not ids:
                    continue
                cand = _Candidate(cand.start, cand.end, cand.score, cand.label, ids)
            span = (cand.start, cand.end)
            held = spans.get(span)
            if held is None or cand.score > held.score:
                spans[span] = cand
            elif cand.score == held.score:
                spans[span] = _Candidate(
                    *span, held.score, held.label, held.concept_ids | cand.concept_ids
                )
        # Greedy: the best-ranked run takes its words.
        taken = [False] * len(tokens)
        hits: dict[str, ConceptHit] = {}
        position: dict[str, int] = {}
        for cand in sorted(spans.values(), key=lambda c: (c.rank, -c.start), reverse=True):
            if any(taken[cand.start : cand.end]):
                continue
            for i in range(cand.start, cand.end):
                taken[i] = True
            phrase = " ".join(tokens[cand.start : cand.end])
            for concept_id in sorted(cand.concept_ids):
                if concept_id not in hits or hits[concept_id].score < cand.score:
                    concept = self.concepts[concept_id]
                    hits[concept_id] = ConceptHit(
                        concept_id, concept.kind, cand.score, phrase, cand.label
                    )
                    position[concept_id] = cand.start
        ordered = sorted(hits.values(), key=lambda h: (-h.score, position[h.id], h.id))
        return TextAnalysis(tuple(ordered), _leftover(tokens, taken))

    def _candidates(self, tokens: list[str]) -> list[_Candidate]:
        found: list[_Candidate] = []
        exact_spans: set[tuple[int, int]] = set()
        n = len(tokens)
        for start in range(n):
            for end in range(start + 1, min(n, start + MAX_SPAN) + 1):
                exact = self._exact_match(tokens[start:end], start, end)
                if exact:
                    found.extend(exact)
                    exact_spans.add((start, end))
        for start in range(n):
            for end in range(start + 1, min(n, start + MAX_FUZZY_SPAN) + 1):
                if tokens[end - 1].isdigit():
                    break  # "3 Jahre": numbers are never misspelt labels
                if tokens[end - 1] in STOPWORDS or (start, end) in exact_spans:
                    continue
                if tokens[start] in STOPWORDS and end - start < 3:
                    continue
                if end - start == 1 and tokens[start] in GENERIC_WORDS:
                    continue
                if end - start > 1 and any(
                    len(t) <= 2 and t not in STOPWORDS for t in tokens[start:end]
                ):
                    break  # "Fahrer Klasse C" is no misspelt "Fahrer Klasse B"
                fuzzy = self._fuzzy_match("".join(tokens[start:end]), start, end)
                if not fuzzy and end - start == 1:
                    fuzzy = self._compound_match(tokens[start], start)
                found.extend(fuzzy)
        return found

    def _exact_match(self, words: list[str], start: int, end: int) -> list[_Candidate]:
        joined = " ".join(words)
        ids = self._exact.get(joined)
        if ids:
            return [_Candidate(start, end, EXACT, joined, frozenset(ids))]
        if end - start == 1:
            return []
        compact = "".join(words)
        ids = self._compact.get(compact)
        if ids:
            return [_Candidate(start, end, COMPACT_EXACT, compact, frozenset(ids))]
        if end - start == 2 and script_of(compact) == "latin":
            swapped = words[1] + words[0]
            ids = self._compact.get(swapped)
            if ids:
                return [_Candidate(start, end, SWAPPED_EXACT, swapped, frozenset(ids))]
        return []

    def _fuzzy_match(self, query: str, start: int, end: int) -> list[_Candidate]:
        # The same words recur in thousands of titles and profiles.
        key = (query, end - start)
        known = self._fuzzy_cache.get(key)
        if known is None:
            known = self._fuzzy_lookup(query)
            if len(self._fuzzy_cache) > 100_000:
                self._fuzzy_cache.clear()
            self._fuzzy_cache[key] = known
        return [_Candidate(start, end, score, label, ids) for score, label, ids in known]

    def _fuzzy_lookup(self, query: str) -> list[tuple[int, str, frozenset[str]]]:
        found = self._fuzzy_in_script(query)
        if has_cyrillic(query):
            # German loanwords written in Cyrillic: штаплерфарер ~ staplerfahrer
            latin = transliterate_cyrillic(query).replace(" ", "")
            found.extend(
                (score - 5, label, ids)
                for score, label, ids in self._fuzzy_in_script(latin)
                if score - 5 >= 75
            )
        return found

    def _fuzzy_in_script(self, query: str) -> list[tuple[int, str, frozenset[str]]]:
        """Labels within the tolerated number of edits of `query` (both
        without spaces), with a score that falls with each edit.

        Only labels that start with the query's first or second letter, or
        whose second letter is the query's first, are compared: that keeps a
        typo, a missing or doubled first letter and swapped first letters,
        and makes the comparison ten times cheaper. A wrong first letter
        ("Cassierer") is not forgiven."""
        if len(query) < 5:
            return []
        spread = allowed_edits(len(query))
        choices: list[str] = []
        for key in ((0, query[0]), (0, query[1]), (1, query[0])):
            bucket = self._buckets.get(key)
            if bucket is not None and (key != (0, query[1]) or query[1] != query[0]):
                choices.extend(bucket.around(len(query), spread))
        if not choices:
            return []
        found: dict[str, tuple[int, str, frozenset[str]]] = {}
        for label, distance, _ in process.extract(
            query, choices, scorer=OSA.distance, score_cutoff=spread, limit=12
        ):
            if label in found or distance > allowed_edits(min(len(label), len(query))):
                continue
            score = round(100 * (1 - distance / max(len(label), len(query))))
            found[label] = (score, label, frozenset(self._compact[label]))
        return sorted(found.values(), reverse=True)[:8]

    def _compound_match(self, token: str, start: int) -> list[_Candidate]:
        """German compounds: the head (last part) names the thing
        ("Nachtschichtlagerhelfer" is a "Lagerhelfer"); failing that, a long
        first part ("Staplerfahrerausbildung")."""
        if len(token) < 8 or script_of(token) != "latin":
            return []
        for cut in range(2, len(token) - 3):
            head = token[cut:]
            ids = self._compact.get(head)
            if ids and len(head) >= 4:
                score = 80 + round(15 * len(head) / len(token))
                return [_Candidate(start, start + 1, score, head, frozenset(ids))]
        for cut in range(len(token) - 4, 5, -1):
            first = token[:cut]
            ids = self._compact.get(first)
            if ids:
                score = 70 + round(15 * len(first) / len(token))
                return [_Candidate(start, start + 1, score, first, frozenset(ids))]
        return []

    # vacancies

    def occupation_of_title(self, title: str, limit: int = 3) -> list[ConceptHit]:
        """The occupations a German vacancy title names, best first. Gender
        markers and offer words (Ausbildung, Praktikum, ...) are ignored. When
        the title names only skills ("Weiterbildung Staplerschein"), the
        occupations those skills are typical for, with lower scores."""
        words = [w for w in fold(strip_gender(title)).split() if w not in TITLE_NOISE]
        cleaned = " ".join(words)
        occupations = self.concepts_in(cleaned, "occupation")
        if occupations:
            return occupations[:limit]
        inferred: dict[str, ConceptHit] = {}
        for hit in self.concepts_in(cleaned, "skill"):
            for concept in self.concepts.values():
                if concept.kind != "occupation" or hit.id not in concept.skills:
                    continue
                position = concept.skills.index(hit.id)
                score = max(1, round(hit.score * 0.6) - 3 * position)
                if concept.id not in inferred or inferred[concept.id].score < score:
                    inferred[concept.id] = ConceptHit(
                        concept.id, "occupation", score, hit.phrase, hit.label
                    )
        return sorted(inferred.values(), key=lambda h: (-h.score, h.id))[:limit]


def _leftover(tokens: list[str], taken: list[bool]) -> tuple[str, ...]:
    runs: list[str] = []
    current: list[str] = []
    for token, used in zip(tokens, taken, strict=True):
        if used or token in STOPWORDS or token in TITLE_NOISE or token.isdigit():
            if current:
                runs.append(" ".join(current))
                current = []
            continue
        current.append(token)
    if current:
        runs.append(" ".join(current))
    return tuple(runs)


@cache
def default_taxonomy() -> Taxonomy:
    """The curated taxonomy, loaded once per process."""
    return Taxonomy.load()
