"""Hypothesis strategies shared by the core tests."""

from __future__ import annotations

import numpy as np
from hypothesis import strategies as st

MAX_BUURTEN = 40


@st.composite
def hierarchies(
    draw: st.DrawFn, *, allow_orphans: bool = False
) -> tuple[np.ndarray, np.ndarray, int, int]:
    """``(buurt_to_wijk, wijk_to_gemeente, n_wijken, n_gemeenten)``; every wijk has a buurt and
    every gemeente a wijk (as in the CBS division); optionally some buurten without a wijk."""
    n_gem = draw(st.integers(1, 4))
    n_wijk = draw(st.integers(n_gem, 10))
    n_buurt = draw(st.integers(n_wijk, MAX_BUURTEN))
    w2g = np.array(
        list(range(n_gem))
        + draw(
            st.lists(st.integers(0, n_gem - 1), min_size=n_wijk - n_gem, max_size=n_wijk - n_gem)
        )
    )
    b2w = np.array(
        list(range(n_wijk))
        + draw(
            st.lists(
                st.integers(0, n_wijk - 1), min_size=n_buurt - n_wijk, max_size=n_buurt - n_wijk
            )
        )
    )
    perm_b = np.array(draw(st.permutations(range(n_buurt))))
    b2w = b2w[perm_b]
    if allow_orphans:
        orphan = np.array(draw(st.lists(st.booleans(), min_size=n_buurt, max_size=n_buurt)))
        b2w = np.where(orphan, -1, b2w)
    return b2w.astype(np.intp), w2g.astype(np.intp), n_wijk, n_gem


def count_matrices(n: int, k: int, *, nan: bool = True) -> st.SearchStrategy[np.ndarray]:
    """Integer-valued float counts (so sums are exact in any order), optionally with nan."""
    element = st.integers(0, 5000).map(float)
    if nan:
        element = st.one_of(element, element, element, st.just(float("nan")))
    return st.lists(element, min_size=n * k, max_size=n * k).map(
        lambda xs: np.array(xs).reshape(n, k)
    )
