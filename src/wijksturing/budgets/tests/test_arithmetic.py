"""Budget arithmetic in exact decimals (no database)."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wijksturing.budgets.arithmetic import balance, money, total

D = Decimal


def test_remaining_and_open_commitments():
    b = balance("1000.00", [("commitment", "600.00"), ("commitment", "150.25"), ("spending", "400.00")])
    assert (b.committed, b.spent, b.in_use, b.remaining) == (D("750.25"), D("400.00"), D("750.25"), D("249.75"))
    assert b.open_commitments == D("350.25")
    assert b.warnings == ()
    assert b.share_in_use == D("0.7503")


def test_decimals_are_exact():
    # 0.1 + 0.2 is exactly 0.3 here, unlike in floating point
    b = balance("0.30", [("commitment", "0.10"), ("commitment", "0.20")])
    assert b.remaining == D("0.00") and b.warnings == ()


def test_over_commitment_warns():
    b = balance("1000.00", [("commitment", "1000.01")])
    assert b.warnings == ("over_committed",)
    assert b.remaining == D("-0.01")


def test_spending_without_commitment_uses_budget_and_warns():
    b = balance("500.00", [("commitment", "100.00"), ("spending", "600.00")])
    assert set(b.warnings) == {"over_spent", "uncommitted_spending"}
    assert b.in_use == D("600.00") and b.remaining == D("-100.00")


def test_bad_input():
    with pytest.raises(TypeError, match="float"):
        money(0.1)
    with pytest.raises(ValueError, match="kind"):
        balance("1", [("loan", "1")])
    assert balance("0", []).share_in_use is None


amounts = st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False, allow_infinity=False)
entries = st.lists(st.tuples(st.sampled_from(["commitment", "spending"]), amounts), max_size=10)


@given(st.lists(st.tuples(amounts, entries), max_size=6))
def test_total_is_the_sum_of_its_rows(rows):
    balances = [balance(b, e) for b, e in rows]
    t = total(balances)
    assert t.budget == sum((b.budget for b in balances), D(0))
    assert t.remaining == sum((b.remaining for b in balances), D(0))
    assert t.committed == sum((b.committed for b in balances), D(0))


@given(amounts, entries)
def test_over_committed_exactly_when_commitments_exceed_budget(budget, items):
    b = balance(budget, items)
    assert ("over_committed" in b.warnings) == (b.committed > b.budget)
    assert b.remaining == b.budget - max(b.committed, b.spent)
