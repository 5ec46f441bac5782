"""/api/v1/participants/: read-only, signed-in coaches, scoped to their offices, reads audited."""

from __future__ import annotations

import pytest

from matching.models import AuditEntry

from .conftest import PRIVATE_NAME, make_participant

pytestmark = pytest.mark.django_db

LIST = "/api/v1/participants/"


def detail(participant) -> str:
    return f"/api/v1/participants/{participant.pk}/"


def test_list_holds_own_offices_participants_without_profile_content(
    client, alice, gotha_participant, leipzig_participant
):
    client.force_login(alice)
    data = client.get(LIST).json()
    assert [p["code"] for p in data["results"]] == [gotha_participant.code]
    assert data["results"][0]["has_consent"] is True
    assert PRIVATE_NAME not in str(data)


def test_list_filters_by_consent(client, alice, gotha_participant):
    without = make_participant(gotha_participant.office)
    client.force_login(alice)
    assert [p["code"] for p in client.get(LIST, {"consent": "no"}).json()["results"]] == [
        without.code
    ]


def test_detail_of_own_participant_is_audited(client, alice, gotha_participant):
    client.force_login(alice)
    data = client.get(detail(gotha_participant)).json()
    assert data["name"] == PRIVATE_NAME
    assert data["consent"]["method"] == "paper"
    entry = AuditEntry.objects.get(action="viewed_api")
    assert (entry.user, entry.participant_code) == (alice, gotha_participant.code)


def test_detail_of_another_offices_participant_is_404(client, bob, gotha_participant):
    client.force_login(bob)
    response = client.get(detail(gotha_participant))
    assert response.status_code == 404
    assert PRIVATE_NAME not in response.content.decode()
    assert not AuditEntry.objects.filter(action="viewed_api").exists()


def test_anonymous_requests_are_refused(client, gotha_participant):
    assert client.get(LIST).status_code == 403
    assert client.get(detail(gotha_participant)).status_code == 403


def test_users_without_the_permission_are_refused(client, django_user_model, gotha):
    from matching.models import Membership

    editor = django_user_model.objects.create_user("erika", password="x")  # noqa: S106
    Membership.objects.create(office=gotha, user=editor)
    client.force_login(editor)
    assert client.get(LIST).status_code == 403


def test_the_api_is_read_only(client, alice, gotha_participant):
    client.force_login(alice)
    assert client.post(LIST, {}).status_code in (403, 405)
    assert client.delete(detail(gotha_participant)).status_code in (403, 405)
