"""Panels of the programmes app on another module's page: ``{% load programmes_panels %}``.

``{% programmes_area_panel area %}`` on the public area page: the published programme of the
area's gebied (a wijk or buurt shows its gebied's; the municipality page the city-wide programme)
with the progress of its goals. ``{% programmes_cockpit_panel area user %}`` in the staff cockpit:
the programme the user may read (drafts too for staff of the municipality), goals that need
attention first, and whether the user may edit it.
"""

from __future__ import annotations

from django import template
from django.utils.html import format_html

from wijksturing.areas.models import Area
from wijksturing.areas.selectors import area_gebied
from wijksturing.programmes import selectors
from wijksturing.programmes.progress import status_label

register = template.Library()

BADGE = {"on_track": "badge badge--better", "behind": "badge badge--worse"}
ATTENTION = {"behind": 0, "at_risk": 1, "unknown": 2, "on_track": 3}


def _panel(area: Area, user=None) -> dict:
    """The programme of the gebied (of a wijk or buurt: its gebied's), else the city-wide one;
    ``show_empty``: say so when a gebied has none (a municipality without one shows nothing)."""
    municipality = area.layout.municipality
    gebied = area_gebied(area=area)
    scope = gebied or municipality
    summary = selectors.programme_summary(user=user, municipality_code=municipality.code, area_code=scope.code)
    return {"summary": summary, "scope_name": scope.name, "municipality_code": municipality.code,
            "show_empty": gebied is not None}


@register.inclusion_tag("programmes/_area_panel.html")
def programmes_area_panel(area: Area) -> dict:
    return _panel(area)


@register.inclusion_tag("programmes/_cockpit_panel.html")
def programmes_cockpit_panel(area: Area, user) -> dict:
    context = _panel(area, user)
    summary = context["summary"]
    if summary is not None:
        context["attention"] = sorted(summary.goals, key=lambda g: ATTENTION.get(g.progress.status, 2))
        context["can_edit"] = selectors.programme_can_edit(user=user, programme=summary.programme)
    return context


@register.simple_tag
def progress_badge(status: str):
    """The progress in words (never colour alone)."""
    return format_html('<span class="{}">{}</span>', BADGE.get(status, "badge"), status_label(status))
