"""Participants in the admin: create, edit, read; what each writes to the audit log."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from matching.forms import ParticipantForm
from matching.models import AuditEntry, Participant

from .conftest import PRIVATE_NAME, PRIVATE_SKILLS, make_participant

pytestmark = pytest.mark.django_db

PROFILE = {
    "office": "",
    "name": "Olena Bondar",
    "contact": "0176 000000",
    "language": "uk",
    "desired_kinds": ["job", "ausbildung"],
    "desired_occupations": "водій навантажувача\nLagerhelfer",
    "skills": "Gabelstapler\nКомплектування",
    "languages": "uk C2\nru B2",
    "german_level": "A2",
    "driving_licence": "on",
    "home_postal_code": "99867",
    "max_distance_km": "30",
    "availability": ["vollzeit", "schicht_nacht_wochenende"],
    "qualifications": "Elektriker | UA | pending",
}


def profile_for(office, **changes):
    return {**PROFILE, "office": office.pk, **changes}


def assert_no_profile_content_in_audit(*secrets: str) -> None:
    for entry in AuditEntry.objects.all():
        text = " ".join(
            str(value)
            for value in (entry.username, entry.action, entry.participant_code, entry.detail)
        )
        for secret in secrets:
            for part in secret.splitlines():
                assert part not in text, f"{part!r} leaked into the audit log: {text!r}"


def test_coach_creates_a_participant_in_their_office(client, alice, gotha):
    client.force_login(alice)
    response = client.post(reverse("matching:participant_create"), profile_for(gotha))
    participant = Participant.objects.get()
    assert response.status_code == 302
    assert participant.office == gotha
    assert participant.code.startswith("GW-")
    assert participant.desired_kinds == ["job", "ausbildung"]
    assert participant.languages == [{"lang": "uk", "level": "C2"}, {"lang": "ru", "level": "B2"}]
    assert participant.qualifications == [
        {"title": "Elektriker", "country": "UA", "recognition": "pending"}
    ]
    assert participant.driving_licence is True
    assert participant.availability == ["vollzeit", "schicht_nacht_wochenende"]


def test_creating_writes_field_names_not_values_to_the_audit(client, alice, gotha):
    client.force_login(alice)
    client.post(reverse("matching:participant_create"), profile_for(gotha))
    entry = AuditEntry.objects.get(action="created")
    assert entry.username == "alice"
    assert "skills" in entry.detail and "name" in entry.detail
    assert_no_profile_content_in_audit("Olena Bondar", PROFILE["skills"], "Elektriker")


def test_create_form_chooses_the_only_office_by_default(client, alice, gotha):
    client.force_login(alice)
    form = client.get(reverse("matching:participant_create")).context["form"]
    assert form.fields["office"].initial == gotha
    assert list(form.fields["office"].queryset) == [gotha]


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("languages", "Arabisch sehr gut", "language code"),
        ("languages", "ar D1", "A1, A2"),
        ("qualifications", "Elektriker | Syrien | pending", "two-letter"),
        ("qualifications", "Elektriker | SY | maybe", "none, pending"),
        ("home_postal_code", "9986", "five digits"),
    ],
)
def test_bad_profile_input_says_what_to_write(client, alice, gotha, field, value, message):
    client.force_login(alice)
    with translation.override("en"):
        form = ParticipantForm(profile_for(gotha, **{field: value}), user=alice)
        assert message in " ".join(form.errors[field])
    response = client.post(
        reverse("matching:participant_create"), profile_for(gotha, **{field: value})
    )
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert not Participant.objects.exists()


def test_editing_the_profile_saves_and_queues_a_rematch(
    client, alice, gotha_participant, rematches, django_capture_on_commit_callbacks
):
    before = gotha_participant.updated_at
    client.force_login(alice)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("matching:participant_edit", args=[gotha_participant.pk]),
            profile_for(gotha_participant.office, skills="Kassieren\nRegale einräumen"),
        )
    assert response.status_code == 302
    gotha_participant.refresh_from_db()
    assert gotha_participant.skill_lines() == ["Kassieren", "Regale einräumen"]
    assert gotha_participant.updated_at > before
    assert gotha_participant.last_activity_at > before
    assert rematches == [gotha_participant.pk]


def test_editing_audits_the_changed_field_names_only(client, alice, gotha_participant, rematches):
    client.force_login(alice)
    current = {
        "office": gotha_participant.office_id,
        "name": PRIVATE_NAME,
        "language": "uk",
        "desired_kinds": ["job"],
        "desired_occupations": "Lagerhelfer",
        "skills": PRIVATE_SKILLS,
        "german_level": "A2",
        "home_postal_code": "99867",
        "max_distance_km": "25",
        "availability": ["vollzeit"],
    }
    client.post(
        reverse("matching:participant_edit", args=[gotha_participant.pk]),
        {**current, "german_level": "B1", "max_distance_km": "40"},
    )
    entry = AuditEntry.objects.get(action="changed")
    assert entry.detail == "german_level, max_distance_km"
    assert_no_profile_content_in_audit(PRIVATE_NAME, PRIVATE_SKILLS)


def test_saving_an_unchanged_profile_changes_nothing(client, alice, rematches):
    participant = make_participant(alice.offices.get(), languages=[{"lang": "ar", "level": "C2"}])
    client.force_login(alice)
    form = client.get(reverse("matching:participant_edit", args=[participant.pk])).context["form"]
    data = {k: v for k, v in form.initial.items() if v is not None}
    data["languages"] = "ar C2"
    data["qualifications"] = ""
    data["office"] = participant.office_id
    data.pop("driving_licence")
    client.post(reverse("matching:participant_edit", args=[participant.pk]), data)
    assert not AuditEntry.objects.filter(action="changed").exists()


def test_a_new_postal_code_is_geocoded_again(client, alice, gotha_participant, rematches):
    client.force_login(alice)
    client.post(
        reverse("matching:participant_edit", args=[gotha_participant.pk]),
        profile_for(gotha_participant.office, home_postal_code="04177"),
    )
    gotha_participant.refresh_from_db()
    assert gotha_participant.home_postal_code == "04177"
    assert gotha_participant.latitude is None or gotha_participant.latitude > 51  # Leipzig


@pytest.mark.parametrize(
    ("name", "action"),
    [
        ("matching:participant_detail", "viewed"),
        ("matching:participant_edit", "viewed_for_edit"),
        ("matching:participant_export_json", "exported"),
        ("matching:participant_export_print", "exported"),
        ("matching:participant_sheet", "sheet_printed"),
        ("matching:consent_print", "consent_printed"),
    ],
)
def test_every_read_is_audited_without_content(client, alice, gotha_participant, name, action):
    client.force_login(alice)
    client.get(reverse(name, args=[gotha_participant.pk]))
    entry = AuditEntry.objects.get(action=action)
    assert (entry.user, entry.participant_code, entry.office) == (
        alice,
        gotha_participant.code,
        gotha_participant.office,
    )
    assert_no_profile_content_in_audit(PRIVATE_NAME, PRIVATE_SKILLS)


def test_detail_page_shows_the_profile(client, alice, gotha_participant):
    client.force_login(alice)
    html = client.get(reverse("matching:participant_detail", args=[gotha_participant.pk])).content
    assert PRIVATE_NAME in html.decode()
    assert "Комплектування замовлень" in html.decode()


def test_list_filters_by_consent(client, alice, gotha_participant):
    without = make_participant(gotha_participant.office, name="")
    client.force_login(alice)
    url = reverse("matching:participant_list")
    assert list(client.get(url, {"consent": "yes"}).context["page"]) == [gotha_participant]
    assert list(client.get(url, {"consent": "no"}).context["page"]) == [without]


def test_list_filters_inactive_participants(client, alice, gotha_participant):
    stale = make_participant(gotha_participant.office)
    Participant.objects.filter(pk=stale.pk).update(
        last_activity_at=timezone.now() - dt.timedelta(days=400)
    )
    client.force_login(alice)
    page = client.get(reverse("matching:participant_list"), {"inactive": "on"}).context["page"]
    assert list(page) == [stale]


def test_list_searches_by_name_and_code(client, alice, gotha_participant):
    other = make_participant(gotha_participant.office, name="Ahmad Karimi")
    client.force_login(alice)
    url = reverse("matching:participant_list")
    assert list(client.get(url, {"q": "karimi"}).context["page"]) == [other]
    assert list(client.get(url, {"q": gotha_participant.code.lower()}).context["page"]) == [
        gotha_participant
    ]


def test_a_random_code_that_is_taken_is_drawn_again(gotha, monkeypatch):
    drawn = iter(["GO-AAAAA", "GO-AAAAA", "GO-AAAAA", "GO-BBBBB"])
    monkeypatch.setattr("matching.models.new_code", lambda office: next(drawn))
    first = Participant.objects.create(office=gotha)
    second = Participant.objects.create(office=gotha)
    assert (first.code, second.code) == ("GO-AAAAA", "GO-BBBBB")
