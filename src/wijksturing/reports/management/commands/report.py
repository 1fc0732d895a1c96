"""``wijksturing report --municipality GM0202 --level wijk --out DIR``: the gebiedsanalyse of
every area of one level of a municipality in one go, with a progress bar."""

import time

from django.core.cache import cache
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from wijksturing.areas import selectors as areas
from wijksturing.areas.models import Level
from wijksturing.reports.services import report_batch
from wijksturing.reports.tasks import progress_key, report_batch_task


class Command(BaseCommand):
    help = "Write the area analysis (PDF, optionally HTML) of every area of a level of a municipality."

    def add_arguments(self, parser):
        parser.add_argument("--municipality", help="CBS code, e.g. GM0202 (required unless --follow)")
        parser.add_argument("--level", default=Level.WIJK, choices=[lv.value for lv in Level])
        parser.add_argument("--out", help="Folder to write the reports into (required unless --follow).")
        parser.add_argument("--year", type=int, default=None, help="Year of the figures (default: latest).")
        parser.add_argument("--html", action="store_true", help="Also write the HTML version.")
        parser.add_argument("--queue", action="store_true",
                            help="Hand the batch to a worker (CELERY_BROKER_URL) and print its task id.")
        parser.add_argument("--follow", metavar="TASK_ID", help="Show the progress of a queued batch until it ends.")

    def handle(self, *args, **options):
        if options["follow"]:
            return self._follow(options["follow"])
        if not options["municipality"] or not options["out"]:
            raise CommandError("--municipality and --out are required")
        code = options["municipality"].upper()
        total = areas.area_list(municipality_code=code, level=options["level"]).count()
        if not total:
            raise CommandError(f"--municipality {code} --level {options['level']}: no such areas")
        if options["queue"]:
            result = report_batch_task.delay(municipality_code=code, level=options["level"], out=options["out"],
                                             year=options["year"], formats=["pdf", "html"] if options["html"] else ["pdf"])
            self.stdout.write(f"queued: {result.id} (wijksturing report --municipality {code} --follow {result.id})")
            return
        with tqdm(total=total, unit="area", file=self.stderr._out, disable=options["verbosity"] == 0) as bar:
            files = report_batch(
                municipality_code=code, level=options["level"], out=options["out"], year=options["year"],
                formats=("pdf", "html") if options["html"] else ("pdf",), progress=lambda area: bar.update(1),
            )
        self.stdout.write(self.style.SUCCESS(f"{len(files)} files written to {options['out']}"))

    def _follow(self, task_id: str) -> None:
        with tqdm(unit="area", file=self.stderr._out) as bar:
            while True:
                state = cache.get(progress_key(task_id)) or {"status": "queued"}
                if "total" in state:
                    bar.total = state["total"]
                    bar.update(state.get("done", 0) - bar.n)
                if state["status"] not in ("queued", "running"):
                    break
                time.sleep(1)
        if state["status"] != "succeeded":
            raise CommandError(f"batch {task_id}: {state}")
        self.stdout.write(self.style.SUCCESS(f"{state['files']} files written"))
