"""Panels of the participation app on another module's page: ``{% load participation_panels %}``.

``{% participation_area_panel area %}`` on the public area page: the latest buurtbegroting rounds
of the area's gebied and of the whole municipality, with what a resident can do now (send an
idea, vote) and the published result; nothing when there are no rounds. A wijk or buurt shows
its gebied's rounds, the municipality page all rounds. ``{% participation_cockpit_panel area
user %}`` for staff: the same rounds and, for those who manage a round, its ballots so far and
whether a count waits for publication.
"""

from __future__ import annotations

from django import template

from wijksturing.areas.models import Area
from wijksturing.areas.selectors import area_gebied
from wijksturing.participation import selectors

register = template.Library()


def _panel(area: Area) -> dict:
    gebied = area_gebied(area=area)
    rounds = selectors.round_list_for_area(municipality_code=area.layout.municipality.code,
                                           gebied_code=gebied.code if gebied else None)
    return {"rounds": rounds, "scope_name": (gebied or area).name}


@register.inclusion_tag("participation/_area_panel.html")
def participation_area_panel(area: Area) -> dict:
    return _panel(area)


@register.inclusion_tag("participation/_cockpit_panel.html")
def participation_cockpit_panel(area: Area, user) -> dict:
    context = _panel(area)
    for rnd in context["rounds"]:
        rnd.can_manage = selectors.round_user_can_manage(user=user, rnd=rnd)
        if rnd.can_manage:
            rnd.counts = selectors.ballot_counts(rnd=rnd)
            latest = selectors.result_latest(rnd=rnd)
            rnd.unpublished_count = latest is not None and not latest.published
    return context
