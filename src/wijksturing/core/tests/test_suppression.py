import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from wijksturing.core.suppression import differencing_risk, round_to, suppress
from wijksturing.core.testing import assert_allclose

nan = np.nan


def test_suppress_hides_small_bases_and_flags_them():
    public, mask = suppress([0.5, 0.2, 0.3, 0.4], [100, 9, 10, nan], threshold=10)
    assert_allclose(public, [0.5, nan, 0.3, nan])
    assert mask.tolist() == [False, True, False, True]  # unknown base: hidden


def test_suppress_broadcasts_base_over_columns():
    values = np.array([[1.0, 2.0], [3.0, 4.0]])
    public, mask = suppress(values, np.array([5, 50]), threshold=10)
    assert_allclose(public, [[nan, nan], [3.0, 4.0]])
    assert mask.tolist() == [[True, True], [False, False]]


finite = st.floats(-1e9, 1e9, allow_nan=False)


@settings(max_examples=200, deadline=None)
@given(
    hnp.arrays(np.float64, st.integers(0, 30), elements=st.one_of(finite, st.just(nan))),
    st.data(),
    st.floats(0, 1e4),
)
def test_suppression_never_reveals_a_value_under_the_threshold(values, data, threshold):
    base = data.draw(
        hnp.arrays(np.float64, values.shape, elements=st.one_of(st.floats(0, 1e5), st.just(nan)))
    )
    public, mask = suppress(values, base, threshold)
    safe = base >= threshold
    assert np.all(np.isnan(public[~safe]))
    assert np.array_equal(mask, ~safe)
    np.testing.assert_array_equal(public[safe], values[safe])


def test_differencing_risk_flags_parents_with_one_hidden_child():
    mask = np.array([True, False, False, True, True, False])
    groups = np.array([0, 0, 1, 1, 1, -1])
    assert differencing_risk(mask, groups, 3).tolist() == [True, False, False]
    two_d = differencing_risk(np.stack([mask, ~mask], axis=1), groups, 3)
    assert two_d.tolist() == [[True, True], [False, True], [False, False]]


def test_round_to_half_away_from_zero():
    assert_allclose(round_to([0, 2, 3, 7.5, 12, 12.5, -12.5, nan]), [0, 0, 5, 10, 10, 15, -15, nan])
    assert_allclose(round_to([14, 15, 16], base=10), [10, 20, 20])
    with pytest.raises(ValueError):
        round_to([1.0], base=0)


def test_random_rounding_is_unbiased_and_stays_within_one_base():
    rng = np.random.default_rng(0)
    values = np.full(20_000, 1001.0)
    rounded = round_to(values, 5, rng=rng)
    assert set(np.unique(rounded)) == {1000.0, 1005.0}
    assert abs(rounded.mean() - 1001.0) < 0.1  # P(up) = 1/5
    assert_allclose(round_to([nan, 10.0], 5, rng=rng), [nan, 10.0])
