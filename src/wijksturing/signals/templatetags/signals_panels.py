"""Panels of the signals app on another module's page: ``{% load signals_panels %}``.

``{% signals_area_panel area %}`` on the public area page: counts only, never a description,
place or reporter. ``{% signals_cockpit_panel area user %}`` in the staff cockpit: the same counts,
plus the links to the work list for staff who handle signals. A wijk or buurt shows the figures
of its gebied; the municipality page those of the whole municipality.
"""

from __future__ import annotations

from django import template

from wijksturing.areas.models import Area
from wijksturing.areas.selectors import area_gebied
from wijksturing.signals import selectors

register = template.Library()


def _panel(area: Area) -> dict:
    municipality = area.layout.municipality
    gebied = area_gebied(area=area)
    counts = selectors.signal_area_counts(municipality_code=municipality.code,
                                          gebied_code=gebied.code if gebied else None)
    return {"area": area, "gebied": gebied, "scope_name": gebied.name if gebied else municipality.name,
            "municipality": municipality, "counts": counts,
            "served": selectors.category_list(municipality_code=municipality.code).exists()}


@register.inclusion_tag("signals/_area_panel.html")
def signals_area_panel(area: Area) -> dict:
    return _panel(area)


@register.inclusion_tag("signals/_cockpit_panel.html")
def signals_cockpit_panel(area: Area, user) -> dict:
    context = _panel(area)
    context["may_work"] = selectors.user_may_work(user=user, municipality_code=context["municipality"].code)
    return context
