"""Celery tasks of matching: what triggers the engine.

- a participant's profile or consent changed: `rematch_participant`;
- vacancies changed in the index (search's `vacancies_changed` signal, sent
  by the index sync): `match_changed_vacancies`, batched;
- every night: `rematch_all`.
Each task checks consent itself (in the engine): a queued task for someone who
withdrew meanwhile computes nothing.
"""

from __future__ import annotations

from celery import shared_task

from . import engine
from .models import Participant

BATCH = 200  # vacancies per task


@shared_task(ignore_result=True, acks_late=True)
def rematch_participant(participant_id: int) -> int:
    return engine.match_participant(participant_id)


@shared_task(ignore_result=True, acks_late=True)
def match_changed_vacancies(ids: list[int]) -> int:
    return engine.match_vacancies(ids)


@shared_task(ignore_result=True)
def rematch_all() -> int:
    ids = list(Participant.objects.with_active_consent().values_list("pk", flat=True))
    for pk in ids:
        rematch_participant.delay(pk)
    return len(ids)


def on_vacancies_changed(sender: object, ids: list[int], **kwargs: object) -> None:
    """Receiver of search.signals.vacancies_changed: queue the affected rematching."""
    for start in range(0, len(ids), BATCH):
        match_changed_vacancies.delay(ids[start : start + BATCH])
