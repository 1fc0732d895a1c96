"""Server-rendered SVG maps (no JavaScript): the buurten of a municipality, with signals as
dots. The same projection turns a click on the map (an ``<input type="image">``, whose x/y the
browser submits with the form) back into longitude/latitude."""

from __future__ import annotations

from dataclasses import dataclass
from xml.sax.saxutils import escape

from wijksturing.areas import selectors as area_selectors
from wijksturing.core.projection import LocalProjection

WIDTH = 640


@dataclass(frozen=True)
class Frame:
    """The municipality's box drawn ``width`` wide (:class:`~wijksturing.core.projection.LocalProjection`)."""

    min_lon: float
    min_lat: float
    max_lon: float
    max_lat: float
    width: int = WIDTH

    @property
    def projection(self) -> LocalProjection:
        return LocalProjection.fit(self.min_lon, self.min_lat, self.max_lon, self.max_lat, width=self.width)

    @property
    def height(self) -> int:
        return max(1, round(self.projection.height))

    def xy(self, lon: float, lat: float) -> tuple[float, float]:
        x, y = self.projection.xy(lon, lat)
        return round(x, 1), round(y, 1)

    def lonlat(self, x: float, y: float) -> tuple[float, float]:
        lon, lat = self.projection.lonlat(x, y)
        return round(lon, 6), round(lat, 6)


def _buurten(municipality_code: str) -> list:
    return [a for a in area_selectors.area_list(municipality_code=municipality_code, level="buurt") if a.geometry]


def frame_for(*, municipality_code: str) -> Frame | None:
    """The frame around the municipality's buurten; None when no boundaries are loaded."""
    areas = _buurten(municipality_code)
    if not areas:
        return None
    return Frame(min(a.min_lon for a in areas), min(a.min_lat for a in areas),
                 max(a.max_lon for a in areas), max(a.max_lat for a in areas))


def _rings(geometry: dict):
    if geometry["type"] == "Polygon":
        yield from geometry["coordinates"]
    elif geometry["type"] == "MultiPolygon":
        for polygon in geometry["coordinates"]:
            yield from polygon


def svg_map(*, municipality_code: str, points: list[tuple[float, float, str]] = (), marker: tuple[float, float] | None = None,
            title: str = "") -> str | None:
    """SVG of the buurten with ``points`` (lon, lat, label) as dots and an optional marker."""
    frame = frame_for(municipality_code=municipality_code)
    if frame is None:
        return None
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {frame.width} {frame.height}" '
             f'width="{frame.width}" height="{frame.height}" role="img" aria-label="{escape(title, {chr(34): "&quot;"})}">',
             f"<title>{escape(title)}</title>", '<rect width="100%" height="100%" fill="#f3f6f9"/>']
    for area in _buurten(municipality_code):
        d = " ".join("M" + " L".join("{} {}".format(*frame.xy(lon, lat)) for lon, lat, *_ in ring) + " Z"
                     for ring in _rings(area.geometry))
        parts.append(f'<path d="{d}" fill="#ffffff" stroke="#5a6b7b" stroke-width="0.8">'
                     f"<title>{escape(area.name)}</title></path>")
    for lon, lat, label in points:
        x, y = frame.xy(lon, lat)
        parts.append(f'<circle cx="{x}" cy="{y}" r="4" fill="#b3261e" stroke="#ffffff" stroke-width="1">'
                     f"<title>{escape(label)}</title></circle>")
    if marker is not None:
        x, y = frame.xy(*marker)
        parts.append(f'<path d="M{x} {y} l-8 -18 a9 9 0 1 1 16 0 z" fill="#154273" stroke="#ffffff" stroke-width="1.5"/>')
    parts.append("</svg>")
    return "".join(parts)
