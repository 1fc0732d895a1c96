"""``wijksturing pb_import FILE.pb --municipality GM0202 --area W1``: a pabulib election as a round."""

from django.core.management.base import BaseCommand, CommandError

from wijksturing.areas.models import Municipality
from wijksturing.participation.pabulib import PbImportError, round_import_pb


class Command(BaseCommand):
    help = "Import a pabulib .pb file as a buurtbegroting round with its projects and votes (all or nothing)."

    def add_arguments(self, parser):
        parser.add_argument("file", help="Path of the .pb file.")
        parser.add_argument("--municipality", required=True, help="CBS code of the municipality, e.g. GM0202.")
        parser.add_argument("--area", required=True, help="Code of the area: the municipality, a gebied (W1), a wijk or a buurt.")
        parser.add_argument("--title", default="", help="Title of the round (default: the file's description).")

    def handle(self, *args, **options):
        try:
            rnd = round_import_pb(path=options["file"], municipality_code=options["municipality"],
                                  area_code=options["area"], title=options["title"])
        except PbImportError as exc:
            raise CommandError(str(exc)) from None
        except Municipality.DoesNotExist:
            raise CommandError(f"--municipality: no municipality {options['municipality']}") from None
        self.stdout.write(self.style.SUCCESS(
            f"Imported round {rnd.pk} “{rnd.title}”: {rnd.proposals.count()} projects, {rnd.ballots.count()} ballots."))
