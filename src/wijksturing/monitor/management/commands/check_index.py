"""``wijksturing check_index --municipality GM0202 [--year 2024] [--level wijk] [--markdown]``:
validate the liveability index. Prints, per dimension, its Spearman rank correlation with the
other dimensions, with the index, and with crime (g_misd_1000) and income (p_ink_li, g_ink_pi)
and the WOZ value, over the areas of one level in one year, and how many areas have a value."""

from django.core.management.base import BaseCommand, CommandError

from wijksturing.monitor.checks import index_check
from wijksturing.monitor.models import IndexValue


class Command(BaseCommand):
    help = __doc__
    requires_system_checks: list = []

    def add_arguments(self, parser):
        parser.add_argument("--municipality", required=True)
        parser.add_argument("--year", type=int, help="default: the latest index year")
        parser.add_argument("--level", default="wijk", choices=["buurt", "wijk", "gebied"])
        parser.add_argument("--markdown", action="store_true", help="a Markdown table (as in docs/monitor.md)")

    def handle(self, *args, **o):
        years = sorted(set(IndexValue.objects.filter(area__layout__municipality__code=o["municipality"])
                           .values_list("year", flat=True)))
        if not years:
            raise CommandError(f"no index for {o['municipality']}: import figures and recompute first")
        year = o["year"] or years[-1]
        check = index_check(municipality_code=o["municipality"], year=year, level=o["level"])
        table = check.table()
        self.stdout.write(f"Index check {check.municipality_code}, {check.level}, {check.year}: {check.areas} areas; "
                          "Spearman rank correlation (pairwise complete)")
        if o["markdown"]:
            self.stdout.write("| " + " | ".join(table[0]) + " |")
            self.stdout.write("|" + "---|" * len(table[0]))
            for row in table[1:]:
                self.stdout.write("| " + " | ".join(row) + " |")
        else:
            width = max(len(n) for n in check.names) + 1
            for row in table:
                self.stdout.write("".join(cell.rjust(width) for cell in row))
        self.stdout.write("areas with a value: " + ", ".join(f"{k} {v}" for k, v in check.coverage.items()))
