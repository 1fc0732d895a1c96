"""Budget arithmetic in exact decimals (no database)."""

from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wijksturing.budgets.arithmetic import balance, money, total

D = Decimal


C, S = "commitment", "spending"

# Worked out by hand (pen and paper), not with the formula of arithmetic.py:
# (budget, entries) -> (committed, spent, in use, remaining, open commitments, share in use, warnings)
HAND_COMPUTED = [
    pytest.param("1000.00", [(C, "600.00"), (C, "150.25"), (S, "400.00")],
                 ("750.25", "400.00", "750.25", "249.75", "350.25", "0.7503", ()), id="within-budget"),
    pytest.param("500.00", [(C, "100.00"), (S, "600.00")],
                 ("100.00", "600.00", "600.00", "-100.00", "0.00", "1.2000", ("over_spent", "uncommitted_spending")),
                 id="paid-without-commitment"),
    pytest.param("1000.00", [(C, "1000.01")],
                 ("1000.01", "0.00", "1000.01", "-0.01", "1000.01", "1.0000", ("over_committed",)), id="one-cent-over"),
    pytest.param("250.00", [(C, "100.00"), (S, "80.00"), (C, "50.00"), (S, "70.00"), (S, "20.00")],
                 ("150.00", "170.00", "170.00", "80.00", "0.00", "0.6800", ("uncommitted_spending",)),
                 id="paid-more-than-committed"),
    pytest.param("1200.00", [(C, "1500.00"), (S, "1300.00")],
                 ("1500.00", "1300.00", "1500.00", "-300.00", "200.00", "1.2500", ("over_committed", "over_spent")),
                 id="over-everything"),
    pytest.param("300", [(C, "300"), (S, "300")],
                 ("300.00", "300.00", "300.00", "0.00", "0.00", "1.0000", ()), id="exactly-used"),
    pytest.param("99.995", [(C, "0.005")],
                 ("0.01", "0.00", "0.01", "99.99", "0.01", "0.0001", ()), id="cents-rounded-half-up"),
    pytest.param("0.30", [(C, "0.10"), (C, "0.20")],
                 ("0.30", "0.00", "0.30", "0.00", "0.30", "1.0000", ()), id="exact-decimals"),
]


@pytest.mark.parametrize(("budget", "entries", "expected"), HAND_COMPUTED)
def test_balance_matches_the_hand_computed_figures(budget, entries, expected):
    committed, spent, in_use, remaining, open_commitments, share, warnings = expected
    b = balance(budget, entries)
    assert (b.committed, b.spent, b.in_use, b.remaining, b.open_commitments) == (
        D(committed), D(spent), D(in_use), D(remaining), D(open_commitments))
    assert b.share_in_use == D(share)
    assert b.warnings == warnings


def test_total_of_two_rows_by_hand():
    rows = [balance("1000.00", [(C, "600.00"), (C, "150.25"), (S, "400.00")]),
            balance("500.00", [(C, "100.00"), (S, "600.00")])]
    t = total(rows)
    assert (t.budget, t.committed, t.spent, t.in_use, t.remaining) == (
        D("1500.00"), D("850.25"), D("1000.00"), D("1350.25"), D("149.75"))
    # the total is not over budget, but the second row paid without commitment
    assert t.warnings == ("uncommitted_spending",)


def test_bad_input():
    with pytest.raises(TypeError, match="float"):
        money(0.1)
    with pytest.raises(ValueError, match="kind"):
        balance("1", [("loan", "1")])
    assert balance("0", []).share_in_use is None


amounts = st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False, allow_infinity=False)
entries = st.lists(st.tuples(st.sampled_from(["commitment", "spending"]), amounts), max_size=10)


@settings(suppress_health_check=[HealthCheck.too_slow])  # nested lists; slow to generate on a busy machine
@given(st.lists(st.tuples(amounts, entries), max_size=6))
def test_total_is_the_sum_of_its_rows(rows):
    balances = [balance(b, e) for b, e in rows]
    t = total(balances)
    assert t.budget == sum((b.budget for b in balances), D(0))
    assert t.remaining == sum((b.remaining for b in balances), D(0))
    assert t.committed == sum((b.committed for b in balances), D(0))


@given(amounts, entries, st.randoms(use_true_random=False))
def test_order_of_the_entries_does_not_matter(budget, items, rnd):
    shuffled = list(items)
    rnd.shuffle(shuffled)
    assert balance(budget, items) == balance(budget, shuffled)


@given(amounts, entries, amounts, st.sampled_from([C, S]))
def test_splitting_an_amount_in_two_changes_nothing(budget, items, amount, kind):
    half = (amount / 2).quantize(D("0.01"))
    assert balance(budget, [*items, (kind, amount)]) == balance(budget, [*items, (kind, half), (kind, amount - half)])


@given(amounts, amounts, amounts)
def test_paying_an_open_commitment_leaves_the_remainder(budget, committed, paid):
    paid = min(paid, committed)
    before = balance(budget, [(C, committed)])
    after = balance(budget, [(C, committed), (S, paid)])
    assert after.remaining == before.remaining
    assert after.open_commitments == before.open_commitments - paid
    assert "uncommitted_spending" not in after.warnings


@given(amounts, entries, amounts)
def test_a_new_commitment_never_raises_the_remainder(budget, items, amount):
    assert balance(budget, [*items, (C, amount)]).remaining <= balance(budget, items).remaining
