"""Builders for the budgets tests: area budget lines and resident initiatives, made through the
services (so they are validated and audited like real ones) in the test municipality of
``programmes.tests.factories`` (GM9999 with gebieden W1 and W2)."""

from __future__ import annotations

from decimal import Decimal

from django.utils import timezone

from wijksturing.budgets import services
from wijksturing.budgets.models import BudgetLine, Initiative
from wijksturing.programmes.tests.factories import municipality


def budget_line(domain: str = "green", amount: str = "1000.00", *, gebied: str = "W1", year: int | None = None) -> BudgetLine:
    """The budget of ``domain`` in ``gebied`` for ``year`` (default: this year)."""
    return services.budget_line_set(user=None, municipality=municipality(), gebied_code=gebied,
                                    year=timezone.localdate().year if year is None else year, domain=domain,
                                    amount=Decimal(amount))


def submitted_initiative(title: str = "Buurtmaaltijd", amount: str = "1500.00", **fields) -> Initiative:
    """A submitted resident initiative in W1; ``fields`` override the applicant and the rest."""
    values = {"gebied_code": "W1", "description": "Samen koken", "location": "Plein", "applicant_name": "Jan Jansen",
              "applicant_email": "jan@example.org", **fields}
    return services.initiative_submit(municipality=municipality(), title=title, amount=Decimal(amount), **values)
