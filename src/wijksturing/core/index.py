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
   ``min_indicators_per_dimension`` indicators, the index ``min_dimensions`` dimensions (an index
   on fewer is not one number: the dimensions are kept, the index is ``nan``), and ``used``
   records exactly which entered.
4. :func:`comparable_change` measures the change between two years over the indicators scored
   in *both* years only, so that an indicator that enters or leaves (a source published once)
   is not read as a change of the area.

``clip`` (in standard deviations) caps a score at ``100 ± clip × scale``, so that one extreme area
(a forest wijk with 20 times the land per inhabitant) cannot carry a dimension on its own.

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

__all__ = ["IndexResult", "IndexSpec", "comparable_change", "composite", "compute_index", "reference", "spearman", "standardise"]

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
    min_dimensions: int = 1
    clip: float | None = None

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
        if self.min_dimensions < 1 or (self.clip is not None and not self.clip > 0):
            raise ValueError("min_dimensions must be >= 1 and clip > 0 (or None)")

    @classmethod
    def from_records(
        cls,
        indicators: Iterable[tuple[str, str, int, float]],
        dimension_weights: Mapping[str, float],
        **options: Any,
    ) -> IndexSpec:
        """Build from ``(indicator_code, dimension_code, direction, weight)`` rows.

        Dimensions are ordered as in ``dimension_weights``; ``options`` are
        ``min_indicators_per_dimension``, ``scale``, ``min_dimensions`` and ``clip``.
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
    """``dimensions`` (n_areas, n_dims), ``index`` (n_areas,), ``used`` (n_areas, n_ind),
    ``n_available`` (n_areas, n_dims): the number of indicators available per dimension, and
    ``scores`` (n_areas, n_ind): the indicator scores (``nan`` where missing)."""

    dimensions: FloatArray
    index: FloatArray
    used: NDArray[np.bool_]
    n_available: NDArray[np.intp]
    dimension_codes: tuple[str, ...] = ()
    scores: FloatArray | None = None

    @property
    def n_dimensions(self) -> NDArray[np.intp]:
        """Per area the number of dimensions with a score."""
        return (~np.isnan(self.dimensions)).sum(axis=1)


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
    clip: float | None = None,
) -> FloatArray:
    """Score ``100 + scale * direction * (value - ref_mean) / ref_sd``, capped at
    ``100 ± clip * scale`` when ``clip`` is given.

    ``nan`` stays ``nan``; an indicator whose ``ref_sd`` is 0 or ``nan`` (no spread in the base
    year, so no yardstick) scores ``nan`` for every area.
    """
    v = np.asarray(values, dtype=np.float64)
    mean = np.asarray(ref_mean, dtype=np.float64)
    sd = np.asarray(ref_sd, dtype=np.float64)
    usable = np.isfinite(sd) & (sd > 0)
    safe_sd = np.where(usable, sd, 1.0)
    score = 100.0 + scale * np.asarray(directions, dtype=np.float64) * ((v - mean) / safe_sd)
    if clip is not None:
        score = np.clip(score, 100.0 - clip * scale, 100.0 + clip * scale)
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
    enough_dims = (~np.isnan(dims)).sum(axis=1) >= spec.min_dimensions
    index = np.where(enough_dims, index, np.nan)
    return IndexResult(dims, index, used, n_available, spec.dimension_codes, s)


def compute_index(
    values: ArrayLike, ref_mean: ArrayLike, ref_sd: ArrayLike, spec: IndexSpec
) -> IndexResult:
    """:func:`standardise` with the spec's directions, scale and clip, then :func:`composite`."""
    scores = standardise(values, ref_mean, ref_sd, spec.directions, scale=spec.scale, clip=spec.clip)
    return composite(scores, spec)


def comparable_change(scores_prev: ArrayLike, scores_cur: ArrayLike, spec: IndexSpec) -> tuple[FloatArray, NDArray[np.bool_]]:
    """Change of the index from one year to another over the indicators scored in both years.

    Both years are recomposed from the common indicators only (per area), and the change is
    ``index_cur - index_prev`` of those two. It is ``nan`` where the common indicators do not
    cover ``spec.min_dimensions`` dimensions: a trend needs the same ground in both years.
    Returns ``(change, common)`` with ``common`` (n_areas, n_ind) the indicators compared.
    """
    prev = np.atleast_2d(np.asarray(scores_prev, dtype=np.float64))
    cur = np.atleast_2d(np.asarray(scores_cur, dtype=np.float64))
    common = ~np.isnan(prev) & ~np.isnan(cur)
    a = composite(np.where(common, prev, np.nan), spec)
    b = composite(np.where(common, cur, np.nan), spec)
    return b.index - a.index, common


def _ranks(x: FloatArray) -> FloatArray:
    """Ranks 1..n with ties given their average rank."""
    order = np.argsort(x, kind="mergesort")
    ranks = np.empty(len(x))
    ranks[order] = np.arange(1, len(x) + 1)
    values = x[order]
    start = 0
    for end in range(1, len(x) + 1):  # average the ranks of runs of equal values
        if end == len(x) or values[end] != values[start]:
            ranks[order[start:end]] = (start + 1 + end) / 2.0
            start = end
    return ranks


def spearman(x: ArrayLike, y: ArrayLike) -> tuple[float, int]:
    """Spearman's rank correlation over the pairs where both are present: ``(rho, n)``.

    ``rho`` is the Pearson correlation of the (average-tied) ranks; ``nan`` with fewer than three
    pairs or when either side has no spread.
    """
    a = np.asarray(x, dtype=np.float64)
    b = np.asarray(y, dtype=np.float64)
    both = ~np.isnan(a) & ~np.isnan(b)
    n = int(both.sum())
    if n < 3:
        return float("nan"), n
    ra, rb = _ranks(a[both]), _ranks(b[both])
    ra, rb = ra - ra.mean(), rb - rb.mean()
    denominator = float(np.sqrt((ra * ra).sum() * (rb * rb).sum()))
    return (float((ra * rb).sum() / denominator) if denominator > 0 else float("nan")), n
