"""The engine end to end: catalogue, index, consent, suggestions, triggers.

Vacancies go in through search.catalogue and the index sync into a real
embedded index; the engine runs as the Celery tasks run it (tasks eagerly,
in this process).
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

from cms.celery import app as celery_app
from matching import engine, privacy
from matching.models import Suggestion, VacancyFeatures
from search import sync
from search.backends.embedded import EmbeddedIndex
from search.catalogue import upsert
from search.models import Vacancy
from search.vacancies import Place, VacancyData

from .conftest import consenting, make_participant

TODAY = dt.date(2026, 11, 20)
GOTHA = Place(postal_code="99867", city="Gotha", latitude=50.9489, longitude=10.7018)


@pytest.fixture
def index(tmp_path, monkeypatch):
    index = EmbeddedIndex(tmp_path / "index" / "vacancies.sqlite3")
    monkeypatch.setattr("search.index.get_index", lambda: index)
    return index


@pytest.fixture
def eager(monkeypatch):
    """Tasks run where they are queued, as a worker would run them."""
    monkeypatch.setattr(celery_app.conf, "task_always_eager", True)


def job(key: str, title: str, *, skills: tuple[str, ...] = (), **changes) -> int:
    data = VacancyData(
        source="test",
        external_id=key,
        kind=changes.pop("kind", "job"),
        title=title,
        url=f"https://jobs.example.org/{key}",
        employer=changes.pop("employer", f"Firma {key}"),
        places=(changes.pop("place", GOTHA),),
        working_time=frozenset({"vollzeit"}),
        skills=skills,
        posted=dt.date(2026, 11, 1),
        **changes,
    )
    return upsert(data).vacancy_id


def suggested(participant) -> list[int]:
    return list(participant.suggestions.order_by("-score").values_list("vacancy_id", flat=True))


@pytest.fixture
def openings(db, index):
    ids = {
        "warehouse": job("1", "Lagerhelfer (m/w/d)", skills=("Kommissionierung", "Staplerschein")),
        "cook": job("2", "Koch (m/w/d)", skills=("Speisen zubereiten",)),
        "far": job(
            "3",
            "Lagerhelfer (m/w/d)",
            employer="Hafen Hamburg",
            place=Place(postal_code="20457", city="Hamburg", latitude=53.54, longitude=9.98),
        ),
        "german": job("4", "Kommissionierer (m/w/d)", german_level="C1"),
    }
    sync.drain(index)
    return ids


def test_a_participant_gets_the_fitting_opening_with_reasons(gotha, openings):
    person = consenting(make_participant(gotha, skills="Staplerschein\nKommissionieren"))
    assert engine.match_participant(person.pk, today=TODAY) >= 1
    assert suggested(person)[0] == openings["warehouse"]
    assert openings["cook"] not in suggested(person)  # another occupation
    assert openings["far"] not in suggested(person)  # beyond 25 km
    assert openings["german"] not in suggested(person)  # C1 is far above A2
    best = person.suggestions.get(vacancy_id=openings["warehouse"])
    assert best.explanation["occupation"]["match"] == "same"
    assert best.explanation["distance_km"] < 1
    assert 0 < best.score <= 100


def test_words_in_other_languages_and_typos_find_the_same_opening(gotha, openings):
    for wanted in ("складской рабочий", "عامل مستودع", "depo işçisi", "Lagerhelfr"):
        person = consenting(make_participant(gotha, desired_occupations=wanted))
        engine.match_participant(person.pk, today=TODAY)
        assert openings["warehouse"] in suggested(person), wanted


def test_without_consent_nothing_is_matched(gotha, openings):
    person = make_participant(gotha)
    assert engine.match_participant(person.pk, today=TODAY) == 0
    assert suggested(person) == []
    consenting(person)
    engine.match_participant(person.pk, today=TODAY)
    assert suggested(person)
    privacy.withdraw_consent(person, by=None)
    assert suggested(person) == []
    engine.match_participant(person.pk, today=TODAY)  # a task queued before the withdrawal
    assert suggested(person) == []


def test_a_dismissed_suggestion_is_never_suggested_again(gotha, openings):
    person = consenting(make_participant(gotha))
    engine.match_participant(person.pk, today=TODAY)
    person.suggestions.filter(vacancy_id=openings["warehouse"]).update(
        status=Suggestion.Status.DISMISSED, reason="schon beworben"
    )
    engine.match_participant(person.pk, today=TODAY)
    kept = person.suggestions.get(vacancy_id=openings["warehouse"])
    assert kept.status == Suggestion.Status.DISMISSED


def test_an_opening_that_no_longer_fits_leaves_the_queue(gotha, openings):
    person = consenting(make_participant(gotha))
    engine.match_participant(person.pk, today=TODAY)
    assert openings["warehouse"] in suggested(person)
    job("1", "Koch (m/w/d)", skills=("Speisen zubereiten",))  # the employer changed it
    sync.drain()
    engine.match_participant(person.pk, today=TODAY)
    assert openings["warehouse"] not in suggested(person)


def test_a_vacancy_is_read_once_and_again_only_when_it_changes(gotha, openings, monkeypatch):
    person = consenting(make_participant(gotha, skills="Staplerschein"))
    engine.match_participant(person.pk, today=TODAY)
    kept = VacancyFeatures.objects.get(vacancy_id=openings["warehouse"])
    assert kept.skills and kept.occupations

    reads: list[int] = []
    read = engine.features_of

    def counted(record):
        reads.append(record.id)
        return read(record)

    monkeypatch.setattr(engine, "features_of", counted)
    engine.match_participant(person.pk, today=TODAY)
    assert reads == []  # nothing changed: the kept features serve

    first = person.suggestions.get(vacancy_id=openings["warehouse"]).explanation
    # The employer drops the forklift licence from the list: read again, scored anew.
    job("1", "Lagerhelfer (m/w/d)", skills=("Kommissionierung",))
    sync.drain()
    engine.match_participant(person.pk, today=TODAY)
    assert reads == [openings["warehouse"]]
    after = person.suggestions.get(vacancy_id=openings["warehouse"]).explanation
    assert first["skills_matched"] and not after["skills_matched"]


def test_features_of_a_vacancy_that_is_gone_go_with_it(gotha, openings):
    person = consenting(make_participant(gotha))
    engine.match_participant(person.pk, today=TODAY)
    assert VacancyFeatures.objects.filter(vacancy_id=openings["warehouse"]).exists()
    Vacancy.objects.filter(pk=openings["warehouse"]).delete()
    engine.match_vacancies([openings["warehouse"]], today=TODAY)
    assert not VacancyFeatures.objects.filter(vacancy_id=openings["warehouse"]).exists()


def test_a_new_vacancy_reaches_consenting_participants_only(gotha, openings, eager):
    willing = consenting(make_participant(gotha))
    unwilling = make_participant(gotha)
    new = job(
        "9",
        "Lagerhelfer Wareneingang (m/w/d)",
        employer="Thüringer Getränkelogistik",  # another employer: not a duplicate of "1"
        skills=("Kommissionierung",),
    )
    sync.drain()  # the index sync announces the change; matching follows at once
    assert new in suggested(willing)
    assert suggested(unwilling) == []


def test_required_languages_are_read_from_the_text():
    assert engine.required_languages("Dolmetscher:in Arabisch/Deutsch", "") == {"ar"}
    text = "Wir bieten Schichtarbeit. Sehr gute Russischkenntnisse sind Voraussetzung."
    assert engine.required_languages("Kundenservice (m/w/d)", text) == {"ru"}
    assert engine.required_languages("Lagerhelfer", "Englisch ist von Vorteil.") == frozenset()


@pytest.mark.slow
def test_matching_eval_reports_the_metrics(tmp_path):
    """The evaluation command on a small data set of the shared format."""
    data = {
        "version": 1,
        "reference_date": "2026-11-21",
        "vacancies": [
            {
                "id": f"v{n}",
                "source": "jsonld",
                "kind": "job",
                "title": title,
                "description": "<p>Wir suchen Verstärkung.</p>",
                "employer": "Firma",
                "city": "Gotha",
                "postal_code": "99867",
                "lat": 50.95,
                "lon": 10.70,
                "working_time": "vollzeit",
                "required_german_level": "A2",
                "requires_driving_licence": False,
                "skills": skills,
                "posted_at": "2026-11-01",
                "valid_through": valid,
            }
            for n, (title, skills, valid) in enumerate(
                [
                    ("Lagerhelfer (m/w/d)", ["Kommissionierung"], "2026-12-31"),
                    ("Koch (m/w/d)", ["Speisen zubereiten"], "2026-12-31"),
                    ("Lagerhelfer:in", ["Kommissionierung"], "2026-11-01"),  # expired
                ]
            )
        ],
        "participants": [
            {
                "id": pid,
                "consent": consent,
                "home_postal_code": "99867",
                "lat": 50.95,
                "lon": 10.70,
                "max_distance_km": 20,
                "desired_kinds": ["job"],
                "desired_occupations": ["складской рабочий"],
                "skills": ["Kommissionierung"],
                "languages": [{"lang": "de", "level": "B1"}],
                "driving_licence": False,
                "availability": ["vollzeit"],
            }
            for pid, consent in (("p1", True), ("p2", False))
        ],
        "relevance": {"p1": {"v0": 3}, "p2": {}},
    }
    path = tmp_path / "eval.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(Path(settings.BASE_DIR) / "manage.py"), "matching_eval", str(path)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["leak"] == 0
    assert result["participants_evaluated"] == 1
    assert result["precision@5"] == pytest.approx(0.2)  # one relevant of the five places
    assert result["nDCG@10"] == pytest.approx(1.0)
