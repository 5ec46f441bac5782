"""The one way vacancies get into the catalogue.

`upsert` is idempotent on (source, external id) and skips unchanged content
by its hash; `mark_removed` retires what a source stopped listing; `expire`
retires what is past its valid-through date. Crawlers call these and nothing
else of the search package.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import Enum

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from .dedup import Posting, same_vacancy
from .models import Vacancy
from .sync import queue
from .vacancies import HEIM, MINIJOB, SCHICHT, TEILZEIT, VOLLZEIT, VacancyData

__all__ = ["Outcome", "Upserted", "VacancyData", "expire", "mark_removed", "upsert"]


class Outcome(Enum):
    NEW = "new"
    UPDATED = "updated"
    UNCHANGED = "unchanged"


@dataclass(frozen=True)
class Upserted:
    vacancy_id: int
    outcome: Outcome
    duplicate_of: int | None


def _fields(data: VacancyData, today: dt.date) -> dict[str, object]:
    place, salary, times = data.place, data.salary, data.working_time or frozenset()
    return {
        "url": data.url[:1000],
        "kind": data.kind,
        "title": data.title[:300],
        "employer": data.employer[:300],
        "description": data.description,
        "language": data.language,
        "street": place.street,
        "postal_code": place.postal_code,
        "city": place.city,
        "latitude": place.latitude,
        "longitude": place.longitude,
        "other_places": [
            {"postal_code": p.postal_code, "city": p.city, "lat": p.latitude, "lon": p.longitude}
            for p in data.places[1:]
        ],
        "working_time_stated": data.working_time is not None,
        "full_time": VOLLZEIT in times,
        "part_time": TEILZEIT in times,
        "shifts": SCHICHT in times,
        "home_office": HEIM in times,
        "mini_job": MINIJOB in times,
        "german_level": data.german_level,
        "driving_licence": data.driving_licence,
        "qualification": data.qualification[:300],
        "career_changers": data.career_changers,
        "skills": [skill[:200] for skill in data.skills[:50]],
        "salary_min": salary.min if salary else None,
        "salary_max": salary.max if salary else None,
        "salary_unit": (salary.unit or "") if salary else "",
        "salary_currency": (salary.currency or "") if salary else "",
        "posted": data.posted,
        "valid_through": data.valid_through,
        "state": Vacancy.State.EXPIRED if data.is_expired(today) else Vacancy.State.ACTIVE,
        "content_hash": data.content_hash(),
    }


def _posting(vacancy: Vacancy | VacancyData) -> Posting:
    if isinstance(vacancy, VacancyData):
        postal_code, city = vacancy.place.postal_code, vacancy.place.city
    else:
        postal_code, city = vacancy.postal_code, vacancy.city
    return Posting(
        vacancy.title,
        vacancy.employer,
        postal_code,
        city,
        vacancy.kind,
        vacancy.url,
        vacancy.source,
    )


def _find_original(data: VacancyData) -> Vacancy | None:
    """An earlier vacancy from another record that describes the same opening."""
    place = data.place
    nearby = Q(postal_code=place.postal_code) if place.postal_code else Q(city__iexact=place.city)
    if data.url:
        nearby |= Q(url=data.url)
    candidates = (
        Vacancy.objects.filter(nearby, duplicate_of__isnull=True)
        .exclude(source=data.source, external_id=data.external_id)
        .exclude(state=Vacancy.State.REMOVED)
        .order_by("first_seen", "pk")
    )
    posting = _posting(data)
    return next((c for c in candidates[:200] if same_vacancy(posting, _posting(c))), None)


@transaction.atomic
def upsert(data: VacancyData, *, now: dt.datetime | None = None) -> Upserted:
    """Store one vacancy; safe to repeat with the same data."""
    now = now or timezone.now()
    fields = _fields(data, timezone.localdate(now))
    vacancy = (
        Vacancy.objects.select_for_update()
        .filter(source=data.source, external_id=data.external_id)
        .first()
    )
    if vacancy is None:
        original = _find_original(data)
        vacancy = Vacancy.objects.create(
            source=data.source,
            external_id=data.external_id,
            duplicate_of=original,
            first_seen=now,
            last_seen=now,
            changed_at=now,
            **fields,
        )
        return Upserted(vacancy.pk, Outcome.NEW, vacancy.duplicate_of_id)
    if vacancy.content_hash == fields["content_hash"] and vacancy.state != Vacancy.State.REMOVED:
        # last_seen is not indexed: no outbox entry needed.
        Vacancy.objects.filter(pk=vacancy.pk).update(last_seen=now)
        return Upserted(vacancy.pk, Outcome.UNCHANGED, vacancy.duplicate_of_id)
    for name, value in fields.items():
        setattr(vacancy, name, value)
    vacancy.last_seen = now
    vacancy.changed_at = now
    vacancy.save()
    return Upserted(vacancy.pk, Outcome.UPDATED, vacancy.duplicate_of_id)


@transaction.atomic
def mark_removed(source: str, seen_since: dt.datetime) -> int:
    """Retire the source's vacancies a complete crawl run did not see again."""
    retired = Vacancy.objects.filter(
        source=source, last_seen__lt=seen_since, state=Vacancy.State.ACTIVE
    ).select_for_update()
    ids = list(retired.values_list("pk", flat=True))
    queue(ids)
    return Vacancy.objects.filter(pk__in=ids).update(
        state=Vacancy.State.REMOVED, changed_at=timezone.now()
    )


def expire(today: dt.date | None = None) -> int:
    """Retire active vacancies whose valid-through date has passed."""
    today = today or timezone.localdate()
    with transaction.atomic():
        ids = list(
            Vacancy.objects.filter(state=Vacancy.State.ACTIVE, valid_through__lt=today)
            .select_for_update()
            .values_list("pk", flat=True)
        )
        queue(ids)
        return Vacancy.objects.filter(pk__in=ids).update(
            state=Vacancy.State.EXPIRED, changed_at=timezone.now()
        )
