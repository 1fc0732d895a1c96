"""Panel of the wijkpeiling on the area page: ``{% load surveys_panels %}{% surveys_area_panel area %}``.

What residents think of the wijk (the latest survey's weighted figures with their margins,
suppressed under the minimum), and the subjective index beside the objective one, as Rotterdam's
Wijkprofiel shows them, with a plain-language note where the two disagree. A buurt shows its
wijk's figures; an area without survey figures shows nothing.
"""

from __future__ import annotations

from django import template

from wijksturing.surveys import selectors

register = template.Library()


@register.inclusion_tag("surveys/_area_panel.html")
def surveys_area_panel(area) -> dict:
    return {"panel": selectors.area_panel(area=area)}
