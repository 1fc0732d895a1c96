"""Class breaks for choropleth maps: quantiles and natural breaks (Fisher–Jenks).

A thematic map colours each area by the class its value falls in. Both methods return the class
*edges* ``[lowest, b1, …, highest]`` (``k + 1`` numbers for ``k`` classes, fewer when there are
fewer distinct values); class ``i`` holds the values ``edges[i] <= v <= edges[i + 1]`` where a
value on an inner edge belongs to the lower class (``(b_i, b_{i+1}]`` except the first, which is
closed on both sides, so ``[5, 5, 9]`` means "exactly 5" and "above 5 up to 9"). No class is
empty. Missing values (``nan``) get no class.

- :func:`quantile_breaks`: about the same number of areas per class; good for ranking.
- :func:`natural_breaks`: the exact Fisher–Jenks optimum: the division into ``k`` consecutive
  groups of the sorted values with the smallest total within-class sum of squares. Computed by
  dynamic programming with prefix sums in ``O(k·n²)`` over the n distinct values; above ``max_exact`` values it works on a
  regular sample of the sorted values (the edges stay data values, just from the sample).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from numpy.typing import ArrayLike, NDArray

__all__ = ["classify", "goodness_of_variance_fit", "natural_breaks", "quantile_breaks"]


def _clean(values: ArrayLike) -> NDArray[np.float64]:
    data = np.asarray(values, dtype=np.float64).ravel()
    return np.sort(data[~np.isnan(data)])


def _check_k(k: int) -> None:
    if k < 1:
        raise ValueError(f"the number of classes must be at least 1, got {k}")


def quantile_breaks(values: ArrayLike, k: int) -> list[float]:
    """Edges that put about ``len(values) / k`` areas in each class (duplicates merged)."""
    _check_k(k)
    data = _clean(values)
    if data.size == 0:
        return []
    # "inverted_cdf" picks actual data values, so an edge is always a value that occurs.
    edges = np.quantile(data, np.linspace(0, 1, k + 1), method="inverted_cdf")
    edges[0], edges[-1] = data[0], data[-1]
    return _unique(edges)


def natural_breaks(values: ArrayLike, k: int, *, max_exact: int = 3000) -> list[float]:
    """Fisher–Jenks natural breaks: ``k`` classes with the least within-class variance."""
    _check_k(k)
    data = _clean(values)
    if data.size == 0:
        return []
    if data.size > max_exact:
        data = data[np.linspace(0, data.size - 1, max_exact).round().astype(np.intp)]
    distinct = np.unique(data)
    if distinct.size <= k:
        # one class per distinct value
        return [float(distinct[0])] + [float(v) for v in distinct] if distinct.size > 1 else [float(distinct[0])] * 2
    # Work on the distinct values weighted by how often they occur, so that a class boundary
    # never falls between two equal values. Weighted prefix sums give the sum of squared
    # deviations of the group distinct[i:e] in O(1):  S2 - S1² / W  over that range.
    weights = np.unique(data, return_counts=True)[1].astype(np.float64)
    n = distinct.size
    w = np.concatenate([[0.0], np.cumsum(weights)])
    s1 = np.concatenate([[0.0], np.cumsum(weights * distinct)])
    s2 = np.concatenate([[0.0], np.cumsum(weights * distinct * distinct)])

    def ssd(i: NDArray[np.intp], end: int) -> NDArray[np.float64]:
        return np.maximum(s2[end] - s2[i] - (s1[end] - s1[i]) ** 2 / (w[end] - w[i]), 0.0)

    # cost[m, e] = least cost of putting distinct[:e] into m + 1 classes; start[m, e] = where
    # the last of those classes begins.
    cost = np.full((k, n + 1), np.inf)
    start = np.zeros((k, n + 1), dtype=np.intp)
    ends = np.arange(1, n + 1)
    cost[0, 1:] = np.maximum(s2[ends] - s1[ends] ** 2 / w[ends], 0.0)
    for m in range(1, k):
        for end in range(m + 1, n + 1):
            i = np.arange(m, end)  # the last class is distinct[i:end], non-empty
            total = cost[m - 1, i] + ssd(i, end)
            best = int(np.argmin(total))
            cost[m, end] = total[best]
            start[m, end] = i[best]
    cuts: list[int] = []
    end = n
    for m in range(k - 1, 0, -1):
        end = int(start[m, end])
        cuts.append(end)
    cuts.reverse()
    edges = [distinct[0]] + [distinct[c - 1] for c in cuts] + [distinct[-1]]
    return _unique(np.asarray(edges))


def _unique(edges: NDArray[np.float64]) -> list[float]:
    """``[min, inner…, max]`` with no empty class: inner edges strictly increasing and below
    the maximum; the first inner edge may equal the minimum (a class of just that value)."""
    low, high = float(edges[0]), float(edges[-1])
    inner: list[float] = []
    for value in edges[1:-1]:
        value = float(value)
        if value < high and (not inner or value > inner[-1]):
            inner.append(value)
    return [low, *inner, high]


def classify(values: ArrayLike, edges: Sequence[float]) -> list[int | None]:
    """The class (0-based) of each value for the given edges; ``None`` for ``nan`` or no edges.
    Values outside the edges go to the first or last class."""
    data = np.asarray(values, dtype=np.float64).ravel()
    if len(edges) < 2:
        return [None] * data.size
    inner = np.asarray(edges[1:-1], dtype=np.float64)
    # searchsorted 'left': a value equal to an inner edge stays in the lower class
    idx = np.searchsorted(inner, data, side="left")
    return [None if np.isnan(v) else int(c) for v, c in zip(data, idx)]


def goodness_of_variance_fit(values: ArrayLike, edges: Sequence[float]) -> float:
    """1 − (within-class sum of squares / total sum of squares): 1 is a perfect fit."""
    data = _clean(values)
    if data.size == 0:
        return float("nan")
    total = float(((data - data.mean()) ** 2).sum())
    if total == 0:
        return 1.0
    classes = np.asarray(classify(data, edges), dtype=np.intp)
    within = sum(float(((data[classes == c] - data[classes == c].mean()) ** 2).sum()) for c in np.unique(classes))
    return 1.0 - within / total
