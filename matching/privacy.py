"""Consent, the audit log, and the participant's rights (GDPR Art. 15 and 17).

Every read and change of a participant's data is recorded with `audit`; the
entry names who, when, what was done and which fields, never their values.
Matching runs only for participants with an active consent: `has_consent`
is the check the engine and the tasks call, not something a template hides.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from .models import AuditEntry, Consent, ConsentText, Participant, Suggestion


def audit(user: Any, action: str, participant: Participant, fields: Iterable[str] = ()) -> None:
    AuditEntry.objects.create(
        user=user if getattr(user, "is_authenticated", False) else None,
        username=getattr(user, "get_username", lambda: "")() or "system",
        action=action,
        participant_code=participant.code,
        office_id=participant.office_id,
        detail=", ".join(sorted(fields))[:200],
    )


def has_consent(participant_id: int) -> bool:
    """True while the participant has a consent to matching that is not withdrawn."""
    return Consent.objects.filter(participant_id=participant_id, withdrawn_at__isnull=True).exists()


def consent_text(version: int | None = None, language: str = "de") -> ConsentText:
    """The consent text in the participant's language, falling back to German."""
    texts = ConsentText.objects.all()
    if version is None:
        latest = texts.order_by("-version").values_list("version", flat=True).first()
        if latest is None:
            raise ConsentText.DoesNotExist("no consent text has been published yet")
        version = latest
    return (
        texts.filter(version=version, language=language).first()
        or texts.filter(version=version, language="de").get()
    )


@transaction.atomic
def give_consent(participant: Participant, *, by: Any, method: str) -> Consent:
    text = consent_text(language=participant.language)
    consent = Consent.objects.create(
        participant=participant,
        version=text.version,
        language=text.language,
        method=method,
        recorded_by=by if getattr(by, "is_authenticated", False) else None,
    )
    audit(by, "consent_given", participant, [f"version {text.version}", method])
    transaction.on_commit(lambda: _rematch(participant.pk))
    return consent


@transaction.atomic
def withdraw_consent(participant: Participant, *, by: Any) -> int:
    """Withdraw every active consent and remove what matching derived; suggestions removed."""
    now = timezone.now()
    Consent.objects.filter(participant=participant, withdrawn_at__isnull=True).update(
        withdrawn_at=now, withdrawn_by=by if getattr(by, "is_authenticated", False) else None
    )
    removed, _ = Suggestion.objects.filter(participant=participant).delete()
    audit(by, "consent_withdrawn", participant, [f"{removed} derived records removed"])
    return removed


def profile(participant: Participant) -> dict[str, object]:
    """The participant's own data as plain values: name, contact and skill profile."""
    return {
        "name": participant.name,
        "contact": participant.contact,
        "desired_kinds": participant.desired_kinds,
        "desired_occupations": participant.desired_occupations,
        "skills": participant.skill_lines(),
        "languages": participant.languages,
        "german_level": participant.german_level,
        "driving_licence": participant.driving_licence,
        "home_postal_code": participant.home_postal_code,
        "max_distance_km": participant.max_distance_km,
        "availability": participant.availability,
        "qualifications": participant.qualifications,
    }


def export(participant: Participant, *, by: Any) -> dict[str, object]:
    """Everything Lotse holds on one participant (Art. 15), as plain data."""
    audit(by, "exported", participant)
    return {
        "exported_at": timezone.now().isoformat(),
        "participant": {
            "code": participant.code,
            "office": participant.office.name,
            "language": participant.language,
            **profile(participant),
            "created_at": participant.created_at.isoformat(),
            "updated_at": participant.updated_at.isoformat(),
        },
        "consents": [
            {
                "version": c.version,
                "language": c.language,
                "method": c.method,
                "given_at": c.given_at.isoformat(),
                "withdrawn_at": c.withdrawn_at.isoformat() if c.withdrawn_at else None,
            }
            for c in participant.consents.order_by("given_at")
        ],
        "suggestions": [
            {
                "vacancy_id": s.vacancy_id,
                "score": s.score,
                "explanation": s.explanation,
                "status": s.status,
                "reason": s.reason,
                "created_at": s.created_at.isoformat(),
                "outcomes": [
                    {"kind": o.kind, "date": o.date.isoformat()} for o in s.outcomes.all()
                ],
                "follow_ups": [
                    {"due": f.due.isoformat(), "done": f.done_at is not None}
                    for f in s.follow_ups.all()
                ],
            }
            for s in participant.suggestions.prefetch_related("outcomes", "follow_ups")
        ],
        "audit": [
            {"at": e.at.isoformat(), "by": e.username, "action": e.action, "detail": e.detail}
            for e in AuditEntry.objects.filter(participant_code=participant.code).order_by("at")
        ],
    }


@transaction.atomic
def erase(participant: Participant, *, by: Any) -> None:
    """Delete the participant everywhere (Art. 17); the audit keeps only the code."""
    audit(by, "erased", participant)
    participant.delete()


def inactive(
    now: dt.datetime | None = None, among: QuerySet[Participant] | None = None
) -> list[Participant]:
    """Participants without activity for LOTSE_PARTICIPANT_INACTIVE_DAYS: due for review.

    `among` narrows the list, e.g. to `Participant.objects.visible_to(coach)`.
    """
    cutoff = (now or timezone.now()) - dt.timedelta(days=settings.LOTSE_PARTICIPANT_INACTIVE_DAYS)
    stale = (Participant.objects.all() if among is None else among).filter(
        last_activity_at__lt=cutoff
    )
    return list(stale.order_by("last_activity_at"))


def _rematch(participant_id: int) -> None:
    from .tasks import rematch_participant

    rematch_participant.delay(participant_id)
