"""``wijksturing krachten_hsds export GM0202 [-o file] [--csv]`` writes the public register of a
municipality as Open Referral HSDS 3.0 (JSON, or the CSV tables in a zip);
``wijksturing krachten_hsds import GM0202 file.json|file.zip`` reads one back (checked against the
schema, in one transaction). See docs/organisations.md."""

import json
import sys
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from wijksturing.organisations import hsds


class Command(BaseCommand):
    help = __doc__

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["export", "import", "check"])
        parser.add_argument("municipality", help="CBS gemeente code, e.g. GM0202")
        parser.add_argument("file", nargs="?", help="the file to import or check")
        parser.add_argument("-o", "--output", help="write the export here (default: standard output)")
        parser.add_argument("--csv", action="store_true", help="export the HSDS CSV tables in a zip")

    def handle(self, *args, action, municipality, file=None, output=None, csv=False, **options):
        municipality = municipality.upper()
        if action == "export":
            document = hsds.export_document(municipality_code=municipality)
            if csv:
                if not output:
                    raise CommandError("--csv needs -o FILE.zip")
                Path(output).write_bytes(hsds.document_to_csv_zip(document))
            elif output:
                Path(output).write_text(json.dumps(document, ensure_ascii=False, indent=1), encoding="utf-8")
            else:
                json.dump(document, sys.stdout, ensure_ascii=False, indent=1)
            if output:
                self.stdout.write(f"{len(document['organizations'])} organisations written to {output}")
            return
        if not file:
            raise CommandError("give the file")
        path = Path(file)
        try:
            if path.suffix == ".zip":
                document = hsds.csv_zip_to_document(path.read_bytes(), source=path.name)
            else:
                document = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            raise CommandError(f"{path.name}: {error}") from None
        errors = hsds.validate(document)
        if action == "check":
            for error in errors:
                self.stdout.write(error)
            if errors:
                raise CommandError(f"{path.name}: {len(errors)} problems")
            self.stdout.write(f"{path.name}: valid HSDS ({len(document['organizations'])} organisations)")
            return
        try:
            result = hsds.import_document(municipality_code=municipality, document=document, source=path.name)
        except ValidationError as error:
            raise CommandError("\n".join(error.messages)) from None
        self.stdout.write(f"{path.name}: {result['created']} created, {result['updated']} updated")
