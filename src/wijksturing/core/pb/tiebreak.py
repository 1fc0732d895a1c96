"""Tie-breaking between projects that a rule scores exactly equal.

Two documented orders (the first in the order wins the tie):

``reference`` (default)
    The order of the reference library pabutools 1.2.3 (``lexico_tie_breaking``): it sorts tied
    projects by ``Project.name``, which is the pabulib ``project_id`` *as a Python string*. That is
    plain code-point order, **not** "shorter first": ``"10" < "9"`` and ``"B" < "a"``. We checked
    this in pabutools' source (``TieBreakingRule(lambda inst, prof, proj: proj.name)``) and test it
    against pabutools on a constructed tie. pabutools' greedy rule first sorts all projects by
    name, then by the tie-breaking key, then by score, so a greedy tie is also decided by id.

``equalshares``
    The order equalshares.net uses: the cheaper project first, then the one with more votes
    (approvals, or total points for point/ranking ballots, weighted), then ``reference`` order so
    the result is always deterministic.

Counting never depends on the order in which ballots or projects are listed; only these keys
decide ties.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Literal

TieBreak = Literal["reference", "equalshares"]
TIE_BREAKS: tuple[str, ...] = ("reference", "equalshares")


def tie_key(tie_break: str, *, cost: Mapping[str, object], votes: Mapping[str, object]) -> Callable[[str], tuple]:
    """A sort key on project ids: smaller key = preferred when scores are tied."""
    if tie_break == "reference":
        return lambda pid: (pid,)
    if tie_break == "equalshares":
        return lambda pid: (cost[pid], -votes[pid], pid)  # type: ignore[operator]
    raise ValueError(f"unknown tie-break {tie_break!r}; choose one of {', '.join(TIE_BREAKS)}")


def reference_order(project_ids: list[str] | tuple[str, ...]) -> list[str]:
    """Sort ids as pabutools sorts an outcome (``sorted(allocation)``: by id as a string)."""
    return sorted(project_ids)
