"""The pages of two-factor authentication: confirm a code, set up an app, the account page.

All are under /admin/ (wagtail_hooks), so Wagtail's admin login comes first;
TwoFactorMiddleware lets a session that has not confirmed a code reach only
the first two.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.generic import TemplateView
from django_otp.plugins.otp_static.models import StaticToken
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from . import two_factor
from .forms import CodeForm

WRONG_CODE = gettext_lazy(
    "This code is not right, or it was used already. Check that the time on your phone "
    "is right and enter the code the app shows now."
)


def next_url(request: HttpRequest) -> str:
    """Where to go afterwards: the page asked for, if it is on this site; else the admin's start."""
    wanted = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        wanted, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return wanted
    return reverse("wagtailadmin_home")


def with_next(name: str, request: HttpRequest) -> str:
    return f"{reverse(name)}?{urlencode({'next': next_url(request)})}"


@never_cache
def verify(request: HttpRequest) -> HttpResponse:
    user: Any = request.user
    if user.is_verified():
        return redirect(next_url(request))
    if not two_factor.has_two_factor(user):
        return redirect(with_next("accounts_two_factor_setup", request))
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if two_factor.verify(request, form.cleaned_data["code"]):
            return redirect(next_url(request))
        form.add_error("code", WRONG_CODE)
    errors = [str(error) for error in form.errors.get("code", [])]
    backup = request.POST.get("kind") == "backup"
    return render(
        request,
        "accounts/two_factor_verify.html",
        {
            "app_errors": [] if backup else errors,
            "backup_errors": errors if backup else [],
            "next": next_url(request),
        },
    )


@never_cache
def setup(request: HttpRequest) -> HttpResponse:
    user: Any = request.user
    if two_factor.has_two_factor(user) and not user.is_verified():
        return redirect(with_next("accounts_two_factor_verify", request))
    if two_factor.has_authenticator(user):
        return redirect("accounts_two_factor")
    device = two_factor.pending_authenticator(user)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        codes = two_factor.confirm_authenticator(request, device, form.cleaned_data["code"])
        if codes is not None:
            return backup_codes_page(request, codes, first_time=True)
        form.add_error("code", WRONG_CODE)
    return render(
        request,
        "accounts/two_factor_setup.html",
        {
            "form": form,
            "qr": two_factor.qr_svg(device),
            "secret": two_factor.readable_secret(device),
            "required": two_factor.must_use_two_factor(user),
            "next": next_url(request),
        },
    )


def backup_codes_page(request: HttpRequest, codes: list[str], *, first_time: bool) -> HttpResponse:
    """The backup codes, shown this once and never stored in a readable form elsewhere."""
    return render(
        request,
        "accounts/two_factor_backup_codes.html",
        {"codes": codes, "first_time": first_time, "next": next_url(request)},
    )


class AccountTwoFactorView(WagtailAdminTemplateMixin, TemplateView):
    """Under the user's account: whether two-factor is on, new backup codes, turning it off."""

    template_name = "accounts/two_factor_account.html"
    page_title = gettext_lazy("Two-factor authentication")
    header_icon = "key"

    def get_breadcrumbs_items(self) -> list[dict[str, str]]:
        return [*self.breadcrumbs_items, {"url": "", "label": str(self.page_title)}]

    def get_context_data(self, **kwargs: object) -> dict[str, object]:
        context = super().get_context_data(**kwargs)
        user = self.request.user
        context.update(
            enabled=two_factor.has_authenticator(user),
            required=two_factor.must_use_two_factor(user),
            codes_left=StaticToken.objects.filter(
                device__user=user, device__confirmed=True
            ).count(),
        )
        return context

    def post(self, request: HttpRequest) -> HttpResponse:
        action = request.POST.get("action")
        if action == "new-codes" and two_factor.has_authenticator(request.user):
            return backup_codes_page(
                request, two_factor.new_backup_codes(request.user), first_time=False
            )
        if action == "turn-off" and not two_factor.must_use_two_factor(request.user):
            two_factor.reset(request.user)
            messages.success(request, _("Two-factor authentication is off."))
        return redirect("accounts_two_factor")


account = never_cache(AccountTwoFactorView.as_view())
