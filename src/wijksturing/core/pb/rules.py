"""Counting rules: greedy by votes and the Method of Equal Shares with its completions.

Rule names (``count(election, rule)``):

``greedy``
    Order projects by votes (approvals, or total points; weighted), ties by :mod:`.tiebreak`;
    take each project that still fits in the remaining budget, skip one that does not.
``mes``
    The Method of Equal Shares (see :mod:`.mes`) with ``budget / voters`` per voter. Usually
    leaves money unspent.
``mes-add1``
    pabutools' ``method_of_equal_shares(..., voter_budget_increment=1)``: raise every voter's
    budget by 1 currency unit at a time and stop at the first *exhaustive* outcome (no unchosen
    supported project fits in what is left); if a step would overspend, keep the previous one.
``mes-add1-full``
    How Assen, Wieliczka and Świecie ran it: keep raising by 1 while the outcome stays within
    the budget and return the last outcome before the first overspending step (stops too when
    every supported project is chosen or blocked by a cap, so it always ends).
``mes-add1-greedy``
    ``mes-add1``, then spend what is left greedily (pabutools' ``completion_by_rule_combination``
    with the greedy rule). Unlike the MES rules this can choose a project nobody voted for.

Utilities per ballot type: see :mod:`.model` (approval: cost utilities, so an equal share of
money; points as given; a ranking of n gives n..1). Optional extras, valid for every rule:
``category_caps`` / ``area_caps`` (at most this much money per project category / area; a
project that would cross a cap is skipped), ``voter_weight`` (a function of the ballot, default
``ballot.weight``; a voter of weight w counts as w voters and gets w times the MES budget; with
add1 the increment is 1 per unit of weight) and ``leftover``: ``keep`` (default), ``rollover``
(report it as ``carried_over`` to the next round) or ``greedy`` (greedy fill).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from fractions import Fraction

import numpy as np

from .explain import Explanation, ProjectExplanation
from .mes import Run
from .model import Ballot, Election, Number
from .prepare import Prepared

RULES: tuple[str, ...] = ("greedy", "mes", "mes-add1", "mes-add1-full", "mes-add1-greedy")
LEFTOVER_POLICIES: tuple[str, ...] = ("keep", "rollover", "greedy")


@dataclass(frozen=True)
class Outcome:
    """The result of a count. ``selected`` is in the order the rule chose the projects."""

    rule: str
    tie_break: str
    selected: tuple[str, ...]
    budget: Number
    spent: Number
    explanation: Explanation

    @property
    def leftover(self) -> Number:
        return self.budget - self.spent

    def sorted_ids(self) -> list[str]:
        """The ids as pabutools sorts an outcome: by id as a string (``"10" < "9"``)."""
        return sorted(self.selected)


def _num(x: Fraction) -> Number:
    return int(x) if x.denominator == 1 else x


def count(
    election: Election,
    rule: str = "mes-add1",
    *,
    tie_break: str = "reference",
    category_caps: Mapping[str, Number] | None = None,
    area_caps: Mapping[str, Number] | None = None,
    voter_weight: Callable[[Ballot], Number] | None = None,
    leftover: str = "keep",
    detail: bool = False,
) -> Outcome:
    """Count ``election`` with ``rule`` (one of :data:`RULES`); see the module docstring.

    ``detail=True`` adds every supporter's exact share to the MES explanation (slower on
    big elections).
    """
    if rule not in RULES:
        raise ValueError(f"unknown rule {rule!r}; choose one of {', '.join(RULES)}")
    if leftover not in LEFTOVER_POLICIES:
        raise ValueError(f"unknown leftover policy {leftover!r}; choose one of {', '.join(LEFTOVER_POLICIES)}")
    prep = Prepared(election, tie_break, voter_weight, category_caps, area_caps)
    notes: dict[str, ProjectExplanation] = {}
    increments, per_voter = 0, None
    if rule == "greedy":
        chosen = _greedy(prep, [], notes, stage="greedy")
    else:
        mode = {
            "mes": None,
            "mes-add1": "exhaustive",
            "mes-add1-full": "full",
            "mes-add1-greedy": "exhaustive",
        }[rule]
        chosen, increments, run = _mes_with_completion(prep, mode)
        per_voter = run.budget_per_voter / prep.lc * prep.lw if prep.total_weight else None
        _explain_mes(prep, run, notes, detail)
        if rule == "mes-add1-greedy":
            chosen = _greedy(prep, chosen, notes, stage="greedy-fill")
    if leftover == "greedy":
        chosen = _greedy(prep, chosen, notes, stage="greedy-fill")
    spent = sum((Fraction(prep.cost[p]) for p in chosen), Fraction(0))
    left = Fraction(election.budget) - spent
    for pid in prep.ids:  # projects no stage looked at: no votes (or approval and cost 0)
        if pid not in notes:
            reason = "no_votes" if prep.votes[pid] == 0 else "not_counted"
            notes[pid] = _note(prep, pid, selected=False, reason=reason)
    explanation = Explanation(
        rule=rule,
        tie_break=tie_break,
        budget=election.budget,
        spent=_num(spent),
        leftover=_num(left),
        leftover_policy=leftover,
        carried_over=_num(left) if leftover == "rollover" else 0,
        budget_per_voter=per_voter,
        increments=increments,
        projects=tuple(notes[pid] for pid in prep.ids),
        currency=election.meta.get("currency", "EUR"),
        vote_unit="votes" if election.vote_type in ("approval", "choose-1") else "points",
        weighted=prep.weighted,
    )
    return Outcome(
        rule=rule,
        tie_break=tie_break,
        selected=tuple(chosen),
        budget=election.budget,
        spent=_num(spent),
        explanation=explanation,
    )


def _note(prep: Prepared, pid: str, **kw) -> ProjectExplanation:
    p = prep.projects[pid]
    return ProjectExplanation(project_id=pid, name=p.name, cost=p.cost, votes=_num(prep.votes[pid]), **kw)


def _greedy(prep: Prepared, chosen: list[str], notes: dict, *, stage: str) -> list[str]:
    """Greedy by votes from an initial selection ``chosen``, respecting budget and caps."""
    chosen = list(chosen)
    left = Fraction(prep.e.budget) - sum(Fraction(prep.cost[p]) for p in chosen)
    spent_by_group: dict = {}
    for p in chosen:
        for g in prep.groups[p]:
            spent_by_group[g] = spent_by_group.get(g, 0) + prep.cost[p]
    order = sorted((p for p in prep.ids if p not in chosen), key=lambda p: (-prep.votes[p], prep.key(p)))
    for rank, pid in enumerate(order, start=1):
        blocked = prep.fits_caps(pid, spent_by_group)
        fits = prep.cost[pid] <= left and blocked is None
        reason = "fits" if fits else ("cap" if blocked and prep.cost[pid] <= left else "does_not_fit")
        notes[pid] = _note(
            prep,
            pid,
            selected=fits,
            reason=reason,
            rank=rank,
            stage=stage,
            remaining_before=_num(left),
            cap=":".join(blocked) if reason == "cap" else None,
        )
        if fits:
            chosen.append(pid)
            left -= prep.cost[pid]
            for g in prep.groups[pid]:
                spent_by_group[g] = spent_by_group.get(g, 0) + prep.cost[pid]
    return chosen


def _mes_with_completion(prep: Prepared, mode: str | None) -> tuple[list[str], int, Run]:
    """Run MES once (``mode=None``) or with the add1 completion ("exhaustive" or "full")."""
    eng, costs = prep.engine, prep.engine.costs
    if prep.total_weight == 0:
        return list(prep.free), 0, eng.run(Fraction(0), skip=frozenset(range(eng.m)))
    b0 = prep.budget_scaled / prep.total_weight
    step = Fraction(prep.lc, prep.lw)
    k, run = 0, eng.run(b0)
    if mode is not None:
        previous = None
        while True:
            spent = sum(costs[j] for j in run.selected)
            if spent > prep.budget_scaled and previous is not None:
                run = eng.run(previous.budget_per_voter)  # restore state for the explanation
                k -= 1
                break
            if _finished(prep, run, spent, mode):
                break
            previous, k = run, k + 1
            run = eng.run(b0 + k * step)
    return list(prep.free) + [prep.mes_ids[j] for j in run.selected], k, run


def _finished(prep: Prepared, run: Run, spent: int, mode: str) -> bool:
    """Exhaustive: no unchosen supported project fits (budget and caps); full: none fits caps."""
    eng = prep.engine
    chosen = set(run.selected)
    by_group: dict = {}
    for j in chosen:
        for g in eng.groups[j]:
            by_group[g] = by_group.get(g, 0) + eng.costs[j]
    for j in range(eng.m):
        if j in chosen or any(by_group.get(g, 0) + eng.costs[j] > eng.caps[g] for g in eng.groups[j]):
            continue
        if mode == "full" or spent + eng.costs[j] <= prep.budget_scaled:
            return False
    return True


def _explain_mes(prep: Prepared, run: Run, notes: dict, detail: bool) -> None:
    eng, lc, lw, lu = prep.engine, prep.lc, prep.lw, prep.lu
    approval = prep.e.vote_type in ("approval", "choose-1")
    for pid in prep.free:
        notes[pid] = _note(prep, pid, selected=True, reason="free", stage="mes")
    for t, r in enumerate(run.rounds, start=1):
        pid = prep.mes_ids[r.project]
        all_in = r.poor_paid / lc
        shares = None
        if detail:  # money each voter paid (a voter of weight w pays w times a share)
            pos = np.searchsorted(eng.sup[r.project], r.rich)
            shares = tuple(
                (prep.voter_ids[i], r.rho * int(u) * int(eng.w[i]) / lc)
                for i, u in zip(r.rich.tolist(), eng.u[r.project][pos].tolist(), strict=True)
            )
            shares += tuple((prep.voter_ids[i], eng._wsum(np.array([i])) / lc) for i in r.poor.tolist())
        notes[pid] = _note(
            prep,
            pid,
            selected=True,
            reason="shared",
            rank=t,
            stage="mes",
            price_per_point=r.rho * lu * lw / lc,
            full_share=r.rho * Fraction(prep.cost[pid]) * lu * lw / lc if approval else None,
            paying_share=len(r.rich),
            paying_all=len(r.poor),
            paid_by_all_payers=all_in,
            shares=shares,
        )
    for j, g in run.cap_blocked:
        pid = prep.mes_ids[j]
        notes[pid] = _note(prep, pid, selected=False, reason="cap", stage="mes", cap=":".join(g))
    done = set(run.selected) | {j for j, _ in run.cap_blocked}
    for j in range(eng.m):
        if j not in done:
            pid = prep.mes_ids[j]
            notes[pid] = _note(
                prep,
                pid,
                selected=False,
                reason="not_affordable",
                stage="mes",
                supporters_money=eng.supporters_money(j) / lc,
            )


__all__ = ["LEFTOVER_POLICIES", "RULES", "Outcome", "count"]
