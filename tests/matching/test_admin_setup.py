"""The groups coaches and leads are put in, the admin menu, and the setup pages."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

pytestmark = pytest.mark.django_db


def codenames(group_name: str) -> set[str]:
    group = Group.objects.get(name=group_name)
    return set(group.permissions.values_list("codename", flat=True))


def test_coaches_may_use_the_admin_and_keep_participants():
    perms = codenames("Job coaches")
    assert {"access_admin", "view_participant", "add_participant", "change_participant"} <= perms
    assert {"change_suggestion", "add_outcome", "change_followup"} <= perms
    assert "delete_participant" not in perms


def test_office_leads_may_also_erase():
    assert codenames("Job coaches") | {"delete_participant"} == codenames("Office leads")


def test_neither_group_administers_offices_or_consent_texts():
    for name in ("Job coaches", "Office leads"):
        perms = codenames(name)
        assert not {p for p in perms if p.endswith(("office", "membership", "consenttext"))}


def test_coach_sees_the_participants_menu(client, alice):
    client.force_login(alice)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("matching:participant_list") in html
    assert reverse("matching:review_queue") in html


def test_coach_cannot_open_the_consent_texts_setup(client, alice):
    client.force_login(alice)
    response = client.get(reverse("consenttext:index"))
    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert response["Location"] == reverse("wagtailadmin_home")


def test_administrator_manages_consent_texts_offices_and_memberships(client, django_user_model):
    admin = django_user_model.objects.create_superuser("root", password="x")  # noqa: S106
    client.force_login(admin)
    for name in ("consenttext:index", "offices:index", "memberships:index"):
        assert client.get(reverse(name)).status_code == 200


def test_administrator_sees_every_office(
    client, django_user_model, gotha_participant, leipzig_participant
):
    admin = django_user_model.objects.create_superuser("root", password="x")  # noqa: S106
    client.force_login(admin)
    page = client.get(reverse("matching:participant_list")).context["page"]
    assert set(page) == {gotha_participant, leipzig_participant}
