"""The only bridge between the database and the counting core (:mod:`wijksturing.core.pb`):
database rows -> :class:`~wijksturing.core.pb.Election`, the rule's outcome -> a :class:`Result`.

Only confirmed ballots and feasible proposals take part. A paper ballot counts with the round's
``paper_weight``. Voter ids handed to the core are throw-away numbers (the imported pabulib id
when the ballot came from a .pb file), never a user or a code.
"""

from __future__ import annotations

from dataclasses import asdict, fields
from decimal import Decimal
from fractions import Fraction

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from wijksturing.accounts.services import audit_log
from wijksturing.core import pb as core
from wijksturing.core.pb.explain import money as money_words
from wijksturing.participation.models import (
    BallotChoice,
    BallotStatus,
    BallotType,
    Channel,
    Phase,
    Proposal,
    Result,
    Review,
    Round,
)
from wijksturing.participation.selectors import turnout_by_buurt

# ballot type -> pabulib/core vote type
VOTE_TYPE = {BallotType.APPROVAL: "approval", BallotType.KNAPSACK: "approval",
             BallotType.POINTS: "cumulative", BallotType.RANKING: "ordinal"}
CENT = Decimal("0.01")


def to_fraction(value: Decimal | int | str) -> Fraction:
    return Fraction(Decimal(str(value)))


def to_decimal(value) -> Decimal:
    value = Fraction(value)
    return (Decimal(value.numerator) / Decimal(value.denominator)).quantize(CENT)


def vote_type_of(rnd: Round) -> str:
    """The core's vote type; a round imported from pabulib keeps the file's (choose-1, scoring)."""
    imported = (rnd.pb_meta or {}).get("vote_type")
    if imported and VOTE_TYPE.get(rnd.ballot_type) == {"choose-1": "approval", "scoring": "cumulative"}.get(imported, imported):
        return imported
    return VOTE_TYPE[rnd.ballot_type]


def election_from_round(*, rnd: Round, meta: dict | None = None) -> core.Election:
    """Build the core's election from the database (feasible proposals, confirmed ballots)."""
    vote_type = vote_type_of(rnd)
    proposals = list(rnd.proposals.filter(review=Review.FEASIBLE).order_by("id"))
    by_pk = {p.pk: p for p in proposals}
    projects = [core.Project(id=p.project_id, cost=to_fraction(p.cost), name=p.title,
                             categories=(p.category,) if p.category else ()) for p in proposals]
    choices: dict = {}
    ballots = list(rnd.ballots.filter(status=BallotStatus.CONFIRMED).order_by("pb_voter_id", "id"))
    rows = BallotChoice.objects.filter(ballot__round=rnd, ballot__status=BallotStatus.CONFIRMED)
    for ballot_id, proposal_id, value in rows.values_list("ballot_id", "proposal_id", "value").iterator(chunk_size=5000):
        if proposal_id in by_pk:
            choices.setdefault(ballot_id, []).append((by_pk[proposal_id].project_id, value))
    paper_weight = to_fraction(rnd.paper_weight)
    out = []
    for n, b in enumerate(ballots, start=1):
        items = choices.get(b.pk, [])
        weight = paper_weight if b.channel == Channel.PAPER else 1
        voter = b.pb_voter_id or str(n)
        extra = {"voting_method": b.channel} if not b.pb_voter_id else {}
        if vote_type == "ordinal":
            items.sort(key=lambda pv: pv[1])
            out.append(core.Ballot(voter_id=voter, projects=tuple(p for p, _ in items), weight=weight, extra=extra))
        elif vote_type in ("cumulative", "scoring"):
            items.sort()
            out.append(core.Ballot(voter_id=voter, projects=tuple(p for p, _ in items),
                                   points=tuple(v for _, v in items) if items else None, weight=weight, extra=extra))
        else:
            items.sort()
            out.append(core.Ballot(voter_id=voter, projects=tuple(p for p, _ in items), weight=weight, extra=extra))
    return core.Election(budget=to_fraction(rnd.budget), projects=tuple(projects), ballots=tuple(out),
                         vote_type=vote_type, meta=meta or {})


def round_outcome(*, rnd: Round, rule: str | None = None, tie_break: str | None = None) -> core.Outcome:
    """Count the round with the core (the round's own rule and tie-break unless given)."""
    caps = {c: to_fraction(v) for c, v in (rnd.category_caps or {}).items()} or None
    election = election_from_round(rnd=rnd)
    return core.count(election, rule or rnd.rule, tie_break=tie_break or rnd.tie_break,
                      category_caps=caps, leftover=rnd.leftover)


# --- explanation <-> JSON -------------------------------------------------------------------

def _encode(value):
    if isinstance(value, Fraction):
        return {"q": f"{value.numerator}/{value.denominator}"}
    if isinstance(value, (list, tuple)):
        return [_encode(v) for v in value]
    if isinstance(value, dict):
        return {k: _encode(v) for k, v in value.items()}
    return value


def _decode(value):
    if isinstance(value, dict) and set(value) == {"q"}:
        return Fraction(value["q"])
    if isinstance(value, list):
        return tuple(_decode(v) for v in value)
    if isinstance(value, dict):
        return {k: _decode(v) for k, v in value.items()}
    return value


def explanation_to_json(explanation: core.Explanation) -> dict:
    return _encode(asdict(explanation))


def explanation_from_json(data: dict) -> core.Explanation | None:
    if not data:
        return None
    names = {f.name for f in fields(core.ProjectExplanation)}
    projects = tuple(core.ProjectExplanation(**{k: _decode(v) for k, v in p.items() if k in names})
                     for p in data.get("projects", []))
    top = {k: _decode(v) for k, v in data.items() if k != "projects"}
    return core.Explanation(projects=projects, **top)


def explanation_lines(*, result: Result, lang: str = "nl") -> list[str]:
    """The plain-language explanation (B1) of a result, Dutch or English."""
    explanation = explanation_from_json(result.explanation)
    if explanation is None:
        return []
    return core.render(explanation, "en" if lang.startswith("en") else "nl")


# --- the counting service -------------------------------------------------------------------

@transaction.atomic
def round_count(*, rnd: Round, by=None) -> Result:
    """Count a round in phase "counting" and store the (unpublished) result."""

    if rnd.phase != Phase.COUNTING:
        raise ValidationError(_("Votes can only be counted in the counting phase."))
    if rnd.ballots.filter(status=BallotStatus.ENTERED).exists():
        raise ValidationError(_("Some paper ballots still wait for their check."))
    outcome = round_outcome(rnd=rnd)
    proposals = {p.project_id: p for p in rnd.proposals.filter(review=Review.FEASIBLE)}
    per_project, per_category = {}, {}
    for note in outcome.explanation.projects:
        p: Proposal = proposals[note.project_id]
        money = to_decimal(note.cost) if note.selected else Decimal("0.00")
        per_project[note.project_id] = {"cost": str(to_decimal(note.cost)), "votes": _votes(note.votes),
                                        "money": str(money), "category": p.category}
        if note.selected:
            key = p.category or ""
            per_category[key] = str(Decimal(per_category.get(key, "0")) + money)
    turnout = [{**row, "share": str(row["share"]) if row["share"] is not None else None}
               for row in turnout_by_buurt(rnd=rnd)]
    result = Result.objects.create(
        round=rnd, rule=outcome.rule, tie_break=outcome.tie_break, selected=outcome.sorted_ids(),
        spent=to_decimal(outcome.spent), per_project=per_project, per_category=per_category,
        turnout={"rows": turnout}, explanation=explanation_to_json(outcome.explanation),
        ballots_counted=rnd.ballots.filter(status=BallotStatus.CONFIRMED).count(),
        counted_by=by if getattr(by, "is_authenticated", False) else None)
    audit_log(user=by, action="pb_round_count", obj=result, municipality_code=rnd.municipality.code,
              changes={"round": rnd.pk, "rule": outcome.rule, "selected": list(result.selected)})
    return result


def _votes(value) -> str:
    value = Fraction(value)
    return str(value.numerator) if value.denominator == 1 else str(to_decimal(value))


def money_text(value, lang: str = "nl") -> str:
    """An amount as residents read it: ``€ 1.234,50`` (Dutch) or ``€ 1,234.50`` (English)."""

    return money_words(to_fraction(value), "en" if (lang or "nl").startswith("en") else "nl")
