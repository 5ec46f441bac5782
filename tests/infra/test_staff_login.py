"""Brute-force protection of the staff logins (django-axes, cms.accounts.lockout)."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.urls import reverse

from tests.processes import REPO

PASSWORD = "richtiges-Passwort-42"  # noqa: S105
LIMIT = settings.AXES_FAILURE_LIMIT
LOGIN = "/admin/login/"


@pytest.fixture
def erika(db):
    """An editor: no second factor needed, so a right password opens the admin."""
    from django.contrib.auth.models import Group

    user = get_user_model().objects.create_user("erika", password=PASSWORD)
    # get_or_create: a transactional test before this one may have emptied the
    # tables the migrations filled.
    user.groups.add(Group.objects.get_or_create(name="Editors")[0])
    return user


def sign_in(client: Client, username: str, password: str, address: str = "192.0.2.10"):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address)


def fail(client: Client, username: str, times: int, address: str = "192.0.2.10"):
    for _ in range(times):
        response = sign_in(client, username, "falsch", address)
    return response


def signed_in(response) -> bool:
    return response.status_code == 302 and response.url == reverse("wagtailadmin_home")


def test_a_wrong_password_below_the_limit_still_lets_the_right_one_in(erika):
    client = Client()
    fail(client, "erika", LIMIT - 1)
    assert signed_in(sign_in(client, "erika", PASSWORD))


def test_after_the_limit_even_the_right_password_is_refused(erika):
    client = Client()
    assert fail(client, "erika", LIMIT).status_code == 429
    response = sign_in(client, "erika", PASSWORD)
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_the_lockout_page_says_what_happened_in_the_users_language(erika):
    client = Client()
    fail(client, "erika", LIMIT)
    german = sign_in(client, "erika", PASSWORD).content.decode()
    english = client.post(
        LOGIN,
        {"username": "erika", "password": PASSWORD},
        REMOTE_ADDR="192.0.2.10",
        HTTP_ACCEPT_LANGUAGE="en",
    ).content.decode()
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    assert f"in {minutes} Minuten erneut" in german
    assert f"try again in {minutes} minutes" in english
    assert "<script>" not in english


def test_other_users_and_other_addresses_are_not_locked_out(erika):
    get_user_model().objects.create_user("hans", password=PASSWORD)
    fail(Client(), "erika", LIMIT, address="192.0.2.10")
    assert signed_in(sign_in(Client(), "hans", PASSWORD, address="192.0.2.10"))
    assert signed_in(sign_in(Client(), "erika", PASSWORD, address="198.51.100.7"))


def test_the_lockout_ends_after_the_cool_off_time(erika):
    client = Client()
    fail(client, "erika", LIMIT)
    # As if the cool-off time had passed since the last failure.
    AccessAttempt.objects.update(
        attempt_time=dt.datetime.now(dt.UTC) - settings.AXES_COOLOFF_TIME - dt.timedelta(seconds=1)
    )
    assert signed_in(sign_in(client, "erika", PASSWORD))


def test_an_administrator_lifts_the_lockout_with_a_command(erika):
    client = Client()
    fail(client, "erika", LIMIT)
    call_command("axes_reset_username", "erika", stdout=open(os.devnull, "w"))  # noqa: SIM115
    assert signed_in(sign_in(client, "erika", PASSWORD))


def test_the_django_admin_login_is_protected_too(erika):
    client = Client()
    for _ in range(LIMIT):
        client.post("/django-admin/login/", {"username": "erika", "password": "falsch"})
    response = client.post("/django-admin/login/", {"username": "erika", "password": PASSWORD})
    assert response.status_code == 429


def test_a_forged_forwarded_for_header_does_not_dodge_the_lockout(erika):
    client = Client()
    for n in range(LIMIT):
        sign_in_forged = client.post(
            LOGIN,
            {"username": "erika", "password": "falsch"},
            REMOTE_ADDR="192.0.2.10",
            HTTP_X_FORWARDED_FOR=f"203.0.113.{n}",
        )
    assert sign_in_forged.status_code == 429


def test_behind_the_proxy_the_address_it_forwards_is_counted(erika, settings):
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "NUM_PROXIES": 1}
    proxy = "10.0.0.2"
    client = Client()
    for _ in range(LIMIT):
        client.post(
            LOGIN,
            {"username": "erika", "password": "falsch"},
            REMOTE_ADDR=proxy,
            HTTP_X_FORWARDED_FOR="1.2.3.4, 192.0.2.10",
        )
    assert AccessAttempt.objects.get().ip_address == "192.0.2.10"
    # Another client behind the same proxy signs in.
    response = client.post(
        LOGIN,
        {"username": "erika", "password": PASSWORD},
        REMOTE_ADDR=proxy,
        HTTP_X_FORWARDED_FOR="198.51.100.7",
    )
    assert signed_in(response)


@pytest.mark.slow
@pytest.mark.services("postgres")
def test_the_lockout_is_shared_by_every_web_process(transactional_db, erika):
    """Failures counted in this process lock the user out in another (the database keeps them)."""
    fail(Client(), "erika", LIMIT)
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "cms.settings.test"}
    database = connection.settings_dict["NAME"]
    script = (
        "import django; django.setup();"
        "from django.conf import settings;"
        f"settings.DATABASES['default']['NAME'] = {database!r};"
        "from django.test import Client;"
        "r = Client().post('/admin/login/', {'username': 'erika', 'password': %r},"
        " REMOTE_ADDR='192.0.2.10', HTTP_HOST='localhost');"
        "print(r.status_code)"
    ) % PASSWORD
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "429"


def test_superusers_see_and_lift_lockouts_in_djangos_admin(erika):
    from tests.staff import StaffClient

    fail(Client(), "erika", LIMIT)
    root = get_user_model().objects.create_superuser("root", password=PASSWORD)
    admin = StaffClient()
    admin.force_login(root)
    attempt = AccessAttempt.objects.get()
    listing = admin.get("/django-admin/axes/accessattempt/")
    assert listing.status_code == 200
    assert "erika" in listing.content.decode()
    admin.post(f"/django-admin/axes/accessattempt/{attempt.pk}/delete/", {"post": "yes"})
    assert signed_in(sign_in(Client(), "erika", PASSWORD))
