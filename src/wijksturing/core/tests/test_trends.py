import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from wijksturing.core.testing import assert_allclose
from wijksturing.core.trends import change, flags, slope

nan = np.nan


def test_change_is_nan_aware():
    assert_allclose(change([10.0, nan, 5.0], [12.0, 3.0, nan]), [2.0, nan, nan])


def test_slope_uses_available_points():
    years = np.array([2020, 2021, 2022, 2023])
    values = np.array(
        [
            [1.0, 2.0, 3.0, 4.0],  # +1 a year
            [10.0, nan, 6.0, nan],  # two points: (6 - 10) / 2
            [nan, nan, 5.0, nan],  # one point: no trend
            [2.0, 4.0, 2.0, 4.0],  # least squares: 0.4
        ]
    )
    assert_allclose(slope(years, values), [1.0, -2.0, nan, 0.4])
    assert slope(years, values[0]) == 1.0


@settings(max_examples=100, deadline=None)
@given(
    st.lists(st.floats(-1e3, 1e3), min_size=2, max_size=8), st.floats(-10, 10), st.floats(-1e3, 1e3)
)
def test_slope_of_a_line_is_its_slope(years_offsets, b, a):
    years = 2000 + np.unique(np.round(np.array(years_offsets)))
    if years.size < 2:
        return
    assert_allclose(slope(years, a + b * years), b, atol=1e-6, rtol=1e-6)


def test_flags():
    behind, falling = flags(
        index_cur=np.array([85.0, 95.0, 100.0, nan, 89.9]),
        city_cur=100.0,
        index_prev=np.array([85.0, 105.0, 104.0, 90.0, nan]),
        years_between=2,
    )
    assert behind.tolist() == [True, False, False, False, True]
    assert falling.tolist() == [False, True, False, False, False]  # 5/year > 3; 2/year is not
    _, none = flags(np.array([80.0]), 100.0, np.array([100.0]), 0)
    assert none.tolist() == [False]
