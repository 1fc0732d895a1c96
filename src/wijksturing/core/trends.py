"""Change over time: absolute change, least-squares trend, and signal flags.

All functions are NaN-aware: a missing value never becomes a change of zero, and a trend uses
only the years an area has a value for.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike, NDArray

__all__ = ["change", "flags", "slope"]

FloatArray = NDArray[np.float64]


def change(prev: ArrayLike, cur: ArrayLike) -> FloatArray:
    """Absolute change ``cur - prev``; ``nan`` where either year is missing."""
    return np.asarray(cur, dtype=np.float64) - np.asarray(prev, dtype=np.float64)


def slope(years: ArrayLike, values: ArrayLike) -> FloatArray:
    """Ordinary least-squares slope per area (change per year), over the years with a value.

    ``years`` is ``(t,)``, ``values`` ``(n, t)`` (or ``(t,)`` for one area). For each row the
    slope is ``sum((x - x̄)(y - ȳ)) / sum((x - x̄)²)`` with the means taken over that row's
    available points, so gaps shift nothing. ``nan`` if fewer than two distinct years are
    available. Unlike "last minus first", it uses every year and is less sensitive to one
    noisy year.
    """
    x = np.asarray(years, dtype=np.float64)
    y = np.asarray(values, dtype=np.float64)
    one = y.ndim == 1
    y = np.atleast_2d(y)
    if y.shape[1] != x.shape[0]:
        raise ValueError(f"values {y.shape} do not have one column per year ({x.shape[0]})")
    present = ~np.isnan(y)
    n = present.sum(axis=1)
    with np.errstate(divide="ignore", invalid="ignore"):
        xm = (present * x).sum(axis=1) / n
        ym = np.where(present, y, 0.0).sum(axis=1) / n
        dx = np.where(present, x - xm[:, None], 0.0)
        dy = np.where(present, y - ym[:, None], 0.0)
        sxx = (dx * dx).sum(axis=1)
        out = (dx * dy).sum(axis=1) / sxx
    out = np.where((n >= 2) & (sxx > 0), out, np.nan)
    return out[0] if one else out


def flags(
    index_cur: ArrayLike,
    city_cur: ArrayLike,
    index_prev: ArrayLike,
    years_between: ArrayLike,
    *,
    behind_margin: float = 10.0,
    fall_per_year: float = 3.0,
) -> tuple[NDArray[np.bool_], NDArray[np.bool_]]:
    """Flag areas that lag behind the city or are falling fast.

    * ``behind``: the index is more than ``behind_margin`` points below the city's value
      (``city_cur`` a scalar or per area);
    * ``falling``: ``(index_prev - index_cur) / years_between > fall_per_year``.

    A missing value never raises a flag. The defaults are **municipal choices**, not facts: with
    the index scaled so that 10 points is one standard deviation between areas (see
    :mod:`wijksturing.core.index`), 10 points behind means one standard deviation below the city,
    and 3 points a year is a fall of 0.3 standard deviation a year, about a full standard deviation
    over a council term. A gemeente sets its own margins.
    """
    cur = np.asarray(index_cur, dtype=np.float64)
    city = np.asarray(city_cur, dtype=np.float64)
    prev = np.asarray(index_prev, dtype=np.float64)
    years = np.asarray(years_between, dtype=np.float64)
    behind = cur < city - behind_margin
    with np.errstate(divide="ignore", invalid="ignore"):
        per_year = (prev - cur) / years
    falling = (per_year > fall_per_year) & (years > 0)
    return np.asarray(behind, dtype=bool), np.asarray(falling, dtype=bool)
