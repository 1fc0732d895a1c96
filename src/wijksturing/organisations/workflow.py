"""The two state machines of the register: an organisation's status and a proposed change's
review. The services check them before a change and append an :class:`~.models.Event` after."""

from wijksturing.core.statemachine import StateMachine, TransitionError
from wijksturing.organisations.models import ChangeStatus, OrgStatus

ORGANISATION_FLOW = StateMachine("organisation", {
    OrgStatus.ACTIVE: (OrgStatus.STOPPED,),
    OrgStatus.STOPPED: (OrgStatus.ACTIVE,),
})

CHANGE_FLOW = StateMachine("organisation change", {
    ChangeStatus.PENDING: (ChangeStatus.ACCEPTED, ChangeStatus.REJECTED),
    ChangeStatus.ACCEPTED: (),
    ChangeStatus.REJECTED: (),
})


class OrganisationTransitionError(TransitionError):
    pass
