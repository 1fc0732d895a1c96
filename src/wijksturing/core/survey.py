"""Survey figures per area: weighting, weighted estimates with a 95% margin of error, and
suppression of areas with too few respondents. Plain Python and numpy; no Django.

Weighting (:func:`rake`)
    Respondents are weighted to the area's population on one or more variables (in the
    wijkpeiling: age group and sex, from the CBS figures in the monitor). With one variable this
    is post-stratification: every respondent in category ``c`` gets ``N_c / n_c``. With several
    variables, whose joint distribution is not published per wijk, the weights are found by
    raking (iterative proportional fitting): adjust to the first variable's totals, then the
    second's, and so on, until every weighted margin is within ``tol`` of its target.

    A category with population but without respondents cannot be matched; it is left out and
    the population of the remaining categories of that variable is scaled up to the full total,
    so the weights always sum to the population. Respondents whose category is unknown
    (``-1``, "I'd rather not say") keep the mean weight of the known ones: they count as an
    average respondent and do not shift the margins.

Estimates (:func:`estimate`)
    The estimate is the weighted mean ``ȳ = Σ wᵢ yᵢ / Σ wᵢ`` (a proportion is the mean of 0/1
    values). Unequal weights make an estimate less precise than a simple random sample of the
    same size; Kish's approximation expresses that in the *effective sample size*

        n_eff = (Σ wᵢ)² / Σ wᵢ²        and the design effect   deff = n / n_eff  (≥ 1).

    The 95% margin of error is

        moe = z · √( s² / n_eff ),     z = 1.96,
        s² = n / (n − 1) · Σ wᵢ (yᵢ − ȳ)² / Σ wᵢ   (the weighted element variance),

    which for a proportion is ``z · √(p (1 − p) · n / (n − 1) / n_eff)``. With equal weights
    ``n_eff = n`` and this is the textbook margin ``z · s / √n``. No finite-population
    correction is applied (a wijk sample is a small fraction of the wijk), which errs on the
    wide side.

Suppression
    No estimate is published when fewer than ``min_n`` respondents answered the item
    (default 50, configurable per peiling): the value and margin become ``nan`` and
    ``suppressed`` is set, so a page says "too few respondents" instead of "no data".
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray

__all__ = [
    "DEFAULT_MIN_RESPONDENTS", "Z95", "Estimate", "design_effect", "effective_n", "estimate",
    "margin_of_error", "poststratify", "rake", "weighted_mean",
]

DEFAULT_MIN_RESPONDENTS = 50
Z95 = 1.959963984540054  # two-sided 95% quantile of the standard normal distribution

FloatArray = NDArray[np.float64]


def poststratify(categories: ArrayLike, population: ArrayLike) -> FloatArray:
    """Weights for one variable: ``population[c] / (respondents in c)``; see :func:`rake`."""
    return rake([categories], [population])


def rake(categories: Sequence[ArrayLike], populations: Sequence[ArrayLike], *, max_iter: int = 200,
         tol: float = 1e-9) -> FloatArray:
    """Weights (one per respondent) that reproduce the population totals of every variable.

    ``categories[v][i]`` is respondent ``i``'s category (0 … k−1, or −1 for unknown) on
    variable ``v``; ``populations[v][c]`` is the population in category ``c`` of variable
    ``v``. All variables must describe the same total population (they are rescaled to the
    first variable's total otherwise). Raises ``ValueError`` for mismatched lengths or
    negative populations. With no respondent of known category, every respondent gets the
    population divided by the number of respondents.
    """
    if len(categories) != len(populations) or not categories:
        raise ValueError("need one population vector per weighting variable")
    cats = [np.asarray(c, dtype=np.intp) for c in categories]
    pops = [np.asarray(p, dtype=np.float64) for p in populations]
    n = cats[0].shape[0]
    if any(c.shape != (n,) for c in cats):
        raise ValueError("every weighting variable needs one category per respondent")
    for c, p in zip(cats, pops):
        if p.ndim != 1 or np.any(~np.isfinite(p)) or np.any(p < 0):
            raise ValueError("populations must be finite and non-negative")
        if np.any(c >= p.shape[0]) or np.any(c < -1):
            raise ValueError("a category is out of range")
    if n == 0:
        return np.zeros(0)
    total = float(pops[0].sum())
    known = np.all(np.stack([c >= 0 for c in cats]), axis=0)
    weights = np.ones(n)
    if total <= 0 or not known.any():
        return np.full(n, total / n)
    # Targets over the categories that have respondents, scaled up to the whole population.
    targets = []
    for c, p in zip(cats, pops):
        present = np.bincount(c[known], minlength=p.shape[0]) > 0
        covered = float(p[present].sum())
        share = p * (total / covered) if covered > 0 else np.full(p.shape, total / present.sum())
        targets.append(np.where(present, share, 0.0))
    w = np.full(int(known.sum()), total / known.sum())
    known_cats = [c[known] for c in cats]
    for _ in range(max_iter):
        for c, t in zip(known_cats, targets):
            current = np.bincount(c, weights=w, minlength=t.shape[0])
            factor = np.divide(t, current, out=np.ones_like(t), where=current > 0)
            w = w * factor[c]
        worst = max(float(np.max(np.abs(np.bincount(c, weights=w, minlength=t.shape[0]) - t)))
                    for c, t in zip(known_cats, targets))
        if worst <= tol * max(total, 1.0):
            break
    n_unknown = int((~known).sum())
    # Unknown respondents get the mean weight; the known ones are scaled so the sum stays `total`.
    mean_w = total / n
    weights[known] = w * (total - n_unknown * mean_w) / total if n_unknown else w
    weights[~known] = mean_w
    return weights


def weighted_mean(values: ArrayLike, weights: ArrayLike) -> float:
    y, w = _pair(values, weights)
    s = float(w.sum())
    return float(np.dot(w, y) / s) if s > 0 else math.nan


def effective_n(weights: ArrayLike) -> float:
    """Kish's effective sample size ``(Σw)² / Σw²`` (``n`` for equal weights)."""
    w = np.asarray(weights, dtype=np.float64)
    sq = float(np.dot(w, w))
    return float(w.sum()) ** 2 / sq if sq > 0 else 0.0


def design_effect(weights: ArrayLike) -> float:
    """Kish's design effect of weighting, ``n / n_eff = n Σw² / (Σw)²`` (1 for equal weights)."""
    w = np.asarray(weights, dtype=np.float64)
    neff = effective_n(w)
    return w.shape[0] / neff if neff > 0 else math.nan


def margin_of_error(values: ArrayLike, weights: ArrayLike, *, z: float = Z95) -> float:
    """``z · √(s² / n_eff)`` with the weighted element variance ``s²`` (see the module text);
    ``nan`` with fewer than two respondents."""
    y, w = _pair(values, weights)
    n = y.shape[0]
    if n < 2 or w.sum() <= 0:
        return math.nan
    mean = float(np.dot(w, y) / w.sum())
    s2 = float(np.dot(w, (y - mean) ** 2) / w.sum()) * n / (n - 1)
    return z * math.sqrt(s2 / effective_n(w))


@dataclass(frozen=True)
class Estimate:
    """A published figure: ``value`` and ``margin`` are ``nan`` when ``suppressed``."""

    value: float
    margin: float
    n: int
    n_eff: float
    deff: float
    suppressed: bool


def estimate(values: ArrayLike, weights: ArrayLike, *, min_n: int = DEFAULT_MIN_RESPONDENTS, z: float = Z95) -> Estimate:
    """Weighted estimate of the respondents who answered (``nan`` values are left out), its
    95% margin, and suppression when fewer than ``min_n`` answered."""
    y, w = _pair(values, weights)
    answered = ~np.isnan(y)
    y, w = y[answered], w[answered]
    n = int(y.shape[0])
    neff, deff = effective_n(w), design_effect(w) if n else math.nan
    if n < max(min_n, 1):
        return Estimate(math.nan, math.nan, n, neff, deff, True)
    return Estimate(weighted_mean(y, w), margin_of_error(y, w, z=z), n, neff, deff, False)


def _pair(values: ArrayLike, weights: ArrayLike) -> tuple[FloatArray, FloatArray]:
    y = np.asarray(values, dtype=np.float64)
    w = np.asarray(weights, dtype=np.float64)
    if y.shape != w.shape or y.ndim != 1:
        raise ValueError("values and weights need the same length")
    if np.any(w < 0) or np.any(~np.isfinite(w)):
        raise ValueError("weights must be finite and non-negative")
    return y, w
