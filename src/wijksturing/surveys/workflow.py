"""The states of a wijkpeiling (survey) as an explicit state machine.

    draft ──► open ──► closed ──► published
                ▲         │
                └─────────┘  (reopened when answers still come in)

:func:`surveys.services.survey_transition` is the only write path; pages ask
:func:`surveys.selectors.survey_next_statuses`.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError

from wijksturing.core import statemachine
from wijksturing.core.statemachine import StateMachine
from wijksturing.surveys.models import Status

MACHINE = StateMachine("survey", {
    Status.DRAFT: (Status.OPEN,),
    Status.OPEN: (Status.CLOSED,),
    Status.CLOSED: (Status.PUBLISHED, Status.OPEN),
    Status.PUBLISHED: (),
})
TRANSITIONS: dict[str, frozenset[str]] = MACHINE.as_dict()


class TransitionError(ValidationError, statemachine.TransitionError):
    """A status change the state machine does not allow; a ValidationError too, so forms and
    views show its message."""


def next_statuses(status: str) -> list[str]:
    return MACHINE.next_states(status)
