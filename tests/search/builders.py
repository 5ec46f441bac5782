"""VacancyData for tests: a plausible vacancy with any field overridden."""

import datetime as dt
from dataclasses import replace
from decimal import Decimal

from search.vacancies import JOB, VOLLZEIT, Place, Salary, VacancyData

BASE = VacancyData(
    source="career-pages",
    external_id="https://jobs.example.org/lagerhelfer",
    kind=JOB,
    title="Lagerhelfer (m/w/d)",
    url="https://jobs.example.org/lagerhelfer",
    employer="Seelogistik GmbH",
    description="<p>Wir suchen Verstärkung im Lager.</p>",
    places=(
        Place(
            street="Am Hafen 1", postal_code="99867", city="Gotha", latitude=50.95, longitude=10.7
        ),
    ),
    working_time=frozenset({VOLLZEIT}),
    salary=Salary(Decimal("14.50"), Decimal("16.00"), "HOUR", "EUR"),
    posted=dt.date(2026, 11, 1),
    valid_through=dt.date(2026, 12, 31),
)


def vacancy(**changes) -> VacancyData:
    return replace(BASE, **changes)
