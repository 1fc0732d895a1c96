"""Reads of the budgets app: balances per domain, entries, initiatives, and who may see what.

Budgets are public (they are set by the council). Initiatives are public without personal
data; the applicant's contact details are for the area team of that gebied only.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import QuerySet
from django.utils import timezone

from wijksturing.accounts.models import Role
from wijksturing.accounts.selectors import user_has_role
from wijksturing.budgets.arithmetic import Balance, balance, money, total
from wijksturing.budgets.models import BudgetLine, Entry, EntryKind, Initiative
from wijksturing.budgets.workflow import InitiativeStatus, next_statuses

TEAM_ROLES = (Role.ADMINISTRATOR, Role.AREA_TEAM)
PUBLIC_STATUSES = (InitiativeStatus.APPROVED, InitiativeStatus.PAID, InitiativeStatus.ACCOUNTED)


def budget_can_edit(*, user, municipality_code: str, gebied_code: str) -> bool:
    return user_has_role(user=user, municipality_code=municipality_code, roles=TEAM_ROLES, gebied_code=gebied_code)


def budget_can_import(*, user, municipality_code: str) -> bool:
    """May import from the financial system: a team role in the municipality (each row is
    checked against the gebied it names)."""
    return user_has_role(user=user, municipality_code=municipality_code, roles=TEAM_ROLES)


def initiative_can_manage(*, user, initiative: Initiative) -> bool:
    return budget_can_edit(user=user, municipality_code=initiative.municipality.code, gebied_code=initiative.gebied_code)


def budget_years(*, municipality_code: str, gebied_code: str) -> list[int]:
    return sorted(set(
        BudgetLine.objects.filter(municipality__code=municipality_code, gebied_code=gebied_code).values_list("year", flat=True)
    ))


def budget_lines(*, municipality_code: str, gebied_code: str | None = None, year: int | None = None) -> QuerySet[BudgetLine]:
    qs = BudgetLine.objects.filter(municipality__code=municipality_code).select_related("municipality")
    if gebied_code:
        qs = qs.filter(gebied_code=gebied_code)
    if year is not None:
        qs = qs.filter(year=year)
    return qs


@dataclass
class LineBalance:
    line: BudgetLine
    balance: Balance


def _sums(lines) -> dict[int, dict[str, Decimal]]:
    # Summed in Python on Decimals: SQLite's SUM() works in floating point.
    sums: dict[int, dict[str, Decimal]] = {}
    for line_id, kind, amount in Entry.objects.filter(line__in=lines).values_list("line_id", "kind", "amount"):
        per_line = sums.setdefault(line_id, {})
        per_line[kind] = per_line.get(kind, Decimal("0.00")) + money(amount)
    return sums


def budget_overview(*, municipality_code: str, gebied_code: str, year: int) -> tuple[list[LineBalance], Balance]:
    """Per domain the budget, commitments, spending, remaining and warnings, plus the total."""
    lines = list(budget_lines(municipality_code=municipality_code, gebied_code=gebied_code, year=year))
    sums = _sums(lines)
    rows = []
    for line in lines:
        s = sums.get(line.pk, {})
        rows.append(LineBalance(line, balance(line.amount, [
            (EntryKind.COMMITMENT, s.get(EntryKind.COMMITMENT, Decimal(0))),
            (EntryKind.SPENDING, s.get(EntryKind.SPENDING, Decimal(0))),
        ])))
    return rows, total(r.balance for r in rows)


def line_balance(*, line: BudgetLine) -> Balance:
    s = _sums([line]).get(line.pk, {})
    return balance(line.amount, [(k, s.get(k, Decimal(0))) for k in (EntryKind.COMMITMENT, EntryKind.SPENDING)])


def entry_list(*, line: BudgetLine | None = None, municipality_code: str | None = None, gebied_code: str | None = None,
               year: int | None = None) -> QuerySet[Entry]:
    qs = Entry.objects.select_related("line", "goal", "effort", "initiative")
    if line is not None:
        qs = qs.filter(line=line)
    if municipality_code:
        qs = qs.filter(line__municipality__code=municipality_code)
    if gebied_code:
        qs = qs.filter(line__gebied_code=gebied_code)
    if year is not None:
        qs = qs.filter(line__year=year)
    return qs


def goal_money(*, goal_ids: list[int], year: int | None = None) -> dict[int, dict[str, Decimal]]:
    """Commitments and spending per goal (entries linked to the goal or to one of its efforts)."""
    out: dict[int, dict[str, Decimal]] = {}
    qs = Entry.objects.all()
    if year is not None:
        qs = qs.filter(line__year=year)
    direct = qs.filter(goal_id__in=goal_ids).values_list("goal_id", "kind", "amount")
    via_effort = qs.filter(goal__isnull=True, effort__result__goal_id__in=goal_ids).values_list(
        "effort__result__goal_id", "kind", "amount")
    for goal_id, kind, amount in list(direct) + list(via_effort):
        per_goal = out.setdefault(goal_id, {})
        per_goal[kind] = per_goal.get(kind, Decimal("0.00")) + money(amount)
    return out


def initiative_list(*, user=None, municipality_code: str, gebied_code: str | None = None) -> QuerySet[Initiative]:
    """The area team sees every initiative of its gebied; everyone else only decided ones."""
    qs = Initiative.objects.filter(municipality__code=municipality_code).select_related("municipality")
    if gebied_code:
        qs = qs.filter(gebied_code=gebied_code)
        if budget_can_edit(user=user, municipality_code=municipality_code, gebied_code=gebied_code):
            return qs
    return qs.filter(status__in=PUBLIC_STATUSES)


def initiative_next_statuses(*, initiative: Initiative) -> list[str]:
    """The statuses the initiative may move to now, in workflow order."""
    return next_statuses(initiative.status)


def initiative_get(*, pk: int) -> Initiative:
    return Initiative.objects.select_related("municipality", "goal").get(pk=pk)


def initiative_by_token(*, token: str) -> Initiative:
    return Initiative.objects.select_related("municipality").get(token=token)


@dataclass
class BudgetSummary:
    """The budget of one gebied in one year, and its resident initiatives, for a panel."""

    year: int
    total: Balance | None  # None: no budget set for that year
    domain_warnings: list[tuple[BudgetLine, tuple[str, ...]]]  # the lines with a warning
    illustrative: bool
    initiatives: list[Initiative]  # decided (public) ones, newest first
    initiatives_waiting: int | None  # submitted or being assessed; None unless the user manages them


def budget_summary(*, municipality_code: str, gebied_code: str, user=None, year: int | None = None,
                   initiatives: int = 3) -> BudgetSummary:
    """Totals of the gebied's budget in ``year`` (default: this year, else the latest earlier
    year with a budget), domains with a warning, the latest decided initiatives and, for the
    area team of the gebied, how many initiatives wait for a decision."""
    this_year = year or timezone.localdate().year
    years = [y for y in budget_years(municipality_code=municipality_code, gebied_code=gebied_code) if y <= this_year]
    chosen = this_year if year is not None or not years else years[-1]
    rows, total_balance = budget_overview(municipality_code=municipality_code, gebied_code=gebied_code, year=chosen)
    waiting = None
    if budget_can_edit(user=user, municipality_code=municipality_code, gebied_code=gebied_code):
        waiting = Initiative.objects.filter(
            municipality__code=municipality_code, gebied_code=gebied_code,
            status__in=(InitiativeStatus.SUBMITTED, InitiativeStatus.ASSESSING)).count()
    decided = Initiative.objects.filter(municipality__code=municipality_code, gebied_code=gebied_code,
                                        status__in=PUBLIC_STATUSES).only("pk", "title", "status", "amount_granted")
    return BudgetSummary(
        year=chosen, total=total_balance if rows else None,
        domain_warnings=[(r.line, r.balance.warnings) for r in rows if r.balance.warnings],
        illustrative=any(r.line.illustrative for r in rows),
        initiatives=list(decided.order_by("-submitted_at", "-pk")[:initiatives]), initiatives_waiting=waiting,
    )
