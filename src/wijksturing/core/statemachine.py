"""Explicit state machines: a declared transition table and one error for refused moves.

Every status workflow of the project (a signal's status, a resident initiative's status, a
participatory-budget round's phase) is one :class:`StateMachine`. The app's ``services`` call
:meth:`StateMachine.check` before a change and append a history row after it (the history
models refuse edits and deletes, see :class:`wijksturing.history.AppendOnly`); views and forms ask
the app's selectors for the next states, never the table. Plain Python, no Django.

    >>> door = StateMachine("door", {"closed": ("open", "locked"), "open": ("closed",), "locked": ("closed",)})
    >>> door.allowed("closed", "open"), door.allowed("open", "locked")
    (True, False)
    >>> door.next_states("closed")
    ['open', 'locked']
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping


class TransitionError(ValueError):
    """A move that a state machine does not allow, or whose conditions are not met.

    Every app's own transition error derives from this one, so callers can catch them all.
    """

    def __init__(self, message: str = "", *args, from_state: str | None = None, to_state: str | None = None,
                 field: str | None = None) -> None:
        super().__init__(message, *args)  # *args: Django's ValidationError passes code and params along
        self.from_state, self.to_state, self.field = from_state, to_state, field


class StateMachine:
    """A transition table: ``state -> the states it may move to``, in the order they are offered.

    The table must name every state as a key (a final state maps to an empty sequence), and every
    target must be a state.
    """

    def __init__(self, name: str, transitions: Mapping[str, Iterable[str]]) -> None:
        self.name = name
        self._next: dict[str, tuple[str, ...]] = {str(s): tuple(str(t) for t in nxt) for s, nxt in transitions.items()}
        unknown = {t for nxt in self._next.values() for t in nxt} - set(self._next)
        if unknown:
            raise ValueError(f"{name}: transitions to undeclared states {sorted(unknown)}")
        for state, nxt in self._next.items():
            if len(set(nxt)) != len(nxt):
                raise ValueError(f"{name}: {state!r} lists a target twice")

    @property
    def states(self) -> tuple[str, ...]:
        """Every state, in the order of the table."""
        return tuple(self._next)

    @property
    def final(self) -> frozenset[str]:
        """The states without a way out."""
        return frozenset(s for s, nxt in self._next.items() if not nxt)

    def is_state(self, state: str) -> bool:
        return state in self._next

    def allowed(self, from_state: str, to_state: str) -> bool:
        """Whether the table has the move ``from_state → to_state``."""
        return to_state in self._next.get(from_state, ())

    def next_states(self, state: str) -> list[str]:
        """The states ``state`` may move to, in the order of the table (empty for an unknown state)."""
        return list(self._next.get(state, ()))

    def as_dict(self) -> dict[str, frozenset[str]]:
        """The table as ``state -> frozenset of next states``."""
        return {s: frozenset(nxt) for s, nxt in self._next.items()}

    def check(self, from_state: str, to_state: str, *, error: type[TransitionError] = TransitionError,
              unknown: str | None = None, refused: str | None = None) -> None:
        """Raise ``error`` unless ``from_state → to_state`` is in the table. ``unknown`` and
        ``refused`` are the messages (``%(from)s``/``%(to)s``/``%(allowed)s`` are filled in)."""
        values = {"from": from_state, "to": to_state, "allowed": ", ".join(self.next_states(from_state)) or "none"}
        if not self.is_state(to_state):
            raise error((unknown or "Unknown state %(to)r.") % values, from_state=from_state, to_state=to_state)
        if not self.allowed(from_state, to_state):
            raise error((refused or "%(from)r cannot move to %(to)r (allowed: %(allowed)s).") % values,
                        from_state=from_state, to_state=to_state)

    def __repr__(self) -> str:
        return f"StateMachine({self.name!r}, {self._next!r})"
