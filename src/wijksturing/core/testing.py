"""Public testing helpers for code that uses :mod:`wijksturing.core` (like ``xarray.testing``).

:func:`assert_allclose` compares arrays in which ``nan`` means "missing": the missing cells must
be the same on both sides, and the others must be close. :func:`make_hierarchy` builds a
synthetic but realistically shaped buurt → wijk → gemeente hierarchy for tests and benchmarks.
Only numpy is imported here, so the helpers are usable without test-only dependencies.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike, NDArray

__all__ = ["assert_allclose", "make_hierarchy"]


def assert_allclose(
    actual: ArrayLike,
    desired: ArrayLike,
    *,
    rtol: float = 1e-9,
    atol: float = 0.0,
    err_msg: str = "",
) -> None:
    """Assert equal shapes, ``nan`` in the same places, and the other values close.

    Unlike a bare ``numpy.testing.assert_allclose`` the message says how many cells are missing on
    one side only, which is usually the interesting failure in aggregation code.
    """
    a = np.asarray(actual, dtype=np.float64)
    d = np.asarray(desired, dtype=np.float64)
    prefix = f"{err_msg}: " if err_msg else ""
    if a.shape != d.shape:
        raise AssertionError(f"{prefix}shapes differ: {a.shape} != {d.shape}")
    nan_a, nan_d = np.isnan(a), np.isnan(d)
    if not np.array_equal(nan_a, nan_d):
        only_a, only_d = int((nan_a & ~nan_d).sum()), int((nan_d & ~nan_a).sum())
        where = np.argwhere(nan_a != nan_d)[:5].tolist()
        raise AssertionError(
            f"{prefix}missing values differ: {only_a} nan only in actual, {only_d} only in "
            f"desired (first at {where})"
        )
    np.testing.assert_allclose(a, d, rtol=rtol, atol=atol, equal_nan=True, err_msg=err_msg)


def make_hierarchy(
    n_buurten: int = 14_574,
    n_wijken: int = 3_393,
    n_gemeenten: int = 342,
    *,
    seed: int = 0,
) -> tuple[NDArray[np.intp], NDArray[np.intp]]:
    """Parent arrays ``(buurt_to_wijk, wijk_to_gemeente)`` with every parent non-empty.

    Sizes are skewed like the real country (a few gemeenten with many wijken, many with few):
    each parent first gets one child, the rest are spread with lognormal weights. Defaults are
    the CBS 2024 counts.
    """
    if not n_buurten >= n_wijken >= n_gemeenten >= 1:
        raise ValueError("need n_buurten >= n_wijken >= n_gemeenten >= 1")
    rng = np.random.default_rng(seed)

    def spread(n_children: int, n_parents: int) -> NDArray[np.intp]:
        weights = rng.lognormal(0.0, 1.0, n_parents)
        extra = rng.choice(n_parents, n_children - n_parents, p=weights / weights.sum())
        return np.sort(np.concatenate([np.arange(n_parents), extra])).astype(np.intp)

    return spread(n_buurten, n_wijken), spread(n_wijken, n_gemeenten)
