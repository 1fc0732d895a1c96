"""``wijksturing import KIND …``: load data into the monitor.

  wijksturing import catalogue                       the indicator catalogue and index definition
  wijksturing import figures FILE [--year Y] [--municipality GM0202 …] [--layout-year Y]
                                                     CBS StatLine/OData/2016 files, police, own CSV/Excel
  wijksturing import boundaries FILE --year Y [--municipality …]   GeoJSON (WGS84, statcode/statnaam)
  wijksturing import gebieden FILE                    a gebieden definition (YAML or CSV)
  wijksturing import cbs --year Y --municipality GM0202   download KWB + boundaries from CBS/PDOK
"""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from wijksturing.areas.services import AreaInputError, boundaries_import_file, gebieden_load_file
from wijksturing.monitor.catalogue import catalogue_load
from wijksturing.monitor.importers.base import MonitorImportError
from wijksturing.monitor.importers.download import boundaries_download, kwb_download
from wijksturing.monitor.management.commands._progress import progress_bar
from wijksturing.monitor.services import import_file, recompute


class Command(BaseCommand):
    help = __doc__
    requires_system_checks: list = []

    def add_arguments(self, parser):
        parser.add_argument("kind", choices=["catalogue", "figures", "boundaries", "gebieden", "cbs"])
        parser.add_argument("file", nargs="?")
        parser.add_argument("--year", type=int)
        parser.add_argument("--layout-year", type=int)
        parser.add_argument("--municipality", action="append", default=[], help="CBS code; repeatable; default all in the file")
        parser.add_argument("--source", help="Source text stored with every figure")
        parser.add_argument("--no-recompute", action="store_true")

    def handle(self, *args, **o):
        kind, codes = o["kind"], set(o["municipality"]) or None
        show = o["verbosity"] > 0
        try:
            if kind == "catalogue":
                self.stdout.write(f"{catalogue_load()} indicators loaded")
                return
            if kind != "cbs" and not o["file"]:
                raise CommandError(f"import {kind} needs a FILE")
            if kind == "gebieden":
                municipality = gebieden_load_file(path=Path(o["file"]))
                self.stdout.write(f"gebieden of {municipality.code} loaded")
            elif kind == "boundaries":
                if not o["year"]:
                    raise CommandError("import boundaries needs --year")
                count = boundaries_import_file(path=Path(o["file"]), year=o["year"], source=o["source"] or Path(o["file"]).name,
                                               municipality_codes=codes)
                self.stdout.write(f"{count} boundaries imported")
            elif kind == "figures":
                with progress_bar(f"import {Path(o['file']).name}", enabled=show) as progress:
                    run = import_file(path=o["file"], year=o["year"], municipalities=codes, source=o["source"],
                                      progress=progress, layout_year=o["layout_year"],
                                      municipality=next(iter(codes)) if codes and len(codes) == 1 else None)
                self.stdout.write(f"{run.observations} figures imported ({run.message})")
                codes = set(run.municipalities)
            else:
                if not (o["year"] and codes):
                    raise CommandError("import cbs needs --year and --municipality")
                target = Path(settings.VAR_DIR) / "downloads"
                for code in sorted(codes):
                    for level in ("gemeenten", "wijken", "buurten"):
                        path = boundaries_download(year=o["year"], municipality_code=code, level=level, target_dir=target)
                        boundaries_import_file(path=path, year=o["year"], source=f"CBS/PDOK {o['year']}",
                                               municipality_codes={code})
                    run = import_file(path=kwb_download(year=o["year"], municipality_code=code, target_dir=target),
                                      year=o["year"], municipalities={code})
                    self.stdout.write(f"{code}: {run.observations} figures downloaded and imported")
        except (MonitorImportError, AreaInputError) as error:
            raise CommandError(str(error)) from None
        if not o["no_recompute"] and kind != "gebieden":
            with progress_bar("recompute", enabled=show) as progress:
                run = recompute(municipality_codes=sorted(codes) if codes else None, progress=progress)
            self.stdout.write(run.message)
