"""``wijksturing pb_export ROUND_ID [-o FILE.pb]``: a round in the pabulib format."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from wijksturing.participation.models import Round
from wijksturing.participation.pabulib import round_export_pb


class Command(BaseCommand):
    help = "Write a buurtbegroting round as a pabulib .pb file (ballots anonymous, confirmed ones only)."

    def add_arguments(self, parser):
        parser.add_argument("round_id", type=int)
        parser.add_argument("-o", "--output", help="File to write (default: standard output).")

    def handle(self, *args, **options):
        try:
            rnd = Round.objects.select_related("municipality").get(pk=options["round_id"])
        except Round.DoesNotExist:
            raise CommandError(f"round_id: no round {options['round_id']}") from None
        text = round_export_pb(rnd=rnd)
        if options["output"]:
            Path(options["output"]).write_text(text, encoding="utf-8")
            self.stderr.write(f"Wrote {options['output']}")
        else:
            self.stdout.write(text, ending="")
