import itertools
import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wijksturing.core.classify import (
    classify,
    goodness_of_variance_fit,
    natural_breaks,
    quantile_breaks,
)

values_lists = st.lists(
    st.one_of(st.floats(-1e6, 1e6, allow_nan=False), st.just(float("nan"))), min_size=0, max_size=60
)


def _within_ssd(data, edges):
    data = np.sort(np.asarray(data, dtype=float))
    classes = np.asarray(classify(data, edges))
    return sum(((data[classes == c] - data[classes == c].mean()) ** 2).sum() for c in np.unique(classes))


def test_quantile_breaks_split_evenly():
    edges = quantile_breaks(list(range(1, 101)), 4)
    assert edges == [1.0, 25.0, 50.0, 75.0, 100.0]
    counts = np.bincount(classify(list(range(1, 101)), edges))
    assert counts.tolist() == [25, 25, 25, 25]


def test_natural_breaks_find_obvious_groups():
    data = [1, 2, 3, 50, 51, 52, 100, 101, 102, float("nan")]
    edges = natural_breaks(data, 3)
    assert edges == [1.0, 3.0, 52.0, 102.0]
    assert classify(data, edges) == [0, 0, 0, 1, 1, 1, 2, 2, 2, None]
    assert goodness_of_variance_fit(data, edges) > 0.99


def test_fewer_distinct_values_than_classes():
    assert natural_breaks([5, 5, 7], 5) == [5.0, 5.0, 7.0]  # {5, 5} and {7}
    assert natural_breaks([0, 0, 1, 1, 2], 2) == [0.0, 0.0, 2.0]  # {0, 0} and {1, 1, 2}
    assert quantile_breaks([0, 0, 0, 0, 1, 2], 3) == [0.0, 0.0, 2.0]  # the zeros fill two thirds
    assert natural_breaks([5, 5, 5], 3) == [5.0, 5.0]
    assert quantile_breaks([5, 5, 5], 3) == [5.0, 5.0]
    assert classify([5, 5], [5.0, 5.0]) == [0, 0]


def test_empty_and_bad_input():
    assert natural_breaks([], 4) == [] and quantile_breaks([float("nan")], 4) == []
    assert classify([1.0, 2.0], []) == [None, None]
    with pytest.raises(ValueError, match="at least 1"):
        natural_breaks([1, 2], 0)


def test_values_outside_edges_go_to_the_end_classes():
    assert classify([-10, 0.5, 99], [0.0, 1.0, 2.0]) == [0, 0, 1]


@settings(max_examples=60, deadline=None)
@given(values_lists, st.integers(1, 7))
def test_edges_are_sorted_data_values_and_every_value_gets_a_class(values, k):
    data = [v for v in values if not math.isnan(v)]
    for method in (quantile_breaks, natural_breaks):
        edges = method(values, k)
        if not data:
            assert edges == []
            continue
        assert edges[0] == min(data) and edges[-1] == max(data)
        assert all(a < b for a, b in itertools.pairwise(edges[1:])) and edges[0] <= edges[1]
        counts = np.bincount([c for c in classify(values, edges) if c is not None], minlength=len(edges) - 1)
        assert (counts > 0).all(), 'no class is empty'
        assert len(edges) <= k + 1
        classes = classify(values, edges)
        for v, c in zip(values, classes):
            assert (c is None) == math.isnan(v)
            if c is not None:
                assert 0 <= c < max(len(edges) - 1, 1)
                assert edges[c] <= v <= edges[c + 1] or (c == 0 and v == edges[0])


@settings(max_examples=40, deadline=None)
@given(st.lists(st.integers(0, 50).map(float), min_size=2, max_size=9), st.integers(2, 4))
def test_natural_breaks_are_optimal_against_brute_force(values, k):
    data = sorted(values)
    distinct = sorted(set(data))
    if len(distinct) <= k:
        return
    best = math.inf
    # brute force over every choice of k - 1 inner edges among the distinct values
    for inner in itertools.combinations(distinct[:-1], k - 1):
        best = min(best, _within_ssd(data, [distinct[0], *inner, distinct[-1]]))
    assert _within_ssd(data, natural_breaks(data, k)) == pytest.approx(best, abs=1e-9)


@settings(max_examples=30, deadline=None)
@given(st.lists(st.floats(0, 1000, allow_nan=False), min_size=5, max_size=40), st.integers(2, 6))
def test_natural_breaks_fit_at_least_as_well_as_quantiles(values, k):
    nb = goodness_of_variance_fit(values, natural_breaks(values, k))
    q = goodness_of_variance_fit(values, quantile_breaks(values, k))
    assert nb >= q - 1e-9


def test_order_of_the_areas_does_not_matter():
    rng = np.random.default_rng(1)
    data = rng.lognormal(size=200)
    assert natural_breaks(data, 5) == natural_breaks(rng.permutation(data), 5)
    assert quantile_breaks(data, 5) == quantile_breaks(rng.permutation(data), 5)


def test_large_input_is_sampled_and_still_fits():
    """Above ``max_exact`` values the breaks come from an evenly spaced sample of the sorted data:
    they still span the whole range and fit the full data almost as well as the exact breaks
    (speed is measured in benchmarks/, not here)."""
    data = np.random.default_rng(2).normal(size=3000)
    sampled = natural_breaks(data, 5, max_exact=300)
    exact = natural_breaks(data, 5, max_exact=3000)
    assert len(sampled) == 6 and sampled[0] == data.min() and sampled[-1] == data.max()
    assert sampled != exact  # the sample was used
    assert goodness_of_variance_fit(data, sampled) >= goodness_of_variance_fit(data, exact) - 0.005
