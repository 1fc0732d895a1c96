"""Counting through the adapter equals the core's count; results, money and turnout."""

import random
from decimal import Decimal
from fractions import Fraction

import pytest

from wijksturing.accounts.tests.factories import resident as a_resident
from wijksturing.core import pb as core
from wijksturing.participation import services
from wijksturing.participation.counting import election_from_round, explanation_lines, round_outcome
from wijksturing.participation.models import Phase
from wijksturing.participation.selectors import TURNOUT_MIN_COUNT, turnout_by_buurt
from wijksturing.participation.tests.factories import make_round

PROJECTS = [("A", 3000), ("B", 6000), ("C", 4000), ("D", 1500), ("E", 2500)]


def vote_randomly(rnd, n, *, seed=1):
    rng = random.Random(seed)
    p = [x.pk for x in rnd.proposals.order_by("id")]
    codes = services.voting_codes_generate(rnd=rnd, count=n, buurt_code="BU02020100")
    expected = []
    for code in codes:
        k = rng.randint(1, 3)
        chosen = rng.sample(p, k)
        if rnd.ballot_type == "points":
            pts = [rng.randint(1, 3) for _ in chosen]
            choices = dict(zip(chosen, pts))
        elif rnd.ballot_type == "ranking":
            choices = {pk: i + 1 for i, pk in enumerate(chosen)}
        else:
            choices = dict.fromkeys(chosen, 1)
        services.ballot_cast(rnd=rnd, choices=choices, code=code)
        expected.append(choices)
    return expected


@pytest.mark.parametrize("ballot_type,extra", [
    ("approval", {}), ("points", {"points_per_voter": 9}), ("ranking", {"max_choices": 3}), ("knapsack", {}),
])
def test_adapter_equals_core(arnhem, ballot_type, extra):
    rnd = make_round(ballot_type=ballot_type, proposals=PROJECTS, budget=12000, **extra)
    cast = vote_randomly(rnd, 15)
    by_pk = {p.pk: p for p in rnd.proposals.all()}
    # the same election built by hand, straight from what was cast
    ballots = []
    for i, choices in enumerate(cast):
        items = sorted((by_pk[pk].project_id, v) for pk, v in choices.items())
        if ballot_type == "ranking":
            items = sorted(items, key=lambda x: x[1])
            ballots.append(core.Ballot(voter_id=str(i), projects=tuple(p for p, _ in items)))
        elif ballot_type == "points":
            ballots.append(core.Ballot(voter_id=str(i), projects=tuple(p for p, _ in items), points=tuple(v for _, v in items)))
        else:
            ballots.append(core.Ballot(voter_id=str(i), projects=tuple(p for p, _ in items)))
    vote_type = {"approval": "approval", "knapsack": "approval", "points": "cumulative", "ranking": "ordinal"}[ballot_type]
    election = core.Election(budget=12000, vote_type=vote_type, ballots=ballots,
                             projects=[core.Project(id=p.project_id, cost=int(p.cost), name=p.title) for p in by_pk.values()])
    for rule in core.RULES:
        assert round_outcome(rnd=rnd, rule=rule).selected == core.count(election, rule).selected, rule


def test_paper_weight_and_caps_reach_the_core(arnhem, team):
    rnd = make_round(proposals=[("A", 3000), ("B", 3000)], budget=3000, paper_weight=Decimal(2), rule="greedy")
    a, b = [p.pk for p in rnd.proposals.order_by("id")]
    for name in ("v1", "v2"):
        services.ballot_cast(rnd=rnd, choices={a: 1}, user=a_resident(name))
    for _ in range(2):
        ballot = services.paper_ballot_enter(rnd=rnd, choices={b: 1}, by=team["a"])
        services.paper_ballot_check(ballot=ballot, by=team["b"], accept=True)
    election = election_from_round(rnd=rnd)
    assert sorted(x.weight for x in election.ballots) == [1, 1, 2, 2]
    assert round_outcome(rnd=rnd).selected == ("2",)  # 4 weighted votes for B beat 2 for A
    rnd.paper_weight = Decimal("0.5")
    assert round_outcome(rnd=rnd).selected == ("1",)
    assert all(isinstance(x.weight, (int, Fraction)) for x in election_from_round(rnd=rnd).ballots)


def test_result_money_turnout_and_explanation(arnhem, team):
    rnd = make_round(proposals=PROJECTS, budget=10000, rule="mes-add1")
    services.proposal_review  # noqa: B018  (proposals were reviewed by the factory)
    rnd.proposals.filter(title="A").update(category="groen")
    rnd.proposals.filter(title="D").update(category="groen")
    vote_randomly(rnd, 12)
    resident = a_resident("bewoner")
    services.ballot_cast(rnd=rnd, choices={rnd.proposals.get(title="B").pk: 1}, user=resident, buurt_code="BU02020101")
    rnd = services.round_transition(rnd=rnd, to_phase=Phase.COUNTING)
    result = services.round_count(rnd=rnd, by=team["a"])
    assert result.ballots_counted == 13
    assert Decimal(result.spent) <= rnd.budget
    assert result.spent == sum(Decimal(v["money"]) for v in result.per_project.values())
    assert sum(Decimal(v) for v in result.per_category.values()) == result.spent
    rows = {r["buurt_code"]: r for r in result.turnout["rows"]}
    assert rows["BU02020100"]["ballots"] == 12 and rows["BU02020100"]["share"] == "100.0"
    assert rows["BU02020101"]["ballots"] is None and rows["BU02020101"]["suppressed"]  # 1 < 10
    assert TURNOUT_MIN_COUNT == 10
    nl, en = explanation_lines(result=result, lang="nl"), explanation_lines(result=result, lang="en")
    assert len(nl) == len(PROJECTS) + 1 and "Uitgegeven" in nl[-1] and "Spent" in en[-1]
    assert turnout_by_buurt(rnd=rnd)[0]["name"] == "Buurt 0"
