"""Aggregation checked against the real CBS Kerncijfers wijken en buurten 2024 (all of NL).

Every buurt count column is aggregated to wijken and the published wijken to gemeenten (parents
from the codes: BU01234567 → WK012345 → GM0123), and compared with the published rows. CBS
rounds buurt and wijk counts to multiples of 5 and publishes gemeente counts exactly, so the
check uses ``child_base=5`` with ``parent_base=5`` (wijk) or ``1`` (gemeente). CBS rounds by
unbiased random rounding (see :func:`~wijksturing.core.aggregation.rounding_tolerance`), so the
assertion uses that model; the share under the nearest-rounding bound is printed as well.
Run with ``-s`` to see the shares.
"""

from __future__ import annotations

import csv
import gzip

import numpy as np
import pytest

from wijksturing.core.aggregation import check_against_published, count_children, group_sum
from wijksturing.core.tests.shared_data import absent, data_file

KWB = data_file("cbs", "kwb_2024_bevolking.csv.gz")
FIRST_COUNT_COLUMN = 5

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not KWB.exists(), reason=absent(KWB)),
]


def parse(cell: str) -> float:
    try:
        return float(cell)
    except ValueError:  # "." or "" = not published
        return np.nan


def load() -> tuple[list[str], dict[str, tuple[list[str], np.ndarray]]]:
    with gzip.open(KWB, "rt", encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh)
        header = next(reader)
        rows: dict[str, list[tuple[str, list[float]]]] = {}
        for row in reader:
            values = [parse(c) for c in row[FIRST_COUNT_COLUMN:]]
            rows.setdefault(row[2], []).append((row[3], values))
    columns = [h.split("/")[-1].removesuffix(" (aantal)") for h in header[FIRST_COUNT_COLUMN:]]
    levels = {
        level: ([code for code, _ in items], np.array([v for _, v in items]))
        for level, items in rows.items()
    }
    return columns, levels


def parents(
    child_codes: list[str], parent_codes: list[str], prefix: str, length: int
) -> np.ndarray:
    position = {code: i for i, code in enumerate(parent_codes)}
    return np.array([position.get(prefix + c[2:length], -1) for c in child_codes], dtype=np.intp)


@pytest.fixture(scope="module")
def kwb():
    return load()


def report(name, columns, codes, agg, pub, n_children, parent_base, record):
    """Print and record the shares under both rounding models; return the CBS (random) check."""
    kw = {"child_base": 5, "parent_base": parent_base}
    nearest = check_against_published(agg, pub, n_children, **kw)
    cbs = check_against_published(agg, pub, n_children, method="random", integer_counts=True, **kw)
    print(
        f"\n{name}: compared {cbs.n_compared}, exact {cbs.share_exact:.4f}, within rounding: "
        f"CBS random rounding {cbs.share_within:.4f}, nearest-rounding bound "
        f"{nearest.share_within:.4f}; max |diff| {cbs.max_abs_diff:g}; outside CBS rounding: "
        f"{sorted({codes[r] for r, _ in cbs.worst})}"
    )
    for j, col in enumerate(columns):
        a = check_against_published(agg[:, j], pub[:, j], n_children, **kw)
        c = check_against_published(
            agg[:, j], pub[:, j], n_children, method="random", integer_counts=True, **kw
        )
        print(
            f"  {col:<30} exact {c.share_exact:.4f}  within {c.share_within:.4f}  nearest {a.share_within:.4f}"
        )
        record(
            f"{name}/{col}",
            {"exact": c.share_exact, "within": c.share_within, "nearest": a.share_within},
        )
    record(
        name,
        {"exact": cbs.share_exact, "within": cbs.share_within, "nearest": nearest.share_within},
    )
    return cbs


def test_hierarchy_is_complete(kwb):
    _, levels = kwb
    b_codes, _ = levels["Buurt"]
    w_codes, _ = levels["Wijk"]
    g_codes, _ = levels["Gemeente"]
    assert (len(b_codes), len(w_codes), len(g_codes)) == (14_574, 3_393, 342)
    assert (parents(b_codes, w_codes, "WK", 8) >= 0).all()
    assert (parents(w_codes, g_codes, "GM", 6) >= 0).all()


def test_buurten_add_up_to_wijken_and_gemeenten(kwb, record_property):
    columns, levels = kwb
    (b_codes, b), (w_codes, w), (g_codes, g) = levels["Buurt"], levels["Wijk"], levels["Gemeente"]
    b2w = parents(b_codes, w_codes, "WK", 8)
    w2g = parents(w_codes, g_codes, "GM", 6)
    b2g = parents(b_codes, g_codes, "GM", 6)

    checks = [
        ("buurt→wijk", w_codes, group_sum(b, b2w, len(w_codes)), w, b2w, 5),
        ("wijk→gemeente", g_codes, group_sum(w, w2g, len(g_codes)), g, w2g, 1),
        ("buurt→gemeente", g_codes, group_sum(b, b2g, len(g_codes)), g, b2g, 1),
    ]
    results = [
        report(
            name, columns, codes, agg, pub, count_children(grp, len(codes)), base, record_property
        )
        for name, codes, agg, pub, grp, base in checks
    ]
    for res in results:
        assert res.n_compared > 0
        assert res.share_within >= 0.99


def test_cbs_rounds_randomly_not_to_the_nearest_five(kwb):
    """The evidence for ``method="random"``: equal true counts published differently."""
    _, levels = kwb
    (b_codes, b), (w_codes, w), (g_codes, g) = levels["Buurt"], levels["Wijk"], levels["Gemeente"]
    b2w = parents(b_codes, w_codes, "WK", 8)
    w2g = parents(w_codes, g_codes, "GM", 6)
    assert not (b % 5).any() and not (w % 5).any()  # all multiples of 5
    single = count_children(b2w, len(w_codes)) == 1  # wijk = its only buurt, same true count
    diff = group_sum(b, b2w, len(w_codes))[single] - w[single]
    assert set(np.unique(diff)) == {-5.0, 0.0, 5.0}
    assert 0.1 < (diff != 0).mean() < 0.5  # nearest rounding would give 0 everywhere
    one_wijk = count_children(w2g, len(g_codes)) == 1  # gemeente exact, wijk rounded
    off = np.abs(group_sum(w, w2g, len(g_codes))[one_wijk] - g[one_wijk])
    print(
        f"\nsingle-buurt wijken differing from their buurt: {(diff != 0).mean():.3f}; "
        f"single-wijk gemeenten off by 3 or 4: {(off >= 3).mean():.3f}"
    )
    assert off.max() == 4 and (off >= 3).any()  # nearest rounding: never more than 2
