"""Real-world options: category and area caps, voter weights, leftover policy; edge cases."""

from __future__ import annotations

from fractions import Fraction

import pytest

from wijksturing.core.pb import RULES, Ballot, Election, Project, count, weight_by_field
from wijksturing.core.pb.model import ElectionError

PROJECTS = [
    Project(id="1", cost=40, categories=("groen",), area="Noord"),
    Project(id="2", cost=30, categories=("groen",), area="Zuid"),
    Project(id="3", cost=30, categories=("verkeer",), area="Noord"),
]
BALLOTS = [Ballot(voter_id=str(v), projects=p) for v, p in enumerate([("1", "2"), ("1", "2"), ("1",), ("2", "3"), ("3",)])]
E = Election(budget=100, projects=PROJECTS, ballots=BALLOTS)


@pytest.mark.parametrize("rule", RULES)
def test_category_cap(rule: str) -> None:
    chosen = count(E, rule, category_caps={"groen": 50}).selected
    assert sum(E.project(p).cost for p in chosen if p in ("1", "2")) <= 50


def test_caps_change_the_greedy_outcome_and_explain_it() -> None:
    assert count(E, "greedy").selected == ("1", "2", "3")
    o = count(E, "greedy", category_caps={"groen": 50}, area_caps={"Noord": 40})
    assert o.selected == ("1",)
    assert o.explanation.project("2").reason == "cap" and o.explanation.project("2").cap == "category:groen"
    assert o.explanation.project("3").cap == "area:Noord"
    o = count(E, "mes", category_caps={"groen": 35})
    assert "1" not in o.selected and o.explanation.project("1").reason == "cap"


def test_weights_by_voting_method() -> None:
    ballots = [
        Ballot(voter_id="p1", projects=("1",), extra={"voting_method": "paper"}),
        Ballot(voter_id="p2", projects=("1",), extra={"voting_method": "paper"}),
        Ballot(voter_id="o1", projects=("2",), extra={"voting_method": "internet"}),
        Ballot(voter_id="o2", projects=("2",), extra={"voting_method": "internet"}),
        Ballot(voter_id="o3", projects=("2",), extra={"voting_method": "internet"}),
    ]
    e = Election(budget=40, projects=PROJECTS[:2], ballots=ballots)
    assert count(e, "greedy").selected == ("2",)
    paper_double = weight_by_field("voting_method", {"paper": 2})
    assert count(e, "greedy", voter_weight=paper_double).selected == ("1",)
    assert count(e, "greedy", voter_weight=weight_by_field("voting_method", {"internet": 0})).selected == ("1",)
    x = count(e, "mes", voter_weight=paper_double).explanation
    assert x.budget_per_voter == Fraction(40, 7)


def test_leftover_policies() -> None:
    keep = count(E, "mes")
    assert keep.explanation.carried_over == 0 and keep.leftover == 100 - keep.spent
    roll = count(E, "mes", leftover="rollover")
    assert roll.selected == keep.selected and roll.explanation.carried_over == keep.leftover
    fill = count(E, "mes", leftover="greedy")
    assert fill.selected[: len(keep.selected)] == keep.selected and fill.spent >= keep.spent
    assert count(E, "mes-add1", leftover="greedy").selected == count(E, "mes-add1-greedy").selected
    with pytest.raises(ValueError, match="leftover"):
        count(E, "mes", leftover="spend")
    with pytest.raises(ValueError, match="unknown rule"):
        count(E, "phragmen")


def test_greedy_may_choose_a_project_nobody_voted_for() -> None:
    e = E.replace(budget=101, projects=E.projects + (Project(id="9", cost=1),))
    assert "9" in count(e, "greedy").selected and "9" in count(e, "mes-add1-greedy").selected
    assert "9" not in count(e, "mes-add1").selected
    assert count(e, "greedy").explanation.project("9").votes == 0


def test_zero_cost_and_empty_elections() -> None:
    free = E.replace(projects=E.projects + (Project(id="0", cost=0),))
    assert "0" in count(free, "greedy").selected
    nobody = E.replace(ballots=())
    for rule in RULES:  # without ballots MES buys nothing; greedy (and its completion) still fills
        expected = ("1", "2", "3") if rule in ("greedy", "mes-add1-greedy") else ()
        assert count(nobody, rule).selected == expected
        assert count(E.replace(budget=0), rule).spent == 0


def test_model_validation() -> None:
    with pytest.raises(ElectionError, match="unknown project"):
        Election(budget=10, projects=PROJECTS, ballots=[Ballot(voter_id="x", projects=("7",))])
    with pytest.raises(ElectionError, match="exact number"):
        Project(id="1", cost=10.5)
    with pytest.raises(ElectionError, match="duplicate"):
        Election(budget=10, projects=PROJECTS + PROJECTS[:1], ballots=[])
    with pytest.raises(ElectionError, match="needs points"):
        Election(
            budget=10,
            projects=PROJECTS,
            ballots=[Ballot(voter_id="x", projects=("1",))],
            vote_type="cumulative",
        )
