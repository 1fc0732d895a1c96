import pytest

from wijksturing.core.statemachine import TransitionError as AnyTransitionError
from wijksturing.surveys.workflow import MACHINE, TransitionError

# Written out by hand from the diagram in surveys/workflow.py, not read from its table.
EXPECTED_NEXT = {"draft": ["open"], "open": ["closed"], "closed": ["published", "open"], "published": []}


@pytest.mark.parametrize("status", list(EXPECTED_NEXT))
def test_next_statuses_as_written_by_hand(status):
    assert MACHINE.next_states(status) == EXPECTED_NEXT[status]
    assert {s for s in EXPECTED_NEXT if MACHINE.allowed(status, s)} == set(EXPECTED_NEXT[status])


def test_the_error_is_a_form_error_and_a_transition_error():
    error = TransitionError("no")
    assert isinstance(error, AnyTransitionError) and error.messages == ["no"]
