"""The index on missing dimensions, capped scores, the change measured on the indicators of both
years, and Spearman's rank correlation (the index check)."""

import numpy as np
import pytest

from wijksturing.core.index import IndexSpec, comparable_change, composite, spearman, standardise

NAN = np.nan


def spec(**options) -> IndexSpec:
    # five dimensions a..e, one indicator each, plus a second indicator in a
    rows = [("a1", "a", 1, 1.0), ("a2", "a", 1, 1.0), ("b1", "b", 1, 1.0), ("c1", "c", 1, 1.0),
            ("d1", "d", 1, 1.0), ("e1", "e", 1, 1.0)]
    return IndexSpec.from_records(rows, {d: 1.0 for d in "abcde"}, **options)


def test_an_index_on_fewer_than_three_dimensions_is_not_one_number():
    scores = np.array([
        [110, 120, 90, NAN, NAN, NAN],   # two dimensions: a and b
        [110, NAN, 90, 100, NAN, NAN],   # three: a, b, c
        [NAN, NAN, NAN, NAN, NAN, NAN],  # none
    ], dtype=float)
    result = composite(scores, spec(min_dimensions=3))
    assert np.isnan(result.index[0]) and np.isnan(result.index[2])
    assert result.index[1] == pytest.approx((110 + 90 + 100) / 3)
    # the dimensions of the unpublished index are still there, and say what is missing
    assert result.dimensions[0, 0] == pytest.approx(115) and result.dimensions[0, 1] == pytest.approx(90)
    assert list(result.n_dimensions) == [2, 3, 0]
    assert result.used[0].tolist() == [True, True, True, False, False, False]
    # without the minimum the same scores give a number: the rule is the option, not the data
    assert composite(scores, spec()).index[0] == pytest.approx((115 + 90) / 2)


def test_scores_are_capped_at_three_standard_deviations():
    scores = standardise([100.0, 5000.0, -5000.0], [100.0] * 3, [10.0] * 3, [1, 1, -1], clip=3)
    assert scores.tolist() == [100.0, 130.0, 130.0]
    assert standardise([5000.0], [100.0], [10.0], [1])[0] == pytest.approx(5000.0)


def test_change_is_measured_on_the_indicators_of_both_years_only():
    s = spec(min_dimensions=3)
    prev = np.array([[100, NAN, 100, 100, NAN, NAN]], dtype=float)  # a1, b1, c1
    cur = np.array([[104, 80, 100, 100, 70, 60]], dtype=float)       # a new source adds a2, d1, e1
    change, common = comparable_change(prev, cur, s)
    # only a1 moved (+4) on the common ground a1, b1, c1: the index over a, b, c rises 4/3
    assert change[0] == pytest.approx(4 / 3)
    assert common[0].tolist() == [True, False, True, True, False, False]
    # the plain difference of the two published indexes would have read the new sources as a fall
    assert composite(cur, s).index[0] - composite(prev, s).index[0] < -5
    # common ground on fewer than three dimensions: no trend
    change, _ = comparable_change(np.array([[100, NAN, 100, NAN, NAN, NAN]]), cur, s)
    assert np.isnan(change[0])


def test_spearman_with_ties_and_gaps():
    rho, n = spearman([1, 2, 3, 4, 5], [5, 6, 7, 8, 7])
    assert n == 5 and rho == pytest.approx(8 / np.sqrt(95))  # ranks 1..5 against 1, 2, 3.5, 5, 3.5
    rho, n = spearman([1, 2, NAN, 4, 10], [40, 30, 20, 10, NAN])
    assert n == 3 and rho == pytest.approx(-1.0)
    assert np.isnan(spearman([1, 1, 1], [1, 2, 3])[0])
    assert np.isnan(spearman([1, 2], [2, 1])[0])
    # monotone transforms do not change a rank correlation
    x = np.array([3.0, 1.0, 4.0, 1.5, 9.0, 2.6])
    y = np.array([2.0, 7.0, 1.0, 8.0, 2.5, 0.5])
    assert spearman(np.exp(x), y ** 3)[0] == pytest.approx(spearman(x, y)[0])
