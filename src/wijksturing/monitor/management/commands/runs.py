"""``wijksturing runs``: the latest imports and recomputations with their progress, also those
a worker runs in the background; ``--follow ID`` shows one run's progress until it ends."""

import time
from pathlib import PurePath

from django.core.management.base import BaseCommand, CommandError

from wijksturing.monitor import selectors
from wijksturing.monitor.management.commands._progress import progress_bar
from wijksturing.monitor.models import ImportRun, ImportStatus
from wijksturing.monitor.tasks import import_runs_fail_stale


class Command(BaseCommand):
    help = "List the latest imports and recomputations, or follow one (--follow ID) until it has finished."
    requires_system_checks: list = []

    def add_arguments(self, parser):
        parser.add_argument("--follow", type=int, metavar="ID", help="Show the progress of run ID until it ends.")
        parser.add_argument("--limit", type=int, default=20)
        parser.add_argument("--interval", type=float, default=1.0, help="Seconds between looks (with --follow).")

    def handle(self, *args, **options):
        stale = import_runs_fail_stale()
        if stale:
            self.stderr.write(f"{stale} run(s) had stopped without a result: now recorded as failed")
        if options["follow"]:
            return self._follow(options["follow"], options["interval"], options["verbosity"] > 0)
        for run in ImportRun.objects.all()[: options["limit"]]:
            fraction = selectors.import_run_progress(run=run)
            self.stdout.write(f"#{run.pk:<6} {run.kind:<10} {run.status:<10} {fraction:6.1%}  "
                              f"{','.join(run.municipalities or [])}  {_name(run.source)}"
                              f"  {run.message}")

    def _follow(self, pk: int, interval: float, bar: bool):
        run = ImportRun.objects.filter(pk=pk).first()
        if run is None:
            raise CommandError(f"no run #{pk}")
        with progress_bar(f"#{pk} {run.kind}", enabled=bar) as progress:
            while run.status == ImportStatus.RUNNING:
                progress(selectors.import_run_progress(run=run))
                time.sleep(interval)
                run.refresh_from_db()
                import_runs_fail_stale()
            progress(1.0)
        self.stdout.write(f"#{pk} {run.status}: {run.message}")
        if run.status != ImportStatus.SUCCEEDED:
            raise CommandError(f"run #{pk} {run.status}")


def _name(source: str) -> str:
    """A file name without the server's folders (an address stays whole)."""
    return source if "://" in source else PurePath(source).name
