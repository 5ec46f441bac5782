"""The guide's translation workflow in the Wagtail admin.

A "Translation status" report (German pages × languages) and a "Publish minor
edit" action for German guide pages; see cms.guide.translation for what the
states and the minor edit mean.
"""

from __future__ import annotations

from collections import Counter

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail import hooks
from wagtail.admin.action_menu import ActionMenuItem
from wagtail.admin.auth import permission_denied
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Locale
from wagtail.permission_policies.pages import PagePermissionPolicy

from .translation import (
    MINOR_EDIT_ACTION,
    TranslatedPageMixin,
    TranslationState,
    source_locale,
    translation_overview,
)


def can_see_translation_status(user) -> bool:
    """Editors: whoever may edit or publish some page."""
    return PagePermissionPolicy().user_has_any_permission(user, {"change", "publish"})


class TranslationStatusView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "guide/admin/translation_status.html"
    page_title = _("Translation status")
    header_icon = "site"

    def dispatch(self, request, *args, **kwargs):
        if not can_see_translation_status(request.user):
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        overview = translation_overview()
        counts = Counter(status.state for row in overview for status in row.locales)
        wanted = self.request.GET.get("state")
        if wanted in TranslationState.values:
            overview = [
                row for row in overview if any(status.state == wanted for status in row.locales)
            ]
        else:
            wanted = None
        context.update(
            rows=overview,
            locales=Locale.objects.exclude(pk=source_locale().pk).order_by("language_code"),
            states=[(state, counts[state]) for state in TranslationState],
            wanted=wanted,
        )
        return context


@hooks.register("register_admin_urls")
def register_translation_status_url():
    return [
        path(
            "guide/translation-status/",
            TranslationStatusView.as_view(),
            name="guide_translation_status",
        )
    ]


class TranslationStatusMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return can_see_translation_status(request.user)


@hooks.register("register_reports_menu_item")
def register_translation_status_menu_item():
    # wagtail-localize's own "Translations" report (a log) sits at 9000.
    return TranslationStatusMenuItem(
        _("Translation status"),
        reverse("guide_translation_status"),
        icon_name="site",
        order=9001,
    )


class PublishMinorEditMenuItem(ActionMenuItem):
    """Publishes like "Publish", as a minor edit: translations stay up to date."""

    label = _("Publish minor edit (typo fix)")
    name = "action-publish"
    icon_name = "upload"
    template_name = "guide/admin/publish_minor_edit.html"

    def is_shown(self, context) -> bool:
        page = context.get("page")
        if context["view"] != "edit" or not isinstance(page, TranslatedPageMixin):
            return False
        if page.locale_id != source_locale().pk:
            return False
        permissions = self.get_user_page_permissions_tester(context)
        return not context["locked_for_user"] and permissions.can_publish()

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["value"] = MINOR_EDIT_ACTION
        return context


@hooks.register("register_page_action_menu_item")
def register_publish_minor_edit_menu_item():
    return PublishMinorEditMenuItem(order=35)
