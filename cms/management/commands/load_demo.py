from django.core.management.base import BaseCommand

from cms.setup import load_demo_content


class Command(BaseCommand):
    help = (
        "Load the demo guide for Gotha-West in German with English, Ukrainian and Arabic"
        " translations (does nothing if a guide home page exists)."
    )

    def handle(self, *args: object, **options: object) -> None:
        created = load_demo_content()
        self.stdout.write("Demo content loaded." if created else "Demo content already there.")
