"""The "Job coaches" and "Office leads" groups, and version 1 of the consent text.

Coaches may use the Wagtail admin and keep their offices' participants:
profiles, consent, the review queue, outcomes and follow-ups. Office leads may
do the same and, in addition, erase a participant (GDPR Art. 17). Which
participants either group sees is decided by the office memberships, not by
these permissions (see Participant.objects.visible_to).

The consent text is seeded in German and English; an operator adds other
languages (and later versions) under "Matching setup > Consent texts".
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

COACH_PERMISSIONS = [
    "view_participant",
    "add_participant",
    "change_participant",
    "view_consent",
    "add_consent",
    "change_consent",
    "view_suggestion",
    "change_suggestion",
    "view_outcome",
    "add_outcome",
    "view_followup",
    "change_followup",
]
LEAD_PERMISSIONS = [*COACH_PERMISSIONS, "delete_participant"]
GROUPS = {"Job coaches": COACH_PERMISSIONS, "Office leads": LEAD_PERMISSIONS}

CONSENT_TEXTS = {
    "de": (
        "Einwilligung in die Stellenvermittlung mit Lotse",
        "Ich willige ein, dass die Anlaufstelle meine Angaben (gewünschte Tätigkeiten, "
        "Fähigkeiten, Sprachkenntnisse, Qualifikationen, Führerschein, Wohnort-Postleitzahl, "
        "Verfügbarkeit) speichert, um mir passende Stellen, Ausbildungs- und Praktikumsplätze "
        "sowie Weiterbildungen vorzuschlagen.\n\n"
        "Meine Angaben werden nur dafür verwendet und nur von den Mitarbeitenden meiner "
        "Anlaufstelle gesehen. Sie werden nicht an Arbeitgeber weitergegeben. Jede Einsicht "
        "und Änderung wird protokolliert.\n\n"
        "Die Einwilligung ist freiwillig. Ich kann sie jederzeit ohne Angabe von Gründen "
        "widerrufen; dann werden mir keine Stellen mehr vorgeschlagen und die Vorschläge "
        "gelöscht. Ich kann jederzeit Auskunft über meine gespeicherten Daten (Art. 15 DSGVO) "
        "und ihre Löschung (Art. 17 DSGVO) verlangen.",
    ),
    "en": (
        "Consent to job matching with Lotse",
        "I agree that the counselling office stores my details (desired work, skills, "
        "languages, qualifications, driving licence, home postal code, availability) to "
        "suggest suitable jobs, apprenticeships, internships and further training to me.\n\n"
        "My details are used only for this and are seen only by the staff of my office. "
        "They are not passed on to employers. Every access and change is logged.\n\n"
        "This consent is voluntary. I can withdraw it at any time without giving reasons; "
        "then no more vacancies are suggested to me and the suggestions are deleted. I can "
        "ask at any time for a copy of my stored data (Art. 15 GDPR) and for its deletion "
        "(Art. 17 GDPR).",
    ),
}


def forwards(apps, schema_editor):
    # Permissions are normally created after all migrations; make sure they exist now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    access_admin = Permission.objects.get(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )
    for name, codenames in GROUPS.items():
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.add(
            access_admin,
            *Permission.objects.filter(content_type__app_label="matching", codename__in=codenames),
        )

    ConsentText = apps.get_model("matching", "ConsentText")
    for language, (title, body) in CONSENT_TEXTS.items():
        ConsentText.objects.get_or_create(
            version=1, language=language, defaults={"title": title, "body": body}
        )


def backwards(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=GROUPS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("matching", "0001_participants"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
