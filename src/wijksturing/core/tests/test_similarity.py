import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from wijksturing.core.similarity import (
    column_stats,
    distinctive_features,
    most_similar,
    standardise_columns,
)
from wijksturing.core.testing import assert_allclose

nan = np.nan


def brute_force(matrix, min_common):
    """Plain-Python reference: RMS z-score difference over common columns (nan: not compared)."""
    z = standardise_columns(matrix)
    n = z.shape[0]
    d = np.full((n, n), nan)
    for i in range(n):
        for j in range(n):
            common = ~np.isnan(z[i]) & ~np.isnan(z[j])
            if i != j and common.sum() >= max(min_common, 1):
                d[i, j] = np.sqrt(np.mean((z[i, common] - z[j, common]) ** 2))
    return d


def full_matrix(neighbours, distances, n):
    d = np.full((n, n), nan)
    rows = np.repeat(np.arange(n), neighbours.shape[1])
    ok = neighbours.ravel() >= 0
    d[rows[ok], neighbours.ravel()[ok]] = distances.ravel()[ok]
    return d


def test_standardise_columns():
    m = np.array([[1.0, 5.0, nan], [3.0, 5.0, nan], [nan, 5.0, 2.0]])
    assert_allclose(standardise_columns(m), [[-1.0, 0.0, nan], [1.0, 0.0, nan], [nan, 0.0, 0.0]])
    _, sd, n = column_stats(np.full((3, 1), 0.1))
    assert sd[0] == 0.0 and n[0] == 3  # constant: exactly 0, not rounding residue


def test_most_similar_hand_example():
    m = np.array([[0.0, 0.0, 0.0], [1.0, 1.0, 1.0], [0.1, 0.0, 0.0], [nan, nan, 5.0]])
    nb, dist = most_similar(m, k_nearest=2, min_common=2, standardise=False)
    assert nb.tolist() == [[2, 1], [2, 0], [0, 1], [-1, -1]]
    assert_allclose(dist[0], [np.sqrt(0.01 / 3), 1.0])
    assert np.isnan(dist[3]).all()


def test_ties_go_to_the_lower_index():
    m = np.array([[0.0, 0.0, 0.0], [1.0, 1.0, 1.0], [-1.0, -1.0, -1.0], [1.0, 1.0, 1.0]])
    nb, _ = most_similar(m, k_nearest=3, standardise=False)
    assert nb[0].tolist() == [1, 2, 3]
    assert nb[1].tolist()[0] == 3  # identical row first, never itself


matrices = st.integers(1, 12).flatmap(
    lambda n: st.integers(1, 6).flatmap(
        lambda k: hnp.arrays(
            np.float64,
            (n, k),
            elements=st.one_of(st.integers(-3, 3).map(float), st.floats(-50, 50), st.just(nan)),
        )
    )
)


@settings(max_examples=200, deadline=None)
@given(matrices, st.integers(1, 4), st.integers(1, 3))
def test_agrees_with_brute_force(m, k_nearest, min_common):
    nb, dist = most_similar(m, k_nearest=k_nearest, min_common=min_common)
    full = brute_force(m, min_common)
    tol = 1e-9
    for i in range(m.shape[0]):
        n_comparable = int((~np.isnan(full[i])).sum())
        n_found = min(n_comparable, k_nearest)
        assert (nb[i, :n_found] >= 0).all() and (nb[i, n_found:] == -1).all()
        assert np.isnan(dist[i, n_found:]).all()
        for r in range(n_found):
            j, d = nb[i, r], dist[i, r]
            assert j != i and abs(full[i, j] - d) <= tol
            assert (full[i] < d - tol).sum() <= r  # nothing clearly nearer was skipped
            assert (full[i] <= d + tol).sum() >= r + 1
        assert np.all(np.diff(dist[i, :n_found]) >= 0)


@settings(max_examples=200, deadline=None)
@given(matrices, st.randoms(use_true_random=False))
def test_distances_symmetric_and_independent_of_order(m, rnd):
    n = m.shape[0]
    nb, dist = most_similar(m, k_nearest=max(n - 1, 1), min_common=1)
    d = full_matrix(nb, dist, n)
    np.testing.assert_array_equal(d, d.T)  # exactly symmetric
    perm = np.array(rnd.sample(range(n), n))
    nb_p, dist_p = most_similar(m[perm], k_nearest=max(n - 1, 1), min_common=1)
    np.testing.assert_array_equal(dist_p, dist[perm])  # bit-identical
    d_p = full_matrix(nb_p, dist_p, n)
    np.testing.assert_array_equal(d_p, d[np.ix_(perm, perm)])


def test_distinctive_features():
    z = np.array([[0.5, -2.0, nan, 2.0, 0.1], [0.0, 0.0, 0.0, 0.0, 0.0]])
    assert distinctive_features(z, 0, top=3) == [(1, -2.0), (3, 2.0), (0, 0.5)]
    assert distinctive_features(z, 0, top=10)[-1] == (4, 0.1)


def test_chunked_equals_unchunked(monkeypatch):
    rng = np.random.default_rng(7)
    m = rng.normal(size=(120, 8))
    m[rng.random(m.shape) < 0.3] = nan
    nb, dist = most_similar(m, k_nearest=6)
    monkeypatch.setattr("wijksturing.core.similarity._CHUNK_CELLS", 120 * 7)  # 7 rows a chunk
    nb_c, dist_c = most_similar(m, k_nearest=6)
    np.testing.assert_array_equal(nb_c, nb)
    np.testing.assert_array_equal(dist_c, dist)
    full = brute_force(m, 3)
    for i in range(m.shape[0]):
        ok = nb[i] >= 0
        assert_allclose(dist[i, ok], full[i, nb[i, ok]], rtol=1e-9)
        assert_allclose(dist[i, ok], np.sort(full[i][~np.isnan(full[i])])[: ok.sum()], rtol=1e-9)
