"""``wijksturing purge_initiatives``: remove applicants' personal data from initiatives closed
longer than WIJKSTURING_RETENTION_DAYS ago (run daily, e.g. from cron)."""

from django.core.management.base import BaseCommand

from wijksturing.budgets.services import initiatives_remove_personal_data


class Command(BaseCommand):
    help = __doc__

    def handle(self, *args, **options):
        count = initiatives_remove_personal_data()
        self.stdout.write(f"personal data removed from {count} initiative(s)")
