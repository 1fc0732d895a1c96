"""A composite liveability index per area and year (in the manner of Rotterdam's Wijkprofiel).

Method, in three steps:

1. :func:`reference` fixes, per indicator, a reference mean and spread in the **base year**:
   the mean is the municipality's own figure (properly aggregated, e.g. the city's share of
   65+, not a mean of wijk percentages), the spread is the standard deviation across the areas.
2. :func:`standardise` turns every value into a score
   ``100 + scale * direction * (value - ref_mean) / ref_sd``: 100 is the city in the base year,
   ``scale`` (10) points is one standard deviation, and higher is always better because the
   direction (+1 / -1) flips indicators where more is worse. The reference stays fixed for later
   years, so a change of score is a real change, not a re-ranking.
3. :func:`composite` averages the available scores per dimension (weighted), then the available
   dimensions into the index (weighted). Missing values are handled openly: a dimension needs
   ``min_indicators_per_dimension`` indicators, and ``used`` records exactly which entered.

Weighted means are computed as ``100 + Σ w (s - 100) / Σ w``, so an area equal to the reference
everywhere scores exactly 100 (no rounding residue from ``Σ w·100 / Σ w``). The loops run over
the (few) dimensions, never over areas.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import ArrayLike, NDArray

from .similarity import column_stats

__all__ = ["IndexResult", "IndexSpec", "composite", "compute_index", "reference", "standardise"]

FloatArray = NDArray[np.float64]


def _frozen(a: ArrayLike, dtype: type) -> NDArray:
    out = np.array(a, dtype=dtype)
    out.setflags(write=False)
    return out


@dataclass(frozen=True, eq=False)
class IndexSpec:
    """Which indicators make up the index, how they point, and how they are weighted."""

    indicator_codes: tuple[str, ...]
    directions: np.ndarray
    weights: np.ndarray
    dimension_of: np.ndarray
    dimension_codes: tuple[str, ...]
    dimension_weights: np.ndarray
    min_indicators_per_dimension: int = 1
    scale: float = 10.0

    def __post_init__(self) -> None:
        n, m = len(self.indicator_codes), len(self.dimension_codes)
        set_ = object.__setattr__
        set_(self, "indicator_codes", tuple(self.indicator_codes))
        set_(self, "dimension_codes", tuple(self.dimension_codes))
        set_(self, "directions", _frozen(self.directions, np.float64))
        set_(self, "weights", _frozen(self.weights, np.float64))
        set_(self, "dimension_of", _frozen(self.dimension_of, np.intp))
        set_(self, "dimension_weights", _frozen(self.dimension_weights, np.float64))
        if not (self.directions.shape == self.weights.shape == self.dimension_of.shape == (n,)):
            raise ValueError("directions, weights and dimension_of need one entry per indicator")
        if self.dimension_weights.shape != (m,):
            raise ValueError("dimension_weights needs one entry per dimension")
        if not np.all(np.isin(self.directions, (-1.0, 1.0))):
            raise ValueError("directions must be +1 (higher is better) or -1 (higher is worse)")
        if n and (self.dimension_of.min() < 0 or self.dimension_of.max() >= m):
            raise ValueError("dimension_of refers to a dimension that does not exist")
        for name in ("weights", "dimension_weights"):
            w = getattr(self, name)
            if not np.all(np.isfinite(w) & (w >= 0)):
                raise ValueError(f"{name} must be finite and non-negative")
        if self.min_indicators_per_dimension < 1 or not self.scale > 0:
            raise ValueError("min_indicators_per_dimension must be >= 1 and scale > 0")

    @classmethod
    def from_records(
        cls,
        indicators: Iterable[tuple[str, str, int, float]],
        dimension_weights: Mapping[str, float],
        **options: Any,
    ) -> IndexSpec:
        """Build from ``(indicator_code, dimension_code, direction, weight)`` rows.

        Dimensions are ordered as in ``dimension_weights``; ``options`` are
        ``min_indicators_per_dimension`` and ``scale``.
        """
        rows = list(indicators)
        dims = tuple(dimension_weights)
        position = {code: i for i, code in enumerate(dims)}
        return cls(
            indicator_codes=tuple(r[0] for r in rows),
            directions=np.array([r[2] for r in rows], dtype=np.float64),
            weights=np.array([r[3] for r in rows], dtype=np.float64),
            dimension_of=np.array([position[r[1]] for r in rows], dtype=np.intp),
            dimension_codes=dims,
            dimension_weights=np.array([dimension_weights[d] for d in dims], dtype=np.float64),
            **options,
        )


@dataclass(frozen=True, eq=False)
class IndexResult:
    """``dimensions`` (n_areas, n_dims), ``index`` (n_areas,), ``used`` (n_areas, n_ind) and
    ``n_available`` (n_areas, n_dims): the number of indicators available per dimension."""

    dimensions: FloatArray
    index: FloatArray
    used: NDArray[np.bool_]
    n_available: NDArray[np.intp]
    dimension_codes: tuple[str, ...] = ()


def reference(
    values_base_year: ArrayLike, city_value_base_year: ArrayLike
) -> tuple[FloatArray, FloatArray]:
    """Reference ``(ref_mean, ref_sd)`` per indicator from the base year.

    ``ref_mean`` is the municipality's own value (``city_value_base_year``): the city figure
    aggregated from numerators and denominators, so 100 means "as the city as a whole". It is
    deliberately *not* the mean of the areas, which weighs a small buurt like a large one.
    ``ref_sd`` is the population standard deviation (``ddof=0``) across the areas of the level
    being scored, ignoring missing areas; it is the spread an area is measured against, so it is
    taken around the areas' own mean. It is ``nan`` with fewer than two areas with a value, and
    exactly 0 (so the indicator is left out) when all areas have the same value.
    """
    _, sd, n = column_stats(values_base_year)
    sd = np.where(n >= 2, sd, np.nan)
    return np.array(city_value_base_year, dtype=np.float64), sd


def standardise(
    values: ArrayLike,
    ref_mean: ArrayLike,
    ref_sd: ArrayLike,
    directions: ArrayLike,
    *,
    scale: float = 10.0,
) -> FloatArray:
    """Score ``100 + scale * direction * (value - ref_mean) / ref_sd``.

    ``nan`` stays ``nan``; an indicator whose ``ref_sd`` is 0 or ``nan`` (no spread in the base
    year, so no yardstick) scores ``nan`` for every area.
    """
    v = np.asarray(values, dtype=np.float64)
    mean = np.asarray(ref_mean, dtype=np.float64)
    sd = np.asarray(ref_sd, dtype=np.float64)
    usable = np.isfinite(sd) & (sd > 0)
    safe_sd = np.where(usable, sd, 1.0)
    score = 100.0 + scale * np.asarray(directions, dtype=np.float64) * ((v - mean) / safe_sd)
    return np.where(usable, score, np.nan)


def _weighted_deviation_mean(
    scores: FloatArray, weights: FloatArray
) -> tuple[FloatArray, FloatArray, NDArray[np.intp]]:
    """Per row ``100 + Σ w (s - 100) / Σ w`` over available, positively weighted entries."""
    available = ~np.isnan(scores) & (weights > 0)
    wsum = (available * weights).sum(axis=1)
    dev = np.where(available, (scores - 100.0) * weights, 0.0).sum(axis=1)
    with np.errstate(divide="ignore", invalid="ignore"):
        mean = 100.0 + dev / wsum
    return np.where(wsum > 0, mean, np.nan), wsum, available.sum(axis=1)


def composite(scores: ArrayLike, spec: IndexSpec) -> IndexResult:
    """Combine indicator scores ``(n_areas, n_ind)`` into dimension scores and the index.

    A dimension score is the weighted mean of the available indicator scores of that dimension,
    ``nan`` if fewer than ``spec.min_indicators_per_dimension`` are available. The index is the
    weighted mean of the available dimension scores, ``nan`` if none is. Averaging only what is
    available keeps one missing figure from sinking an area; the minimum and ``used`` make the
    gaps visible instead of hiding them. ``used[a, i]`` is true when indicator ``i`` entered the
    dimension score of area ``a``.
    """
    s = np.atleast_2d(np.asarray(scores, dtype=np.float64))
    n_areas, n_dims = s.shape[0], len(spec.dimension_codes)
    if s.shape[1] != len(spec.indicator_codes):
        raise ValueError(f"scores have {s.shape[1]} columns, spec has {len(spec.indicator_codes)}")
    dims = np.full((n_areas, n_dims), np.nan)
    n_available = np.zeros((n_areas, n_dims), dtype=np.intp)
    used = np.zeros(s.shape, dtype=bool)
    for d in range(n_dims):  # a handful of dimensions; every step is vectorised over areas
        cols = np.flatnonzero(spec.dimension_of == d)
        if cols.size == 0:
            continue
        mean, _, count = _weighted_deviation_mean(s[:, cols], spec.weights[cols])
        enough = count >= spec.min_indicators_per_dimension
        dims[:, d] = np.where(enough, mean, np.nan)
        n_available[:, d] = count
        used[:, cols] = ~np.isnan(s[:, cols]) & (spec.weights[cols] > 0) & enough[:, None]
    index, _, _ = _weighted_deviation_mean(dims, spec.dimension_weights)
    return IndexResult(dims, index, used, n_available, spec.dimension_codes)


def compute_index(
    values: ArrayLike, ref_mean: ArrayLike, ref_sd: ArrayLike, spec: IndexSpec
) -> IndexResult:
    """:func:`standardise` with the spec's directions and scale, then :func:`composite`."""
    scores = standardise(values, ref_mean, ref_sd, spec.directions, scale=spec.scale)
    return composite(scores, spec)
