"""Panels of the budgets app on another module's page: ``{% load budgets_panels %}``.

``{% budgets_area_panel area %}`` on the public area page: the area budget of the gebied this
year (set by the council, so public), a warning when more is committed than the budget, and the
decided resident initiatives (title and amount, never the applicant). ``{% budgets_cockpit_panel
area user %}`` in the staff cockpit: the same totals per year with the domains that have a
warning and, for the area team of the gebied, the initiatives waiting for a decision. Budgets
belong to a gebied: a wijk or buurt shows its gebied's, the municipality page shows no panel.
"""

from __future__ import annotations

from django import template
from django.template.defaultfilters import floatformat

from wijksturing.areas.models import Area
from wijksturing.areas.selectors import area_gebied
from wijksturing.budgets import selectors

register = template.Library()


def _panel(area: Area, user=None) -> dict:
    gebied = area_gebied(area=area)
    if gebied is None:
        return {"summary": None}
    municipality_code = area.layout.municipality.code
    summary = selectors.budget_summary(municipality_code=municipality_code, gebied_code=gebied.code, user=user)
    return {"summary": summary, "gebied": gebied, "municipality_code": municipality_code,
            "can_edit": selectors.budget_can_edit(user=user, municipality_code=municipality_code, gebied_code=gebied.code)}


@register.inclusion_tag("budgets/_area_panel.html")
def budgets_area_panel(area: Area) -> dict:
    return _panel(area)


@register.inclusion_tag("budgets/_cockpit_panel.html")
def budgets_cockpit_panel(area: Area, user) -> dict:
    return _panel(area, user)


@register.filter
def euro(value) -> str:
    """Whole euros in the current language's notation: € 12.345 (Dutch), € 12,345 (English)."""
    return "" if value is None else f"€ {floatformat(value, '0g')}"
