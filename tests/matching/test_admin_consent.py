"""Consent in the admin: shown and printed in the participant's language, recorded, withdrawn."""

from __future__ import annotations

import pytest
from django.urls import reverse

from matching.models import AuditEntry, Consent, ConsentText, Suggestion

from .conftest import make_participant, stored_vacancy, suggest

pytestmark = pytest.mark.django_db


def test_version_one_is_seeded_in_german_and_english():
    assert set(ConsentText.objects.filter(version=1).values_list("language", flat=True)) >= {
        "de",
        "en",
    }


def test_consent_page_shows_the_text_in_the_participants_language(client, alice, gotha):
    participant = make_participant(gotha, language="en")
    client.force_login(alice)
    response = client.get(reverse("matching:consent", args=[participant.pk]))
    assert response.context["text"].language == "en"
    assert 'lang="en"' in response.content.decode()


def test_consent_page_falls_back_to_german_and_says_so(client, alice, gotha):
    participant = make_participant(gotha, language="fa")
    client.force_login(alice)
    response = client.get(reverse("matching:consent", args=[participant.pk]))
    assert response.context["text"].language == "de"


def test_a_text_the_operator_adds_is_used_with_its_direction(client, alice, gotha):
    ConsentText.objects.create(version=1, language="ar", title="موافقة", body="أوافق على ...")
    participant = make_participant(gotha, language="ar")
    client.force_login(alice)
    html = client.get(reverse("matching:consent", args=[participant.pk])).content.decode()
    assert 'lang="ar" dir="rtl"' in html
    assert "موافقة" in html


def test_recording_consent_stores_method_version_and_recorder(
    client, alice, gotha, rematches, django_capture_on_commit_callbacks
):
    participant = make_participant(gotha, language="en")
    client.force_login(alice)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("matching:consent", args=[participant.pk]), {"method": "digital"}
        )
    assert response.status_code == 302
    consent = Consent.objects.get(participant=participant)
    assert (consent.method, consent.version, consent.language, consent.recorded_by) == (
        "digital",
        1,
        "en",
        alice,
    )
    assert rematches == [participant.pk]
    assert AuditEntry.objects.filter(action="consent_given", user=alice).exists()


def test_consent_needs_a_method(client, alice, gotha):
    participant = make_participant(gotha)
    client.force_login(alice)
    response = client.post(reverse("matching:consent", args=[participant.pk]), {})
    assert response.status_code == 200
    assert not Consent.objects.exists()


def test_printed_consent_is_in_the_participants_language(client, alice, gotha):
    ConsentText.objects.create(version=1, language="ar", title="موافقة", body="أوافق على ...")
    participant = make_participant(gotha, language="ar")
    client.force_login(alice)
    response = client.get(reverse("matching:consent_print", args=[participant.pk]))
    html = response.content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    assert "أوافق على" in html
    assert participant.code in html
    assert response["Content-Language"] == "ar"


def test_printed_consent_uses_the_latest_version(client, alice, gotha):
    ConsentText.objects.create(version=2, language="de", title="Einwilligung v2", body="Neu.")
    participant = make_participant(gotha, language="de")
    client.force_login(alice)
    html = client.get(reverse("matching:consent_print", args=[participant.pk])).content.decode()
    assert "Einwilligung v2" in html


def test_withdrawal_removes_suggestions_at_once_and_keeps_the_audit(
    client, alice, gotha_participant
):
    suggest(gotha_participant, stored_vacancy(1))
    suggest(gotha_participant, stored_vacancy(2), status=Suggestion.Status.PROPOSED)
    client.force_login(alice)
    response = client.post(reverse("matching:consent_withdraw", args=[gotha_participant.pk]))
    assert response.status_code == 302
    assert not Suggestion.objects.filter(participant=gotha_participant).exists()
    assert gotha_participant.active_consent is None
    consent = Consent.objects.get(participant=gotha_participant)
    assert consent.withdrawn_by == alice
    assert AuditEntry.objects.filter(
        action="consent_withdrawn", participant_code=gotha_participant.code
    ).exists()


def test_withdrawn_participant_leaves_the_review_queue(client, alice, gotha_suggestion):
    client.force_login(alice)
    client.post(reverse("matching:consent_withdraw", args=[gotha_suggestion.participant_id]))
    assert list(client.get(reverse("matching:review_queue")).context["cards"]) == []


def test_without_any_consent_text_nothing_can_be_recorded(client, alice, gotha):
    ConsentText.objects.all().delete()
    participant = make_participant(gotha)
    client.force_login(alice)
    url = reverse("matching:consent", args=[participant.pk])
    assert client.get(url).context["text"] is None
    assert client.post(url, {"method": "paper"}).status_code == 200
    assert not Consent.objects.exists()
    assert client.get(reverse("matching:consent_print", args=[participant.pk])).status_code == 404
