"""The character of a wijk: which wijken are alike, and what sets a wijk apart.

Indicators are first put on one footing by z-scores per column (:func:`standardise_columns`), so
that inhabitants and percentages weigh alike. The distance between two areas is the root mean
square of their z-score differences **over the columns both have**: dividing by the number of
common columns lets an area with gaps be compared fairly with a complete one, and pairs sharing
fewer than ``min_common`` columns are not compared at all (too little to say they are alike).

:func:`most_similar` works on all pairs in row chunks. Pass one finds, per chunk, candidate
neighbours with matrix products (``|a-b|² = a² + b² - 2ab`` over the common columns), with a
rigorous floating-point error margin. Pass two recomputes the candidates' distances directly from
the differences, so the final distances are exactly symmetric, independent of the order of the
areas, and ties are broken by index. Column statistics sum sorted values for the same reason.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike, NDArray

__all__ = ["column_stats", "distinctive_features", "most_similar", "standardise_columns"]

FloatArray = NDArray[np.float64]
_EPS = np.finfo(np.float64).eps
_CHUNK_CELLS = 2_000_000  # rows per chunk × areas: bounds the (chunk, n) temporaries to ~16 MB


def column_stats(matrix: ArrayLike) -> tuple[FloatArray, FloatArray, NDArray[np.intp]]:
    """NaN-aware column mean, standard deviation (``ddof=0``) and count.

    Values are summed in sorted order, so the result does not depend on the order of the rows
    (a permutation of areas gives bit-identical statistics). A column whose present values are all
    equal has sd exactly 0, without rounding residue; columns without values give ``nan``.
    """
    v = np.atleast_2d(np.asarray(matrix, dtype=np.float64))
    present = ~np.isnan(v)
    n = present.sum(axis=0)
    with np.errstate(divide="ignore", invalid="ignore"):
        mean = np.nan_to_num(np.sort(v, axis=0), nan=0.0).sum(axis=0) / n  # nan sorts last
        dev2 = np.where(present, (v - mean) ** 2, np.nan)
        sd = np.sqrt(np.nan_to_num(np.sort(dev2, axis=0), nan=0.0).sum(axis=0) / n)
        constant = np.nanmax(np.where(present, v, -np.inf), axis=0) == np.nanmin(
            np.where(present, v, np.inf), axis=0
        )
    sd = np.where(constant & (n > 0), 0.0, sd)
    return mean, sd, n


def standardise_columns(matrix: ArrayLike) -> FloatArray:
    """z-scores per column, NaN-aware; a constant column becomes 0 where present."""
    v = np.asarray(matrix, dtype=np.float64)
    mean, sd, _ = column_stats(v)
    with np.errstate(divide="ignore", invalid="ignore"):
        z = (v - mean) / np.where(sd > 0, sd, 1.0)
    return np.where(sd > 0, z, np.where(np.isnan(v), np.nan, 0.0))


def most_similar(
    matrix: ArrayLike, *, k_nearest: int = 5, min_common: int = 3, standardise: bool = True
) -> tuple[NDArray[np.intp], FloatArray]:
    """The ``k_nearest`` most similar areas per area.

    Returns ``(neighbours, distances)``, both ``(n, k_nearest)``, nearest first; ``-1`` / ``nan``
    pad rows with fewer comparable areas. The distance is the root mean square of z-score
    differences over the common columns (see the module docstring); an area is never its own
    neighbour; equal distances go to the lower index. ``standardise=False`` skips the z-scores
    when ``matrix`` already holds them.
    """
    z = standardise_columns(matrix) if standardise else np.asarray(matrix, dtype=np.float64)
    if z.ndim != 2:
        raise ValueError("matrix must be 2-D (areas × indicators)")
    n, k = z.shape
    present = ~np.isnan(z)
    z0 = np.where(present, z, 0.0)
    m = present.astype(np.float64)
    sq = z0 * z0
    # Bound on |matrix-product value - direct value| relative to a = Σ (z_i² + z_j²) over common
    # columns: dot products err by at most k·eps·a each; 8(k + 4)·eps is a 2× safety margin.
    rel_tol = 8.0 * (k + 4) * _EPS
    neighbours = np.full((n, k_nearest), -1, dtype=np.intp)
    distances = np.full((n, k_nearest), np.nan)
    if n < 2 or k_nearest < 1:
        return neighbours, distances
    chunk = max(1, _CHUNK_CELLS // n)
    for start in range(0, n, chunk):  # chunks of rows bound the memory; not a loop over areas
        rows = np.arange(start, min(start + chunk, n))
        common = m[rows] @ m.T  # exact: sums of 0/1 products
        a = sq[rows] @ m.T + m[rows] @ sq.T
        approx = a - 2.0 * (z0[rows] @ z0.T)
        valid = common >= max(min_common, 1)
        valid[np.arange(rows.size), rows] = False
        with np.errstate(divide="ignore", invalid="ignore"):
            hi = np.where(valid, (approx + rel_tol * a) / common, np.inf)
            lo = np.where(valid, (approx - rel_tol * a) / common, np.inf)
        kk = min(k_nearest, n)
        bound = np.partition(hi, kk - 1, axis=1)[:, kk - 1]
        ri, cj = np.nonzero(valid & (lo <= bound[:, None] * (1 + 4 * _EPS)))
        ii = rows[ri]
        diff = (z0[ii] - z0[cj]) * (present[ii] & present[cj])
        dist = np.sqrt((diff * diff).sum(axis=1) / common[ri, cj])
        order = np.lexsort((cj, dist, ri))  # per row: nearest first, then lower index
        ri, ii, cj, dist = ri[order], ii[order], cj[order], dist[order]
        rank = np.arange(ri.size) - np.searchsorted(ri, ri, side="left")
        take = rank < k_nearest
        neighbours[ii[take], rank[take]] = cj[take]
        distances[ii[take], rank[take]] = dist[take]
    return neighbours, distances


def distinctive_features(matrix_std: ArrayLike, row: int, top: int = 3) -> list[tuple[int, float]]:
    """The columns where area ``row`` deviates most from the average, as ``(column, z)``.

    ``matrix_std`` holds z-scores, so the average is 0 and ``|z|`` measures how unusual the area
    is on that indicator; the sign says in which direction. Missing columns are skipped; equal
    deviations go to the lower column index.
    """
    z = np.asarray(matrix_std, dtype=np.float64)[row]
    cols = np.flatnonzero(~np.isnan(z))
    order = cols[np.lexsort((cols, -np.abs(z[cols])))][: max(top, 0)]
    return [(int(c), float(z[c])) for c in order]
