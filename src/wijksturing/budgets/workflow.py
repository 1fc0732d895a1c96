"""The state machine of a resident initiative.

    submitted ──► assessing ──► approved ──► paid ──► accounted
        │             │            │
        └► withdrawn  └► rejected  └► withdrawn

Every transition is explicit here; :func:`budgets.services.initiative_transition` is the only
write path, and each transition appends an :class:`InitiativeEvent`.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from wijksturing.core import statemachine
from wijksturing.core.statemachine import StateMachine


class InitiativeStatus(models.TextChoices):
    SUBMITTED = "submitted", _("submitted")
    ASSESSING = "assessing", _("being assessed")
    APPROVED = "approved", _("approved")
    REJECTED = "rejected", _("rejected")
    PAID = "paid", _("paid")
    ACCOUNTED = "accounted", _("accounted for")
    WITHDRAWN = "withdrawn", _("withdrawn")


S = InitiativeStatus

MACHINE = StateMachine("initiative", {
    S.SUBMITTED: (S.ASSESSING, S.WITHDRAWN),
    S.ASSESSING: (S.APPROVED, S.REJECTED),
    S.APPROVED: (S.PAID, S.WITHDRAWN),
    S.PAID: (S.ACCOUNTED,),
    S.REJECTED: (),
    S.ACCOUNTED: (),
    S.WITHDRAWN: (),
})
TRANSITIONS: dict[str, frozenset[str]] = MACHINE.as_dict()

FINAL = MACHINE.final

# What a transition needs: a decision needs a reason, approval an amount, closing an account.
REQUIRES = {
    S.APPROVED: ("amount_granted", "decision_reason"),
    S.REJECTED: ("decision_reason",),
    S.ACCOUNTED: ("account",),
}

# Published assessment criteria (shown on the public initiatives page).
CRITERIA = [
    ("residents", _("Residents of the area take the initiative and do it themselves, together with others.")),
    ("for_the_area", _("It benefits the neighbourhood and is open to everyone who lives there.")),
    ("fits_programme", _("It fits a goal of the area programme.")),
    ("reasonable_cost", _("The cost is reasonable, and other funding was looked for where possible.")),
    ("not_commercial", _("It is not commercial and carries no political or religious message.")),
]


class TransitionError(statemachine.TransitionError):
    """A transition that the state machine does not allow, or that lacks what it needs
    (``field`` names the form field at fault)."""


def allowed(current: str, new: str) -> bool:
    return MACHINE.allowed(current, new)


def next_statuses(current: str) -> list[str]:
    return MACHINE.next_states(current)


def check(current: str, new: str) -> None:
    if not MACHINE.is_state(new):
        raise TransitionError(f"unknown status {new!r}", field="status", from_state=current, to_state=new)
    if not allowed(current, new):
        raise TransitionError(f"an initiative cannot go from {current!r} to {new!r}", field="status",
                              from_state=current, to_state=new)
