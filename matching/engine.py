"""The matching engine: candidates from the index, ranked by matching.scoring.

`match_participant` is the whole path for one person: consent checked,
profile normalised to taxonomy concepts, candidates retrieved through
`search.query` with the hard constraints as filters, re-ranked with pure
scoring, and the suggestions stored. `match_vacancies` runs the other way
for vacancies that changed. Both are what the Celery tasks call, and what
`manage.py matching_eval` measures.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cache, lru_cache

from django.db import transaction
from django.utils import timezone

from search import query as search_query
from search.geo import bounding_box, postcode_point
from search.query import Query, VacancyRecord

from . import scoring
from .models import Participant, Suggestion, VacancyFeatures
from .privacy import has_consent
from .taxonomy import Taxonomy
from .taxonomy.index import DATA_FILE

logger = logging.getLogger(__name__)

MAX_PHRASES = 30
# Raise when the way features are read from a vacancy changes: every kept
# VacancyFeatures row is then read again when next needed.
FEATURES_REVISION = "1"
DESCRIPTION_SKILL_WEIGHT = 0.8  # a skill named in the description, not in the list
# Skills many jobs ask for: they tell little about whether the occupation fits.
GENERIC_SKILL_GROUPS = frozenset({"soft", "general", "availability"})
GENERIC_SKILLS = frozenset(
    {"skill:driving_licence", "skill:driving_licence_b", "skill:first_aid", "skill:lang_german"}
)
# Languages a participant speaks well are skills too (interpreting, customer service).
LANGUAGE_SKILLS = {
    "ar": "skill:lang_arabic",
    "bg": "skill:lang_bulgarian",
    "en": "skill:lang_english",
    "es": "skill:lang_spanish",
    "fa": "skill:lang_farsi",
    "fr": "skill:lang_french",
    "ku": "skill:lang_kurdish",
    "pl": "skill:lang_polish",
    "ps": "skill:lang_pashto",
    "ro": "skill:lang_romanian",
    "ru": "skill:lang_russian",
    "ti": "skill:lang_tigrinya",
    "tr": "skill:lang_turkish",
    "uk": "skill:lang_ukrainian",
}

NEAREST = 100  # openings scored for their nearness alone
MAX_SUGGESTIONS = 50
MAX_REACH_KM = 200.0  # nobody is asked to travel farther; participants beyond are not checked
WORKING_TIME_ALIASES = {"schicht": "schicht_nacht_wochenende", "homeoffice": "heim_telearbeit"}

# German names of languages a vacancy may demand, as they appear in titles and
# requirement sentences ("Russischkenntnisse", "Dolmetscher Arabisch/Deutsch").
LANGUAGE_WORDS = {
    "arabisch": "ar",
    "russisch": "ru",
    "ukrainisch": "uk",
    "türkisch": "tr",
    "turkisch": "tr",
    "persisch": "fa",
    "farsi": "fa",
    "dari": "fa",
    "englisch": "en",
    "französisch": "fr",
    "polnisch": "pl",
    "rumänisch": "ro",
    "bulgarisch": "bg",
    "kurdisch": "ku",
    "tigrinya": "ti",
    "spanisch": "es",
    "italienisch": "it",
    "serbisch": "sr",
    "kroatisch": "hr",
    "albanisch": "sq",
    "vietnamesisch": "vi",
}
_MANDATORY = re.compile(
    r"voraussetzung|erforderlich|zwingend|setzen wir voraus|wird vorausgesetzt|"
    r"unbedingt|notwendig|muss|müssen|required|pflicht",
    re.IGNORECASE,
)
_LANGUAGE = re.compile(r"(" + "|".join(LANGUAGE_WORDS) + r")", re.IGNORECASE)
_INTERPRETER = re.compile(r"dolmetsch|übersetz|sprachmittl|interpret", re.IGNORECASE)
_SENTENCES = re.compile(r"(?<=[.!?;])\s+|\n")


@cache
def taxonomy() -> Taxonomy:
    return Taxonomy.load()


def required_languages(title: str, text: str) -> frozenset[str]:
    """Foreign languages the vacancy makes a condition (German is handled apart)."""
    found = set()
    if _INTERPRETER.search(title):
        found.update(LANGUAGE_WORDS[m.lower()] for m in _LANGUAGE.findall(title))
    for sentence in _SENTENCES.split(text):
        if _MANDATORY.search(sentence):
            found.update(LANGUAGE_WORDS[m.lower()] for m in _LANGUAGE.findall(sentence))
    found.discard("de")
    return frozenset(found)


def _concepts(texts: Iterable[str], kind: str) -> dict[str, float]:
    found: dict[str, float] = {}
    for text in texts:
        # Asking for one kind keeps an occupation on the same words from hiding a
        # skill ("Metall bearbeiten" is a skill here, not the metalworker).
        for hit in taxonomy().concepts_in(text, kind=kind):
            found[hit.id] = max(found.get(hit.id, 0.0), hit.score / 100)
    return found


def _specific(skills: dict[str, float]) -> dict[str, float]:
    """Only the skills of an occupation: soft skills, licences and the like say
    little about whether a job fits (they weigh in through the hard constraints)."""
    concepts = taxonomy().concepts
    return {
        concept: sure
        for concept, sure in skills.items()
        if concept not in GENERIC_SKILLS
        and getattr(concepts.get(concept), "group", "") not in GENERIC_SKILL_GROUPS
    }


def _lines(text: str) -> list[str]:
    return [part.strip() for part in re.split(r"[\n,;]+", text) if part.strip()]


def profile(participant: Participant) -> scoring.Profile:
    languages = {
        entry["lang"]: scoring.level(entry.get("level"))
        for entry in participant.languages
        if isinstance(entry, dict) and entry.get("lang")
    }
    languages["de"] = max(languages.get("de", 0), scoring.level(participant.german_level))
    point = None
    if participant.latitude is not None and participant.longitude is not None:
        point = (participant.latitude, participant.longitude)
    elif participant.home_postal_code and (found := postcode_point(participant.home_postal_code)):
        point = (found.latitude, found.longitude)
    occupations = _concepts(_lines(participant.desired_occupations), "occupation")
    skills = _specific(_concepts(participant.skill_lines(), "skill"))
    for language, level in languages.items():
        if level >= scoring.FOREIGN_LANGUAGE_LEVEL and language in LANGUAGE_SKILLS:
            skills.setdefault(LANGUAGE_SKILLS[language], 1.0)
    return scoring.Profile(
        id=participant.pk,
        kinds=frozenset(participant.desired_kinds),
        occupations=occupations,
        skills=skills,
        languages=languages,
        driving_licence=participant.driving_licence,
        point=point,
        max_distance_km=float(participant.max_distance_km),
        availability=frozenset(WORKING_TIME_ALIASES.get(a, a) for a in participant.availability),
    )


@lru_cache(maxsize=50_000)
def title_occupations(title: str) -> dict[str, float]:
    """The occupations a title names. The first is what the job is; later ones are
    context ("Wohnbereichsleitung Pflege" is a lead's job in care, not a helper's)."""
    occupations: dict[str, float] = {}
    for number, hit in enumerate(taxonomy().occupation_of_title(title)):
        occupations.setdefault(hit.id, hit.score / 100 * (1.0 if number == 0 else 0.5))
    return occupations


def could_fit(person: scoring.Profile, title: str) -> bool:
    """Whether the title's occupation is one the person wants or a related one:
    without that no score is possible, so the vacancy's skills need not be read."""
    related = taxonomy().related
    return any(
        wanted == found or related(wanted, found)
        for wanted in person.occupations
        for found in title_occupations(title)
    )


@dataclass(frozen=True)
class Features:
    """What matching reads from a vacancy's words."""

    occupations: dict[str, float]
    skills: dict[str, float]
    required_languages: frozenset[str]


@cache
def taxonomy_fingerprint() -> str:
    digest = hashlib.sha256(DATA_FILE.read_bytes())
    digest.update(FEATURES_REVISION.encode())
    return digest.hexdigest()[:16]


def _version(record: VacancyRecord) -> str:
    return f"{record.content_hash}:{taxonomy_fingerprint()}"


def features_of(record: VacancyRecord) -> Features:
    """Read a vacancy (with its description) for occupations, skills and languages."""
    tx = taxonomy()
    skills = _concepts([*record.skills, record.qualification], "skill")
    # Prose is read word for word only: fuzzy reading finds many near-misses there.
    for concept in sorted(tx.exact_concepts(record.description, "skill")):
        skills.setdefault(concept, DESCRIPTION_SKILL_WEIGHT)
    return Features(
        occupations=title_occupations(record.title),
        skills=_specific(skills),
        required_languages=required_languages(
            record.title, " ".join([record.description, *record.skills])
        ),
    )


def vacancy_features(records: Mapping[int, VacancyRecord]) -> dict[int, Features]:
    """Features of these vacancies: read once per version of a vacancy (its
    content hash) and of the taxonomy, kept in VacancyFeatures, read again
    when either changes. The records may come without their text."""
    wanted = {pk: _version(record) for pk, record in records.items()}
    found: dict[int, Features] = {}
    kept = VacancyFeatures.objects.filter(vacancy_id__in=list(wanted)).values_list(
        "vacancy_id", "version", "occupations", "skills", "required_languages"
    )
    for pk, version, occupations, skills, languages in kept:
        if version == wanted[pk]:
            found[pk] = Features(occupations, skills, frozenset(languages))
    missing = [pk for pk in wanted if pk not in found]
    if not missing:
        return found
    full = search_query.vacancies(missing)
    fresh = {pk: features_of(record) for pk, record in full.items()}
    VacancyFeatures.objects.bulk_create(
        [
            VacancyFeatures(
                vacancy_id=pk,
                version=_version(full[pk]),
                occupations=features.occupations,
                skills=features.skills,
                required_languages=sorted(features.required_languages),
            )
            for pk, features in fresh.items()
        ],
        update_conflicts=True,
        unique_fields=["vacancy_id"],
        update_fields=["version", "occupations", "skills", "required_languages"],
    )
    found.update(fresh)
    return found


def read_vacancies(ids: Sequence[int]) -> dict[int, VacancyRecord]:
    """Read new or changed vacancies once, when they change, rather than when a
    participant is matched; the features of vacancies that are gone go with
    them. The current records (without text) of those still there."""
    found = search_query.vacancies(ids, text=False)
    vacancy_features(found)
    VacancyFeatures.objects.filter(vacancy_id__in=[i for i in ids if i not in found]).delete()
    return found


def opening(record: VacancyRecord, features: Features, today: dt.date) -> scoring.Opening:
    point = None
    if record.latitude is not None and record.longitude is not None:
        point = (record.latitude, record.longitude)
    return scoring.Opening(
        id=record.id,
        kind=record.kind,
        title=record.title,
        occupations=features.occupations,
        skills=features.skills,
        german=scoring.level(record.german_level),
        driving_licence=record.driving_licence,
        point=point,
        working_times=frozenset(record.working_times),
        required_languages=features.required_languages,
        expired=record.state != "active"
        or (record.valid_through is not None and record.valid_through < today),
    )


def candidate_query(person: scoring.Profile) -> Query | None:
    """The hard constraints as index filters, and the wanted occupations as text."""
    if person.point is None or not person.kinds or not person.occupations:
        return None
    # The wanted occupations' own labels come first, related ones after; the
    # query takes at most MAX_PHRASES.
    phrases = taxonomy().search_phrases(sorted(person.occupations))[:MAX_PHRASES]
    german = min(person.german + 1, 6)
    return Query(
        any_text=tuple(phrases),
        kinds=person.kinds,
        working_times=person.availability,
        near=person.point,
        radius_km=min(max(person.max_distance_km, 1.0), 1000.0),
        max_german_level=scoring.level_name(german) if german else "A1",
        no_driving_licence=not person.driving_licence,
        sort="relevance",
        page_size=100,
        details=False,
    )


def rank(person: scoring.Profile, today: dt.date) -> list[tuple[scoring.Opening, scoring.Fit]]:
    """Candidates by text (the wanted occupations) and the nearest ones under the
    same hard constraints, re-ranked by scoring; the best MAX_SUGGESTIONS."""
    first = candidate_query(person)
    if first is None:
        return []
    # Wordings the phrases miss ("Auslieferungsfahrer" for a delivery rider):
    # the nearest openings the constraints allow are scored too.
    nearest = replace(first, any_text=(), sort="distance", page_size=NEAREST)
    ids: dict[int, None] = {}
    for results in search_query.search_many([first, nearest]):
        # Only titles that could fit are worth reading from the catalogue.
        ids.update((hit.id, None) for hit in results.hits if could_fit(person, hit.title))
    # The catalogue has the last word: the index may lag behind a change.
    records = search_query.vacancies(list(ids), text=False)
    fitting = {
        i: records[i]
        for i in ids
        if i in records and not records[i].duplicate and could_fit(person, records[i].title)
    }
    features = vacancy_features(fitting)
    openings = [opening(record, features[i], today) for i, record in fitting.items()]
    return scoring.rank(person, openings, taxonomy().related)[:MAX_SUGGESTIONS]


def explanation(fit: scoring.Fit) -> dict[str, object]:
    """What the coach reads: German labels of the concepts, the facts behind the score."""
    tx = taxonomy()
    wanted, found, how = fit.occupation or ("", "", "")
    return {
        "occupation": {"wanted": tx.label(wanted), "found": tx.label(found), "match": how},
        "skills_matched": [tx.label(s) for s in fit.skills_matched],
        "skills_missing": [tx.label(s) for s in fit.skills_missing],
        "distance_km": fit.distance_km,
        "constraints_met": list(fit.met),
        "notes": list(fit.notes),
    }


@transaction.atomic
def _store(participant: Participant, ranked: Sequence[tuple[scoring.Opening, scoring.Fit]]) -> int:
    existing = {s.vacancy_id: s for s in participant.suggestions.select_for_update()}
    now = timezone.now()
    fresh = set()
    new: list[Suggestion] = []
    changed: list[Suggestion] = []
    for found, fit in ranked:
        fresh.add(found.id)
        current = existing.get(found.id)
        if current is None:
            new.append(
                Suggestion(
                    participant=participant,
                    vacancy_id=found.id,
                    score=fit.score,
                    explanation=explanation(fit),
                    created_at=now,
                    updated_at=now,
                )
            )
        elif current.status != Suggestion.Status.DISMISSED and current.score != fit.score:
            current.score, current.explanation, current.updated_at = (
                fit.score,
                explanation(fit),
                now,
            )
            changed.append(current)
    Suggestion.objects.bulk_create(new)
    Suggestion.objects.bulk_update(changed, ["score", "explanation", "updated_at"])
    # New suggestions that no longer fit go; what a coach acted on stays as history.
    stale = [pk for pk, s in existing.items() if pk not in fresh and s.status == "new"]
    participant.suggestions.filter(vacancy_id__in=stale).delete()
    return len(fresh - set(existing))


def match_participant(participant_id: int, today: dt.date | None = None) -> int:
    """Recompute one participant's suggestions; the number of new ones.

    Without an active consent nothing is computed and every suggestion goes.
    A dismissed suggestion is never suggested again (it stays dismissed).
    """
    participant = Participant.objects.filter(pk=participant_id).first()
    if participant is None:
        return 0
    if not has_consent(participant_id):
        Suggestion.objects.filter(participant_id=participant_id).delete()
        return 0
    today = today or timezone.localdate()
    return _store(participant, rank(profile(participant), today))


def participants_near(records: Iterable[VacancyRecord]) -> list[int]:
    """Consenting participants who could fit one of these vacancies: kind and reach."""
    wanted: set[int] = set()
    consenting = Participant.objects.with_active_consent()
    for record in records:
        if record.latitude is None or record.longitude is None:
            continue
        box = bounding_box(record.latitude, record.longitude, MAX_REACH_KM)
        nearby = consenting.filter(
            latitude__range=(box.min_latitude, box.max_latitude),
            longitude__range=(box.min_longitude, box.max_longitude),
        )
        for pk, kinds in nearby.values_list("pk", "desired_kinds"):
            if record.kind in (kinds or []):
                wanted.add(pk)
    return sorted(wanted)


def match_vacancies(ids: Sequence[int], today: dt.date | None = None) -> int:
    """Rematch the consenting participants new or changed vacancies could fit."""
    records = read_vacancies(ids).values()
    return sum(match_participant(pk, today) for pk in participants_near(records))
