"""``wijksturing demo``: load the demo municipalities (Arnhem and Nijmegen, real data) and
every app's demo content. Safe to run again: each step replaces what it loaded before."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.test import override_settings

from wijksturing.monitor.importers.base import MonitorImportError
from wijksturing.web.modules import optional_module

# Order matters: areas and monitor first, then the apps that build on them.
DEMO_APPS = ["monitor", "areas", "accounts", "programmes", "budgets", "participation", "signals", "surveys", "organisations",
             "reports"]


class Command(BaseCommand):
    help = "Load the demo: Arnhem and Nijmegen with real CBS data, and each module's demo content."
    requires_system_checks: list = []

    def add_arguments(self, parser):
        parser.add_argument("--only", nargs="*", help="Only these apps (default: all).")
        parser.add_argument("--offline", action="store_true", help="Never download; use only local files.")

    def handle(self, *args, **options):
        for app in DEMO_APPS:
            if options["only"] and app not in options["only"]:
                continue
            module = optional_module(app, "demo")
            if module is None:
                continue
            self.stdout.write(f"demo: {app}")
            try:
                # demo e-mails to (fictitious) reporters stay in memory instead of filling the console
                with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
                    module.load_demo(stdout=self.stdout, offline=options["offline"])
            except MonitorImportError as error:
                raise CommandError(
                    f"{error}\nThe demo needs the open data: a local copy in WIJKSTURING_DATA_DIR "
                    f"({settings.DATA_DIR}), or a connection to CBS and PDOK to download it."
                ) from None
        self.stdout.write(self.style.SUCCESS("Demo loaded."))
