"""Read translated PO files back into the guide, all of them or none."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from cms.guide.po import POFileError, import_po_files


class Command(BaseCommand):
    help = (
        "Import PO files made by guide_export_po and update the translated pages. Every "
        "file is checked first; if one is wrong, nothing is imported."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("files", nargs="+", type=Path, metavar="FILE")

    def handle(self, *args: object, files: list[Path], **options: object) -> None:
        try:
            imported = import_po_files(files)
        except POFileError as error:
            raise CommandError(str(error)) from None
        for file in imported:
            code = file.translation.target_locale.language_code
            self.stdout.write(f"  {code}: {file.title} ({len(file.entries)} translated strings)")
        self.stdout.write(self.style.SUCCESS(f"Imported {len(imported)} PO files."))
