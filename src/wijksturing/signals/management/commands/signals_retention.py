from django.conf import settings
from django.core.management.base import BaseCommand

from wijksturing.signals.services import signal_retention_run


class Command(BaseCommand):
    help = "Remove reporters' contact details and photos of signals handled longer ago than the retention period."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=None, help=f"Default: RETENTION_DAYS ({settings.RETENTION_DAYS}).")

    def handle(self, *args, days=None, **options):
        count = signal_retention_run(days=days)
        self.stdout.write(f"personal data removed from {count} signals (recorded per signal)")
