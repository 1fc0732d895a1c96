"""A small server-rendered SVG map: the round's area boundary and the proposals as numbered
dots. No JavaScript; every map on the pages comes with a table of the same proposals."""

from __future__ import annotations

from wijksturing.core.projection import LocalProjection

WIDTH = 640
PAD = 16


def _rings(geometry: dict | None) -> list[list[tuple[float, float]]]:
    if not geometry:
        return []
    if geometry.get("type") == "Polygon":
        return [[tuple(pt[:2]) for pt in ring] for ring in geometry["coordinates"]]
    if geometry.get("type") == "MultiPolygon":
        return [[tuple(pt[:2]) for pt in ring] for poly in geometry["coordinates"] for ring in poly]
    return []


def svg_map(*, geometry: dict | None, points: list[dict], children: list[dict] | None = None) -> dict | None:
    """Paths and dots in SVG user units. ``points``: dicts with ``lon``, ``lat``, ``label``,
    ``title`` and ``selected``; ``children``: dicts with ``geometry`` and ``name`` (buurten)."""
    rings = _rings(geometry)
    located = [p for p in points if p.get("lon") is not None and p.get("lat") is not None]
    coords = [pt for ring in rings for pt in ring] + [(p["lon"], p["lat"]) for p in located]
    if not coords:
        return None
    min_lon, max_lon = min(c[0] for c in coords), max(c[0] for c in coords)
    min_lat, max_lat = min(c[1] for c in coords), max(c[1] for c in coords)
    # equirectangular, true to scale locally: the project's one projection (core.projection)
    projection = LocalProjection.fit(min_lon, min_lat, max_lon, max_lat, width=WIDTH, pad=PAD, square=True)
    height = round(projection.height)

    def xy(lon: float, lat: float) -> tuple[float, float]:
        x, y = projection.xy(lon, lat)
        return round(x, 1), round(y, 1)

    def path(rs) -> str:
        return " ".join("M" + " L".join(f"{x},{y}" for x, y in (xy(*pt) for pt in ring)) + " Z" for ring in rs)

    return {
        "width": WIDTH, "height": height,
        "area": path(rings),
        "children": [
            {"d": path(_rings(c.get("geometry"))), "name": c.get("name", "")} for c in children or [] if c.get("geometry")
        ],
        "dots": [{**p, "x": xy(p["lon"], p["lat"])[0], "y": xy(p["lon"], p["lat"])[1]} for p in located],
    }
