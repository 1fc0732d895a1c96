from django.core.management.base import BaseCommand

from wijksturing.monitor.management.commands._progress import progress_bar
from wijksturing.monitor.services import recompute


class Command(BaseCommand):
    help = "Recompute derived figures, aggregates, the liveability index, trends, flags and similar wijken."
    requires_system_checks: list = []

    def add_arguments(self, parser):
        parser.add_argument("--municipality", action="append", default=[])

    def handle(self, *args, **options):
        with progress_bar("recompute", enabled=options["verbosity"] > 0) as progress:
            run = recompute(municipality_codes=options["municipality"] or None, progress=progress)
        self.stdout.write(run.message)
