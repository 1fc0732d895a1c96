"""Outcomes computed by pabutools 1.2.3 (GPL, a test-only dependency) for comparison.

``reference_outcome(election, rule, tie_break)`` builds the pabutools instance and profile that
match our definitions and runs pabutools' own functions:

* approval: ``Cost_Sat`` for MES, greedy by number of approvals (= ``Cost_Sat`` density);
* points and rankings: a ``CumulativeProfile`` with the points (a ranking of n -> n..1), MES with
  ``Additive_Cardinal_Sat``, greedy with a satisfaction "points x cost" so its density is the points;
* integer voter weights become repeated ballots;
* ``mes-add1`` is ``method_of_equal_shares(..., voter_budget_increment=1)``, ``mes-add1-greedy`` is
  ``completion_by_rule_combination`` of that and the greedy rule. ``mes-add1-full`` has no
  pabutools call: :func:`add1_full` steps ``method_of_equal_shares`` with ``initial budget + k``.
"""

from __future__ import annotations

from fractions import Fraction

import pytest

from wijksturing.core.pb.model import Election, vote_points

pb = pytest.importorskip("pabutools", reason="pabutools (test-only reference library) is not installed")
from gmpy2 import mpq  # noqa: E402
from pabutools.election import (  # noqa: E402
    Additive_Cardinal_Sat,
    AdditiveSatisfaction,
    ApprovalBallot,
    ApprovalProfile,
    Cost_Sat,
    CumulativeBallot,
    CumulativeProfile,
    Instance,
    Project,
)
from pabutools.fractions import frac  # noqa: E402
from pabutools.rules import (  # noqa: E402
    completion_by_rule_combination,
    greedy_utilitarian_welfare,
    method_of_equal_shares,
)
from pabutools.rules.mes.mes_rule import method_of_equal_shares_scheme  # noqa: E402
from pabutools.tiebreaking import TieBreakingRule, lexico_tie_breaking  # noqa: E402


class PointsTimesCost(AdditiveSatisfaction):
    """Greedy density = points (total satisfaction points x cost divided by cost)."""

    def __init__(self, instance, profile, ballot):
        super().__init__(instance, profile, ballot, lambda i, p, b, proj, pre: b.get(proj, 0) * proj.cost)


def _q(x) -> object:
    f = Fraction(x)
    return int(f) if f.denominator == 1 else mpq(f.numerator, f.denominator)


def build(election: Election):
    projects = {p.id: Project(p.id, _q(p.cost)) for p in election.projects}
    instance = Instance(projects.values(), budget_limit=_q(election.budget))
    ballots = []
    for b in election.ballots:
        w = Fraction(b.weight)
        assert w.denominator == 1, "reference needs integer weights"
        pts = vote_points(election, b)
        for _ in range(int(w)):
            if election.vote_type in ("approval", "choose-1"):
                ballots.append(ApprovalBallot({projects[p] for p in pts}))
            else:
                ballots.append(CumulativeBallot({projects[p]: _q(v) for p, v in pts.items()}))
    if election.vote_type in ("approval", "choose-1"):
        return instance, ApprovalProfile(ballots), Cost_Sat, Cost_Sat
    return instance, CumulativeProfile(ballots), Additive_Cardinal_Sat, PointsTimesCost


def _tie(election: Election, tie_break: str, profile, greedy_sat):
    if tie_break == "reference":
        return lexico_tie_breaking
    votes = {p.id: Fraction(0) for p in election.projects}
    for b in election.ballots:
        for p, v in vote_points(election, b).items():
            votes[p] += Fraction(b.weight) * v
    return TieBreakingRule(lambda inst, prof, proj: (proj.cost, -votes[proj.name], proj.name))


def add1_full(instance, profile, sat, tie):
    """Raise by 1 while feasible; stop at the last feasible outcome or when nothing can be added."""
    n = profile.num_ballots()
    k, previous = 0, None
    sp = profile.as_sat_profile(sat)
    supported = [p for p in instance if p.cost > 0 and sp.total_satisfaction_project(p) > 0]
    while True:
        out = method_of_equal_shares_scheme(
            instance,
            profile,
            sp,
            frac(instance.budget_limit, n) + k,
            pb.rules.BudgetAllocation(),
            tie,
            binary_sat=False,
        )
        if not instance.is_feasible(out):
            return previous
        if all(p in out for p in supported):
            return out
        previous, k = out, k + 1


def reference_outcome(election: Election, rule: str, tie_break: str = "reference") -> set[str]:
    instance, profile, mes_sat, greedy_sat = build(election)
    tie = _tie(election, tie_break, profile, greedy_sat)
    if rule == "greedy":
        out = greedy_utilitarian_welfare(instance, profile, sat_class=greedy_sat, tie_breaking=tie)
    elif rule == "mes":
        out = method_of_equal_shares(instance, profile, sat_class=mes_sat, tie_breaking=tie)
    elif rule == "mes-add1":
        out = method_of_equal_shares(instance, profile, sat_class=mes_sat, tie_breaking=tie, voter_budget_increment=1)
    elif rule == "mes-add1-greedy":
        out = completion_by_rule_combination(
            instance,
            profile,
            [method_of_equal_shares, greedy_utilitarian_welfare],
            [
                {"sat_class": mes_sat, "tie_breaking": tie, "voter_budget_increment": 1},
                {"sat_class": greedy_sat, "tie_breaking": tie},
            ],
        )
    elif rule == "mes-add1-full":
        if profile.num_ballots() == 0:
            return set()
        out = add1_full(instance, profile, mes_sat, tie)
    else:
        raise ValueError(rule)
    return {p.name for p in out}
