from django.core.management.base import BaseCommand

from cms.setup import load_demo_content


class Command(BaseCommand):
    help = "Create the locales and the guide's German home page (does nothing if it exists)."

    def handle(self, *args: object, **options: object) -> None:
        created = load_demo_content()
        self.stdout.write("Demo content loaded." if created else "Demo content already there.")
