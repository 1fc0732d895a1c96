"""The exact MES engine: boundary cases where floats alone would be wrong, and a bigger election."""

from __future__ import annotations

from fractions import Fraction

import numpy as np

from wijksturing.core.pb import Ballot, Election, Project, count
from wijksturing.core.pb.mes import EqualShares
from wijksturing.core.pb.synthetic import city_election


def engine(costs, approvals, n):
    sup = [np.array(sorted(a), dtype=np.int64) for a in approvals]
    return EqualShares(
        weights=np.ones(n, dtype=np.int64),
        costs=costs,
        supporters=sup,
        utilities=[np.full(len(s), c, dtype=np.int64) for s, c in zip(sup, costs, strict=True)],
        keys=[(str(j),) for j in range(len(costs))],
    )


def test_share_exactly_equal_to_budget_is_affordable() -> None:
    eng = engine([6, 1], [[0, 1], [0]], 2)
    run = eng.run(Fraction(3))  # each voter has exactly the share of project 0
    assert run.selected == [0]
    assert eng.budget(0) == 0 and eng.budget(1) == 0
    assert len(run.rounds[0].rich) == 2 and len(run.rounds[0].poor) == 0


def test_budgets_stay_exact_thirds() -> None:
    # 3 voters share everything: 1/3 + 1/3 + 1/3 + 2/3 = 5/3, so with b = 5/3 the last project
    # fits exactly (floats would drift); a hair less and it does not
    eng = engine([1, 1, 1, 2], [[0, 1, 2], [0, 1, 2], [0, 1, 2], [0, 1, 2]], 3)
    assert eng.run(Fraction(5, 3)).selected == [0, 1, 2, 3]  # all tie at rho 1/3: by key
    assert all(eng.budget(v) == 0 for v in range(3))
    assert eng.run(Fraction(5, 3) - Fraction(1, 10**30)).selected == [0, 1, 2]


def test_tiny_differences_decide_exactly() -> None:
    big = 10**15
    e = Election(
        budget=2 * big + 1,
        projects=[Project(id="a", cost=big + 1), Project(id="b", cost=big)],
        ballots=[Ballot(voter_id="1", projects=("a",)), Ballot(voter_id="2", projects=("b",))],
    )
    # each voter has big + 1/2: only b fits its single supporter; a needs big + 1
    assert count(e, "mes").selected == ("b",)
    # one unit more each: both affordable at rho = 1, tie broken by id, and exactly on budget
    assert count(e, "mes-add1").selected == ("a", "b")
    assert count(e, "mes-add1").explanation.increments == 1


def test_city_sized_mes_equals_pabutools() -> None:
    from .reference import reference_outcome

    e = city_election(voters=3000, projects=30, seed=7)
    for rule in ("greedy", "mes"):
        assert set(count(e, rule).selected) == reference_outcome(e, rule)
