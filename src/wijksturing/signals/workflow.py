"""The signal workflow as an explicit state machine.

Every status change goes through :func:`check_transition`; the allowed moves are the table
:data:`MACHINE` (a :class:`~wijksturing.core.statemachine.StateMachine`) and nothing else. History
is appended by ``services.signal_transition``; the status form offers :func:`allowed_next`.

    received ─► triage ─► assigned ─► in_progress ─► resolved ─► closed
        │          │         │  ▲          │  ▲          │
        │          │         ▼  │          ▼  │          ▼
        └──────────┴──► rejected  waiting ──┘        reopened ─► triage/assigned/in_progress
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wijksturing.core import statemachine
from wijksturing.core.statemachine import StateMachine


class Status(models.TextChoices):
    RECEIVED = "received", _("Received")
    TRIAGE = "triage", _("In triage")
    ASSIGNED = "assigned", _("Assigned")
    IN_PROGRESS = "in_progress", _("In progress")
    WAITING = "waiting", _("Waiting")
    RESOLVED = "resolved", _("Resolved")
    REJECTED = "rejected", _("Rejected")
    REOPENED = "reopened", _("Reopened")
    CLOSED = "closed", _("Closed")


S = Status
#: The workflow; each state lists its next states in workflow order.
MACHINE = StateMachine("signal", {
    S.RECEIVED: (S.TRIAGE, S.ASSIGNED, S.REJECTED),
    S.TRIAGE: (S.ASSIGNED, S.RESOLVED, S.REJECTED),
    S.ASSIGNED: (S.TRIAGE, S.IN_PROGRESS, S.WAITING, S.RESOLVED, S.REJECTED),
    S.IN_PROGRESS: (S.ASSIGNED, S.WAITING, S.RESOLVED),
    S.WAITING: (S.IN_PROGRESS, S.RESOLVED),
    S.RESOLVED: (S.REOPENED, S.CLOSED),
    S.REJECTED: (S.REOPENED, S.CLOSED),
    S.REOPENED: (S.TRIAGE, S.ASSIGNED, S.IN_PROGRESS),
    S.CLOSED: (),
})
TRANSITIONS: dict[str, frozenset[str]] = MACHINE.as_dict()

#: Handled: the handling time stops here (Open311 status "closed").
HANDLED = frozenset({S.RESOLVED, S.REJECTED, S.CLOSED})
OPEN = frozenset(set(S.values) - HANDLED)
#: Transitions that need a reply to the reporter; it is e-mailed when they gave an address
#: and consent.
REPLY_REQUIRED = frozenset({S.RESOLVED, S.REJECTED, S.WAITING})


class TransitionError(statemachine.TransitionError):
    """A status change that the workflow does not allow."""

    def __init__(self, from_status: str, to_status: str, reason: str = "") -> None:
        self.from_status, self.to_status = from_status, to_status
        if not reason:
            allowed = [_label(s) for s in MACHINE.next_states(from_status)]
            reason = gettext("A signal that is '%(from)s' cannot become '%(to)s' (possible: %(allowed)s).") % {
                "from": _label(from_status), "to": _label(to_status), "allowed": ", ".join(allowed) or gettext("none")}
        super().__init__(reason, from_state=from_status, to_state=to_status)


def _label(status: str) -> str:
    """The status in words of the page's language ('Afgehandeld'), or the code when unknown."""
    try:
        return str(Status(status).label).lower()
    except ValueError:
        return str(status)


def allowed_next(status: str) -> list[str]:
    """The statuses a signal in ``status`` may move to, in workflow order."""
    return MACHINE.next_states(status)


def check_transition(from_status: str, to_status: str, *, reply: str = "") -> None:
    """Raise :class:`TransitionError` unless ``from_status → to_status`` is allowed (and a
    reply is given where the workflow needs one)."""
    if not MACHINE.is_state(to_status):
        raise TransitionError(from_status, to_status, gettext("Unknown status '%(status)s'.") % {"status": to_status})
    if not MACHINE.allowed(from_status, to_status):
        raise TransitionError(from_status, to_status)
    if to_status in REPLY_REQUIRED and not reply.strip():
        raise TransitionError(from_status, to_status, gettext(
            "Write a reply to the reporter before you set the status to '%(status)s'.") % {"status": _label(to_status)})


def open311_status(status: str) -> str:
    """GeoReport v2 knows two statuses: ``open`` and ``closed``."""
    return "closed" if status in HANDLED else "open"
