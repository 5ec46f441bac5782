"""The printed sheet of proposed vacancies: the participant's language, a QR code each."""

from __future__ import annotations

import pytest
from django.urls import reverse

from matching.models import Suggestion

from .conftest import consenting, make_participant, stored_vacancy, suggest

pytestmark = pytest.mark.django_db


@pytest.fixture
def arabic_speaker(gotha):
    return consenting(make_participant(gotha, language="ar"))


def sheet(client, user, participant):
    client.force_login(user)
    return client.get(reverse("matching:participant_sheet", args=[participant.pk]))


def test_sheet_is_in_the_participants_language_and_direction(client, alice, arabic_speaker):
    response = sheet(client, alice, arabic_speaker)
    assert '<html lang="ar" dir="rtl">' in response.content.decode()
    assert response["Content-Language"] == "ar"


def test_sheet_of_a_left_to_right_language(client, alice, gotha_participant):
    response = sheet(client, alice, gotha_participant)  # Ukrainian
    assert '<html lang="uk" dir="ltr">' in response.content.decode()


def test_sheet_lists_proposed_vacancies_only_each_with_a_qr_code(client, alice, arabic_speaker):
    proposed = stored_vacancy(1, title="Staplerfahrer (m/w/d)")
    suggest(arabic_speaker, proposed, status=Suggestion.Status.PROPOSED)
    suggest(arabic_speaker, stored_vacancy(2, title="Koch (m/w/d)"))
    html = sheet(client, alice, arabic_speaker).content.decode()
    assert "Staplerfahrer (m/w/d)" in html
    assert "Koch (m/w/d)" not in html
    assert html.count("<svg") == 1
    assert 'role="img"' in html


def test_qr_code_opens_the_public_vacancy_page_in_the_participants_language(
    client, alice, arabic_speaker
):
    vacancy_id = stored_vacancy(1)
    suggest(arabic_speaker, vacancy_id, status=Suggestion.Status.PROPOSED)
    response = sheet(client, alice, arabic_speaker)
    [card] = response.context["cards"]
    assert card["url"] == f"http://testserver/ar/stellen/{vacancy_id}/"


def test_german_participants_get_the_unprefixed_address(client, alice, gotha):
    german = consenting(make_participant(gotha, language="de"))
    vacancy_id = stored_vacancy(1)
    suggest(german, vacancy_id, status=Suggestion.Status.PROPOSED)
    [card] = sheet(client, alice, german).context["cards"]
    assert card["url"] == f"http://testserver/stellen/{vacancy_id}/"


def test_sheet_leaves_the_admin_language_alone(client, alice, arabic_speaker):
    from django.utils import translation

    sheet(client, alice, arabic_speaker)
    assert translation.get_language() != "ar"


def test_sheet_without_proposals_says_so(client, alice, arabic_speaker):
    response = sheet(client, alice, arabic_speaker)
    assert response.status_code == 200
    assert response.context["cards"] == []


def test_arabic_sheet_is_labelled_in_arabic(client, alice, arabic_speaker):
    suggest(arabic_speaker, stored_vacancy(1), status=Suggestion.Status.PROPOSED)
    html = sheet(client, alice, arabic_speaker).content.decode()
    assert "<h1>وظائف مناسبة لك</h1>" in html  # "Vacancies for you"
    assert "<dd>عمل</dd>" in html  # the kind "Job"
    assert "<dd>دوام كامل</dd>" in html  # the working time "full-time"
    assert "Vacancies for you" not in html
