from django.core.management.base import BaseCommand

from wijksturing.monitor.checks import aggregation_check


class Command(BaseCommand):
    help = ("Check that buurt sums reproduce CBS's published wijk figures and wijk sums the gemeente "
            "figures (within CBS rounding), and print the share that matches.")

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, required=True)
        parser.add_argument("--municipality", action="append", default=[])

    def handle(self, *args, year, municipality, **options):
        for check in aggregation_check(year=year, municipality_codes=municipality or None):
            self.stdout.write(f"{check.step}: {check.compared} figures compared, {check.share_exact:.1%} exact, "
                              f"{check.share_within:.1%} within CBS rounding")
