"""search.catalogue: the one write path into the vacancy catalogue."""

import datetime as dt

import pytest
from django.utils import timezone

from search import catalogue
from search.catalogue import Outcome
from search.models import Vacancy
from search.vacancies import VacancyData
from tests.search.builders import vacancy

pytestmark = pytest.mark.django_db

NOW = timezone.make_aware(dt.datetime(2026, 11, 21, 10, 0))


def later(hours: int) -> dt.datetime:
    return NOW + dt.timedelta(hours=hours)


def test_a_new_vacancy_is_stored_with_its_fields():
    result = catalogue.upsert(vacancy(), now=NOW)
    stored = Vacancy.objects.get(pk=result.vacancy_id)
    assert result.outcome is Outcome.NEW
    assert (stored.title, stored.postal_code, stored.full_time, stored.part_time) == (
        "Lagerhelfer (m/w/d)", "99867", True, False,
    )  # fmt: skip
    assert stored.state == Vacancy.State.ACTIVE
    assert stored.first_seen == stored.last_seen == NOW


def test_upserting_the_same_data_again_changes_nothing_but_last_seen():
    first = catalogue.upsert(vacancy(), now=NOW)
    again = catalogue.upsert(vacancy(), now=later(1))
    stored = Vacancy.objects.get()
    assert again.outcome is Outcome.UNCHANGED and again.vacancy_id == first.vacancy_id
    assert stored.changed_at == NOW and stored.last_seen == later(1)


def test_changed_content_updates_the_same_vacancy():
    catalogue.upsert(vacancy(), now=NOW)
    result = catalogue.upsert(vacancy(title="Lagerhelfer (m/w/d) in Teilzeit"), now=later(1))
    assert result.outcome is Outcome.UPDATED
    assert Vacancy.objects.get().title == "Lagerhelfer (m/w/d) in Teilzeit"
    assert Vacancy.objects.count() == 1


def test_a_vacancy_past_its_valid_through_date_is_stored_as_expired():
    catalogue.upsert(vacancy(valid_through=dt.date(2026, 11, 20)), now=NOW)
    assert Vacancy.objects.get().state == Vacancy.State.EXPIRED


def test_valid_through_today_is_still_open():
    catalogue.upsert(vacancy(valid_through=dt.date(2026, 11, 21)), now=NOW)
    assert Vacancy.objects.get().state == Vacancy.State.ACTIVE


def test_expire_retires_vacancies_whose_date_has_passed():
    catalogue.upsert(vacancy(valid_through=dt.date(2026, 11, 25)), now=NOW)
    assert catalogue.expire(dt.date(2026, 11, 26)) == 1
    assert Vacancy.objects.get().state == Vacancy.State.EXPIRED


def test_vacancies_a_run_did_not_see_again_are_marked_removed():
    catalogue.upsert(vacancy(), now=NOW)
    catalogue.upsert(
        vacancy(external_id="b", url="https://jobs.example.org/b", title="Fahrer"), now=NOW
    )
    run_started = later(1)
    catalogue.upsert(vacancy(), now=later(2))
    assert catalogue.mark_removed("career-pages", seen_since=run_started) == 1
    assert Vacancy.objects.get(external_id="b").state == Vacancy.State.REMOVED


def test_a_removed_vacancy_listed_again_becomes_active():
    catalogue.upsert(vacancy(), now=NOW)
    catalogue.mark_removed("career-pages", seen_since=later(1))
    result = catalogue.upsert(vacancy(), now=later(2))
    assert result.outcome is Outcome.UPDATED
    assert Vacancy.objects.get().state == Vacancy.State.ACTIVE


def test_the_same_opening_from_another_source_is_merged_with_provenance():
    original = catalogue.upsert(vacancy(), now=NOW)
    ba = catalogue.upsert(
        vacancy(
            source="ba-jobsuche",
            external_id="10000-1234567890-S",
            url="https://www.arbeitsagentur.de/jobsuche/jobdetail/10000-1234567890-S",
            title="Lagerhelfer/in (m/w/d) Vollzeit",
            employer="Seelogistik",
        ),
        now=later(1),
    )
    assert ba.outcome is Outcome.NEW
    assert ba.duplicate_of == original.vacancy_id
    duplicate = Vacancy.objects.get(pk=ba.vacancy_id)
    assert duplicate.source == "ba-jobsuche" and duplicate.url.startswith(
        "https://www.arbeitsagentur.de"
    )
    assert list(Vacancy.objects.get(pk=original.vacancy_id).duplicates.all()) == [duplicate]


def test_different_openings_at_the_same_place_stay_apart():
    catalogue.upsert(vacancy(), now=NOW)
    other = catalogue.upsert(
        vacancy(external_id="c", url="https://jobs.example.org/c", title="Bürokaufmann (m/w/d)"),
        now=NOW,
    )
    assert other.duplicate_of is None


def test_a_vacancy_without_title_is_refused_before_it_reaches_the_catalogue():
    with pytest.raises(ValueError, match="needs a title"):
        VacancyData(source="s", external_id="x", kind="job", title="  ")


def test_an_unknown_kind_is_refused_with_the_allowed_kinds():
    with pytest.raises(ValueError, match="job, ausbildung, praktikum, weiterbildung"):
        vacancy(kind="volunteering")
