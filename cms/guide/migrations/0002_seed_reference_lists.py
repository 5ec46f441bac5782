from django.db import migrations

from cms.guide import constants


def seed(apps, schema_editor):
    SpokenLanguage = apps.get_model("guide", "SpokenLanguage")
    TargetGroup = apps.get_model("guide", "TargetGroup")
    for code, native_name in constants.SPOKEN_LANGUAGE_CHOICES:
        SpokenLanguage.objects.update_or_create(code=code, defaults={"native_name": native_name})
    for code, _label in constants.TARGET_GROUP_CHOICES:
        TargetGroup.objects.get_or_create(code=code)


class Migration(migrations.Migration):
    dependencies = [("guide", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
