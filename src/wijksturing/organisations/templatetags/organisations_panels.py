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
