"""How well a vacancy fits a participant: pure functions over plain data.

No database and no index here: the engine (matching.engine) turns rows into
`Profile` and `Opening`, and these functions decide. Deterministic: the same
inputs give the same score and the same explanation, in the same order.

The score (0–100) weighs, in this order: whether the occupation is what the
participant looks for (the same concept, a related one with a shared skill,
or a close wording), how many of the vacancy's skills the participant
brings, and how near it is. Hard constraints are checked before any of it: a
vacancy that breaks one is never suggested, however well it scores.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

# CEFR as numbers; a native speaker counts as C2.
LEVELS = {"A1": 1, "A2": 2, "B1": 3, "B2": 4, "C1": 5, "C2": 6, "NATIVE": 6}
FOREIGN_LANGUAGE_LEVEL = 4  # B2: what a mandatory foreign language asks of the participant

WEIGHT_OCCUPATION = 0.55
WEIGHT_SKILLS = 0.43
WEIGHT_NEARNESS = 0.02
RELATED_FIT = 0.5  # a related occupation, only with at least one shared skill ...
RELATED_SKILL_BONUS = 0.4  # ... and closer to the same one the more skills are shared
CAP_ONE_LEVEL_ABOVE = 66  # German one step above the participant's: at best a "good" fit
THRESHOLD = 30  # below this nothing is suggested: no "least bad" vacancies


def level(value: str | None) -> int:
    """CEFR level as 0 (none) to 6; "native" is 6."""
    return LEVELS.get((value or "").strip().upper(), 0)


Point = tuple[float, float]


@dataclass(frozen=True)
class Profile:
    id: int
    kinds: frozenset[str]
    occupations: Mapping[str, float]  # concept id -> how sure (0..1)
    skills: Mapping[str, float]
    languages: Mapping[str, int]  # ISO 639-1 -> level 1..6, German included
    driving_licence: bool
    point: Point | None
    max_distance_km: float
    availability: frozenset[str]

    @property
    def german(self) -> int:
        return self.languages.get("de", 0)


@dataclass(frozen=True)
class Opening:
    id: int
    kind: str
    title: str
    occupations: Mapping[str, float]  # concepts of the title
    skills: Mapping[str, float]  # concepts of the skills and the description
    german: int  # level required, 0 when not stated
    driving_licence: bool
    point: Point | None
    working_times: frozenset[str]
    required_languages: frozenset[str] = frozenset()  # foreign languages the job demands
    expired: bool = False


@dataclass(frozen=True)
class Fit:
    score: int
    occupation: tuple[str, str, str] | None  # (wanted, found, "same" | "related")
    skills_matched: tuple[str, ...]
    skills_missing: tuple[str, ...]
    distance_km: float | None
    met: tuple[str, ...]
    notes: tuple[str, ...] = field(default=())


def distance_km(a: Point, b: Point) -> float:
    """Great-circle distance (haversine, mean Earth radius)."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))


def within_reach(profile: Profile, opening: Opening) -> bool:
    if profile.point is None or opening.point is None:
        return False
    return distance_km(profile.point, opening.point) <= profile.max_distance_km


def broken_constraints(profile: Profile, opening: Opening) -> list[str]:
    """The hard constraints the vacancy breaks for this participant (empty: none)."""
    broken = []
    if opening.expired:
        broken.append("expired")
    if opening.kind not in profile.kinds:
        broken.append("kind")
    if opening.working_times and not opening.working_times & profile.availability:
        broken.append("working_time")
    if opening.driving_licence and not profile.driving_licence:
        broken.append("driving_licence")
    if opening.german and opening.german > profile.german + 1:
        broken.append("german")
    for language in sorted(opening.required_languages):
        if profile.languages.get(language, 0) < FOREIGN_LANGUAGE_LEVEL:
            broken.append(f"language:{language}")
    if not within_reach(profile, opening):
        broken.append("distance")
    return broken


def occupation_fit(
    profile: Profile,
    opening: Opening,
    related: Callable[[str, str], bool],
    shared_skills: int,
    skill_share: float = 0.0,
) -> tuple[float, tuple[str, str, str] | None]:
    best: tuple[float, tuple[str, str, str] | None] = (0.0, None)
    for wanted, sure in sorted(profile.occupations.items()):
        for found, certain in sorted(opening.occupations.items()):
            if wanted == found:
                fit = sure * certain
                how = "same"
            elif shared_skills and related(wanted, found):
                fit = (RELATED_FIT + RELATED_SKILL_BONUS * skill_share) * sure * certain
                how = "related"
            else:
                continue
            if fit > best[0]:
                best = (fit, (wanted, found, how))
    return best


def fit(profile: Profile, opening: Opening, related: Callable[[str, str], bool]) -> Fit | None:
    """How well the vacancy fits, or None when it must not be suggested."""
    if broken_constraints(profile, opening):
        return None
    matched = sorted(set(profile.skills) & set(opening.skills))
    missing = sorted(set(opening.skills) - set(profile.skills))
    skill_share = min(1.0, len(matched) / max(3, len(opening.skills)))
    occupation, how = occupation_fit(profile, opening, related, len(matched), skill_share)
    if how is None:
        return None
    if profile.point is None or opening.point is None:
        return None  # never: a missing place breaks the distance constraint above
    distance = distance_km(profile.point, opening.point)
    nearness = 1 - distance / max(profile.max_distance_km, 1.0)
    raw = 100 * (
        WEIGHT_OCCUPATION * occupation
        + WEIGHT_SKILLS * min(1.0, skill_share)
        + WEIGHT_NEARNESS * nearness
    )
    notes = []
    score = round(raw)
    if opening.german and opening.german == profile.german + 1:
        score = min(score, CAP_ONE_LEVEL_ABOVE)
        notes.append("german_one_level_above")
    if score < THRESHOLD:
        return None
    met = ["kind", "distance"]
    if opening.working_times:
        met.append("working_time")
    if opening.german:
        met.append("german")
    if opening.driving_licence:
        met.append("driving_licence")
    met.extend(f"language:{language}" for language in sorted(opening.required_languages))
    return Fit(
        score=score,
        occupation=how,
        skills_matched=tuple(matched),
        skills_missing=tuple(missing[:5]),
        distance_km=round(distance, 1),
        met=tuple(met),
        notes=tuple(notes),
    )


def rank(
    profile: Profile, openings: list[Opening], related: Callable[[str, str], bool]
) -> list[tuple[Opening, Fit]]:
    """The openings worth suggesting, best first; ties by nearness, then id."""
    scored = [(o, f) for o in openings if (f := fit(profile, o, related)) is not None]
    scored.sort(key=lambda pair: (-pair[1].score, pair[1].distance_km or 0.0, pair[0].id))
    return scored


def level_name(rank: int) -> str:
    """The CEFR name of a level number: 3 -> "B1"."""
    return ("", "A1", "A2", "B1", "B2", "C1", "C2")[max(0, min(rank, 6))]
