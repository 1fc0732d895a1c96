"""Property tests (hypothesis) that hold for every rule, ballot type and option."""

from __future__ import annotations

from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from wijksturing.core.pb import RULES, Ballot, Project, count, render
from wijksturing.core.pb.model import Election

from .strategies import area_caps, caps, elections

MES_RULES = ("mes", "mes-add1", "mes-add1-full")
fast = settings(max_examples=40, deadline=None)


@fast
@given(elections(), caps, area_caps, st.sampled_from(["keep", "rollover", "greedy"]))
def test_never_over_budget_or_caps(e: Election, cat_caps, ar_caps, leftover) -> None:
    for rule in RULES:
        o = count(e, rule, category_caps=cat_caps, area_caps=ar_caps, leftover=leftover)
        chosen = [e.project(p) for p in o.selected]
        assert len(set(o.selected)) == len(o.selected)
        assert o.spent == sum(p.cost for p in chosen) <= e.budget
        assert isinstance(o.spent, int | Fraction) and isinstance(o.leftover, int | Fraction)
        for name, cap in cat_caps.items():
            assert sum(p.cost for p in chosen if name in p.categories) <= cap
        for name, cap in ar_caps.items():
            assert sum(p.cost for p in chosen if p.area == name) <= cap
        x = o.explanation
        assert x.carried_over == (o.leftover if leftover == "rollover" else 0)
        assert {p.project_id for p in x.projects if p.selected} == set(o.selected)
        for lang in ("nl", "en"):  # every reason has a sentence
            assert len(render(x, lang)) == len(e.projects) + 1


@fast
@given(elections(), st.randoms(use_true_random=False), st.sampled_from(["reference", "equalshares"]))
def test_order_of_ballots_and_projects_does_not_matter(e: Election, rnd, tie_break) -> None:
    ballots, projects = list(e.ballots), list(e.projects)
    rnd.shuffle(ballots)
    rnd.shuffle(projects)
    shuffled = e.replace(ballots=ballots, projects=projects)
    for rule in RULES:
        assert count(e, rule, tie_break=tie_break).selected == count(shuffled, rule, tie_break=tie_break).selected


@fast
@given(elections())
def test_project_without_votes_is_never_chosen_by_mes(e: Election) -> None:
    """MES only buys what voters pay for. (greedy and the greedy completion may pick it: it
    costs votes nothing and fills leftover money, exactly as pabutools does.)"""
    e = e.replace(projects=e.projects + (Project(id="99", cost=1),))
    for rule in MES_RULES:
        assert "99" not in count(e, rule).selected


@fast
@given(elections(), st.sampled_from(MES_RULES))
def test_mes_payments_are_exact_and_within_budgets(e: Election, rule: str) -> None:
    o = count(e, rule, detail=True)
    x = o.explanation
    paid: dict[str, Fraction] = {}
    for p in x.projects:
        if p.reason == "shared":
            assert sum(s for _, s in p.shares) == p.cost  # exact: no rounding anywhere
            for voter, share in p.shares:
                assert isinstance(share, Fraction | int) and share > 0
                paid[voter] = paid.get(voter, 0) + share
    weight = {b.voter_id: b.weight for b in e.ballots}
    for voter, total in paid.items():
        assert total <= x.budget_per_voter * weight[voter]


@fast
@given(elections(vote_types=("approval", "cumulative", "ordinal"), max_voters=5), st.integers(2, 3))
def test_integer_weight_equals_repeated_ballot(e: Election, w: int) -> None:
    if not e.ballots:
        return
    first, rest = e.ballots[0], e.ballots[1:]
    weighted = e.replace(
        ballots=(
            Ballot(
                voter_id=first.voter_id,
                projects=first.projects,
                points=first.points,
                weight=w * first.weight,
            ),
        )
        + rest
    )
    copies = tuple(
        Ballot(
            voter_id=f"{first.voter_id}#{k}",
            projects=first.projects,
            points=first.points,
            weight=first.weight,
        )
        for k in range(w)
    )
    repeated = e.replace(ballots=copies + rest)
    for rule in RULES:
        assert count(weighted, rule).selected == count(repeated, rule).selected
