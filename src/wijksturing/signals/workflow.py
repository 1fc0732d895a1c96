"""The signal workflow as an explicit state machine.

Every status change goes through :func:`check_transition`; the allowed moves are the table
:data:`TRANSITIONS` and nothing else. History is appended by ``services.signal_transition``.

    received ─► triage ─► assigned ─► in_progress ─► resolved ─► closed
        │          │         │  ▲          │  ▲          │
        │          │         ▼  │          ▼  │          ▼
        └──────────┴──► rejected  waiting ──┘        reopened ─► triage/assigned/in_progress
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


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
TRANSITIONS: dict[str, frozenset[str]] = {
    S.RECEIVED: frozenset({S.TRIAGE, S.ASSIGNED, S.REJECTED}),
    S.TRIAGE: frozenset({S.ASSIGNED, S.REJECTED, S.RESOLVED}),
    S.ASSIGNED: frozenset({S.TRIAGE, S.IN_PROGRESS, S.WAITING, S.RESOLVED, S.REJECTED}),
    S.IN_PROGRESS: frozenset({S.ASSIGNED, S.WAITING, S.RESOLVED}),
    S.WAITING: frozenset({S.IN_PROGRESS, S.RESOLVED}),
    S.RESOLVED: frozenset({S.REOPENED, S.CLOSED}),
    S.REJECTED: frozenset({S.REOPENED, S.CLOSED}),
    S.REOPENED: frozenset({S.TRIAGE, S.ASSIGNED, S.IN_PROGRESS}),
    S.CLOSED: frozenset(),
}

#: Handled: the handling time stops here (Open311 status "closed").
HANDLED = frozenset({S.RESOLVED, S.REJECTED, S.CLOSED})
OPEN = frozenset(set(S.values) - HANDLED)
#: Transitions that need a reply to the reporter; it is e-mailed when they gave an address
#: and consent.
REPLY_REQUIRED = frozenset({S.RESOLVED, S.REJECTED, S.WAITING})


class TransitionError(ValueError):
    """A status change that the workflow does not allow."""

    def __init__(self, from_status: str, to_status: str, reason: str = "") -> None:
        self.from_status, self.to_status = from_status, to_status
        super().__init__(
            reason or f"A signal with status {from_status!r} cannot move to {to_status!r} "
            f"(allowed: {', '.join(sorted(TRANSITIONS.get(from_status, ()))) or 'none'})."
        )


def allowed_next(status: str) -> list[str]:
    """The statuses a signal in ``status`` may move to, in workflow order."""
    nxt = TRANSITIONS.get(status, frozenset())
    return [s for s in Status.values if s in nxt]


def check_transition(from_status: str, to_status: str, *, reply: str = "") -> None:
    """Raise :class:`TransitionError` unless ``from_status → to_status`` is allowed (and a
    reply is given where the workflow needs one)."""
    if to_status not in Status.values:
        raise TransitionError(from_status, to_status, f"Unknown status {to_status!r}.")
    if to_status not in TRANSITIONS.get(from_status, frozenset()):
        raise TransitionError(from_status, to_status)
    if to_status in REPLY_REQUIRED and not reply.strip():
        raise TransitionError(from_status, to_status, f"Moving to {to_status!r} needs a reply to the reporter.")


def open311_status(status: str) -> str:
    """GeoReport v2 knows two statuses: ``open`` and ``closed``."""
    return "closed" if status in HANDLED else "open"
