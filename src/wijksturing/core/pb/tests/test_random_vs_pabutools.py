"""Small random elections (fixed seeds): every rule and tie-break equals pabutools 1.2.3."""

from __future__ import annotations

import random

import pytest

from wijksturing.core.pb import RULES, Ballot, Election, Project, count

VOTE_TYPES = ("approval", "cumulative", "ordinal")


def random_election(seed: int) -> Election:
    rng = random.Random(seed)
    vote_type = VOTE_TYPES[seed % 3]
    m = rng.randint(2, 11)
    ids = [str(k) for k in rng.sample(range(1, 13), m)]  # "10" and "9": string order matters
    projects = [Project(id=i, cost=rng.choice([2, 3, 4, 6, 8, 9, 12, 15, 20, 25])) for i in ids]
    ballots = []
    for v in range(rng.randint(1, 12)):
        chosen = rng.sample(ids, rng.randint(0, min(4, m)))
        weight = rng.choice([1, 1, 1, 2, 3]) if seed % 2 else 1
        points = tuple(rng.randint(1, 4) for _ in chosen) if vote_type == "cumulative" else None
        ballots.append(Ballot(voter_id=f"v{v}", projects=tuple(chosen), points=points, weight=weight))
    budget = rng.randint(5, sum(p.cost for p in projects))
    return Election(budget=budget, projects=projects, ballots=ballots, vote_type=vote_type)


@pytest.mark.parametrize("seed", range(30))
def test_random_election_equals_pabutools(seed: int) -> None:
    from .reference import reference_outcome

    election = random_election(seed)
    for rule in RULES:
        for tie_break in ("reference", "equalshares"):
            ours = count(election, rule, tie_break=tie_break).selected
            assert set(ours) == reference_outcome(election, rule, tie_break), (rule, tie_break)


def test_reference_tie_break_is_string_order_not_shorter_first() -> None:
    """Two identical projects "9" and "10": pabutools' lexicographic rule picks "10" ("1" < "9")."""
    from .reference import reference_outcome

    e = Election(
        budget=5,
        projects=[Project(id="9", cost=5), Project(id="10", cost=5)],
        ballots=[Ballot(voter_id="a", projects=("9", "10"))],
    )
    for rule in RULES:
        assert count(e, rule).selected == ("10",)
        assert reference_outcome(e, rule) == {"10"}


def test_equalshares_tie_break_prefers_cheaper_then_more_votes() -> None:
    from .reference import reference_outcome

    e = Election(
        budget=6,
        projects=[Project(id="a", cost=6), Project(id="b", cost=3), Project(id="c", cost=3)],
        ballots=[
            Ballot(voter_id="1", projects=("a", "b", "c")),
            Ballot(voter_id="2", projects=("a", "c")),
        ],
    )
    # greedy: a and c have 2 votes; equalshares tie-break takes the cheaper c, then b still fits
    assert count(e, "greedy", tie_break="equalshares").selected == ("c", "b")
    assert count(e, "greedy").selected == ("a",)
    for rule in RULES:
        for tb in ("reference", "equalshares"):
            assert set(count(e, rule, tie_break=tb).selected) == reference_outcome(e, rule, tb)
