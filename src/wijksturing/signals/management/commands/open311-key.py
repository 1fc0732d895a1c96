from django.core.management.base import BaseCommand, CommandError

from wijksturing.signals.services import api_key_create


class Command(BaseCommand):
    help = "Issue an Open311 API key for a client; prints the key (it is shown only once)."

    def add_arguments(self, parser):
        parser.add_argument("--municipality", required=True, help="CBS gemeente code, e.g. GM0202")
        parser.add_argument("--name", required=True, help="Name of the client application")

    def handle(self, *args, municipality: str, name: str, **options):
        try:
            _api_key, key = api_key_create(municipality_code=municipality.upper(), name=name)
        except Exception as exc:  # noqa: BLE001 - unknown municipality or empty name
            raise CommandError(f"no key issued: {exc}") from None
        self.stdout.write(key)
