"""The phases of a participatory-budget round as an explicit state machine.

    proposals ─► review ─► voting ─► counting ─► published ─► execution
        ▲          │         ▲          │
        └──────────┘         └──────────┘

"review → proposals" reopens the call for proposals; "counting → voting" reopens voting (e.g.
when paper ballots still arrive). :func:`participation.services.round_transition` is the only
write path; it checks the conditions of a move as well and appends a :class:`PhaseChange`.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError

from wijksturing.core import statemachine
from wijksturing.core.statemachine import StateMachine
from wijksturing.participation.models import Phase

MACHINE = StateMachine("round", {
    Phase.PROPOSALS: (Phase.REVIEW,),
    Phase.REVIEW: (Phase.VOTING, Phase.PROPOSALS),
    Phase.VOTING: (Phase.COUNTING,),
    Phase.COUNTING: (Phase.PUBLISHED, Phase.VOTING),
    Phase.PUBLISHED: (Phase.EXECUTION,),
    Phase.EXECUTION: (),
})
TRANSITIONS: dict[str, frozenset[str]] = MACHINE.as_dict()


class TransitionError(ValidationError, statemachine.TransitionError):
    """A phase change the state machine does not allow (or whose conditions are not met); a
    ValidationError too, so forms and views show its message."""


def next_phases(phase: str) -> list[str]:
    """The phases a round in ``phase`` may move to, in the order they are offered."""
    return MACHINE.next_states(phase)
