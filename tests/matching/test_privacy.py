"""The participant's rights in the admin: export (Art. 15), erasure (Art. 17), inactivity."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from django.urls import reverse
from django.utils import timezone

from matching import privacy
from matching.models import AuditEntry, Consent, FollowUp, Outcome, Participant, Suggestion

from .conftest import PRIVATE_NAME, make_participant, stored_vacancy, suggest

pytestmark = pytest.mark.django_db


@pytest.fixture
def placed(gotha_participant, alice):
    suggestion = suggest(gotha_participant, stored_vacancy(7), status=Suggestion.Status.PROPOSED)
    Outcome.objects.create(suggestion=suggestion, kind="placed", date=dt.date(2026, 11, 2))
    FollowUp.objects.create(suggestion=suggestion, due=dt.date(2026, 11, 30))
    return suggestion


def test_json_export_holds_everything(client, alice, gotha_participant, placed):
    client.force_login(alice)
    response = client.get(reverse("matching:participant_export_json", args=[gotha_participant.pk]))
    assert response["Content-Disposition"].startswith("attachment;")
    assert "no-store" in response["Cache-Control"]
    data = json.loads(response.content)
    assert data["participant"]["name"] == PRIVATE_NAME
    assert data["participant"]["skills"] == gotha_participant.skill_lines()
    assert data["participant"]["desired_occupations"] == "Lagerhelfer"
    assert [c["method"] for c in data["consents"]] == ["paper"]
    [suggestion] = data["suggestions"]
    assert suggestion["vacancy_id"] == placed.vacancy_id
    assert suggestion["explanation"]["skills_matched"] == ["Gabelstapler fahren"]
    assert suggestion["outcomes"] == [{"kind": "placed", "date": "2026-11-02"}]
    assert suggestion["follow_ups"] == [{"due": "2026-11-30", "done": False}]
    assert {"consent_given", "exported"} <= {e["action"] for e in data["audit"]}


def test_printable_export_shows_the_same_data(client, alice, gotha_participant, placed):
    client.force_login(alice)
    html = client.get(
        reverse("matching:participant_export_print", args=[gotha_participant.pk])
    ).content.decode()
    assert PRIVATE_NAME in html
    assert "Комплектування замовлень" in html
    assert "placed 2026-11-02" in html
    assert "<html lang=" in html


def test_erase_needs_the_code_typed(client, lena, gotha_participant):
    client.force_login(lena)
    client.post(reverse("matching:participant_delete", args=[gotha_participant.pk]), {})
    assert Participant.objects.filter(pk=gotha_participant.pk).exists()


def test_erase_removes_everything_but_the_audit_code(client, lena, gotha_participant, placed):
    code = gotha_participant.code
    client.force_login(lena)
    response = client.post(
        reverse("matching:participant_delete", args=[gotha_participant.pk]),
        {"confirm_code": code.lower()},
    )
    assert response.status_code == 302
    assert not Participant.objects.filter(code=code).exists()
    assert not Consent.objects.exists()
    assert not Suggestion.objects.exists()
    assert not Outcome.objects.exists()
    assert not FollowUp.objects.exists()
    erased = AuditEntry.objects.get(action="erased")
    assert (erased.participant_code, erased.user) == (code, lena)
    for entry in AuditEntry.objects.all():
        assert PRIVATE_NAME not in f"{entry.detail} {entry.action}"


def test_erased_participant_is_404_afterwards(client, lena, gotha_participant):
    client.force_login(lena)
    url = reverse("matching:participant_delete", args=[gotha_participant.pk])
    client.post(url, {"confirm_code": gotha_participant.code})
    assert (
        client.get(reverse("matching:participant_detail", args=[gotha_participant.pk])).status_code
        == 404
    )


def test_only_participants_with_an_active_consent_count_as_consenting(gotha):
    never = make_participant(gotha)
    withdrawn = make_participant(gotha)
    privacy.give_consent(withdrawn, by=None, method="paper")
    privacy.withdraw_consent(withdrawn, by=None)
    active = make_participant(gotha)
    privacy.give_consent(active, by=None, method="digital")
    privacy.give_consent(active, by=None, method="paper")
    assert list(Participant.objects.with_active_consent()) == [active]
    assert never not in Participant.objects.with_active_consent()


def test_inactive_lists_those_without_activity_for_the_configured_days(settings, gotha):
    settings.LOTSE_PARTICIPANT_INACTIVE_DAYS = 90
    fresh = make_participant(gotha)
    stale = make_participant(gotha)
    Participant.objects.filter(pk=stale.pk).update(
        last_activity_at=timezone.now() - dt.timedelta(days=91)
    )
    assert privacy.inactive() == [stale]
    assert fresh not in privacy.inactive()


def test_inactive_can_be_narrowed_to_what_a_coach_sees(alice, gotha, leipzig):
    mine, theirs = make_participant(gotha), make_participant(leipzig)
    Participant.objects.update(last_activity_at=timezone.now() - dt.timedelta(days=800))
    assert privacy.inactive(among=Participant.objects.visible_to(alice)) == [mine]
    assert theirs in privacy.inactive()


def test_inactive_page_lists_stale_participants_for_review(client, alice, gotha_participant):
    Participant.objects.update(last_activity_at=timezone.now() - dt.timedelta(days=800))
    client.force_login(alice)
    response = client.get(reverse("matching:inactive_list"))
    assert response.context["participants"] == [gotha_participant]


def test_a_decision_counts_as_activity(client, alice, gotha_suggestion):
    Participant.objects.update(last_activity_at=timezone.now() - dt.timedelta(days=800))
    client.force_login(alice)
    client.post(reverse("matching:suggestion_accept", args=[gotha_suggestion.pk]))
    assert privacy.inactive() == []
