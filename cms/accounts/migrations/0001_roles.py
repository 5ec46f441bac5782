"""The staff roles as groups; see cms.accounts.roles for what each is for.

Reuses Wagtail's "Editors" and matching's "Job coaches" and "Office leads"
(migration 0002 there), and adds "Translators" and "Administrators".
Editors also get to publish pages (Wagtail gives them add and edit only),
the guide's snippets and sending pages for translation. Translators get edit
and publish on the trees of the translated locales that exist now; later ones
are granted when their home page is made (roles.grant_translated_tree).
"""

from django.conf import settings
from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITOR_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("wagtail_localize", "submit_translation"),
    *[
        ("guide", f"{action}_{model}")
        for model in ("partner", "topic")
        for action in ("add", "change", "delete", "view")
    ],
]
EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page"]

TRANSLATOR_PERMISSIONS = [("wagtailadmin", "access_admin")]
TRANSLATOR_PAGE_PERMISSIONS = ["change_page", "publish_page"]

ADMINISTRATOR_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    *[("crawlers", f"{action}_source") for action in ("add", "change", "delete", "view")],
    ("crawlers", "view_crawlrun"),
    *[
        ("matching", f"{action}_{model}")
        for model in ("office", "membership")
        for action in ("add", "change", "delete", "view")
    ],
    # Consent texts are a record of what participants agreed to: never deleted.
    *[("matching", f"{action}_consenttext") for action in ("add", "change", "view")],
    *[
        ("wagtailcore", f"{action}_{model}")
        for model in ("site", "locale")
        for action in ("add", "change", "delete")
    ],
    *[("wagtailredirects", f"{action}_redirect") for action in ("add", "change", "delete")],
]


def permissions(Permission, pairs):
    found = []
    for app_label, codename in pairs:
        found.append(Permission.objects.get(content_type__app_label=app_label, codename=codename))
    return found


def page_permission(Permission, codename):
    return Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)


def forwards(apps, schema_editor):
    # Permissions are normally created after all migrations; make sure they exist now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Page = apps.get_model("wagtailcore", "Page")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")

    editors, _ = Group.objects.get_or_create(name="Editors")
    editors.permissions.add(*permissions(Permission, EDITOR_PERMISSIONS))
    root = Page.objects.filter(depth=1).first()
    if root is not None:
        for codename in EDITOR_PAGE_PERMISSIONS:
            GroupPagePermission.objects.get_or_create(
                group=editors, page=root, permission=page_permission(Permission, codename)
            )

    translators, _ = Group.objects.get_or_create(name="Translators")
    translators.permissions.add(*permissions(Permission, TRANSLATOR_PERMISSIONS))
    source = settings.LANGUAGE_CODE
    for home in Page.objects.filter(depth=2).exclude(locale__language_code=source):
        for codename in TRANSLATOR_PAGE_PERMISSIONS:
            GroupPagePermission.objects.get_or_create(
                group=translators, page=home, permission=page_permission(Permission, codename)
            )

    administrators, _ = Group.objects.get_or_create(name="Administrators")
    administrators.permissions.add(*permissions(Permission, ADMINISTRATOR_PERMISSIONS))


def backwards(apps, schema_editor):
    # Wagtail's Editors keep their group; only what this migration added goes.
    Group = apps.get_model("auth", "Group")
    Group.objects.filter(name__in=["Translators", "Administrators"]).delete()
    Permission = apps.get_model("auth", "Permission")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    editors = Group.objects.filter(name="Editors").first()
    if editors is not None:
        editors.permissions.remove(*permissions(Permission, EDITOR_PERMISSIONS[1:]))
        GroupPagePermission.objects.filter(
            group=editors, permission__codename="publish_page", page__depth=1
        ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("matching", "0002_groups_and_consent_text"),
        ("crawlers", "0001_initial"),
        ("guide", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
