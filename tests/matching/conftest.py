"""Two offices and their people: Alice coaches in Gotha-West, Bob in Leipzig, Lena leads Gotha-West.

Each has a participant of their own office with consent and suggestions
(`gotha_participant`, `leipzig_participant`); vacancies are real catalogue
rows (search.catalogue), suggestions are created directly, not by the engine.
"""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from matching import privacy
from matching.models import COACHES_GROUP, OFFICE_LEADS_GROUP, Membership, Office, Participant
from search import catalogue
from tests.search.builders import vacancy

PRIVATE_NAME = "Yulia Kovalenko"
PRIVATE_SKILLS = "Gabelstaplerschein\nКомплектування замовлень"


def person(username: str, office: Office, group: str, role: str = Membership.Role.COACH):
    user = get_user_model().objects.create_user(username, password="x")  # noqa: S106
    user.groups.add(Group.objects.get(name=group))
    Membership.objects.create(office=office, user=user, role=role)
    return user


@pytest.fixture
def gotha(db) -> Office:
    return Office.objects.create(name="Anlaufstelle Gotha-West", code="gw", postal_code="99867")


@pytest.fixture
def leipzig(db) -> Office:
    return Office.objects.create(name="Anlaufstelle Leipziger Westen", code="lw")


@pytest.fixture
def alice(gotha):
    return person("alice", gotha, COACHES_GROUP)


@pytest.fixture
def bob(leipzig):
    return person("bob", leipzig, COACHES_GROUP)


@pytest.fixture
def lena(gotha):
    return person("lena", gotha, OFFICE_LEADS_GROUP, Membership.Role.LEAD)


def make_participant(office: Office, **fields) -> Participant:
    defaults = {
        "name": PRIVATE_NAME,
        "language": "uk",
        "desired_kinds": ["job"],
        "desired_occupations": "Lagerhelfer",
        "skills": PRIVATE_SKILLS,
        "german_level": "A2",
        "home_postal_code": "99867",
        "latitude": 50.95,
        "longitude": 10.7,
        "availability": ["vollzeit"],
    }
    return Participant.objects.create(office=office, **{**defaults, **fields})


def consenting(participant: Participant, by=None) -> Participant:
    privacy.give_consent(participant, by=by, method="paper")
    return participant


def stored_vacancy(n: int = 1, **changes) -> int:
    data = vacancy(
        external_id=f"https://jobs.example.org/{n}",
        url=f"https://jobs.example.org/{n}",
        title=changes.pop("title", f"Lagerhelfer {n} (m/w/d)"),
        **changes,
    )
    return catalogue.upsert(data).vacancy_id


EXPLANATION = {
    "occupation": {"wanted": "Lagerhelfer/in", "found": "Lagerhelfer/in", "match": "same"},
    "skills_matched": ["Gabelstapler fahren"],
    "skills_missing": ["Kommissionierung"],
    "distance_km": 3.2,
    "constraints_met": ["kind", "distance", "working_time"],
    "notes": [],
}


def suggest(participant: Participant, vacancy_id: int, score: int = 80, **fields):
    return participant.suggestions.create(
        vacancy_id=vacancy_id, score=score, explanation=EXPLANATION, **fields
    )


@pytest.fixture
def gotha_participant(gotha) -> Participant:
    return consenting(make_participant(gotha))


@pytest.fixture
def leipzig_participant(leipzig) -> Participant:
    return consenting(make_participant(leipzig, name="Omar Haddad", language="ar"))


@pytest.fixture
def gotha_suggestion(gotha_participant):
    return suggest(gotha_participant, stored_vacancy(1))


@pytest.fixture
def leipzig_suggestion(leipzig_participant):
    return suggest(leipzig_participant, stored_vacancy(2))


@pytest.fixture
def rematches(monkeypatch) -> list[int]:
    """The participants queued for rematching (the engine itself is not run here)."""
    queued: list[int] = []
    monkeypatch.setattr("matching.tasks.rematch_participant.delay", queued.append)
    return queued
