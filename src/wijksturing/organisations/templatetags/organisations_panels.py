"""Panels of the register on other pages: ``{% load organisations_panels %}``.

``{% organisations_area_panel area %}`` on the public area page: the strengths that work in the
area (public entries only), with a map and the list as its alternative, filtered by ``?thema=``.
``{% organisations_cockpit_panel area user %}`` in the staff cockpit of a gebied: how many are
public, stale, without consent, with changes waiting, and the entries to be checked.
``{% organisations_report_section area %}`` in the gebiedsanalyse: the strengths by kind.
"""

from __future__ import annotations

from django import template

from wijksturing.organisations import selectors
from wijksturing.organisations.maps import strengths_map
from wijksturing.organisations.models import Kind

register = template.Library()


@register.inclusion_tag("organisations/_area_panel.html", takes_context=True)
def organisations_area_panel(context, area) -> dict:
    request = context.get("request")
    theme = request.GET.get("thema") if request is not None else None
    panel = selectors.area_panel(area=area, theme=theme)
    if panel is not None:
        panel["map"] = strengths_map(area=area, organisations=panel["organisations"])
    return {"panel": panel, "map": panel["map"] if panel else None}


@register.inclusion_tag("organisations/_cockpit_panel.html")
def organisations_cockpit_panel(area, user) -> dict:
    code = area.layout.municipality.code
    if not selectors.organisation_can_read_staff(user=user, municipality_code=code):
        return {"summary": None}
    summary = selectors.area_summary(municipality_code=code, area_codes=selectors.area_codes_around(area=area), user=user)
    if not (summary["public"] or summary["stale"] or summary["without_consent"]):
        summary = None
    return {"summary": summary, "municipality_code": code}


@register.inclusion_tag("organisations/_report_section.html")
def organisations_report_section(area) -> dict:
    code = area.layout.municipality.code
    codes = None if area.level == "gemeente" else selectors.area_codes_around(area=area)
    rows = selectors.organisation_public_list(municipality_code=code, area_codes=codes)
    by_kind = [(label, [o for o in rows if o.kind == value]) for value, label in Kind.choices]
    return {"area": area, "rows": rows, "any_illustrative": any(o.illustrative for o in rows),
            "by_kind": [(label, items) for label, items in by_kind if items]}


@register.inclusion_tag("organisations/_partners.html", takes_context=True)
def organisations_partners(context, goal=None, initiative=None, proposal=None, signal=None, staff=False,
                           inline=False) -> dict:
    """``{% organisations_partners goal=goal %}`` (or ``initiative=``, ``proposal=``, ``signal=``):
    the organisations linked to it as partners. Public entries only; with ``staff=True`` on a
    staff page also those without consent or that stopped, for staff who may read the register.
    ``inline=True`` gives one short line (in a table cell) instead of a section with a heading."""
    user = context.get("user") if staff else None
    rows = selectors.organisations_linked_to(
        goal_id=goal.pk if goal is not None else None, initiative_id=initiative.pk if initiative is not None else None,
        proposal_id=proposal.pk if proposal is not None else None, signal_id=signal.pk if signal is not None else None,
        user=user)
    can_read = {}
    for o in rows:
        code = o.municipality.code
        if code not in can_read:
            can_read[code] = user is not None and selectors.organisation_can_read_staff(user=user, municipality_code=code)
        o.staff_link = can_read[code]
    return {"rows": rows, "staff": staff, "inline": inline}
