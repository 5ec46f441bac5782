"""django-axes' view of a login: whose address it came from, and the page a locked-out person sees.

The client's address is found exactly as the vacancy API's rate limit finds it
(Django REST framework's throttle, `LOTSE_API_PROXIES` proxies in front): the
connection's own address, or behind the proxy the address the proxy appended
to X-Forwarded-For. A client cannot dodge the lockout with a forged header.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import translation
from rest_framework.throttling import BaseThrottle


def client_ip(request: HttpRequest) -> str:
    return str(BaseThrottle().get_ident(request) or "")


def locked_out(
    request: HttpRequest, response: HttpResponse | None = None, credentials: Any = None
) -> HttpResponse:
    """The lockout page (429 Too Many Requests) in the browser's language.

    The admin's pages outside the i18n URL prefixes are otherwise German;
    a person who cannot sign in has no profile language yet.
    """
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    with translation.override(translation.get_language_from_request(request)):
        return render(
            request,
            "accounts/locked_out.html",
            {"minutes": minutes, "failure_limit": settings.AXES_FAILURE_LIMIT},
            status=429,
        )
