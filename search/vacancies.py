"""What a vacancy is, as plain data: the contract between crawlers and catalogue.

Crawlers turn whatever a source publishes into `VacancyData`; the catalogue
(`search.catalogue`) stores it. Nothing here touches the database, so
extraction and normalisation can be tested as pure functions.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import asdict, dataclass, field
from decimal import Decimal

# Kinds of vacancy. Ausbildung: the German dual vocational training (an
# apprenticeship); Praktikum: an internship; Weiterbildung: further training
# or retraining (Umschulung) for adults.
JOB, AUSBILDUNG, PRAKTIKUM, WEITERBILDUNG = "job", "ausbildung", "praktikum", "weiterbildung"
KINDS = (JOB, AUSBILDUNG, PRAKTIKUM, WEITERBILDUNG)

# Working time, as a set of these (a job can be full- or part-time).
VOLLZEIT, TEILZEIT, SCHICHT, HEIM, MINIJOB = (
    "vollzeit",
    "teilzeit",
    "schicht_nacht_wochenende",
    "heim_telearbeit",
    "minijob",
)
WORKING_TIMES = (VOLLZEIT, TEILZEIT, SCHICHT, HEIM, MINIJOB)

SALARY_UNITS = ("HOUR", "MONTH", "YEAR")


@dataclass(frozen=True)
class Salary:
    min: Decimal | None = None
    max: Decimal | None = None
    unit: str | None = None  # one of SALARY_UNITS, None when the source gives none
    currency: str | None = None


@dataclass(frozen=True)
class Place:
    street: str = ""
    postal_code: str = ""
    city: str = ""
    latitude: float | None = None
    longitude: float | None = None


@dataclass(frozen=True)
class VacancyData:
    """One vacancy as a source publishes it, already normalised."""

    source: str  # the source's key, e.g. "ba-jobsuche-gotha"
    external_id: str  # unique within the source: refnr, URL (+ #n), feed guid
    kind: str
    title: str
    url: str = ""
    employer: str = ""
    description: str = ""  # sanitised HTML
    places: tuple[Place, ...] = ()
    working_time: frozenset[str] | None = None  # None: not stated
    salary: Salary | None = None
    posted: dt.date | None = None
    valid_through: dt.date | None = None
    german_level: str = ""  # CEFR level required, "" when not stated
    driving_licence: bool | None = None
    qualification: str = ""
    career_changers: bool | None = None  # Quereinstieg possible
    skills: tuple[str, ...] = ()  # as the source lists them (schema.org skills, BA Kompetenzen)
    language: str = "de"
    extra: dict[str, object] = field(default_factory=dict, compare=False, hash=False)

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"kind must be one of {', '.join(KINDS)}, not {self.kind!r}")
        if not self.title.strip():
            raise ValueError("a vacancy needs a title")
        if not self.external_id:
            raise ValueError("a vacancy needs an external id within its source")
        unknown = set(self.working_time or ()) - set(WORKING_TIMES)
        if unknown:
            raise ValueError(f"unknown working time {sorted(unknown)}")

    @property
    def place(self) -> Place:
        return self.places[0] if self.places else Place()

    def is_expired(self, today: dt.date) -> bool:
        """Valid through a day before today; valid through today is still open."""
        return self.valid_through is not None and self.valid_through < today

    def content_hash(self) -> str:
        """Changes exactly when what the source says about the vacancy changes."""
        data = asdict(self)
        data.pop("extra")
        if not self.skills:
            data.pop("skills")  # hashes of vacancies stored before skills were kept stay valid
        data["working_time"] = sorted(self.working_time) if self.working_time is not None else None
        text = json.dumps(data, sort_keys=True, default=str, ensure_ascii=False)
        return hashlib.sha256(text.encode()).hexdigest()
