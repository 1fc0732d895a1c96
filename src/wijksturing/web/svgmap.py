"""Server-rendered SVG maps from GeoJSON (WGS84): no JavaScript, keyboard-usable, small.

Each area becomes an ``<a>`` with a ``<path>``; the browser's own link behaviour gives keyboard
focus and clicks, and a title gives the name. Coordinates are projected with a local
equirectangular projection (longitude scaled by cos(latitude) at the map's centre, which at the
scale of one municipality distorts less than a pixel), simplified with shapely to about a pixel,
and rounded to one decimal so that a municipality's buurten stay a few tens of kilobytes.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import shapely
from shapely.geometry import shape

from wijksturing.core.projection import LocalProjection

WIDTH = 600.0
PAD = 6.0


@dataclass
class MapShape:
    code: str
    name: str
    d: str
    href: str = ""
    fill: str = ""
    label: str = ""
    css_class: str = ""


@dataclass
class SvgMap:
    width: float
    height: float
    shapes: list[MapShape]
    # the transform, so that a click (x, y) can be turned back into lon/lat
    lon0: float = 0.0
    lat0: float = 0.0
    scale: float = 1.0
    kx: float = 1.0


def _bounds(geoms: list) -> tuple[float, float, float, float]:
    b = shapely.total_bounds(geoms)
    return float(b[0]), float(b[1]), float(b[2]), float(b[3])


def _ring_path(coords, fx, fy) -> str:
    pts = [(fx(x), fy(y)) for x, y in coords]
    out = []
    last = None
    for p in pts:
        r = (round(p[0], 1), round(p[1], 1))
        if r != last:
            out.append(f"{r[0]:g} {r[1]:g}")
            last = r
    if len(out) < 3:
        return ""
    return "M" + "L".join(out) + "Z"


def _geom_path(geom, fx, fy) -> str:
    parts = []
    polys = getattr(geom, "geoms", [geom])
    for poly in polys:
        if poly.geom_type != "Polygon" or poly.is_empty:
            continue
        parts.append(_ring_path(poly.exterior.coords, fx, fy))
        parts.extend(_ring_path(ring.coords, fx, fy) for ring in poly.interiors)
    return "".join(parts)


def build_map(features: Iterable[dict], *, width: float = WIDTH, frame: Iterable[dict] = ()) -> SvgMap:
    """Project GeoJSON ``features`` (dicts with ``geometry`` and ``properties``: ``code``,
    ``name``, and optionally ``href``, ``fill``, ``label``, ``css_class``) into an SVG map.
    ``frame`` features are drawn too but only the ``features`` decide the extent."""
    features = [f for f in features if f.get("geometry")]
    frame = [f for f in frame if f.get("geometry")]
    if not features:
        return SvgMap(width, 0.0, [])
    geoms = [shape(f["geometry"]) for f in features]
    minx, miny, maxx, maxy = _bounds(geoms)
    projection = LocalProjection.fit(minx, miny, maxx, maxy, width=width, pad=PAD)  # core.projection
    scale, height, kx = projection.scale, projection.height, projection.kx

    def fx(x: float) -> float:
        return projection.xy(x, maxy)[0]

    def fy(y: float) -> float:
        return projection.xy(minx, y)[1]

    tolerance = 0.7 / scale  # about 0.7 px, in degrees
    shapes: list[MapShape] = []
    for feature, geom in [(f, shape(f["geometry"])) for f in frame] + list(zip(features, geoms)):
        props = feature.get("properties", {})
        simple = geom.simplify(tolerance, preserve_topology=True)
        d = _geom_path(simple, fx, fy)
        if not d:
            continue
        shapes.append(
            MapShape(
                code=str(props.get("code", feature.get("id", ""))),
                name=str(props.get("name", "")),
                d=d,
                href=props.get("href", ""),
                fill=props.get("fill", ""),
                label=props.get("label", "") or str(props.get("name", "")),
                css_class=props.get("css_class", ""),
            )
        )
    return SvgMap(width, round(height, 1), shapes, lon0=minx, lat0=maxy, scale=scale, kx=kx)
