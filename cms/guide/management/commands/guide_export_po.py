"""Write PO files of the guide's translations for outside translators."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from cms.guide.po import LocaleError, export_po_files, target_locales


class Command(BaseCommand):
    help = (
        "Export one PO file per translation (page or snippet) into each chosen locale, "
        "as OUTPUT/<locale>/<kind>-<id>-<name>.po. Translate them in any PO editor and "
        "bring them back with guide_import_po."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        which = parser.add_mutually_exclusive_group(required=True)
        which.add_argument(
            "--locale",
            action="append",
            dest="locales",
            metavar="CODE",
            help="A language code such as uk; repeat for several.",
        )
        which.add_argument(
            "--all", action="store_true", help="Every language the guide is translated into."
        )
        parser.add_argument("--output", required=True, type=Path, help="The folder to write to.")

    def handle(self, *args: object, locales: list[str] | None, output: Path, **options):
        try:
            chosen = target_locales(locales or ())
        except LocaleError as error:
            raise CommandError(str(error)) from None
        exported = export_po_files(chosen, output)
        self.stdout.write(f"Wrote {len(exported)} PO files to {output}.")
        for locale in chosen:
            code = locale.language_code
            files = [file for file in exported if file.translation.target_locale == locale]
            if files:
                strings = sum(file.strings for file in files)
                translated = sum(file.translated for file in files)
                self.stdout.write(
                    f"  {code}: {len(files)} files, {translated} of {strings} strings translated"
                )
            else:
                self.stdout.write(f"  {code}: nothing is submitted for translation into {code} yet")
        stale = sorted({file.title for file in exported if file.unsynced_major_edit})
        if stale:
            self.stdout.write(
                self.style.WARNING(
                    "The German text of these pages changed since it was last synced, so their "
                    f"files hold the old text: {', '.join(stale)}. Sync them in Wagtail "
                    '("Sync translated pages") and export again.'
                )
            )
