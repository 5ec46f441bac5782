"""The two-factor pages under /admin/two-factor/, and their entry in the account menu."""

from __future__ import annotations

from typing import Any

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from . import views


@hooks.register("register_admin_urls")
def register_two_factor_urls() -> list[Any]:
    return [
        path("two-factor/", views.account, name="accounts_two_factor"),
        path("two-factor/verify/", views.verify, name="accounts_two_factor_verify"),
        path("two-factor/setup/", views.setup, name="accounts_two_factor_setup"),
    ]


@hooks.register("register_account_menu_item")
def register_two_factor_account_item(request: Any) -> dict[str, Any]:
    return {
        "url": reverse("accounts_two_factor"),
        "label": _("Two-factor authentication"),
        "help_text": _("Confirm your sign-in with a code from an app on your phone."),
    }
