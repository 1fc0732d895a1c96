import numpy as np
import pytest

from wijksturing.core.testing import assert_allclose, make_hierarchy


def test_assert_allclose_nan_positions_must_match():
    assert_allclose([1.0, np.nan], [1.0 + 1e-12, np.nan])
    with pytest.raises(AssertionError, match="missing values differ"):
        assert_allclose([1.0, np.nan], [1.0, 2.0])
    with pytest.raises(AssertionError, match="shapes differ"):
        assert_allclose([1.0], [1.0, 2.0])
    with pytest.raises(AssertionError):
        assert_allclose([1.0], [1.1])


def test_make_hierarchy_has_no_empty_parents():
    b2w, w2g = make_hierarchy(500, 120, 10, seed=3)
    assert b2w.shape == (500,) and w2g.shape == (120,)
    assert np.all(np.bincount(b2w, minlength=120) > 0)
    assert np.all(np.bincount(w2g, minlength=10) > 0)
