"""Benchmarks of the numerical core against plain numpy / shapely baselines.

Run as ``python benchmarks/bench_core.py``. Every line reads
``<name>: <value> <unit> (baseline <value> <unit>, ratio <ratio>)``, with the best of several
runs. The baselines do the same arithmetic without the core's care (no missing-value
semantics, no tie-breaking, no boundary rule), so the ratio is the price of that care.

* ``aggregate_all``: every aggregate of a synthetic national hierarchy (14,574 buurten, 3,393
  wijken, 342 gemeenten; 100 indicators: 60 counts and 40 ratios with numerator and
  denominator; 3 years; 3 % missing), buurt → wijk and buurt → gemeente, against the same sums
  with one flat ``np.bincount`` per array. Target: ratio ≤ 3.
* ``index``: reference + standardise + composite for 14,574 buurten × 40 indicators in
  5 dimensions × 3 years, against z-scores and one weighted matrix product.
* ``similarity``: 5 most similar wijken for 3,393 wijken × 25 indicators, against a plain
  complete-data Euclidean distance matrix and ``argpartition``.
* ``point_lookup``: 1,000,000 random points in the bounding box of the real Arnhem and Nijmegen
  buurten, against a raw ``STRtree.query(points, predicate="intersects")``. Target: ratio ≤ 2.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
import shapely
from shapely.geometry import shape

try:
    import wijksturing.core  # noqa: F401
except ImportError:  # not installed: run from the checkout
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from wijksturing.core.aggregation import compose_parents, group_ratio, group_sum
from wijksturing.core.index import IndexSpec, compute_index, reference
from wijksturing.core.similarity import most_similar
from wijksturing.core.spatial import PointIndex
from wijksturing.core.testing import make_hierarchy

BUURTEN = Path("/work/shared/data/geo/buurten_arnhem_nijmegen.geojson")
YEARS = 3


def best_of(fn: Callable[[], object], repeat: int = 5) -> float:
    fn()  # warm up (BLAS threads, caches)
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def line(name: str, value: float, baseline: float, unit: str = "s") -> None:
    print(
        f"{name}: {value:.4f} {unit} (baseline {baseline:.4f} {unit}, ratio {value / baseline:.2f})"
    )


def flat_bincount(values: np.ndarray, groups: np.ndarray, n: int) -> np.ndarray:
    k = values.shape[1]
    index = (groups[:, None] * k + np.arange(k)).ravel()
    return np.bincount(index, weights=values.ravel(), minlength=n * k).reshape(n, k)


def bench_aggregation(rng: np.random.Generator) -> None:
    b2w, w2g = make_hierarchy(seed=1)
    b2g = compose_parents(b2w, w2g)
    n_w, n_g = int(b2w.max()) + 1, int(w2g.max()) + 1
    n = b2w.size
    data = []
    for _ in range(YEARS):
        counts = rng.poisson(200, (n, 60)).astype(float)
        den = rng.poisson(500, (n, 40)).astype(float) + 1
        num = rng.binomial(den.astype(int), 0.3).astype(float)
        for a in (counts, num, den):
            a[rng.random(a.shape) < 0.03] = np.nan
        data.append((counts, num, den))
    levels = ((b2w, n_w), (b2g, n_g))

    def core() -> None:
        for counts, num, den in data:
            for groups, n_groups in levels:
                group_sum(counts, groups, n_groups)
                group_ratio(num, den, groups, n_groups, scale=100)

    def baseline() -> None:
        for counts, num, den in data:
            for groups, n_groups in levels:
                flat_bincount(counts, groups, n_groups)
                flat_bincount(num, groups, n_groups) / flat_bincount(den, groups, n_groups) * 100

    line("aggregate_all", best_of(core), best_of(baseline))


def bench_index(rng: np.random.Generator) -> None:
    n, k, dims = 14_574, 40, 5
    spec = IndexSpec(
        indicator_codes=tuple(f"i{j}" for j in range(k)),
        directions=rng.choice([-1.0, 1.0], k),
        weights=rng.uniform(0.5, 2.0, k),
        dimension_of=np.arange(k) % dims,
        dimension_codes=tuple(f"d{j}" for j in range(dims)),
        dimension_weights=np.ones(dims),
    )
    years = [rng.normal(50, 10, (n, k)) for _ in range(YEARS)]
    for v in years:
        v[rng.random(v.shape) < 0.05] = np.nan
    city = np.nanmean(years[0], axis=0)
    member = np.zeros((k, dims))
    member[np.arange(k), spec.dimension_of] = spec.weights

    def core() -> None:
        ref_mean, ref_sd = reference(years[0], city)
        for v in years:
            compute_index(v, ref_mean, ref_sd, spec)

    def baseline() -> None:
        sd = np.nanstd(years[0], axis=0)
        for v in years:
            z = np.nan_to_num(100 + 10 * spec.directions * (v - city) / sd, nan=100.0)
            (z @ member / member.sum(axis=0)).mean(axis=1)

    line("index", best_of(core), best_of(baseline))


def bench_similarity(rng: np.random.Generator) -> None:
    n, k, top = 3_393, 25, 5
    matrix = rng.normal(size=(n, k)) @ rng.normal(size=(k, k))  # correlated, like real indicators
    matrix[rng.random(matrix.shape) < 0.05] = np.nan

    def core() -> None:
        most_similar(matrix, k_nearest=top)

    def baseline() -> None:
        z = np.nan_to_num((matrix - np.nanmean(matrix, 0)) / np.nanstd(matrix, 0))
        sq = (z * z).sum(axis=1)
        d = sq[:, None] + sq[None, :] - 2 * z @ z.T
        np.fill_diagonal(d, np.inf)
        np.argpartition(d, top, axis=1)[:, :top]

    line("similarity", best_of(core, 3), best_of(baseline, 3))


def bench_points(rng: np.random.Generator) -> None:
    if not BUURTEN.exists():
        print(f"point_lookup: skipped ({BUURTEN} absent)")
        return
    features = json.loads(BUURTEN.read_text())["features"]
    geoms = [shape(f["geometry"]) for f in features]
    index = PointIndex(geoms, [f["properties"]["statcode"] for f in features])
    minx, miny, maxx, maxy = shapely.total_bounds(geoms)
    x, y = rng.uniform(minx, maxx, 1_000_000), rng.uniform(miny, maxy, 1_000_000)
    tree = shapely.STRtree(geoms)

    def core() -> None:
        index.lookup(x, y)

    def baseline() -> None:
        tree.query(shapely.points(x, y), predicate="intersects")

    line("point_lookup", best_of(core, 3), best_of(baseline, 3))


def main() -> None:
    rng = np.random.default_rng(2024)
    bench_aggregation(rng)
    bench_index(rng)
    bench_similarity(rng)
    bench_points(rng)


if __name__ == "__main__":
    main()
