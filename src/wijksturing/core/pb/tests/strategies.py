"""Hypothesis strategies: small elections of every ballot type, with exact (Fraction) money."""

from __future__ import annotations

from fractions import Fraction

from hypothesis import strategies as st

from wijksturing.core.pb import Ballot, Election, Project

IDS = [str(i) for i in range(1, 14)]
money = st.integers(1, 40) | st.fractions(min_value=1, max_value=40, max_denominator=4)
weights = st.sampled_from([1, 1, 1, 2, 3, Fraction(1, 2), 0])


@st.composite
def elections(
    draw,
    vote_types=("approval", "choose-1", "cumulative", "scoring", "ordinal"),
    max_voters: int = 8,
) -> Election:
    vote_type = draw(st.sampled_from(vote_types))
    ids = draw(st.lists(st.sampled_from(IDS), min_size=1, max_size=6, unique=True))
    projects = [
        Project(
            id=i,
            cost=draw(money),
            categories=draw(st.sampled_from([(), ("groen",), ("verkeer",), ("groen", "verkeer")])),
            area=draw(st.sampled_from([None, "Noord", "Zuid"])),
        )
        for i in ids
    ]
    ballots = []
    for v in range(draw(st.integers(0, max_voters))):
        chosen = tuple(draw(st.lists(st.sampled_from(ids), max_size=1 if vote_type == "choose-1" else 4, unique=True)))
        points = tuple(draw(st.integers(1, 5)) for _ in chosen) if vote_type in ("cumulative", "scoring") else None
        ballots.append(Ballot(voter_id=f"v{v}", projects=chosen, points=points, weight=draw(weights)))
    budget = draw(st.integers(0, 120) | st.fractions(min_value=0, max_value=120, max_denominator=3))
    return Election(budget=budget, projects=projects, ballots=ballots, vote_type=vote_type)


caps = st.dictionaries(st.sampled_from(["groen", "verkeer"]), st.integers(0, 60), max_size=2)
area_caps = st.dictionaries(st.sampled_from(["Noord", "Zuid"]), st.integers(0, 60), max_size=2)
