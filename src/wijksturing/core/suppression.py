"""Small-number protection for figures shown to the public.

A percentage of a buurt with 12 inhabitants can point at a person, and it is statistically
meaningless anyway. :func:`suppress` hides (sets to ``nan``) every value whose *base* is below a
threshold and returns a mask of what was hidden, so the interface can say "hidden: too few"
rather than "no data". The caller chooses the base: the population or denominator behind a
ratio, or the count itself for a count. A missing base counts as below the threshold: a value
is shown only when it is known to be safe.

Hiding a cell is not always enough: if a wijk total is published and exactly one of its buurten
is hidden, that buurt is the wijk minus the others. :func:`differencing_risk` finds those
parents, so the caller can hide a second buurt or the parent as well (secondary suppression).

:func:`round_to` rounds counts to multiples of 5, as CBS does for wijken and buurten, for counts
that are shown publicly (optional, a municipal choice): to the nearest multiple, or by unbiased
random rounding as CBS itself does.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike, NDArray

__all__ = ["differencing_risk", "round_to", "suppress"]


def _broadcast_base(base: NDArray[np.float64], shape: tuple[int, ...]) -> NDArray[np.float64]:
    """A base of shape (n,) applies to every column of values of shape (n, k)."""
    if base.ndim == 1 and len(shape) == 2 and base.shape[0] == shape[0]:
        base = base[:, None]
    return np.broadcast_to(base, shape)


def suppress(
    values: ArrayLike, base: ArrayLike, threshold: float
) -> tuple[NDArray[np.float64], NDArray[np.bool_]]:
    """Hide values whose base is below ``threshold`` (or unknown).

    Returns ``(public_values, suppressed_mask)``: ``public_values`` is a copy with ``nan`` where
    ``suppressed_mask`` is true. ``base`` is ``(n,)`` or the shape of ``values``; a ``(n,)`` base
    applies to all columns of ``(n, k)`` values.
    """
    v = np.asarray(values, dtype=np.float64)
    b = _broadcast_base(np.asarray(base, dtype=np.float64), v.shape)
    mask = ~(b >= threshold)  # nan base → hidden
    return np.where(mask, np.nan, v), np.array(mask, dtype=bool)


def differencing_risk(
    suppressed_mask: ArrayLike, groups: ArrayLike, n_groups: int
) -> NDArray[np.bool_]:
    """Parents with exactly one hidden child: that child follows from parent minus the others.

    ``suppressed_mask`` is ``(n,)`` or ``(n, k)``; the result has the matching parent shape. It is
    only a risk where the parent and the other children are published.
    """
    m = np.asarray(suppressed_mask, dtype=bool)
    g = np.asarray(groups, dtype=np.intp)
    keep = g >= 0
    m2, g = m[keep].reshape(int(keep.sum()), -1), g[keep]
    k = m2.shape[1]
    index = (g[:, None] * k + np.arange(k)).ravel()
    hidden = np.bincount(index, weights=m2.ravel(), minlength=n_groups * k).reshape(n_groups, k)
    risk = hidden == 1
    return risk[:, 0] if m.ndim == 1 else risk


def round_to(
    values: ArrayLike, base: int = 5, *, rng: np.random.Generator | None = None
) -> NDArray[np.float64]:
    """Round to a multiple of ``base``; ``nan`` stays ``nan``.

    Without ``rng``: to the nearest multiple, halves away from zero (``numpy.round`` would round
    halves to even, so 2.5 and 7.5 differently). With ``rng``: unbiased random rounding, as CBS
    does for the KWB: down or up to a neighbouring multiple, with probability proportional to
    closeness, so the expected value is the true value and totals of rounded figures are
    unbiased; the same figure may then be published as two different multiples.
    """
    v = np.asarray(values, dtype=np.float64)
    if base <= 0:
        raise ValueError("base must be positive")
    if rng is None:
        return np.sign(v) * np.floor(np.abs(v) / base + 0.5) * base
    low = np.floor(v / base)
    up = rng.random(v.shape) < (v / base - low)
    return (low + up) * base
