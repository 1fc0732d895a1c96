import pytest

from wijksturing.core.statemachine import StateMachine, TransitionError

DOOR = StateMachine("door", {"closed": ("open", "locked"), "open": ("closed",), "locked": ("closed",), "gone": ()})


def test_allowed_moves_are_exactly_the_table():
    expected = {("closed", "open"), ("closed", "locked"), ("open", "closed"), ("locked", "closed")}
    for a in ("closed", "open", "locked", "gone", "unknown"):
        for b in ("closed", "open", "locked", "gone", "unknown"):
            assert DOOR.allowed(a, b) == ((a, b) in expected), (a, b)


def test_next_states_keep_the_declared_order_and_final_states():
    assert DOOR.next_states("closed") == ["open", "locked"]
    assert DOOR.next_states("unknown") == []
    assert DOOR.final == {"gone"}
    assert DOOR.states == ("closed", "open", "locked", "gone")


def test_check_raises_the_given_error_with_both_states():
    class DoorError(TransitionError):
        pass

    with pytest.raises(DoorError, match="'open' cannot move to 'locked' \\(allowed: closed\\)") as refused:
        DOOR.check("open", "locked", error=DoorError)
    assert (refused.value.from_state, refused.value.to_state) == ("open", "locked")
    with pytest.raises(TransitionError, match="Unknown state 'ajar'"):
        DOOR.check("open", "ajar")
    DOOR.check("open", "closed")  # allowed: no error


def test_a_table_must_declare_every_target_once():
    with pytest.raises(ValueError, match="undeclared"):
        StateMachine("bad", {"a": ("b",)})
    with pytest.raises(ValueError, match="twice"):
        StateMachine("bad", {"a": ("a", "a")})
