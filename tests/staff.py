"""Signing staff in for tests: past the password and the second factor.

Staff with two-factor authentication must confirm a code before any admin
page opens (cms.accounts.two_factor). `StaffClient.force_login` does what a
person does once: it gives the user a confirmed authenticator (if they have
none) and marks the session as confirmed with it, as django-otp does after a
right code. The middleware that checks this is the real one; tests of the
code pages themselves use a plain `django.test.Client`.
"""

from __future__ import annotations

from typing import Any

from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice


def confirm_second_factor(client: Client, user: Any) -> TOTPDevice:
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="test phone", confirmed=True)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return device


class StaffClient(Client):
    def force_login(self, user: Any, backend: str | None = None) -> None:
        super().force_login(user, backend)
        confirm_second_factor(self, user)
