"""Two-factor authentication for staff (django-otp, cms.accounts.two_factor)."""

from __future__ import annotations

import io

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

PASSWORD = "richtiges-Passwort-42"  # noqa: S105
PARTICIPANTS = "/admin/matching/participants/"
VERIFY = "/admin/two-factor/verify/"
SETUP = "/admin/two-factor/setup/"


def member(name: str, group: str | None = None, **fields):
    user = get_user_model().objects.create_user(name, password=PASSWORD, **fields)
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


def signed_in(user) -> Client:
    client = Client()
    response = client.post("/admin/login/", {"username": user.username, "password": PASSWORD})
    assert response.status_code == 302, response.content
    return client


def current_code(device: TOTPDevice) -> str:
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():06d}"


def enrolled(user) -> TOTPDevice:
    return TOTPDevice.objects.create(user=user, name="phone", confirmed=True)


@pytest.fixture
def coach(db):
    return member("alice", "Job coaches")


@pytest.fixture
def editor(db):
    return member("erika", "Editors")


def test_a_coach_without_an_app_is_sent_to_set_one_up(coach):
    response = signed_in(coach).get(PARTICIPANTS)
    assert response.status_code == 302
    assert response.url.startswith(SETUP)
    assert "next=%2Fadmin%2Fmatching%2Fparticipants%2F" in response.url


def test_the_setup_page_shows_the_qr_code_and_the_key_without_scripts(coach):
    page = signed_in(coach).get(SETUP)
    html = page.content.decode()
    device = TOTPDevice.objects.get(user=coach, confirmed=False)
    assert page.status_code == 200
    assert '<svg role="img"' in html
    assert 'autocomplete="one-time-code"' in html
    assert 'inputmode="numeric"' in html
    assert '<label class="w-field__label" for="code-app">' in html
    assert device.config_url.split("secret=")[1][:4] in html.replace(" ", "")
    assert "<script>" not in html
    assert page["Cache-Control"].startswith("max-age=0")


def test_setting_up_with_the_right_code_shows_backup_codes_once_and_opens_the_admin(coach):
    client = signed_in(coach)
    client.get(SETUP)
    device = TOTPDevice.objects.get(user=coach)
    response = client.post(SETUP, {"code": current_code(device), "next": PARTICIPANTS})
    assert response.status_code == 200
    codes = list(StaticDevice.objects.get(user=coach).token_set.values_list("token", flat=True))
    assert len(codes) == 10
    assert all(code in response.content.decode() for code in codes)
    assert client.get(PARTICIPANTS).status_code == 200


def test_a_wrong_code_does_not_turn_on_two_factor(coach):
    client = signed_in(coach)
    client.get(SETUP)
    response = client.post(SETUP, {"code": "000000"})
    assert response.status_code == 200
    assert 'aria-invalid="true"' in response.content.decode()
    assert not TOTPDevice.objects.filter(user=coach, confirmed=True).exists()
    assert client.get(PARTICIPANTS).status_code == 302


def test_with_an_app_every_admin_page_waits_for_the_code(coach):
    enrolled(coach)
    client = signed_in(coach)
    for path in (PARTICIPANTS, "/admin/", "/admin/two-factor/", "/django-admin/"):
        response = client.get(path)
        assert response.status_code == 302, path
        assert response.url.startswith(VERIFY), path


def test_the_participants_api_refuses_a_session_without_the_code(coach):
    enrolled(coach)
    response = signed_in(coach).get("/api/v1/participants/")
    assert response.status_code == 403


def test_the_right_code_opens_the_admin_and_goes_where_the_user_wanted(coach):
    device = enrolled(coach)
    client = signed_in(coach)
    response = client.post(VERIFY, {"code": current_code(device), "next": PARTICIPANTS})
    assert response.status_code == 302
    assert response.url == PARTICIPANTS
    assert client.get(PARTICIPANTS).status_code == 200


def test_a_code_from_another_site_is_not_followed(coach):
    device = enrolled(coach)
    client = signed_in(coach)
    response = client.post(VERIFY, {"code": current_code(device), "next": "https://evil.example/"})
    assert response.url == reverse("wagtailadmin_home")


def test_a_wrong_code_keeps_the_door_shut(coach):
    enrolled(coach)
    client = signed_in(coach)
    response = client.post(VERIFY, {"code": "123456", "kind": "app"})
    assert response.status_code == 200
    assert 'aria-invalid="true"' in response.content.decode()
    assert client.get(PARTICIPANTS).status_code == 302


def test_a_backup_code_works_once(coach):
    from cms.accounts import two_factor

    enrolled(coach)
    code = two_factor.new_backup_codes(coach)[0]
    first = signed_in(coach)
    assert first.post(VERIFY, {"code": code.upper(), "kind": "backup"}).status_code == 302
    assert first.get(PARTICIPANTS).status_code == 200
    second = signed_in(coach)
    assert second.post(VERIFY, {"code": code, "kind": "backup"}).status_code == 200
    assert second.get(PARTICIPANTS).status_code == 302


def test_verify_page_is_accessible_and_offers_backup_codes(coach):
    enrolled(coach)
    html = signed_in(coach).get(VERIFY).content.decode()
    assert 'for="code-app"' in html and 'for="code-backup"' in html
    assert html.count('autocomplete="one-time-code"') == 2
    assert "<script>" not in html


def test_the_pages_are_in_the_language_the_user_chose_for_the_admin(coach):
    from wagtail.users.models import UserProfile

    enrolled(coach)
    client = signed_in(coach)
    assert "Anmeldung bestätigen" in client.get(VERIFY).content.decode()
    profile = UserProfile.get_for_user(coach)
    profile.preferred_language = "en"
    profile.save()
    assert "Confirm your sign-in" in client.get(VERIFY).content.decode()


@pytest.mark.parametrize("group", ["Administrators", "Office leads"])
def test_administrators_and_office_leads_must_use_two_factor(db, group):
    user = member("someone", group)
    assert signed_in(user).get("/admin/").url.startswith(SETUP)


def test_superusers_must_use_two_factor(db):
    root = get_user_model().objects.create_superuser("root", password=PASSWORD)
    assert signed_in(root).get("/admin/").url.startswith(SETUP)


def test_editors_may_work_without_two_factor(editor):
    assert signed_in(editor).get("/admin/").status_code == 200


def test_editors_who_turned_it_on_confirm_a_code_too_and_may_turn_it_off(editor):
    device = enrolled(editor)
    client = signed_in(editor)
    assert client.get("/admin/").url.startswith(VERIFY)
    client.post(VERIFY, {"code": current_code(device)})
    response = client.post("/admin/two-factor/", {"action": "turn-off"})
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=editor).exists()


def test_a_coach_cannot_turn_it_off(coach):
    device = enrolled(coach)
    client = signed_in(coach)
    client.post(VERIFY, {"code": current_code(device)})
    client.post("/admin/two-factor/", {"action": "turn-off"})
    assert TOTPDevice.objects.filter(user=coach).exists()


def test_enforcement_can_be_switched_off(coach, settings):
    settings.LOTSE_STAFF_2FA = False
    assert signed_in(coach).get(PARTICIPANTS).status_code == 200


def test_the_public_site_is_not_held_at_the_door(coach):
    enrolled(coach)
    assert signed_in(coach).get("/healthz").status_code in (200, 503)


def test_an_administrator_resets_a_lost_second_factor(coach):
    from cms.accounts import two_factor

    enrolled(coach)
    two_factor.new_backup_codes(coach)
    out = io.StringIO()
    call_command("two_factor_reset", "alice", stdout=out)
    assert "reset" in out.getvalue()
    assert not TOTPDevice.objects.filter(user=coach).exists()
    assert not StaticDevice.objects.filter(user=coach).exists()
    assert signed_in(coach).get(PARTICIPANTS).url.startswith(SETUP)


def test_resetting_an_unknown_user_says_so(db):
    with pytest.raises(CommandError, match="no user 'nobody'"):
        call_command("two_factor_reset", "nobody")


def test_the_account_page_leads_to_two_factor_and_makes_new_backup_codes(coach):
    from cms.accounts import two_factor

    device = enrolled(coach)
    old = two_factor.new_backup_codes(coach)
    client = signed_in(coach)
    client.post(VERIFY, {"code": current_code(device)})
    assert 'href="/admin/two-factor/"' in client.get("/admin/account/").content.decode()
    assert client.get("/admin/two-factor/").status_code == 200
    response = client.post("/admin/two-factor/", {"action": "new-codes"})
    new = list(StaticDevice.objects.get(user=coach).token_set.values_list("token", flat=True))
    assert set(new).isdisjoint(old)
    assert all(code in response.content.decode() for code in new)


def test_the_code_pages_load_the_admins_icons_and_strings_before_the_code(coach):
    enrolled(coach)
    client = signed_in(coach)
    assert client.get(reverse("wagtailadmin_sprite")).status_code == 200
    assert client.get(reverse("wagtailadmin_javascript_catalog")).status_code == 200
