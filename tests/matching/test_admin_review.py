"""The review queue: what a coach sees, their decisions, outcomes and follow-ups."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from matching.admin_views import add_months, follow_up_dates, readable_explanation
from matching.models import AuditEntry, FollowUp, Suggestion

from .conftest import EXPLANATION, PRIVATE_NAME, make_participant, stored_vacancy, suggest

TODAY = timezone.localdate
LATER = (dt.date.today() + dt.timedelta(days=14)).isoformat()


# --- pure helpers -----------------------------------------------------------


def test_add_months_keeps_the_day_or_takes_the_months_last():
    assert add_months(dt.date(2026, 1, 15), 3) == dt.date(2026, 4, 15)
    assert add_months(dt.date(2026, 8, 31), 6) == dt.date(2027, 2, 28)
    assert add_months(dt.date(2026, 11, 30), 3) == dt.date(2027, 2, 28)


def test_follow_ups_after_four_weeks_three_and_six_months():
    assert follow_up_dates(dt.date(2026, 11, 2)) == [
        dt.date(2026, 11, 30),
        dt.date(2027, 2, 2),
        dt.date(2027, 5, 2),
    ]


def test_explanation_reads_as_sentences_in_the_admin_language():
    with translation.override("en"):
        lines = readable_explanation(
            {
                **EXPLANATION,
                "constraints_met": ["kind", "language:ar"],
                "notes": ["german_one_level_above"],
            }
        )
    assert lines[0] == "Wanted: Lagerhelfer/in. The vacancy is this occupation: Lagerhelfer/in."
    assert "Skills that fit: Gabelstapler fahren." in lines
    assert "Asked for, not in the profile: Kommissionierung." in lines
    assert "3.2 km from home." in lines
    assert "Conditions met: kind of vacancy, language ar." in lines
    assert any("one level above" in line for line in lines)


def test_explanation_of_a_related_occupation_says_so():
    with translation.override("en"):
        lines = readable_explanation(
            {"occupation": {"wanted": "Koch/Köchin", "found": "Küchenhilfe", "match": "related"}}
        )
    assert lines == ["Wanted: Koch/Köchin. The vacancy is a related occupation: Küchenhilfe."]


def test_an_empty_explanation_reads_as_nothing():
    assert readable_explanation({}) == []


# --- the queue ---------------------------------------------------------------

pytestmark_db = pytest.mark.django_db


@pytest.mark.django_db
def test_queue_is_sorted_by_score_and_shows_the_vacancy(client, alice, gotha_participant):
    low = suggest(gotha_participant, stored_vacancy(1, title="Reinigungskraft (m/w/d)"), score=55)
    high = suggest(gotha_participant, stored_vacancy(2, title="Staplerfahrer (m/w/d)"), score=91)
    client.force_login(alice)
    response = client.get(reverse("matching:review_queue"))
    assert [c["suggestion"] for c in response.context["cards"]] == [high, low]
    html = response.content.decode()
    assert "Staplerfahrer (m/w/d)" in html and "Seelogistik GmbH" in html and "Gotha" in html
    assert "Gabelstapler fahren" in html  # the explanation


@pytest.mark.django_db
def test_queue_holds_new_and_due_snoozed_suggestions_only(client, alice, gotha_participant):
    new = suggest(gotha_participant, stored_vacancy(1))
    due = suggest(
        gotha_participant,
        stored_vacancy(2),
        status=Suggestion.Status.SNOOZED,
        snoozed_until=TODAY(),
    )
    suggest(
        gotha_participant,
        stored_vacancy(3),
        status="snoozed",
        snoozed_until=TODAY() + dt.timedelta(days=3),
    )
    suggest(gotha_participant, stored_vacancy(4), status=Suggestion.Status.PROPOSED)
    suggest(gotha_participant, stored_vacancy(5), status=Suggestion.Status.DISMISSED)
    client.force_login(alice)
    cards = client.get(reverse("matching:review_queue")).context["cards"]
    assert {c["suggestion"] for c in cards} == {new, due}


@pytest.mark.django_db
def test_queue_leaves_out_participants_without_consent(client, alice, gotha):
    without = make_participant(gotha)
    suggest(without, stored_vacancy(1))
    client.force_login(alice)
    assert client.get(reverse("matching:review_queue")).context["cards"] == []


@pytest.mark.django_db
def test_a_vacancy_gone_from_the_catalogue_is_shown_as_such(client, alice, gotha_participant):
    suggest(gotha_participant, 999_999)
    client.force_login(alice)
    response = client.get(reverse("matching:review_queue"))
    assert response.context["cards"][0]["vacancy"] is None


# --- decisions ------------------------------------------------------------------


@pytest.mark.django_db
def test_accept_proposes_to_the_participant(client, alice, gotha_suggestion):
    client.force_login(alice)
    client.post(reverse("matching:suggestion_accept", args=[gotha_suggestion.pk]))
    gotha_suggestion.refresh_from_db()
    assert (gotha_suggestion.status, gotha_suggestion.decided_by) == ("proposed", alice)
    entry = AuditEntry.objects.get(action="suggestion_proposed")
    assert entry.detail == "status"


@pytest.mark.django_db
def test_dismiss_needs_a_reason(client, alice, gotha_suggestion):
    client.force_login(alice)
    response = client.post(reverse("matching:suggestion_dismiss", args=[gotha_suggestion.pk]), {})
    assert response.status_code == 400
    gotha_suggestion.refresh_from_db()
    assert gotha_suggestion.status == "new"


@pytest.mark.django_db
def test_dismiss_keeps_the_reason_out_of_the_audit(client, alice, gotha_suggestion):
    client.force_login(alice)
    client.post(
        reverse("matching:suggestion_dismiss", args=[gotha_suggestion.pk]),
        {"reason": "Schichtdienst passt wegen Kinderbetreuung nicht"},
    )
    gotha_suggestion.refresh_from_db()
    assert gotha_suggestion.status == "dismissed"
    assert gotha_suggestion.reason == "Schichtdienst passt wegen Kinderbetreuung nicht"
    entry = AuditEntry.objects.get(action="suggestion_dismissed")
    assert "Kinderbetreuung" not in entry.detail


@pytest.mark.django_db
def test_snooze_until_a_later_date(client, alice, gotha_suggestion):
    client.force_login(alice)
    client.post(reverse("matching:suggestion_snooze", args=[gotha_suggestion.pk]), {"until": LATER})
    gotha_suggestion.refresh_from_db()
    assert gotha_suggestion.status == "snoozed"
    assert gotha_suggestion.snoozed_until.isoformat() == LATER
    assert client.get(reverse("matching:review_queue")).context["cards"] == []


@pytest.mark.django_db
def test_snooze_into_the_past_is_refused(client, alice, gotha_suggestion):
    client.force_login(alice)
    response = client.post(
        reverse("matching:suggestion_snooze", args=[gotha_suggestion.pk]),
        {"until": TODAY().isoformat()},
    )
    assert response.status_code == 400


@pytest.mark.django_db
def test_decisions_are_post_only(client, alice, gotha_suggestion):
    client.force_login(alice)
    assert (
        client.get(reverse("matching:suggestion_accept", args=[gotha_suggestion.pk])).status_code
        == 405
    )


@pytest.mark.django_db
def test_suggestion_page_shows_explanation_and_is_audited(client, alice, gotha_suggestion):
    client.force_login(alice)
    html = client.get(reverse("matching:suggestion_detail", args=[gotha_suggestion.pk])).content
    assert "Kommissionierung" in html.decode()
    assert AuditEntry.objects.filter(action="suggestion_viewed", user=alice).exists()


# --- bulk -------------------------------------------------------------------------


@pytest.fixture
def three(gotha_participant):
    return [suggest(gotha_participant, stored_vacancy(n), score=60 + n) for n in (1, 2, 3)]


def bulk(client, user, suggestions, **data):
    client.force_login(user)
    return client.post(
        reverse("matching:review_bulk"), {"suggestions": [s.pk for s in suggestions], **data}
    )


@pytest.mark.django_db
def test_bulk_accept(client, alice, three):
    assert bulk(client, alice, three[:2], action="accept").status_code == 302
    assert [s.status for s in Suggestion.objects.order_by("vacancy_id")] == [
        "proposed",
        "proposed",
        "new",
    ]


@pytest.mark.django_db
def test_bulk_dismiss_with_reason(client, alice, three):
    bulk(client, alice, three, action="dismiss", reason="zu weit")
    assert set(Suggestion.objects.values_list("status", "reason")) == {("dismissed", "zu weit")}
    assert AuditEntry.objects.filter(action="suggestion_dismissed").count() == 3


@pytest.mark.django_db
def test_bulk_dismiss_without_reason_changes_nothing(client, alice, three):
    bulk(client, alice, three, action="dismiss")
    assert set(Suggestion.objects.values_list("status", flat=True)) == {"new"}


@pytest.mark.django_db
def test_bulk_snooze(client, alice, three):
    bulk(client, alice, three[1:], action="snooze", until=LATER)
    statuses = list(Suggestion.objects.order_by("vacancy_id").values_list("status", flat=True))
    assert statuses == ["new", "snoozed", "snoozed"]


@pytest.mark.django_db
def test_bulk_without_a_selection_changes_nothing(client, alice, three):
    client.force_login(alice)
    response = client.post(reverse("matching:review_bulk"), {"action": "accept"})
    assert response.status_code == 302
    assert set(Suggestion.objects.values_list("status", flat=True)) == {"new"}


# --- outcomes and follow-ups ---------------------------------------------------------


@pytest.mark.django_db
def test_outcomes_are_recorded_with_dates(client, alice, gotha_suggestion):
    client.force_login(alice)
    url = reverse("matching:outcome_add", args=[gotha_suggestion.pk])
    client.post(url, {"kind": "applied", "date": "2026-11-03"})
    client.post(url, {"kind": "interview", "date": "2026-11-10"})
    assert [(o.kind, o.date.isoformat()) for o in gotha_suggestion.outcomes.all()] == [
        ("applied", "2026-11-03"),
        ("interview", "2026-11-10"),
    ]
    assert not FollowUp.objects.exists()


@pytest.mark.django_db
def test_placed_creates_the_follow_up_reminders_once(client, alice, gotha_suggestion):
    client.force_login(alice)
    url = reverse("matching:outcome_add", args=[gotha_suggestion.pk])
    client.post(url, {"kind": "placed", "date": "2026-11-02"})
    client.post(url, {"kind": "placed", "date": "2026-11-03"})
    assert [f.due for f in gotha_suggestion.follow_ups.all()] == follow_up_dates(
        dt.date(2026, 11, 2)
    )
    assert AuditEntry.objects.filter(action="outcome_placed").count() == 2


@pytest.mark.django_db
def test_follow_ups_due_lists_overdue_and_coming_week_only(client, alice, gotha_suggestion):
    overdue = FollowUp.objects.create(
        suggestion=gotha_suggestion, due=TODAY() - dt.timedelta(days=3)
    )
    soon = FollowUp.objects.create(suggestion=gotha_suggestion, due=TODAY() + dt.timedelta(days=5))
    FollowUp.objects.create(suggestion=gotha_suggestion, due=TODAY() + dt.timedelta(days=60))
    FollowUp.objects.create(suggestion=gotha_suggestion, due=TODAY(), done_at=timezone.now())
    client.force_login(alice)
    response = client.get(reverse("matching:follow_ups"))
    assert list(response.context["follow_ups"]) == [overdue, soon]
    assert PRIVATE_NAME not in response.content.decode()
