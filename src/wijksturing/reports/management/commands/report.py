"""``wijksturing report --municipality GM0202 --level wijk --out DIR``: the gebiedsanalyse of
every area of one level of a municipality in one go, with a progress bar."""

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from wijksturing.areas import selectors as areas
from wijksturing.areas.models import Level
from wijksturing.reports.services import report_batch


class Command(BaseCommand):
    help = "Write the area analysis (PDF, optionally HTML) of every area of a level of a municipality."

    def add_arguments(self, parser):
        parser.add_argument("--municipality", required=True, help="CBS code, e.g. GM0202")
        parser.add_argument("--level", default=Level.WIJK, choices=[lv.value for lv in Level])
        parser.add_argument("--out", required=True, help="Folder to write the reports into.")
        parser.add_argument("--year", type=int, default=None, help="Year of the figures (default: latest).")
        parser.add_argument("--html", action="store_true", help="Also write the HTML version.")

    def handle(self, *args, **options):
        code = options["municipality"].upper()
        total = areas.area_list(municipality_code=code, level=options["level"]).count()
        if not total:
            raise CommandError(f"--municipality {code} --level {options['level']}: no such areas")
        with tqdm(total=total, unit="area", file=self.stderr._out, disable=options["verbosity"] == 0) as bar:
            files = report_batch(
                municipality_code=code, level=options["level"], out=options["out"], year=options["year"],
                formats=("pdf", "html") if options["html"] else ("pdf",), progress=lambda area: bar.update(1),
            )
        self.stdout.write(self.style.SUCCESS(f"{len(files)} files written to {options['out']}"))
