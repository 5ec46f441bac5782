"""Scoring is pure: plain profiles and openings in, a score and its reasons out."""

from __future__ import annotations

import dataclasses

import pytest

from matching.scoring import (
    CAP_ONE_LEVEL_ABOVE,
    Opening,
    Profile,
    broken_constraints,
    distance_km,
    fit,
    level,
    level_name,
    rank,
)

GOTHA = (50.9489, 10.7018)
ERFURT = (50.9787, 11.0328)

PERSON = Profile(
    id=1,
    kinds=frozenset({"job"}),
    occupations={"warehouse_helper": 1.0},
    skills={"forklift": 1.0, "order_picking": 1.0},
    languages={"de": 2, "ar": 6},
    driving_licence=False,
    point=GOTHA,
    max_distance_km=30,
    availability=frozenset({"vollzeit", "schicht_nacht_wochenende"}),
)
JOB = Opening(
    id=10,
    kind="job",
    title="Lagerhelfer (m/w/d)",
    occupations={"warehouse_helper": 1.0},
    skills={"forklift": 1.0, "order_picking": 1.0, "scanner": 1.0},
    german=2,
    driving_licence=False,
    point=ERFURT,
    working_times=frozenset({"vollzeit"}),
)


def related(a: str, b: str) -> bool:
    return {a, b} == {"warehouse_helper", "forklift_driver"}


def test_levels():
    assert [level(v) for v in ("", None, "a1", "B2", "native", "x")] == [0, 0, 1, 4, 6, 0]
    assert level_name(3) == "B1" and level_name(0) == ""


def test_distance_gotha_erfurt():
    assert distance_km(GOTHA, ERFURT) == pytest.approx(23.4, abs=0.5)


@pytest.mark.parametrize(
    ("change", "broken"),
    [
        ({"expired": True}, "expired"),
        ({"kind": "ausbildung"}, "kind"),
        ({"working_times": frozenset({"teilzeit"})}, "working_time"),
        ({"driving_licence": True}, "driving_licence"),
        ({"german": 4}, "german"),
        ({"required_languages": frozenset({"ru"})}, "language:ru"),
        ({"point": (52.52, 13.40)}, "distance"),
        ({"point": None}, "distance"),
    ],
)
def test_each_hard_constraint_excludes(change, broken):
    opening = dataclasses.replace(JOB, **change)
    assert broken in broken_constraints(PERSON, opening)
    assert fit(PERSON, opening, related) is None


def test_a_language_the_participant_speaks_well_is_no_obstacle():
    opening = dataclasses.replace(JOB, required_languages=frozenset({"ar"}))
    assert fit(PERSON, opening, related) is not None


def test_same_occupation_with_skills_scores_high_and_explains():
    result = fit(PERSON, JOB, related)
    assert result is not None and result.score >= 70
    assert result.occupation == ("warehouse_helper", "warehouse_helper", "same")
    assert result.skills_matched == ("forklift", "order_picking")
    assert result.skills_missing == ("scanner",)
    assert result.distance_km == pytest.approx(23.4, abs=0.5)
    assert "distance" in result.met and "german" in result.met


def test_german_one_level_above_caps_the_score():
    result = fit(PERSON, dataclasses.replace(JOB, german=3), related)
    assert result is not None and result.score <= CAP_ONE_LEVEL_ABOVE
    assert "german_one_level_above" in result.notes


def test_related_occupation_needs_a_shared_skill():
    other = dataclasses.replace(JOB, occupations={"forklift_driver": 1.0})
    related_fit = fit(PERSON, other, related)
    assert related_fit is not None and related_fit.occupation[2] == "related"
    assert related_fit.score < fit(PERSON, JOB, related).score
    no_skill = dataclasses.replace(other, skills={"scanner": 1.0})
    assert fit(PERSON, no_skill, related) is None


def test_another_occupation_is_never_suggested():
    other = dataclasses.replace(JOB, occupations={"cook": 1.0}, skills={"forklift": 1.0})
    assert fit(PERSON, other, related) is None


def test_rank_is_deterministic_best_first():
    near = dataclasses.replace(JOB, id=11, point=GOTHA)
    weak = dataclasses.replace(JOB, id=12, skills={"scanner": 1.0})
    order = [o.id for o, _ in rank(PERSON, [weak, JOB, near], related)]
    assert order == [11, 10, 12]
    assert order == [o.id for o, _ in rank(PERSON, [near, weak, JOB], related)]
