"""Helpers shared by the public and staff pages: the map of a round, its buurten."""

from __future__ import annotations

from wijksturing.areas.models import Area
from wijksturing.areas.selectors import area_descendants, area_get, gebied_get, layout_latest
from wijksturing.participation.maps import svg_map
from wijksturing.participation.models import Round


def round_area(rnd: Round):
    """The round's area in the latest layout, or None (e.g. an imported round of a municipality
    without boundaries)."""
    try:
        if rnd.area_level == "gebied":
            return gebied_get(municipality_code=rnd.municipality.code, code=rnd.area_code)
        if rnd.area_level == "gemeente" and layout_latest(municipality_code=rnd.municipality.code) is None:
            return None
        return area_get(code=rnd.area_code)
    except Area.DoesNotExist:
        return None


def round_buurten(rnd: Round) -> list[tuple[str, str]]:
    """``(code, name)`` of the buurten in the round's area."""
    area = round_area(rnd)
    if area is None:
        return []
    return [(b.code, b.name) for b in area_descendants(area=area, level="buurt")]


def round_map(rnd: Round, proposals, selected: set[str] | None = None) -> dict | None:
    area = round_area(rnd)
    points = [{"lon": p.lon, "lat": p.lat, "label": p.project_id, "title": p.title,
               "selected": selected is not None and p.project_id in selected} for p in proposals]
    children = []
    if area is not None:
        children = [{"geometry": b.geometry, "name": b.name} for b in area_descendants(area=area, level="buurt")]
    return svg_map(geometry=area.geometry if area is not None else None, points=points, children=children)
