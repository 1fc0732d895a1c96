"""Plain data classes for one participatory-budgeting election (no Django, no pabutools).

An :class:`Election` is a budget, a tuple of :class:`Project` and a tuple of :class:`Ballot`.
The Django app builds one straight from database rows::

    Election(
        budget=Fraction(250_000),
        vote_type="approval",            # or "choose-1", "cumulative", "scoring", "ordinal"
        projects=[Project(id="17", cost=12_500, name="Bankjes", categories=("groen",), area="Noord")],
        ballots=[Ballot(voter_id="a81f", projects=("17", "4")),                  # approval
                 Ballot(voter_id="c02e", projects=("4",), weight=Fraction(1, 2))],
    )

Cumulative and scoring ballots carry ``points`` parallel to ``projects``; ordinal ballots list
``projects`` best first. Money, points and weights are kept exact (``int`` or ``Fraction``);
floats are refused because they make counting depend on rounding.

Utilities (what a ballot is worth to the counting rules, see :func:`vote_points`):

* approval / choose-1: every approved project gets 1 vote; the Method of Equal Shares uses
  *cost utilities* (a supporter values a project at its cost, as equalshares.net does and as
  pabutools' ``Cost_Sat``), so its "price per point" is a share of euros;
* cumulative / scoring: the points the voter gave;
* ordinal: a ranking of n projects gives n points to the first, n-1 to the second, ..., 1 to
  the last (Kraków's 3/2/1; pabutools' ``Additive_Borda_Sat`` would give n-1..0 instead).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from fractions import Fraction
from numbers import Rational
from typing import Literal

VoteType = Literal["approval", "choose-1", "cumulative", "scoring", "ordinal"]
VOTE_TYPES: tuple[str, ...] = ("approval", "choose-1", "cumulative", "scoring", "ordinal")
Number = int | Fraction


class ElectionError(ValueError):
    """An election that cannot be counted (unknown project in a ballot, negative cost, ...)."""


def exact(value: object, what: str) -> Number:
    """Return ``value`` as an exact ``int``/``Fraction``; refuse floats, bools and text."""
    if isinstance(value, bool) or not isinstance(value, Rational):
        raise ElectionError(f"{what}: expected an exact number (int or Fraction), got {value!r}")
    frac = Fraction(value)
    return int(frac) if frac.denominator == 1 else frac


@dataclass(frozen=True)
class Project:
    """One project on the ballot. ``id`` is compared as a string (never as a number)."""

    id: str
    cost: Number
    name: str = ""
    categories: tuple[str, ...] = ()
    area: str | None = None
    extra: Mapping[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not isinstance(self.id, str) or not self.id or self.id != self.id.strip():
            raise ElectionError(f"project id must be a non-empty string without spaces around it: {self.id!r}")
        object.__setattr__(self, "cost", exact(self.cost, f"cost of project {self.id}"))
        if self.cost < 0:
            raise ElectionError(f"cost of project {self.id} is negative: {self.cost}")
        object.__setattr__(self, "categories", tuple(self.categories))
        object.__setattr__(self, "extra", dict(self.extra))


@dataclass(frozen=True)
class Ballot:
    """One voter's ballot. ``points`` only for cumulative/scoring ballots (parallel to ``projects``)."""

    voter_id: str
    projects: tuple[str, ...]
    points: tuple[Number, ...] | None = None
    weight: Number = 1
    extra: Mapping[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "voter_id", str(self.voter_id))
        object.__setattr__(self, "projects", tuple(self.projects))
        if self.points is not None and not self.projects and not tuple(self.points):
            object.__setattr__(self, "points", None)  # an empty ballot has no points
        if self.points is not None:
            pts = tuple(exact(p, f"points of voter {self.voter_id}") for p in self.points)
            object.__setattr__(self, "points", pts)
            if len(pts) != len(self.projects):
                raise ElectionError(f"voter {self.voter_id}: {len(self.projects)} projects but {len(pts)} points")
        object.__setattr__(self, "weight", exact(self.weight, f"weight of voter {self.voter_id}"))
        if self.weight < 0:
            raise ElectionError(f"weight of voter {self.voter_id} is negative: {self.weight}")
        if len(set(self.projects)) != len(self.projects):
            raise ElectionError(f"voter {self.voter_id} names a project twice: {','.join(self.projects)}")
        object.__setattr__(self, "extra", dict(self.extra))


@dataclass(frozen=True)
class Election:
    """A budget, the projects and the ballots. ``meta`` keeps pabulib META lines (optional)."""

    budget: Number
    projects: tuple[Project, ...]
    ballots: tuple[Ballot, ...]
    vote_type: VoteType = "approval"
    meta: Mapping[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "budget", exact(self.budget, "budget"))
        if self.budget < 0:
            raise ElectionError(f"budget is negative: {self.budget}")
        if self.vote_type not in VOTE_TYPES:
            raise ElectionError(f"vote_type must be one of {', '.join(VOTE_TYPES)}, got {self.vote_type!r}")
        object.__setattr__(self, "projects", tuple(self.projects))
        object.__setattr__(self, "ballots", tuple(self.ballots))
        object.__setattr__(self, "meta", dict(self.meta))
        ids = [p.id for p in self.projects]
        if len(set(ids)) != len(ids):
            dupes = sorted({i for i in ids if ids.count(i) > 1})
            raise ElectionError(f"duplicate project id(s): {', '.join(dupes)}")
        known = set(ids)
        needs_points = self.vote_type in ("cumulative", "scoring")
        for b in self.ballots:
            unknown = [p for p in b.projects if p not in known]
            if unknown:
                raise ElectionError(f"voter {b.voter_id} votes for unknown project(s): {', '.join(unknown)}")
            if needs_points and b.points is None and b.projects:
                raise ElectionError(f"voter {b.voter_id}: a {self.vote_type} ballot needs points")
            if not needs_points and b.points is not None:
                raise ElectionError(f"voter {b.voter_id}: an {self.vote_type} ballot has no points")

    def project(self, project_id: str) -> Project:
        for p in self.projects:
            if p.id == project_id:
                return p
        raise KeyError(project_id)

    def replace(self, **changes: object) -> Election:
        """A copy with some fields changed (e.g. ``ballots=reversed(e.ballots)``)."""
        values = {k: getattr(self, k) for k in ("budget", "projects", "ballots", "vote_type", "meta")}
        values.update(changes)
        return Election(**values)  # type: ignore[arg-type]


def vote_points(election: Election, ballot: Ballot) -> dict[str, Number]:
    """The points a ballot gives each project (approval 1, cumulative/scoring the points, ordinal n..1)."""
    if election.vote_type in ("approval", "choose-1"):
        return {p: 1 for p in ballot.projects}
    if election.vote_type == "ordinal":
        n = len(ballot.projects)
        return {p: n - k for k, p in enumerate(ballot.projects)}
    return dict(zip(ballot.projects, ballot.points or (), strict=True))


def weight_by_field(field_name: str, weights: Mapping[str, Number], *, default: Number = 1):
    """A ``voter_weight`` function: weight by a ballot column, e.g. ``voting_method`` paper/online."""
    table = {k: exact(v, f"weight for {k}") for k, v in weights.items()}
    default = exact(default, "default weight")

    def weight(ballot: Ballot) -> Number:
        return ballot.weight * table.get(ballot.extra.get(field_name, ""), default)

    return weight


def ballots_from_rows(rows: Iterable[tuple[str, Iterable[str]]]) -> tuple[Ballot, ...]:
    """Approval ballots from ``(voter_id, project_ids)`` rows, e.g. a database query."""
    return tuple(Ballot(voter_id=v, projects=tuple(ps)) for v, ps in rows)
