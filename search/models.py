"""The vacancy catalogue: the database is the truth, every index a copy of it.

Private to the search package: other packages write through
`search.catalogue` and read through `search.query`.
"""

from django.db import models

from .vacancies import KINDS, SALARY_UNITS


class Vacancy(models.Model):
    """One opening as one source publishes it.

    When several sources publish the same opening, the later ones point at
    the first with `duplicate_of` and keep their own source, link and dates:
    that is the provenance a coach can follow.
    """

    class State(models.TextChoices):
        ACTIVE = "active", "active"
        EXPIRED = "expired", "expired (valid-through date passed)"
        REMOVED = "removed", "removed (the source no longer lists it)"

    source = models.CharField(max_length=100)
    external_id = models.CharField(max_length=500)
    url = models.URLField(max_length=1000, blank=True)
    content_hash = models.CharField(max_length=64)
    state = models.CharField(max_length=10, choices=State.choices, default=State.ACTIVE)
    duplicate_of = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="duplicates"
    )

    kind = models.CharField(max_length=20, choices=[(kind, kind) for kind in KINDS])
    title = models.CharField(max_length=300)
    employer = models.CharField(max_length=300, blank=True)
    description = models.TextField(blank=True, help_text="Sanitised HTML.")
    language = models.CharField(max_length=10, default="de")

    street = models.CharField(max_length=200, blank=True)
    postal_code = models.CharField(max_length=5, blank=True)
    city = models.CharField(max_length=100, blank=True)
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)
    other_places = models.JSONField(default=list, blank=True)

    # Working time as flags, filterable on every database; None of them set
    # and working_time_stated False means the source did not say.
    working_time_stated = models.BooleanField(default=False)
    full_time = models.BooleanField(default=False)
    part_time = models.BooleanField(default=False)
    shifts = models.BooleanField(default=False)
    home_office = models.BooleanField(default=False)
    mini_job = models.BooleanField(default=False)

    german_level = models.CharField(max_length=2, blank=True, help_text="CEFR, e.g. B1.")
    driving_licence = models.BooleanField(null=True)
    qualification = models.CharField(max_length=300, blank=True)
    career_changers = models.BooleanField(null=True)
    skills = models.JSONField(default=list, blank=True)

    salary_min = models.DecimalField(max_digits=10, decimal_places=2, null=True, blank=True)
    salary_max = models.DecimalField(max_digits=10, decimal_places=2, null=True, blank=True)
    salary_unit = models.CharField(
        max_length=5, blank=True, choices=[(unit, unit) for unit in SALARY_UNITS]
    )
    salary_currency = models.CharField(max_length=3, blank=True)

    posted = models.DateField(null=True, blank=True)
    valid_through = models.DateField(null=True, blank=True)
    first_seen = models.DateTimeField()
    last_seen = models.DateTimeField()
    changed_at = models.DateTimeField()

    class Meta:
        verbose_name_plural = "vacancies"
        constraints = [
            models.UniqueConstraint(fields=["source", "external_id"], name="vacancy_per_source")
        ]
        indexes = [
            models.Index(fields=["state", "kind"]),
            models.Index(fields=["postal_code"]),
            models.Index(fields=["valid_through"]),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.employer or self.source})"


class IndexOutbox(models.Model):
    """A vacancy whose indexed copy may be out of date.

    Written in the same transaction as the change (see search.sync), read and
    deleted by the sync task once the index has the vacancy's current state.
    Not a foreign key: a deleted vacancy must still reach the index.
    """

    vacancy_id = models.BigIntegerField()
    queued_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "index outbox entry"
        verbose_name_plural = "index outbox"

    def __str__(self) -> str:
        return f"vacancy {self.vacancy_id} queued {self.queued_at:%Y-%m-%d %H:%M:%S}"


class IndexLease(models.Model):
    """Who may write to the index right now: one syncer or one rebuild at a time.

    A lease, not a lock: a process that dies loses it when it expires, and
    its work stays in the outbox for the next holder.
    """

    name = models.CharField(max_length=50, primary_key=True)
    holder = models.CharField(max_length=100)
    expires_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"{self.name} held by {self.holder} until {self.expires_at:%H:%M:%S}"
