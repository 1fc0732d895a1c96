"""``wijksturing export TABLE --municipality GM0202 [--level wijk] [--year 2024] [--gebied W1]
--format csv|xlsx|geojson``: write a table to standard output (or --output FILE).

Tables come from each app's ``exports.EXPORTERS``: monitor (index, observations),
programmes (programme), and whatever other apps register."""

import contextlib
import sys

from django.core.management.base import BaseCommand, CommandError

from wijksturing.web.modules import optional_module

EXPORT_APPS = ["monitor", "programmes", "budgets", "signals", "participation"]


def exporters() -> dict:
    found = {}
    for app in EXPORT_APPS:
        module = optional_module(app, "exports")
        found.update(getattr(module, "EXPORTERS", {}) if module else {})
    return found


class Command(BaseCommand):
    help = __doc__
    requires_system_checks: list = []

    def add_arguments(self, parser):
        parser.add_argument("table")
        parser.add_argument("--municipality", required=True, help="CBS code, e.g. GM0202")
        parser.add_argument("--level", choices=["gemeente", "gebied", "wijk", "buurt"])
        parser.add_argument("--year", type=int)
        parser.add_argument("--gebied", help="the municipality's own gebied code, e.g. W1")
        parser.add_argument("--format", dest="fmt", default="csv", choices=["csv", "xlsx", "geojson"])
        parser.add_argument("--output", help="file to write (default: standard output)")

    def handle(self, *args, table, municipality, level, year, gebied, fmt, output, **options):
        available = exporters()
        if table not in available:
            raise CommandError(f"unknown table {table!r}; choose from {', '.join(sorted(available))}")
        with open(output, "wb") if output else contextlib.nullcontext(sys.stdout.buffer) as out:
            try:
                available[table](municipality=municipality, gebied=gebied, level=level, year=year, fmt=fmt, out=out)
            except ValueError as error:
                raise CommandError(str(error)) from None
            finally:
                out.flush()
