"""Aggregation of area figures up the hierarchy buurt → wijk → gebied → gemeente.

Every function takes the children's values and a ``groups`` array holding, per child, the index
of its parent (``-1`` = no parent, ignored). Values may be one indicator ``(n,)`` or many at once
``(n, k)``; the work is one ``numpy.bincount`` over a flattened ``group * k + column`` index, so
all indicators of all areas are aggregated in a single vectorised pass.

Which aggregate is correct depends on the kind of indicator:

* **counts** (inhabitants, dwellings, reports) add up: :func:`group_sum`;
* **ratios and percentages** (share of 65+, reports per 1,000 inhabitants) are recomputed from
  the summed numerators and denominators: :func:`group_ratio`. A mean of the children's
  percentages is wrong because it gives a buurt of 100 inhabitants the same say as one of 1,000:
  10 % of 100 and 50 % of 1,000 is (10 + 500) / 1,100 = 46.36 %, not (10 + 50) / 2 = 30 %;
* **means** (mean household size, mean WOZ value) are ratios too: total / number of units, so
  they are weighted by the right unit (households, dwellings), never by area or population.

Missing values are ``nan``. With ``complete=True`` (the default) a parent with any missing child
is missing, because a sum with a missing part understates the whole; :func:`group_coverage`
tells how much of a parent the available children cover when ``complete=False`` is used.

CBS rounds published wijk and buurt counts to multiples of 5 (randomly, see
:func:`rounding_tolerance`), so rounded buurten do not add up to the rounded wijk;
:func:`check_against_published` compares an aggregation with the published parents on that basis.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np
from numpy.typing import ArrayLike, NDArray

__all__ = [
    "CheckResult",
    "check_against_published",
    "compose_parents",
    "count_children",
    "group_coverage",
    "group_ratio",
    "group_sum",
    "rounding_tolerance",
]

FloatArray = NDArray[np.float64]
IntArray = NDArray[np.intp]


def _prepare(values: ArrayLike, groups: ArrayLike, n_groups: int) -> tuple[FloatArray, IntArray]:
    """Validate, drop children without a parent, and return 2-D values with their groups."""
    v = np.asarray(values, dtype=np.float64)
    g = np.asarray(groups, dtype=np.intp)
    if v.ndim not in (1, 2) or g.ndim != 1 or v.shape[0] != g.shape[0]:
        raise ValueError(f"values {v.shape} and groups {g.shape} do not match: (n,)/(n, k), (n,)")
    if g.size and g.max() >= n_groups:
        raise ValueError(f"group index {g.max()} out of range for n_groups={n_groups}")
    if g.size and g.min() < 0:
        keep = g >= 0
        v, g = v[keep], g[keep]
    return (v[:, None] if v.ndim == 1 else v), g


def _flat_bincount(weights: FloatArray, groups: IntArray, n_groups: int) -> FloatArray:
    """Per-group, per-column sums of a 2-D array in one ``bincount`` call."""
    k = weights.shape[1]
    if k == 1:
        out = np.bincount(groups, weights=weights[:, 0], minlength=n_groups)[:, None]
    else:
        index = (groups[:, None] * k + np.arange(k)).ravel()
        out = np.bincount(index, weights=weights.ravel(), minlength=n_groups * k).reshape(
            n_groups, k
        )
    return out.astype(np.float64, copy=False)  # bincount of nothing is an int array


def _shape_like(result: FloatArray, values: ArrayLike) -> FloatArray:
    return result[:, 0] if np.ndim(values) == 1 else result


def count_children(groups: ArrayLike, n_groups: int) -> IntArray:
    """Number of children per group (children with parent ``-1`` are not counted)."""
    g = np.asarray(groups, dtype=np.intp)
    return np.bincount(g[g >= 0], minlength=n_groups)


def compose_parents(child_to_mid: ArrayLike, mid_to_top: ArrayLike) -> IntArray:
    """Parent index two levels up (buurt → wijk → gemeente becomes buurt → gemeente); -1 stays -1."""
    a = np.asarray(child_to_mid, dtype=np.intp)
    b = np.asarray(mid_to_top, dtype=np.intp)
    return np.where(a >= 0, b[np.maximum(a, 0)], -1) if a.size else a


def group_sum(
    values: ArrayLike, groups: ArrayLike, n_groups: int, *, complete: bool = True
) -> FloatArray:
    """Sum the children's values per group: the aggregate for counts.

    ``complete=True``: a group with any missing child is ``nan`` (``bincount`` propagates the
    ``nan``; no extra pass is needed). ``complete=False``: the sum of the available children, ``nan``
    only if none has a value; use :func:`group_coverage` to report how complete it is. A group
    without children is always ``nan``: "no data" is not the same as zero.
    """
    v, g = _prepare(values, groups, n_groups)
    empty = np.bincount(g, minlength=n_groups) == 0
    if complete:
        total = _flat_bincount(v, g, n_groups)
    else:
        present = ~np.isnan(v)
        total = _flat_bincount(np.where(present, v, 0.0), g, n_groups)
        total[_flat_bincount(present.astype(np.float64), g, n_groups) == 0] = np.nan
    total[empty] = np.nan
    return _shape_like(total, values)


def group_ratio(
    numerators: ArrayLike,
    denominators: ArrayLike,
    groups: ArrayLike,
    n_groups: int,
    *,
    scale: float = 1.0,
    complete: bool = True,
) -> FloatArray:
    """``sum(numerator) / sum(denominator) * scale`` per group: the aggregate for ratios.

    ``scale=100`` gives a percentage, ``scale=1000`` a rate per 1,000. ``denominators`` may be
    ``(n,)`` while ``numerators`` is ``(n, k)`` (one population for k indicators). The result is
    ``nan`` where the summed denominator is 0. With ``complete=False`` only children with *both*
    numerator and denominator enter either sum, so numerator and denominator cover the same
    children (otherwise the ratio would divide a part by a whole).
    """
    num = np.asarray(numerators, dtype=np.float64)
    den = np.asarray(denominators, dtype=np.float64)
    if num.ndim == 2 and den.ndim == 1:
        if complete:  # sum the shared denominator once, then broadcast
            den_sum = group_sum(den, groups, n_groups)[:, None]
            num_sum = group_sum(num, groups, n_groups)
            return _divide(num_sum, den_sum, scale)
        den = np.broadcast_to(den[:, None], num.shape)
    if num.shape != den.shape:
        raise ValueError(f"numerators {num.shape} and denominators {den.shape} do not match")
    if not complete:
        missing = np.isnan(num) | np.isnan(den)
        num, den = np.where(missing, np.nan, num), np.where(missing, np.nan, den)
    num_sum = group_sum(num, groups, n_groups, complete=complete)
    den_sum = group_sum(den, groups, n_groups, complete=complete)
    return _divide(num_sum, den_sum, scale)


def _divide(num: FloatArray, den: FloatArray, scale: float) -> FloatArray:
    with np.errstate(divide="ignore", invalid="ignore"):
        out = num / den * scale
    return np.where(den == 0, np.nan, out)


def group_coverage(values: ArrayLike, groups: ArrayLike, n_groups: int) -> FloatArray:
    """Share (0–1) of a group's children that have a value; ``nan`` for a group without children."""
    v, g = _prepare(values, groups, n_groups)
    present = _flat_bincount((~np.isnan(v)).astype(np.float64), g, n_groups)
    n = np.bincount(g, minlength=n_groups).astype(np.float64)[:, None]
    with np.errstate(divide="ignore", invalid="ignore"):
        share = np.where(n > 0, present / n, np.nan)
    return _shape_like(share, values)


def rounding_tolerance(
    n_children: ArrayLike,
    *,
    child_base: int = 5,
    parent_base: int = 5,
    integer_counts: bool = False,
    method: Literal["nearest", "random"] = "nearest",
) -> FloatArray:
    """Largest ``|sum(rounded children) - rounded parent|`` that rounding alone can explain.

    Derivation (``method="nearest"``, the default): rounding to the nearest multiple of ``b``
    moves a value by at most ``b/2``. The true parent equals the sum of its n true children, so
    the sum of the n rounded children is within ``n * child_base / 2`` of it, and the published
    parent within ``parent_base / 2``; by the triangle inequality the difference is at most
    ``(n * child_base + parent_base) / 2``. ``parent_base=1`` describes an exact parent (CBS
    publishes gemeente counts unrounded). ``integer_counts=True`` gives the sharp bound for
    integers, which move by at most ``floor(b/2)`` (2 for b = 5) and not at all for b = 1:
    ``n * floor(child_base/2) + floor(parent_base/2)``.

    ``method="random"``: CBS rounds the KWB counts by *unbiased random rounding*: a value goes up
    or down to a neighbouring multiple of ``b``, with the nearer one more likely, so it can move
    by almost a whole base (an integer by ``b - 1``). The KWB 2024 data show it: a wijk with one
    buurt often differs from that buurt by 5, and a gemeente with one wijk (published exactly)
    differs from the wijk by up to 4. The bound is then ``n * child_base + parent_base``
    (``n * (child_base - 1) + parent_base - 1`` for integers). Use it for CBS comparisons.
    """
    n = np.asarray(n_children, dtype=np.float64)
    if method == "random":
        if integer_counts:
            return n * (child_base - 1) + (parent_base - 1)
        return n * child_base + parent_base
    if method != "nearest":
        raise ValueError(f"unknown rounding method {method!r}")
    if integer_counts:
        return n * (child_base // 2) + parent_base // 2
    return (n * child_base + parent_base) / 2.0


@dataclass(frozen=True, eq=False)
class CheckResult:
    """Outcome of :func:`check_against_published`.

    ``worst`` holds the indices of the (up to ``n_worst``) cells outside the rounding tolerance,
    largest excess first: shape ``(m,)`` for 1-D input, ``(m, ndim)`` otherwise.
    """

    n_compared: int
    n_exact: int
    n_within_rounding: int
    share_exact: float
    share_within: float
    worst: NDArray[np.intp]
    max_abs_diff: float = float("nan")


def check_against_published(
    aggregated: ArrayLike,
    published: ArrayLike,
    n_children: ArrayLike,
    *,
    child_base: int = 5,
    parent_base: int = 5,
    integer_counts: bool = False,
    method: Literal["nearest", "random"] = "nearest",
    n_worst: int = 10,
) -> CheckResult:
    """Compare aggregated parent figures with the published ones, allowing for CBS rounding.

    Only cells where both are present are compared. ``n_children`` is per parent (``(n_groups,)``)
    and broadcasts over indicator columns. A cell is *exact* if the difference is 0 and *within
    rounding* if it is at most :func:`rounding_tolerance` (same keyword arguments). A cell outside
    it is not a rounding effect: a changed division, or people counted in the parent but in no
    child.
    """
    agg = np.asarray(aggregated, dtype=np.float64)
    pub = np.asarray(published, dtype=np.float64)
    if agg.shape != pub.shape:
        raise ValueError(f"aggregated {agg.shape} and published {pub.shape} do not match")
    n = np.asarray(n_children, dtype=np.float64)
    n = n.reshape(n.shape + (1,) * (agg.ndim - n.ndim))
    rules = {"child_base": child_base, "parent_base": parent_base, "method": method}
    tol = np.broadcast_to(rounding_tolerance(n, integer_counts=integer_counts, **rules), agg.shape)
    diff = np.abs(agg - pub)
    ok = ~np.isnan(diff)
    n_compared = int(ok.sum())
    d, t = diff[ok], tol[ok]
    n_exact, n_within = int((d == 0).sum()), int((d <= t).sum())
    flat = np.flatnonzero(ok.ravel())
    order = np.lexsort((flat, -(d - t)))[: min(max(n_worst, 0), n_compared - n_within)]
    worst = flat[order]
    if agg.ndim != 1:
        worst = np.stack(np.unravel_index(worst, agg.shape), axis=-1)
    nan = float("nan")
    return CheckResult(
        n_compared=n_compared,
        n_exact=n_exact,
        n_within_rounding=n_within,
        share_exact=n_exact / n_compared if n_compared else nan,
        share_within=n_within / n_compared if n_compared else nan,
        worst=worst.astype(np.intp),
        max_abs_diff=float(d.max()) if d.size else float("nan"),
    )
