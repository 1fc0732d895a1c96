"""The project's one projection module: every map and distance goes through here.

* RD New (EPSG:28992, metres; CBS and PDOK publish in it) ⇄ WGS84 longitude/latitude:
  :func:`to_rd` / :func:`to_wgs84` (pyproj, vectorised; defined in :mod:`core.spatial`).
  The street maps in the browser use the same RD New definition through proj4
  (``web/static/web/streetmap.js``).
* The server-drawn SVG maps: :class:`LocalProjection`, equirectangular with the longitude scaled
  by cos(latitude) at the map's centre — true to scale across a municipality (error < 0.1 % over
  10 km at 52°N), so a drawn city has the shape on PDOK's maps, without a projection library in
  the drawing loop. It maps both ways, so a click on an image map gives longitude/latitude back.
* :func:`metres_between`: the distance of two nearby points on the same local approximation.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from wijksturing.core.spatial import RD_NEW, to_rd, to_wgs84

__all__ = ["RD_NEW", "LocalProjection", "metres_between", "to_rd", "to_wgs84"]

METRES_PER_DEGREE_LAT = 111_250.0  # at 52°N (the Netherlands: 111,200–111,270)
METRES_PER_DEGREE_LON_AT_EQUATOR = 111_320.0


def metres_between(lon1: float, lat1: float, lon2: float, lat2: float) -> float:
    """Distance in metres between two points a few kilometres apart at most."""
    kx = METRES_PER_DEGREE_LON_AT_EQUATOR * math.cos(math.radians((lat1 + lat2) / 2))
    return math.hypot((lon2 - lon1) * kx, (lat2 - lat1) * METRES_PER_DEGREE_LAT)


@dataclass(frozen=True)
class LocalProjection:
    """Longitude/latitude → SVG user units (x right, y down) and back: ``x = pad + (lon −
    min_lon)·kx·scale``, ``y = pad + (max_lat − lat)·scale`` with ``kx = cos(mid latitude)``."""

    min_lon: float
    min_lat: float
    max_lon: float
    max_lat: float
    scale: float  # user units per degree of latitude
    pad: float = 0.0

    @property
    def kx(self) -> float:
        return math.cos(math.radians((self.min_lat + self.max_lat) / 2))

    @classmethod
    def fit(cls, min_lon: float, min_lat: float, max_lon: float, max_lat: float, *, width: float,
            pad: float = 0.0, square: bool = False) -> LocalProjection:
        """The projection that fits the box into ``width`` (minus ``pad`` each side); with
        ``square``, into a ``width`` × ``width`` square (the longer side decides)."""
        kx = math.cos(math.radians((min_lat + max_lat) / 2))
        span_x = max((max_lon - min_lon) * kx, 1e-9)
        span_y = max(max_lat - min_lat, 1e-9)
        return cls(min_lon, min_lat, max_lon, max_lat, (width - 2 * pad) / (max(span_x, span_y) if square else span_x), pad)

    @property
    def width(self) -> float:
        return 2 * self.pad + max((self.max_lon - self.min_lon) * self.kx, 1e-9) * self.scale

    @property
    def height(self) -> float:
        return 2 * self.pad + max(self.max_lat - self.min_lat, 1e-9) * self.scale

    def xy(self, lon: float, lat: float) -> tuple[float, float]:
        return self.pad + (lon - self.min_lon) * self.kx * self.scale, self.pad + (self.max_lat - lat) * self.scale

    def lonlat(self, x: float, y: float) -> tuple[float, float]:
        return self.min_lon + (x - self.pad) / (self.kx * self.scale), self.max_lat - (y - self.pad) / self.scale
