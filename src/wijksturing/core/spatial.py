"""Spatial helpers: which area contains a point, coordinate transformation, area in hectares.

:class:`PointIndex` answers "in which buurt is this report / address?" for a million points at
once: one bulk ``STRtree.query(points, predicate="intersects")`` in GEOS, and then plain numpy to
turn the (point, polygon) pairs into ids. A point on a shared boundary intersects both polygons;
it goes deterministically to the first of them in id order, so the same point always lands in
the same area, whatever the order in which the polygons were loaded.

Coordinates: the CBS and PDOK publish in RD New (EPSG:28992, metres), web maps use WGS84
(EPSG:4326, degrees). Areas and distances are computed in RD, never in degrees. Transformers are
built once and cached (pyproj ≥ 3.1 transformers are thread-safe) and work on whole arrays.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Any

import numpy as np
import shapely
from numpy.typing import ArrayLike, NDArray
from pyproj import Transformer
from shapely.geometry.base import BaseGeometry

__all__ = ["PointIndex", "area_hectares", "to_rd", "to_wgs84"]

WGS84 = "EPSG:4326"
RD_NEW = "EPSG:28992"


class PointIndex:
    """Point-in-polygon lookup over a fixed set of (multi)polygons with string ids."""

    def __init__(self, geometries: Sequence[BaseGeometry], ids: Sequence[str]) -> None:
        if len(geometries) != len(ids):
            raise ValueError("one id per geometry is needed")
        self.geometries = np.empty(len(geometries), dtype=object)
        self.geometries[:] = list(geometries)
        self.ids: NDArray[Any] = np.array(list(ids) + [None], dtype=object)  # last slot: no hit
        self.tree = shapely.STRtree(self.geometries)
        # rank[g] = position of geometry g in id order: on a boundary the lowest rank wins
        self._rank = np.empty(len(ids), dtype=np.intp)
        self._rank[sorted(range(len(ids)), key=lambda i: str(ids[i]))] = np.arange(len(ids))
        self._by_rank = np.append(np.argsort(self._rank), len(ids))  # rank → geometry, + no hit

    def lookup_index(self, x: ArrayLike, y: ArrayLike) -> NDArray[np.intp]:
        """Index of the containing geometry per point (in the order given), ``-1`` where none."""
        points = shapely.points(np.asarray(x, dtype=np.float64), np.asarray(y, dtype=np.float64))
        points = np.atleast_1d(points)
        n_geoms = len(self._rank)
        if points.size == 0 or n_geoms == 0:
            return np.full(points.size, -1, dtype=np.intp)
        point_idx, geom_idx = self.tree.query(points, predicate="intersects")
        best = np.full(points.size, n_geoms, dtype=np.intp)  # n_geoms = no hit
        ranks = self._rank[geom_idx]
        # a point on a shared boundary hits several polygons: keep the lowest rank (first id)
        repeated = np.bincount(point_idx, minlength=points.size)[point_idx] > 1
        best[point_idx[~repeated]] = ranks[~repeated]
        if repeated.any():
            np.minimum.at(best, point_idx[repeated], ranks[repeated])
        result = self._by_rank[best]
        result[result == n_geoms] = -1
        return result

    def lookup(self, x: ArrayLike, y: ArrayLike) -> NDArray[Any]:
        """Id of the containing geometry per point (object array), ``None`` where none."""
        return self.ids[self.lookup_index(x, y)]  # index -1 selects the trailing None

    def lookup_one(self, x: float, y: float) -> str | None:
        """Id of the geometry containing one point, or ``None``."""
        return self.lookup(np.array([x]), np.array([y]))[0]


@lru_cache(maxsize=8)
def _transformer(source: str, target: str) -> Transformer:
    return Transformer.from_crs(source, target, always_xy=True)


def to_rd(lon: ArrayLike, lat: ArrayLike) -> tuple[Any, Any]:
    """WGS84 longitude/latitude → RD New x/y in metres (arrays in, arrays out)."""
    return _transformer(WGS84, RD_NEW).transform(lon, lat)


def to_wgs84(x: ArrayLike, y: ArrayLike) -> tuple[Any, Any]:
    """RD New x/y in metres → WGS84 longitude/latitude."""
    return _transformer(RD_NEW, WGS84).transform(x, y)


def area_hectares(geometry_wgs84: BaseGeometry | ArrayLike) -> float | NDArray[np.float64]:
    """Area in hectares of a WGS84 geometry (or array of them), computed in RD New.

    Degrees are not a unit of area, so the geometry is reprojected (all coordinates in one
    vectorised pyproj call) and measured in square metres; 1 ha = 10,000 m².
    """

    def project(coords: NDArray[np.float64]) -> NDArray[np.float64]:
        x, y = _transformer(WGS84, RD_NEW).transform(coords[:, 0], coords[:, 1])
        return np.column_stack([x, y])

    area = shapely.area(shapely.transform(geometry_wgs84, project)) / 10_000.0
    return float(area) if np.ndim(area) == 0 else area
