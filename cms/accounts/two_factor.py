"""Two-factor authentication for staff, on django-otp.

After their password, staff confirm a one-time code from an authenticator app
(TOTP, RFC 6238) or one of their backup codes. It is required for those who
see participants' data or administer the installation: superusers, the
Administrators, Job coaches and Office leads groups and anyone else who may
view participants. Editors and translators may turn it on under their account.
`LOTSE_STAFF_2FA=false` makes it everyone's choice; whoever has turned it on
still confirms a code.

The password login stays Wagtail's (and Django's). `TwoFactorMiddleware` then
holds a session that has not confirmed a code at the door: on the admin's
paths it is sent to the code page, or to set up an app first; the private
participants API answers 403.
"""

from __future__ import annotations

import base64
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any
from urllib.parse import urlencode

import django_otp
import segno
from django.conf import settings
from django.db import transaction
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.urls import NoReverseMatch, reverse
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from . import roles

BACKUP_CODES = 10


def must_use_two_factor(user: Any) -> bool:
    """Whether the user may not work without a second factor (see the module's docstring)."""
    if not settings.LOTSE_STAFF_2FA or not user.is_authenticated:
        return False
    return bool(
        user.is_superuser
        or user.groups.filter(name__in=roles.TWO_FACTOR_GROUPS).exists()
        or user.has_perm("matching.view_participant")
    )


def has_two_factor(user: Any) -> bool:
    """Whether the user has a confirmed authenticator app or backup codes."""
    return any(True for _device in django_otp.devices_for_user(user, confirmed=True))


def has_authenticator(user: Any) -> bool:
    return bool(TOTPDevice.objects.devices_for_user(user, confirmed=True).exists())


def pending_authenticator(user: Any) -> TOTPDevice:
    """The user's authenticator being set up: made on the first visit, the same on reload."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=False)
    return device


def readable_secret(device: TOTPDevice) -> str:
    """The secret in base32, in groups of four, for typing into an app by hand."""
    secret = base64.b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def qr_svg(device: TOTPDevice) -> SafeString:
    """The authenticator's otpauth:// address as an inline SVG QR code, made on the server."""
    qr = segno.make(device.config_url, error="m", micro=False)
    # Dark on white also in the admin's dark theme, or phones cannot read it.
    svg = qr.svg_inline(scale=4, border=4, dark="#000", light="#fff")
    label = escape(_("QR code for your authenticator app"))
    return mark_safe(svg.replace("<svg ", f'<svg role="img" aria-label="{label}" ', 1))  # noqa: S308


def clean_code(code: str) -> str:
    return "".join(code.split()).lower()


def confirm_authenticator(request: HttpRequest, device: TOTPDevice, code: str) -> list[str] | None:
    """Turn the app on if `code` is its current code; returns new backup codes, or None."""
    if not device.verify_token(clean_code(code)):
        return None
    with transaction.atomic():
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        codes = new_backup_codes(device.user)
    mark_verified(request, device)
    return codes


def new_backup_codes(user: Any, count: int = BACKUP_CODES) -> list[str]:
    """A fresh set of single-use backup codes; earlier ones stop working."""
    with transaction.atomic():
        StaticDevice.objects.filter(user=user).delete()
        device = StaticDevice.objects.create(user=user, name="Backup codes", confirmed=True)
        codes = [StaticToken.random_token() for _ in range(count)]
        StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def verify(request: HttpRequest, code: str) -> bool:
    """Check a code from the app (six digits) or a backup code, and confirm the session with it.

    Each device throttles wrong codes (django-otp: the wait doubles with every
    failure), so codes cannot be guessed quickly.
    """
    code = clean_code(code)
    model = TOTPDevice if code.isdigit() and len(code) == 6 else StaticDevice
    for device in model.objects.devices_for_user(request.user, confirmed=True):
        verified = django_otp.verify_token(request.user, device.persistent_id, code)
        if verified is not None:
            mark_verified(request, verified)
            return True
    return False


def mark_verified(request: HttpRequest, device: Any) -> None:
    # A new session key once the session is worth more: a key learnt before
    # (session fixation) does not get the confirmed session.
    request.session.cycle_key()
    django_otp.login(request, device)


def reset(user: Any) -> int:
    """Remove the user's authenticator and backup codes; returns how many devices went."""
    removed = 0
    with transaction.atomic():
        for model in (TOTPDevice, StaticDevice):
            removed += model.objects.filter(user=user).delete()[1].get(model._meta.label, 0)
    return removed


# --- the door -------------------------------------------------------------------


@dataclass(frozen=True)
class Door:
    """Which paths the middleware guards, read from the URL configuration once."""

    pages: tuple[str, ...]  # the Wagtail admin and Django's admin: sent to a page
    api: tuple[str, ...]  # the private participants API: answered 403
    open_paths: frozenset[str]  # sign in and out, the code pages and what they load
    open_prefixes: tuple[str, ...]  # the admin's translated strings for its scripts


def _paths(*names: str) -> tuple[str, ...]:
    found = []
    for name in names:
        try:
            found.append(reverse(name))
        except NoReverseMatch:
            continue
    return tuple(found)


@lru_cache(maxsize=1)
def door() -> Door:
    return Door(
        pages=_paths("wagtailadmin_home", "admin:index"),
        api=_paths("participant-list"),
        open_paths=frozenset(
            _paths(
                "wagtailadmin_login",
                "wagtailadmin_logout",
                "admin:login",
                "admin:logout",
                "accounts_two_factor_verify",
                "accounts_two_factor_setup",
                # The admin's icons, which every admin page (these too) loads.
                "wagtailadmin_sprite",
            )
        ),
        open_prefixes=_paths("wagtailadmin_javascript_catalog"),
    )


class TwoFactorMiddleware:
    """Sends a signed-in user who has not confirmed a code yet to the code page.

    Comes after django-otp's OTPMiddleware, which tells whether the session has
    confirmed a code (`request.user.is_verified()`).
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.refusal(request) or self.get_response(request)

    def refusal(self, request: HttpRequest) -> HttpResponse | None:
        paths = door()
        path = request.path
        if not path.startswith(paths.pages + paths.api):
            return None
        if path in paths.open_paths or path.startswith(paths.open_prefixes):
            return None
        user: Any = request.user
        if not user.is_authenticated or user.is_verified():
            return None
        if has_two_factor(user):
            target = "accounts_two_factor_verify"
        elif must_use_two_factor(user):
            target = "accounts_two_factor_setup"
        else:
            return None
        if path.startswith(paths.api):
            return JsonResponse(
                {"detail": "Confirm your sign-in with your second factor in the admin first."},
                status=403,
            )
        return redirect(f"{reverse(target)}?{urlencode({'next': request.get_full_path()})}")
