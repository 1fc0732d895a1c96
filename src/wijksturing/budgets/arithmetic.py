"""Budget arithmetic in exact decimals (no Django, no floats).

Rules (docs/programmes.md, "Area budgets"):

* ``committed`` is the sum of all commitments (verplichtingen), including those since paid;
  ``spent`` is the sum of payments.
* A payment without (enough) commitment still uses budget: the amount in use is
  ``max(committed, spent)``, and ``remaining = budget - in_use`` (negative when overspent).
* Warnings: ``over_committed`` when committed > budget; ``over_spent`` when spent > budget;
  ``uncommitted_spending`` when spent > committed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from wijksturing.core.numbers import parse_decimal

CENT = Decimal("0.01")


def money(value) -> Decimal:
    """A Decimal rounded to cents (half up); refuses floats (they are not exact). A string is
    read by the project's one parser in machine notation (``"1250.505"``; a lone point is the
    decimal point here, as amounts in code and files of computed figures are written)."""
    if isinstance(value, float):
        raise TypeError("money must not be a float; pass a Decimal, int or string")
    if isinstance(value, str):
        parsed = parse_decimal(value, decimal=".")
        if parsed is None:
            raise ValueError("money needs an amount, got an empty string")
        value = parsed
    return Decimal(value).quantize(CENT, rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class Balance:
    budget: Decimal
    committed: Decimal
    spent: Decimal
    in_use: Decimal
    warnings: tuple[str, ...] = field(default=())

    @property
    def remaining(self) -> Decimal:
        return self.budget - self.in_use

    @property
    def open_commitments(self) -> Decimal:
        return max(self.committed - self.spent, Decimal("0.00"))

    @property
    def share_in_use(self) -> Decimal | None:
        """In-use as a share of the budget (0..), None for a budget of zero."""
        return None if self.budget == 0 else (self.in_use / self.budget).quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP)


def balance(budget, entries: Iterable[tuple[str, object]]) -> Balance:
    """``entries`` are ``(kind, amount)`` with kind ``commitment`` or ``spending``."""
    committed = spent = Decimal("0.00")
    for kind, amount in entries:
        value = money(amount)
        if kind == "commitment":
            committed += value
        elif kind == "spending":
            spent += value
        else:
            raise ValueError(f"kind must be 'commitment' or 'spending', got {kind!r}")
    budget = money(budget)
    return Balance(budget, committed, spent, max(committed, spent), _warnings(budget, committed, spent))


def _warnings(budget: Decimal, committed: Decimal, spent: Decimal) -> tuple[str, ...]:
    warnings = []
    if committed > budget:
        warnings.append("over_committed")
    if spent > budget:
        warnings.append("over_spent")
    if spent > committed:
        warnings.append("uncommitted_spending")
    return tuple(warnings)


def total(balances: Iterable[Balance]) -> Balance:
    """The sum of several balances (e.g. all domains of a gebied in a year). ``in_use`` and so
    ``remaining`` are the sums of the parts, so the total always equals the sum of its rows."""
    items = list(balances)
    zero = Decimal("0.00")
    budget = sum((b.budget for b in items), zero)
    committed = sum((b.committed for b in items), zero)
    spent = sum((b.spent for b in items), zero)
    in_use = sum((b.in_use for b in items), zero)
    return Balance(budget, committed, spent, in_use, _warnings(budget, committed, spent))
