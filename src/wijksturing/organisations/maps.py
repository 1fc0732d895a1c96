"""The map of an area's strengths: the area's buurten drawn by the shared server-side SVG map
(:mod:`wijksturing.web.svgmap`) with the places as numbered dots, in the same projection. No
JavaScript; the list beside it is the alternative."""

from __future__ import annotations

from wijksturing.areas.models import Level
from wijksturing.areas.selectors import area_descendants
from wijksturing.core.numbers import machine
from wijksturing.web.svgmap import PAD, build_map


def strengths_map(*, area, organisations) -> dict | None:
    """``{"svg": SvgMap, "dots": [{x, y, number, name}]}`` or None when nothing has coordinates."""
    points = []
    for number, o in enumerate(organisations, start=1):
        o.number = number
        for loc in o.locations.all():
            if loc.lat is not None and loc.lon is not None:
                points.append((number, o.name, loc.lon, loc.lat))
    if not points:
        return None
    level = Level.BUURT if area.level != Level.GEMEENTE else Level.WIJK
    shapes = [a for a in area_descendants(area=area, level=level) if a.geometry] or ([area] if area.geometry else [])
    features = [{"geometry": a.geometry, "properties": {"code": a.code, "name": a.name, "css_class": "krachten-map__area"}}
                for a in shapes]
    if not features:
        return None
    svg = build_map(features, width=560)
    dots = []
    for number, name, lon, lat in points:
        x = PAD + (lon - svg.lon0) * svg.kx * svg.scale
        y = PAD + (svg.lat0 - lat) * svg.scale
        if -5 <= x <= svg.width + 5 and -5 <= y <= svg.height + 5:
            dots.append({"x": machine(round(x, 1)), "y": machine(round(y, 1)), "number": number, "name": name})
    return {"svg": svg, "dots": dots, "width": machine(svg.width), "height": machine(svg.height)}
