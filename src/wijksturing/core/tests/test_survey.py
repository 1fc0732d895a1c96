"""Weighting, margins and suppression of survey estimates (wijkpeiling)."""

import math

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from wijksturing.core.survey import (
    DEFAULT_MIN_RESPONDENTS,
    Z95,
    design_effect,
    effective_n,
    estimate,
    margin_of_error,
    poststratify,
    rake,
    weighted_mean,
)

# --- a small example, computed by hand -------------------------------------------------------
# Four respondents, one per cell: (man, young), (man, old), (woman, young), (woman, old).
# Population: 60 men and 40 women; 30 young and 70 old (100 in total).
# Raking, first sweep. Sex: the two men share 60 (30 each), the two women 40 (20 each).
# Age: the young now sum to 30 + 20 = 50 but should be 30 (factor 0.6), the old 50 -> 70 (1.4):
#   man-young 30·0.6 = 18, man-old 30·1.4 = 42, woman-young 20·0.6 = 12, woman-old 20·1.4 = 28.
# Sex is then 18 + 42 = 60 and 12 + 28 = 40 again: converged after one sweep.
SEX = [0, 0, 1, 1]
AGE = [0, 1, 0, 1]
HAND_WEIGHTS = [18.0, 42.0, 12.0, 28.0]
MARKS = [8.0, 6.0, 7.0, 5.0]


def test_rake_hand_example():
    w = rake([SEX, AGE], [[60, 40], [30, 70]])
    np.testing.assert_allclose(w, HAND_WEIGHTS, rtol=1e-9)


def test_estimate_hand_example():
    # mean  = (18·8 + 42·6 + 12·7 + 28·5) / 100 = (144 + 252 + 84 + 140) / 100 = 6.2
    # n_eff = 100² / (18² + 42² + 12² + 28²) = 10000 / 3016 = 3.31565…
    # s²    = 4/3 · (18·1.8² + 42·0.2² + 12·0.8² + 28·1.2²) / 100 = 4/3 · 1.08 = 1.44
    # moe   = 1.96 · √(1.44 / 3.31565) = 1.96 · 0.659022 = 1.2917
    assert weighted_mean(MARKS, HAND_WEIGHTS) == pytest.approx(6.2)
    assert effective_n(HAND_WEIGHTS) == pytest.approx(10000 / 3016)
    assert design_effect(HAND_WEIGHTS) == pytest.approx(4 * 3016 / 10000)
    assert margin_of_error(MARKS, HAND_WEIGHTS, z=1.96) == pytest.approx(1.29168, abs=1e-4)
    e = estimate(MARKS, HAND_WEIGHTS, min_n=4)
    assert (e.value, e.n, e.suppressed) == (pytest.approx(6.2), 4, False)


def test_poststratify_hand_example():
    # 1 man and 3 women, population 50/50: the man weighs 50, each woman 50/3.
    np.testing.assert_allclose(poststratify([0, 1, 1, 1], [50, 50]), [50, 50 / 3, 50 / 3, 50 / 3])


def test_margin_of_a_proportion_is_the_textbook_formula_with_equal_weights():
    # 400 respondents, 100 say yes: p = 0.25, moe = 1.96 · √(p(1−p)/(n−1)) (s² with n/(n−1))
    y = np.array([1.0] * 100 + [0.0] * 300)
    expected = Z95 * math.sqrt(0.25 * 0.75 / 399)
    assert margin_of_error(y, np.ones(400)) == pytest.approx(expected)
    assert expected == pytest.approx(0.04249, abs=1e-5)


def test_empty_category_is_left_out_and_the_total_kept():
    # nobody old answered: the young stand for the whole population of 100
    w = rake([[0, 0]], [[40, 60]])
    np.testing.assert_allclose(w, [50, 50])


def test_unknown_category_gets_the_mean_weight():
    w = rake([[0, 1, -1]], [[10, 50]])
    assert w.sum() == pytest.approx(60)
    assert w[2] == pytest.approx(20)
    assert w[1] / w[0] == pytest.approx(5)


def test_rake_rejects_bad_input():
    with pytest.raises(ValueError):
        rake([[0, 1]], [[1, -1]])
    with pytest.raises(ValueError):
        rake([[0, 2]], [[1, 1]])
    with pytest.raises(ValueError):
        rake([[0, 1], [0]], [[1, 1], [1, 1]])


# --- the suppression rule -----------------------------------------------------------------------

def test_suppression_default_is_50():
    assert DEFAULT_MIN_RESPONDENTS == 50
    assert estimate(np.ones(49), np.ones(49)).suppressed
    assert not estimate(np.ones(50), np.ones(50)).suppressed


def test_suppression_counts_only_who_answered_the_item():
    y = np.array([7.0] * 50 + [np.nan] * 10)
    assert estimate(y, np.ones(60), min_n=51).suppressed
    e = estimate(y, np.ones(60), min_n=50)
    assert (e.n, e.value) == (50, 7.0)


@given(n=st.integers(0, 120), min_n=st.integers(1, 100))
def test_suppressed_exactly_when_too_few(n, min_n):
    e = estimate(np.full(n, 3.0), np.ones(n), min_n=min_n)
    assert e.suppressed == (n < min_n)
    assert math.isnan(e.value) == e.suppressed
    assert math.isnan(e.margin) == (e.suppressed or n < 2)


# --- properties --------------------------------------------------------------------------------

samples = st.integers(2, 60).flatmap(
    lambda n: st.tuples(
        st.lists(st.integers(0, 1), min_size=n, max_size=n),
        st.lists(st.integers(0, 3), min_size=n, max_size=n),
        st.lists(st.floats(1, 10), min_size=n, max_size=n),
    )
)
populations = st.tuples(
    st.lists(st.integers(1, 5000), min_size=2, max_size=2),
    st.lists(st.integers(1, 5000), min_size=4, max_size=4),
)


@settings(max_examples=150, deadline=None)
@given(sample=samples, pops=populations)
def test_raked_weights_reproduce_the_population(sample, pops):
    sex, age, _ = sample
    # raking converges when the sample has every cell the population has: start with all 8
    sex = [0, 0, 0, 0, 1, 1, 1, 1] + sex
    age = [0, 1, 2, 3, 0, 1, 2, 3] + age
    pop_sex, pop_age = pops
    # the margins must describe one population: scale the age groups to the sexes' total
    total = sum(pop_sex)
    pop_age = [a * total / sum(pop_age) for a in pop_age]
    w = rake([sex, age], [pop_sex, pop_age])
    assert np.all(w > 0)
    assert w.sum() == pytest.approx(total, rel=1e-9)
    tolerance = 1e-6 * total
    np.testing.assert_allclose(np.bincount(sex, weights=w, minlength=2), pop_sex, atol=tolerance)
    np.testing.assert_allclose(np.bincount(age, weights=w, minlength=4), pop_age, atol=tolerance)


@given(sample=samples)
def test_a_proportional_sample_gets_equal_weights(sample):
    sex, _, _ = sample
    assume(len(set(sex)) == 2)
    counts = np.bincount(sex, minlength=2)
    w = poststratify(sex, counts * 7)
    np.testing.assert_allclose(w, np.full(len(sex), 7.0))
    assert design_effect(w) == pytest.approx(1.0)


@given(sample=samples, pops=populations)
def test_effective_n_and_design_effect_bounds(sample, pops):
    sex, _, _ = sample
    w = poststratify(sex, pops[0])
    n = len(sex)
    assert 0 < effective_n(w) <= n * (1 + 1e-9)
    assert design_effect(w) >= 1 - 1e-9


@given(sample=samples, pops=populations)
def test_estimate_lies_within_the_answers_and_margin_matches_the_formula(sample, pops):
    sex, _, y = sample
    w = poststratify(sex, pops[0])
    e = estimate(y, w, min_n=1)
    assert min(y) - 1e-9 <= e.value <= max(y) + 1e-9
    y_, w_ = np.array(y), w
    mean = np.dot(w_, y_) / w_.sum()
    s2 = np.dot(w_, (y_ - mean) ** 2) / w_.sum() * len(y) / (len(y) - 1)
    assert e.margin == pytest.approx(Z95 * math.sqrt(s2 / (w_.sum() ** 2 / np.dot(w_, w_))), rel=1e-9, abs=1e-12)


@given(p=st.integers(1, 99), k=st.integers(1, 8))
def test_margin_shrinks_as_the_sample_grows(p, k):
    small = np.array([1.0] * p + [0.0] * (100 - p))
    large = np.tile(small, k + 1)
    assert margin_of_error(large, np.ones(large.size)) < margin_of_error(small, np.ones(small.size))


@given(sample=samples, scale=st.floats(0.01, 1000))
def test_estimate_does_not_depend_on_the_scale_of_the_weights(sample, scale):
    sex, _, y = sample
    w = poststratify(sex, [3, 5])
    a, b = estimate(y, w, min_n=1), estimate(y, w * scale, min_n=1)
    assert a.value == pytest.approx(b.value)
    assert a.margin == pytest.approx(b.margin, nan_ok=True)
