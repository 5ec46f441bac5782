"""Matching in the Wagtail admin.

- "Participants" (job coaches, office leads): the coaches' own pages in
  matching.admin_views, each scoped to the user's offices.
- "Matching setup" (administrators): offices, who works where, and the
  versions of the consent text per language. Plain model viewsets; only users
  with the model permissions (superusers, unless an operator grants them) see
  them, since these records are not participants' data.
"""

from __future__ import annotations

from typing import Any

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from . import admin_urls
from .models import ConsentText, Membership, Office


@hooks.register("register_admin_urls")
def register_admin_urls() -> list[Any]:
    return [path("matching/", include((admin_urls.urlpatterns, "matching"), namespace="matching"))]


class PermittedMenuItem(MenuItem):
    """A menu item shown only to users with the permission its pages ask for."""

    def __init__(self, label: str, url_name: str, permission: str, **kwargs: Any) -> None:
        super().__init__(label, reverse(url_name), **kwargs)
        self.permission = permission

    def is_shown(self, request: Any) -> bool:
        return bool(request.user.has_perm(self.permission))


@hooks.register("register_admin_menu_item")
def register_participants_menu() -> SubmenuMenuItem:
    items = [
        PermittedMenuItem(
            _("Participants"),
            "matching:participant_list",
            "matching.view_participant",
            icon_name="group",
            order=100,
        ),
        PermittedMenuItem(
            _("Review queue"),
            "matching:review_queue",
            "matching.view_suggestion",
            icon_name="tasks",
            order=200,
        ),
        PermittedMenuItem(
            _("Follow-ups due"),
            "matching:follow_ups",
            "matching.view_followup",
            icon_name="date",
            order=300,
        ),
        PermittedMenuItem(
            _("Inactive participants"),
            "matching:inactive_list",
            "matching.view_participant",
            icon_name="time",
            order=400,
        ),
    ]
    return SubmenuMenuItem(
        _("Participants"),
        Menu(items=items),
        icon_name="group",
        name="matching",
        order=250,
    )


class OfficeViewSet(ModelViewSet):
    model = Office
    icon = "home"
    form_fields = ["name", "code", "postal_code"]
    list_display = ["name", "code", "postal_code"]
    menu_label = _("Offices")


class MembershipViewSet(ModelViewSet):
    model = Membership
    icon = "user"
    form_fields = ["office", "user", "role"]
    list_display = ["user", "office", "role"]
    list_filter = ["office", "role"]
    menu_label = _("Coaches and leads")


class ConsentTextViewSet(ModelViewSet):
    model = ConsentText
    icon = "doc-full"
    form_fields = ["version", "language", "title", "body"]
    list_display = ["title", "version", "language", "published_at"]
    list_filter = ["version", "language"]
    menu_label = _("Consent texts")


class MatchingSetup(ViewSetGroup):
    menu_label = _("Matching setup")
    menu_icon = "cog"
    menu_order = 900
    items = (OfficeViewSet("offices"), MembershipViewSet("memberships"), ConsentTextViewSet())


@hooks.register("register_admin_viewset")
def register_matching_setup() -> ViewSetGroup:
    return MatchingSetup()
