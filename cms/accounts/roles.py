"""The staff roles, as groups (created by migration 0001_roles).

- Editors (Wagtail's own group): write and publish the guide's pages in every
  language, its partners and topics, images and documents; send pages for
  translation. No participants, no crawl sources.
- Translators: edit and publish translated pages (every locale but German,
  the source), nothing else; a new language's tree is theirs as soon as its
  home page is made (`grant_translated_tree`). They publish because editors
  cannot check a translation they do not read; in Wagtail, edit and publish
  also let them unpublish a translated page or delete one without subpages.
- Job coaches and Office leads (matching's groups, migration 0002 there):
  participants of their own offices, the review queue, outcomes and
  follow-ups; leads may also erase a participant.
- Administrators: the installation's setup: crawl sources and their runs,
  offices and who works where, consent texts, sites, languages and redirects.
  No participants' data and no guide pages unless in those groups too. Users
  and groups stay with superusers: whoever may change users in Wagtail may
  also make one a superuser.

Wagtail's "Moderators" group is left as Wagtail made it; Lotse gives it no role.
"""

from __future__ import annotations

from typing import Any

from django.db.models.signals import post_save

from matching.models import COACHES_GROUP, OFFICE_LEADS_GROUP

EDITORS = "Editors"
TRANSLATORS = "Translators"
COACHES = COACHES_GROUP
OFFICE_LEADS = OFFICE_LEADS_GROUP
ADMINISTRATORS = "Administrators"
ROLES = (EDITORS, TRANSLATORS, COACHES, OFFICE_LEADS, ADMINISTRATORS)

# Members must confirm a second factor (see cms.accounts.two_factor).
TWO_FACTOR_GROUPS = (ADMINISTRATORS, COACHES, OFFICE_LEADS)

# What translators may do on a translated locale's pages.
TRANSLATOR_PAGE_PERMISSIONS = ("change_page", "publish_page")


def grant_translated_tree(page: Any) -> None:
    """Translators may edit and publish everything under a translated locale's home page."""
    from django.contrib.auth.models import Group, Permission
    from wagtail.models import GroupPagePermission, Locale

    if page.depth != 2 or page.locale_id == Locale.get_default().pk:
        return
    translators = Group.objects.filter(name=TRANSLATORS).first()
    if translators is None:
        return
    for codename in TRANSLATOR_PAGE_PERMISSIONS:
        GroupPagePermission.objects.get_or_create(
            group=translators,
            page=page,
            permission=Permission.objects.get(
                content_type__app_label="wagtailcore", codename=codename
            ),
        )


def _page_created(
    sender: Any, instance: Any, created: bool, raw: bool = False, **kwargs: Any
) -> None:
    from wagtail.models import Page

    if created and not raw and isinstance(instance, Page):
        grant_translated_tree(instance)


def connect_signals() -> None:
    post_save.connect(_page_created, dispatch_uid="accounts.grant_translated_tree")
