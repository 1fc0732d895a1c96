"""``wijksturing survey …``: the wijkpeiling from the command line.

- ``wijksturing survey create --municipality GM0202 --title … --year 2025 [--open]``: a new
  wijkpeiling with the default question set;
- ``wijksturing survey import-estimates FILE [FILE …]``: import published survey estimates
  (Amsterdam BBGA, Eindhoven, or the generic CSV; see ``surveys/importers.py``);
- ``wijksturing survey letters SURVEY WIJK=COUNT [WIJK=COUNT …] -o FILE``: make single-use codes
  and write the letter file for the printer (the codes exist nowhere else afterwards);
- ``wijksturing survey compute SURVEY``: weight, estimate, suppress and feed the monitor.
"""

from __future__ import annotations

from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from wijksturing.surveys import selectors, services
from wijksturing.surveys.importers import SurveyImportError
from wijksturing.surveys.models import Survey


class Command(BaseCommand):
    help = "Wijkpeiling: import published survey estimates, make invitation letters, compute the figures."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        create = sub.add_parser("create", help="A new wijkpeiling with the default question set.")
        create.add_argument("--municipality", required=True, help="CBS code, e.g. GM0202")
        create.add_argument("--title", required=True)
        create.add_argument("--year", type=int, required=True)
        create.add_argument("--min-respondents", type=int, default=50)
        create.add_argument("--no-open-link", action="store_true", help="Only invited residents (with a code) may answer.")
        create.add_argument("--open", action="store_true", help="Open it for answers at once.")
        imp = sub.add_parser("import-estimates", help="Import published survey estimates per area.")
        imp.add_argument("files", nargs="+")
        letters = sub.add_parser("letters", help="Make codes and the letter file for the printer.")
        letters.add_argument("survey", type=int)
        letters.add_argument("counts", nargs="+", help="WIJKCODE=NUMBER")
        letters.add_argument("-o", "--output", required=True)
        letters.add_argument("--url", default="https://example.nl/wijkpeiling/", help="Address printed on the letters.")
        compute = sub.add_parser("compute", help="Compute the weighted figures and feed the monitor.")
        compute.add_argument("survey", type=int)

    def handle(self, *args, **options):
        try:
            getattr(self, "_" + options["action"].replace("-", "_"))(options)
        except (SurveyImportError, ValidationError) as error:
            raise CommandError(str(error)) from None
        except Survey.DoesNotExist:
            raise CommandError("no survey with that number") from None

    def _create(self, options):
        survey = services.survey_create(municipality_code=options["municipality"].upper(), title=options["title"],
                                        year=options["year"], min_respondents=options["min_respondents"],
                                        open_link=not options["no_open_link"])
        if options["open"]:
            services.survey_transition(survey=survey, to_status="open")
        self.stdout.write(f"survey {survey.pk}: {survey.title} ({survey.get_status_display()})")

    def _import_estimates(self, options):
        for name in options["files"]:
            result = services.estimates_import(path=Path(name))
            self.stdout.write(f"{name}: {result['format']}, {result['estimates']} estimates, "
                              f"{result['observations']} monitor observations")

    def _letters(self, options):
        survey = selectors.survey_get(pk=options["survey"])
        counts = {}
        for item in options["counts"]:
            wijk, _, number = item.partition("=")
            if not number.isdigit():
                raise CommandError(f"{item!r}: write WIJKCODE=NUMBER")
            counts[wijk] = int(number)
        text = services.invitation_letters(survey=survey, counts=counts, url=options["url"])
        Path(options["output"]).write_text(text, encoding="utf-8")
        self.stdout.write(f"{sum(counts.values())} letters written to {options['output']}")

    def _compute(self, options):
        summary = services.survey_compute(survey=selectors.survey_get(pk=options["survey"]))
        self.stdout.write(", ".join(f"{k}: {v}" for k, v in summary.items()))
