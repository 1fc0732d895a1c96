"""``wijksturing retention [--days N]``: remove personal data whose retention period has passed,
in every module: reporters of signals, applicants of resident initiatives, proposers in the
buurtbegroting, contact persons of organisations that stopped. Run it daily (cron, systemd timer).
What was removed is recorded by each module."""

from django.conf import settings
from django.core.management.base import BaseCommand

from wijksturing.budgets.services import initiatives_remove_personal_data
from wijksturing.organisations.services import organisations_retention_run
from wijksturing.participation.services import proposal_contacts_purge
from wijksturing.signals.services import signal_retention_run


class Command(BaseCommand):
    help = __doc__

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=None,
                            help=f"Default: WIJKSTURING_RETENTION_DAYS ({settings.RETENTION_DAYS}).")

    def handle(self, *args, days=None, **options):
        signals = signal_retention_run(days=days)
        initiatives = initiatives_remove_personal_data(days=days)
        proposals = proposal_contacts_purge(older_than_days=days)
        organisations = organisations_retention_run(days=days)
        self.stdout.write(f"personal data removed: {signals} signals, {initiatives} initiatives, {proposals} proposals, "
                          f"{organisations} organisations that stopped")
