"""Offices, coaches, participants, consent, suggestions and the audit log.

Participants' personal data lives here and nowhere else. Who may see a
participant is decided in one place (`Participant.objects.visible_to`), and
every read or change goes through `matching.audit`, whose entries name the
action and the participant's pseudonymous code, never profile content.
"""

from __future__ import annotations

import datetime as dt
import secrets
from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone

KIND_CHOICES = [
    ("job", "Arbeit"),
    ("ausbildung", "Ausbildung"),
    ("praktikum", "Praktikum"),
    ("weiterbildung", "Weiterbildung"),
]
AVAILABILITY_CHOICES = [
    ("vollzeit", "Vollzeit"),
    ("teilzeit", "Teilzeit"),
    ("minijob", "Minijob"),
    ("schicht_nacht_wochenende", "Schicht, Nacht, Wochenende"),
    ("heim_telearbeit", "Homeoffice"),
]
CEFR_CHOICES = [(level, level) for level in ("A1", "A2", "B1", "B2", "C1", "C2")]
COACHES_GROUP = "Job coaches"
OFFICE_LEADS_GROUP = "Office leads"
CODE_ALPHABET = "ACDEFGHJKLMNPQRTUVWXY34679"  # no look-alikes: 0/O, 1/I, 2/Z, 5/S, 8/B


class Office(models.Model):
    """An Anlaufstelle: its coaches see only its own participants."""

    name = models.CharField(max_length=200, unique=True)
    code = models.SlugField(
        max_length=10, unique=True, help_text="Short prefix of participant codes, e.g. GW."
    )
    postal_code = models.CharField(max_length=5, blank=True)
    coaches: models.ManyToManyField[Any, Any] = models.ManyToManyField(
        settings.AUTH_USER_MODEL, related_name="offices", blank=True, through="Membership"
    )

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Membership(models.Model):
    class Role(models.TextChoices):
        COACH = "coach", "Job coach"
        LEAD = "lead", "Office lead"

    office = models.ForeignKey(Office, on_delete=models.CASCADE)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    role = models.CharField(max_length=10, choices=Role.choices, default=Role.COACH)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["office", "user"], name="one_membership_per_office")
        ]

    def __str__(self) -> str:
        return f"{self.user} at {self.office} ({self.role})"


class ParticipantQuerySet(models.QuerySet["Participant"]):
    def visible_to(self, user: Any) -> ParticipantQuerySet:
        """The participants of the offices the user works in; nothing for anyone else.

        Superusers see every office: they administer the installation.
        """
        if not user.is_authenticated or not user.is_active:
            return self.none()
        if user.is_superuser:
            return self
        return self.filter(office__membership__user=user)

    def with_active_consent(self) -> ParticipantQuerySet:
        # Exists, not a join: `consents__withdrawn_at__isnull=True` alone also
        # matches participants who never consented (the outer join gives NULL).
        active = Consent.objects.filter(
            participant=models.OuterRef("pk"), withdrawn_at__isnull=True
        )
        return self.filter(models.Exists(active))


def new_code(office: Office) -> str:
    return f"{office.code.upper()}-{''.join(secrets.choice(CODE_ALPHABET) for _ in range(5))}"


class Participant(models.Model):
    """A person a coach supports, known by a pseudonymous code; name and contact optional."""

    office = models.ForeignKey(Office, on_delete=models.PROTECT, related_name="participants")
    code = models.CharField(max_length=20, unique=True, editable=False)
    name = models.CharField(max_length=200, blank=True)
    contact = models.CharField(max_length=200, blank=True, help_text="Phone or e-mail.")
    language = models.CharField(
        max_length=10,
        default="de",
        choices=settings.LANGUAGES,
        help_text="The participant's language: consent text and printed sheets use it.",
    )

    desired_kinds = models.JSONField(default=list, blank=True)
    desired_occupations = models.TextField(
        blank=True, help_text="In any language, as the participant says it."
    )
    skills = models.TextField(blank=True, help_text="One skill a line, in any language.")
    languages = models.JSONField(
        default=list, blank=True, help_text='[{"lang": "ar", "level": "C2"}], besides German.'
    )
    german_level = models.CharField(max_length=2, blank=True, choices=CEFR_CHOICES)
    driving_licence = models.BooleanField(default=False)
    home_postal_code = models.CharField(max_length=5, blank=True)
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)
    max_distance_km = models.PositiveIntegerField(default=25)
    availability = models.JSONField(default=list, blank=True)
    qualifications = models.JSONField(
        default=list,
        blank=True,
        help_text='[{"title": "...", "country": "SY", "recognition": "none|pending|partial|full"}]',
    )

    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)
    last_activity_at = models.DateTimeField(default=timezone.now)

    objects = ParticipantQuerySet.as_manager()

    class Meta:
        ordering = ["code"]

    def __str__(self) -> str:
        return self.code

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self.code:
            self.code = new_code(self.office)
            # Codes are random: with thousands of participants one comes up twice now and then.
            while Participant.objects.filter(code=self.code).exists():
                self.code = new_code(self.office)
        if self.home_postal_code and self.latitude is None:
            from search.geo import postcode_point

            if point := postcode_point(self.home_postal_code):
                self.latitude, self.longitude = point.latitude, point.longitude
        super().save(*args, **kwargs)

    @property
    def active_consent(self) -> Consent | None:
        return self.consents.filter(withdrawn_at__isnull=True).order_by("-given_at").first()

    def skill_lines(self) -> list[str]:
        return [line.strip() for line in self.skills.splitlines() if line.strip()]


class ConsentText(models.Model):
    """One version of the consent text for job matching, in one language."""

    version = models.PositiveIntegerField()
    language = models.CharField(max_length=10, choices=settings.LANGUAGES)
    title = models.CharField(max_length=200)
    body = models.TextField()
    published_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["version", "language"], name="consent_text_per_language"
            )
        ]
        ordering = ["-version", "language"]

    def __str__(self) -> str:
        return f"v{self.version} ({self.language}): {self.title}"


class Consent(models.Model):
    """Consent to job matching, purpose-bound: given once, valid until withdrawn."""

    class Method(models.TextChoices):
        PAPER = "paper", "signed on paper"
        DIGITAL = "digital", "given digitally"

    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="consents")
    version = models.PositiveIntegerField()
    language = models.CharField(max_length=10)
    method = models.CharField(max_length=10, choices=Method.choices)
    given_at = models.DateTimeField(default=timezone.now)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-given_at"]

    def __str__(self) -> str:
        state = "withdrawn" if self.withdrawn_at else "active"
        return f"consent v{self.version} of {self.participant} ({state})"


class Suggestion(models.Model):
    """A vacancy the engine suggests for a participant, and what the coach made of it."""

    class Status(models.TextChoices):
        NEW = "new", "new"
        PROPOSED = "proposed", "proposed to the participant"
        DISMISSED = "dismissed", "dismissed"
        SNOOZED = "snoozed", "snoozed"

    participant = models.ForeignKey(
        Participant, on_delete=models.CASCADE, related_name="suggestions"
    )
    vacancy_id = models.BigIntegerField()
    score = models.PositiveSmallIntegerField()
    explanation = models.JSONField(default=dict)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.NEW)
    reason = models.CharField(max_length=300, blank=True, help_text="Why it was dismissed.")
    snoozed_until = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-score", "-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["participant", "vacancy_id"], name="one_suggestion_per_vacancy"
            )
        ]
        indexes = [models.Index(fields=["vacancy_id"])]

    def __str__(self) -> str:
        return f"vacancy {self.vacancy_id} for {self.participant} ({self.score})"


class Outcome(models.Model):
    class Kind(models.TextChoices):
        APPLIED = "applied", "applied"
        INTERVIEW = "interview", "interview"
        PLACED = "placed", "placed"
        NOT_TAKEN = "not_taken", "not taken"

    suggestion = models.ForeignKey(Suggestion, on_delete=models.CASCADE, related_name="outcomes")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    date = models.DateField(default=dt.date.today)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["date", "pk"]

    def __str__(self) -> str:
        return f"{self.kind} on {self.date}"


class FollowUp(models.Model):
    """Nachbegleitung: a reminder to check in after a placement."""

    suggestion = models.ForeignKey(Suggestion, on_delete=models.CASCADE, related_name="follow_ups")
    due = models.DateField()
    done_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["due"]

    def __str__(self) -> str:
        return f"follow-up due {self.due}"


class AuditEntry(models.Model):
    """Who did what to which participant, when: never what the data was."""

    at = models.DateTimeField(default=timezone.now, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    username = models.CharField(max_length=150, blank=True)  # kept when the user is deleted
    action = models.CharField(max_length=40)
    participant_code = models.CharField(max_length=20, db_index=True)
    office = models.ForeignKey(Office, null=True, on_delete=models.SET_NULL, related_name="+")
    detail = models.CharField(max_length=200, blank=True, help_text="Names of fields, not values.")

    class Meta:
        ordering = ["-at"]
        verbose_name_plural = "audit entries"

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.username} {self.action} {self.participant_code}"


class VacancyFeatures(models.Model):
    """What matching reads from one vacancy (occupations, skills, required
    languages), derived once per version of the vacancy and of the taxonomy.

    Derived data about vacancies only, never about participants: it can be
    deleted at any time and is derived again when next needed.
    """

    vacancy_id = models.BigIntegerField(primary_key=True)
    # The vacancy's content hash and the taxonomy's fingerprint it was read with.
    version = models.CharField(max_length=100)
    occupations = models.JSONField(default=dict)
    skills = models.JSONField(default=dict)
    required_languages = models.JSONField(default=list)

    class Meta:
        verbose_name_plural = "vacancy features"

    def __str__(self) -> str:
        return f"features of vacancy {self.vacancy_id}"
