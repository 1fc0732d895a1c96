from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from wijksturing.signals.importer import SignalImportError, signals_import


class Command(BaseCommand):
    help = "Import historic signals from CSV (category, date, coordinates, status); all or nothing."

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path)
        parser.add_argument("--municipality", required=True, help="CBS gemeente code, e.g. GM0106")
        parser.add_argument("--no-progress", action="store_true")

    def handle(self, *args, path: Path, municipality: str, no_progress: bool, **options):
        if not path.exists():
            raise CommandError(f"{path}: file not found")
        try:
            count = signals_import(path=path, municipality_code=municipality.upper(), progress=not no_progress)
        except SignalImportError as exc:
            raise CommandError(f"nothing imported:\n{exc}") from None
        self.stdout.write(self.style.SUCCESS(f"{count} signals imported into {municipality.upper()}"))
