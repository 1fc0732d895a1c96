"""Reads of the participation app: rounds, proposals, results, turnout and who may manage."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal

from django.db.models import Q, QuerySet

from wijksturing.accounts.models import Role
from wijksturing.accounts.selectors import user_gebied_codes, user_has_role
from wijksturing.areas.selectors import area_list
from wijksturing.participation.models import (
    Ballot,
    BallotStatus,
    Phase,
    Proposal,
    Result,
    Review,
    Round,
    VotingCode,
)
from wijksturing.participation.workflow import next_phases

MANAGER_ROLES = (Role.ADMINISTRATOR, Role.AREA_TEAM)
TURNOUT_MIN_COUNT = 10  # turnout counts below this are not shown (privacy)


def round_list(*, municipality_code: str | None = None) -> QuerySet[Round]:
    qs = Round.objects.select_related("municipality")
    if municipality_code:
        qs = qs.filter(municipality__code=municipality_code)
    return qs


def round_get(*, pk: int) -> Round:
    return Round.objects.select_related("municipality").get(pk=pk)


def round_user_can_manage(*, user, rnd: Round) -> bool:
    """Administrators of the municipality and the area team of the round's gebied."""
    return user_has_role(user=user, municipality_code=rnd.municipality.code, roles=MANAGER_ROLES,
                         gebied_code=rnd.gebied_code)


def round_list_managed(*, user) -> list[Round]:
    """The rounds this user may manage."""
    if not getattr(user, "is_authenticated", False):
        return []
    return [r for r in round_list() if round_user_can_manage(user=user, rnd=r)]


def user_manages_any(*, user, municipality_code: str) -> bool:
    return user_gebied_codes(user=user, municipality_code=municipality_code, roles=MANAGER_ROLES) != set()


def proposal_list(*, rnd: Round, public: bool = True) -> QuerySet[Proposal]:
    """Proposals of a round. Public: all of them while proposals are open and in review (their
    review shown once done); from voting on only the feasible ones and the rejected with reason."""
    return rnd.proposals.all().order_by("created_at", "id")


def ballot_proposals(*, rnd: Round) -> QuerySet[Proposal]:
    """The projects on the ballot: the feasible proposals."""
    return rnd.proposals.filter(review=Review.FEASIBLE).order_by("title", "id")


def result_latest(*, rnd: Round, published: bool | None = None) -> Result | None:
    qs = rnd.results.all()
    if published is not None:
        qs = qs.filter(published=published)
    return qs.first()


def paper_ballots_waiting(*, rnd: Round) -> QuerySet[Ballot]:
    return rnd.ballots.filter(status=BallotStatus.ENTERED).select_related("entered_by").prefetch_related("choices__proposal")


def ballot_counts(*, rnd: Round) -> dict[str, int]:
    """Confirmed ballots per channel, and the number waiting for a check."""
    counts = Counter(rnd.ballots.filter(status=BallotStatus.CONFIRMED).values_list("channel", flat=True))
    sealed = rnd.sealed_ballots.count()  # cast online, still in the ballot box (not yet mixed)
    return {"online": counts.get("online", 0) + sealed, "paper": counts.get("paper", 0),
            "waiting": rnd.ballots.filter(status=BallotStatus.ENTERED).count(),
            "codes": rnd.voting_codes.count(), "codes_used": rnd.voting_codes.filter(used=True).count()}


def _buurt_names(rnd: Round, codes: set[str]) -> dict[str, str]:
    codes = {c for c in codes if c}
    if not codes:
        return {}
    return {a.code: a.name for a in area_list(municipality_code=rnd.municipality.code, level="buurt").filter(code__in=codes)}


def turnout_by_buurt(*, rnd: Round) -> list[dict]:
    """Per buurt: confirmed ballots and codes handed out, with a share when codes were handed
    out there. Counts below 10 are suppressed (``None``) so that no single voter stands out."""
    ballots = Counter(rnd.ballots.filter(status=BallotStatus.CONFIRMED).values_list("buurt_code", flat=True))
    codes = Counter(VotingCode.objects.filter(round=rnd).values_list("buurt_code", flat=True))
    names = _buurt_names(rnd, set(ballots) | set(codes))
    rows = []
    for code in sorted(set(ballots) | set(codes), key=lambda c: (c == "", c)):
        n, issued = ballots.get(code, 0), codes.get(code, 0)
        shown = n >= TURNOUT_MIN_COUNT
        share = None
        if shown and issued and code:
            share = (Decimal(n) / Decimal(issued) * 100).quantize(Decimal("0.1"))
        rows.append({"buurt_code": code, "name": names.get(code, code), "ballots": n if shown else None,
                     "codes": issued, "share": share, "suppressed": not shown})
    return rows


def result_rows(*, result: Result, rnd: Round) -> list[dict]:
    """Per project in the result: proposal, votes, cost, money given, selected (selected first)."""
    proposals = {p.project_id: p for p in rnd.proposals.all()}
    rows = []
    for pid, info in result.per_project.items():
        rows.append({"proposal": proposals.get(pid), "project_id": pid, "votes": info.get("votes"),
                     "cost": Decimal(info["cost"]), "money": Decimal(info.get("money", "0")),
                     "selected": pid in result.selected})
    return sorted(rows, key=lambda r: (not r["selected"], -Decimal(str(r["votes"] or 0)), r["project_id"]))


def round_next_phases(*, rnd: Round) -> list[str]:
    """The phases the round may move to now (the state machine only; services check the conditions)."""
    return next_phases(rnd.phase)


def round_phase_history(*, rnd: Round):
    return rnd.phase_changes.select_related("by")


PUBLIC_RESULT_PHASES = (Phase.PUBLISHED, Phase.EXECUTION)


def round_list_for_area(*, municipality_code: str, gebied_code: str | None = None, limit: int = 4) -> list[Round]:
    """The latest rounds of a gebied (its own, its wijken's and buurten's) and the municipality-wide
    rounds; every round of the municipality when ``gebied_code`` is None. Each round carries
    ``public_result``: the published result once the phase shows results, else None (a count
    that is not yet published stays hidden)."""
    qs = round_list(municipality_code=municipality_code)
    if gebied_code is not None:
        qs = qs.filter(Q(gebied_code=gebied_code) | Q(area_level="gemeente"))
    rounds = list(qs.order_by("-created_at", "-id")[:limit])
    for rnd in rounds:
        rnd.public_result = result_latest(rnd=rnd, published=True) if rnd.phase in PUBLIC_RESULT_PHASES else None
    return rounds
