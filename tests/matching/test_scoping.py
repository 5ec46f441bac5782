"""Office scoping: a coach reaches their own office's participants and nobody else's.

Every URL of the coaches' pages is requested twice: by the coach of the
participant's office (it works) and by the coach of another office (404, and
nothing is shown or changed).
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from matching.models import AuditEntry, Consent, FollowUp, Participant, Suggestion

from .conftest import PRIVATE_NAME

pytestmark = pytest.mark.django_db

TOMORROW = (dt.date.today() + dt.timedelta(days=2)).isoformat()

# (url name, by participant or by suggestion, method, POST data)
PARTICIPANT_PAGES = [
    ("matching:participant_detail", "get", None),
    ("matching:participant_edit", "get", None),
    ("matching:participant_export_json", "get", None),
    ("matching:participant_export_print", "get", None),
    ("matching:consent", "get", None),
    ("matching:consent_print", "get", None),
    ("matching:consent_withdraw", "get", None),
    ("matching:participant_sheet", "get", None),
]
PARTICIPANT_CHANGES = [
    ("matching:participant_edit", {"office": "", "max_distance_km": "30"}),
    ("matching:consent", {"method": "digital"}),
    ("matching:consent_withdraw", {}),
]
SUGGESTION_CHANGES = [
    ("matching:suggestion_accept", {}),
    ("matching:suggestion_dismiss", {"reason": "zu weit"}),
    ("matching:suggestion_snooze", {"until": TOMORROW}),
    ("matching:outcome_add", {"kind": "placed", "date": "2026-11-01"}),
]


def login(client, user):
    client.force_login(user)
    return client


@pytest.mark.parametrize(("name", "method", "data"), PARTICIPANT_PAGES)
def test_coach_opens_own_participants_pages(client, alice, gotha_participant, name, method, data):
    response = login(client, alice).get(reverse(name, args=[gotha_participant.pk]))
    assert response.status_code == 200


@pytest.mark.parametrize(("name", "method", "data"), PARTICIPANT_PAGES)
def test_coach_gets_404_for_other_offices_participant_pages(
    client, bob, gotha_participant, name, method, data
):
    response = login(client, bob).get(reverse(name, args=[gotha_participant.pk]))
    assert response.status_code == 404
    assert PRIVATE_NAME not in response.content.decode()
    assert not AuditEntry.objects.filter(user=bob).exists()


@pytest.mark.parametrize(("name", "data"), PARTICIPANT_CHANGES)
def test_coach_gets_404_for_changing_other_offices_participant(
    client, bob, gotha_participant, gotha_suggestion, name, data
):
    response = login(client, bob).post(reverse(name, args=[gotha_participant.pk]), data)
    assert response.status_code == 404
    gotha_participant.refresh_from_db()
    assert gotha_participant.max_distance_km == 25
    assert Consent.objects.filter(participant=gotha_participant).count() == 1
    assert gotha_participant.active_consent is not None
    assert Suggestion.objects.filter(pk=gotha_suggestion.pk).exists()


def test_coach_gets_404_for_deleting_other_offices_participant(client, bob, gotha_participant):
    for method in ("get", "post"):
        call = getattr(login(client, bob), method)
        response = call(
            reverse("matching:participant_delete", args=[gotha_participant.pk]),
            {"confirm_code": gotha_participant.code} if method == "post" else None,
        )
        assert response.status_code == 404
    assert Participant.objects.filter(pk=gotha_participant.pk).exists()


def test_lead_of_another_office_gets_404_for_deleting(client, leipzig, gotha_participant):
    from .conftest import person

    leipzig_lead = person("lars", leipzig, "Office leads", "lead")
    response = login(client, leipzig_lead).post(
        reverse("matching:participant_delete", args=[gotha_participant.pk]),
        {"confirm_code": gotha_participant.code},
    )
    assert response.status_code == 404
    assert Participant.objects.filter(pk=gotha_participant.pk).exists()


def test_lead_opens_the_delete_page_of_own_participant(client, lena, gotha_participant):
    response = login(client, lena).get(
        reverse("matching:participant_delete", args=[gotha_participant.pk])
    )
    assert response.status_code == 200


def test_coach_may_not_delete_even_own_participant(client, alice, gotha_participant):
    response = login(client, alice).get(
        reverse("matching:participant_delete", args=[gotha_participant.pk])
    )
    # Wagtail answers a PermissionDenied in the admin with a redirect to the dashboard.
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")
    assert Participant.objects.filter(pk=gotha_participant.pk).exists()


@pytest.mark.parametrize(("name", "data"), SUGGESTION_CHANGES)
def test_coach_changes_own_offices_suggestion(client, alice, gotha_suggestion, name, data):
    response = login(client, alice).post(reverse(name, args=[gotha_suggestion.pk]), data)
    assert response.status_code == 302


@pytest.mark.parametrize(("name", "data"), SUGGESTION_CHANGES)
def test_coach_gets_404_for_other_offices_suggestion(client, bob, gotha_suggestion, name, data):
    response = login(client, bob).post(reverse(name, args=[gotha_suggestion.pk]), data)
    assert response.status_code == 404
    gotha_suggestion.refresh_from_db()
    assert gotha_suggestion.status == Suggestion.Status.NEW
    assert not gotha_suggestion.outcomes.exists()


def test_coach_gets_404_for_other_offices_suggestion_page(client, bob, gotha_suggestion):
    url = reverse("matching:suggestion_detail", args=[gotha_suggestion.pk])
    assert login(client, bob).get(url).status_code == 404


def test_coach_opens_own_offices_suggestion_page(client, alice, gotha_suggestion):
    url = reverse("matching:suggestion_detail", args=[gotha_suggestion.pk])
    assert login(client, alice).get(url).status_code == 200


@pytest.mark.parametrize("action", ["accept", "dismiss", "snooze"])
def test_bulk_action_with_another_offices_suggestion_is_404_and_changes_nothing(
    client, alice, gotha_suggestion, leipzig_suggestion, action
):
    response = login(client, alice).post(
        reverse("matching:review_bulk"),
        {
            "action": action,
            "suggestions": [gotha_suggestion.pk, leipzig_suggestion.pk],
            "reason": "passt nicht",
            "until": TOMORROW,
        },
    )
    assert response.status_code == 404
    statuses = set(Suggestion.objects.values_list("status", flat=True))
    assert statuses == {Suggestion.Status.NEW}


def test_follow_up_of_another_office_is_404(client, bob, gotha_suggestion):
    follow_up = FollowUp.objects.create(suggestion=gotha_suggestion, due=dt.date.today())
    response = login(client, bob).post(reverse("matching:follow_up_done", args=[follow_up.pk]))
    assert response.status_code == 404
    follow_up.refresh_from_db()
    assert follow_up.done_at is None


def test_follow_up_of_own_office_is_marked_done(client, alice, gotha_suggestion):
    follow_up = FollowUp.objects.create(suggestion=gotha_suggestion, due=dt.date.today())
    response = login(client, alice).post(reverse("matching:follow_up_done", args=[follow_up.pk]))
    assert response.status_code == 302
    follow_up.refresh_from_db()
    assert follow_up.done_at is not None


def test_list_shows_only_own_offices_participants(
    client, alice, gotha_participant, leipzig_participant
):
    html = login(client, alice).get(reverse("matching:participant_list")).content.decode()
    assert gotha_participant.code in html
    assert leipzig_participant.code not in html


def test_list_search_does_not_reach_other_offices(
    client, alice, gotha_participant, leipzig_participant
):
    response = login(client, alice).get(
        reverse("matching:participant_list"), {"q": leipzig_participant.code}
    )
    assert list(response.context["page"]) == []
    detail = reverse("matching:participant_detail", args=[leipzig_participant.pk])
    assert detail not in response.content.decode()


def test_list_filter_by_another_office_is_refused(client, alice, leipzig, leipzig_participant):
    response = login(client, alice).get(
        reverse("matching:participant_list"), {"office": leipzig.pk}
    )
    assert response.status_code == 200
    assert leipzig_participant.code not in response.content.decode()


def test_inactive_list_shows_only_own_offices(
    client, alice, gotha_participant, leipzig_participant
):
    Participant.objects.update(last_activity_at=dt.datetime(2020, 1, 1, tzinfo=dt.UTC))
    html = login(client, alice).get(reverse("matching:inactive_list")).content.decode()
    assert gotha_participant.code in html
    assert leipzig_participant.code not in html


def test_review_queue_shows_only_own_offices_suggestions(
    client, alice, gotha_suggestion, leipzig_suggestion
):
    html = login(client, alice).get(reverse("matching:review_queue")).content.decode()
    assert gotha_suggestion.participant.code in html
    assert leipzig_suggestion.participant.code not in html


def test_follow_ups_list_shows_only_own_offices(
    client, alice, gotha_suggestion, leipzig_suggestion
):
    for suggestion in (gotha_suggestion, leipzig_suggestion):
        FollowUp.objects.create(suggestion=suggestion, due=dt.date.today())
    html = login(client, alice).get(reverse("matching:follow_ups")).content.decode()
    assert gotha_suggestion.participant.code in html
    assert leipzig_suggestion.participant.code not in html


def test_create_offers_only_the_coaches_own_offices(client, alice, gotha, leipzig):
    response = login(client, alice).post(
        reverse("matching:participant_create"),
        {"office": leipzig.pk, "language": "de", "max_distance_km": "25"},
    )
    assert response.status_code == 200  # the form again, with an error on office
    assert "office" in response.context["form"].errors
    assert not Participant.objects.exists()


def test_user_without_an_office_sees_no_participants(client, gotha_participant, django_user_model):
    from django.contrib.auth.models import Group

    stray = django_user_model.objects.create_user("stray", password="x")  # noqa: S106
    stray.groups.add(Group.objects.get(name="Job coaches"))
    login(client, stray)
    assert (
        client.get(reverse("matching:participant_detail", args=[gotha_participant.pk])).status_code
        == 404
    )
    assert (
        gotha_participant.code
        not in client.get(reverse("matching:participant_list")).content.decode()
    )


def test_anonymous_visitor_is_sent_to_the_login(client, gotha_participant):
    response = client.get(reverse("matching:participant_detail", args=[gotha_participant.pk]))
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
