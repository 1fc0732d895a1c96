"""Writes of the participation app: rounds and their phases, proposals and their review.

Voting (codes and ballots) is in :mod:`.ballots` and counting in :mod:`.counting`; they are
re-exported here, so other apps and the views only import ``participation.services``. The pabulib
import and export (:mod:`.pabulib`) build on these services and are called from this app only
(commands, demo, the export page); the phases are the state machine in :mod:`.workflow`.
"""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from wijksturing.accounts.ratelimit import current_client, limit_hit
from wijksturing.accounts.services import audit_log
from wijksturing.areas.models import Area
from wijksturing.areas.selectors import area_gebied, area_get, gebied_get, municipality_get
from wijksturing.participation.ballots import (
    ballot_box_flush,
    ballot_cast,
    paper_ballot_check,
    paper_ballot_enter,
    voting_codes_generate,
)
from wijksturing.participation.counting import round_count
from wijksturing.participation.models import (
    BallotStatus,
    Phase,
    PhaseChange,
    Proposal,
    Review,
    Round,
)
from wijksturing.participation.workflow import MACHINE, TRANSITIONS, TransitionError


def resolve_area(*, municipality_code: str, area_code: str) -> tuple[str, str, str, str]:
    """``(code, name, level, gebied_code)`` of a round's area: the municipality itself, one of
    its gebieden, or a CBS wijk/buurt of its latest layout."""
    municipality = municipality_get(code=municipality_code)
    if area_code.upper() == municipality.code:
        return municipality.code, municipality.name, "gemeente", ""
    try:
        area = gebied_get(municipality_code=municipality.code, code=area_code)
        return area.code, area.name, area.level, area.code
    except Area.DoesNotExist:
        pass
    try:
        area = area_get(code=area_code)
    except Area.DoesNotExist:
        message = _("Area %(code)s not found in %(m)s.") % {"code": area_code, "m": municipality.code}
        raise ValidationError({"area": message}) from None
    if area.layout.municipality_id != municipality.pk:
        raise ValidationError({"area": _("Area %(code)s is not in %(m)s.") % {"code": area_code, "m": municipality.code}})
    gebied = area_gebied(area=area)
    return area.code, area.name, area.level, gebied.code if gebied else ""


@transaction.atomic
def round_create(*, municipality_code: str, area_code: str, title: str, period: str, budget: Decimal,
                 by=None, **fields) -> Round:
    """Create a round in phase "proposals open"; ``fields`` are other :class:`Round` fields."""
    code, name, level, gebied = resolve_area(municipality_code=municipality_code, area_code=area_code)
    rnd = Round(municipality=municipality_get(code=municipality_code), area_code=code, area_name=name,
                area_level=level, gebied_code=gebied, title=title, period=period, budget=Decimal(budget), **fields)
    round_validate(rnd=rnd)
    rnd.save()
    PhaseChange.objects.create(
        round=rnd, from_phase="", to_phase=rnd.phase, by=by if getattr(by, "is_authenticated", False) else None
    )
    audit_log(user=by, action="pb_round_create", obj=rnd, municipality_code=rnd.municipality.code,
              changes={"title": title, "area": code, "budget": str(budget)})
    return rnd


def round_validate(*, rnd: Round) -> None:
    """Field checks plus the ballot-type rules; errors name the field."""
    rnd.full_clean(exclude=["municipality"])
    errors = {}
    if rnd.budget <= 0:
        errors["budget"] = _("The budget must be more than 0.")
    if rnd.max_choices is not None and rnd.max_choices < rnd.min_choices:
        errors["max_choices"] = _("The maximum must not be below the minimum.")
    if rnd.ballot_type == "points" and not rnd.points_per_voter:
        errors["points_per_voter"] = _("A points ballot needs a number of points per voter.")
    if rnd.ballot_type == "ranking" and not rnd.max_choices:
        errors["max_choices"] = _("A ranking ballot needs the number of projects to rank (k).")
    if rnd.paper_weight <= 0:
        errors["paper_weight"] = _("The weight of a paper ballot must be more than 0.")
    for category, cap in (rnd.category_caps or {}).items():
        try:
            if Decimal(str(cap)) < 0:
                raise ValueError
        except (ValueError, ArithmeticError):
            errors["category_caps"] = _("Maximum for category %(c)s is not an amount.") % {"c": category}
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def round_transition(*, rnd: Round, to_phase: str, by=None, note: str = "") -> Round:
    """Move a round to ``to_phase`` if the state machine allows it; appends to the history."""
    given, rnd = rnd, Round.objects.select_for_update().select_related("municipality").get(pk=rnd.pk)
    if not MACHINE.allowed(rnd.phase, to_phase):
        raise TransitionError(
            _("A round cannot go from “%(a)s” to “%(b)s”.")
            % {"a": Phase(rnd.phase).label, "b": Phase(to_phase).label if to_phase in Phase.values else to_phase}
        )
    if to_phase == Phase.VOTING and not rnd.proposals.filter(review=Review.FEASIBLE).exists():
        raise TransitionError(_("Voting needs at least one proposal reviewed as feasible."))
    if to_phase == Phase.VOTING and rnd.phase == Phase.REVIEW and rnd.proposals.filter(review=Review.PENDING).exists():
        raise TransitionError(_("Review every proposal before voting starts."))
    if to_phase == Phase.COUNTING:
        ballot_box_flush(rnd=rnd, force=True)  # voting has closed: every ballot leaves the box
    if to_phase == Phase.COUNTING and rnd.ballots.filter(status=BallotStatus.ENTERED).exists():
        raise TransitionError(_("Some paper ballots still wait for their check."))
    if to_phase == Phase.PUBLISHED:
        result = rnd.results.first()
        if result is None:
            raise TransitionError(_("Count the votes before publishing the result."))
        result.published = True
        result.save(update_fields=["published"])
    PhaseChange.objects.create(round=rnd, from_phase=rnd.phase, to_phase=to_phase, note=note[:300],
                               by=by if getattr(by, "is_authenticated", False) else None)
    old, rnd.phase = rnd.phase, to_phase
    rnd.save(update_fields=["phase"])
    given.phase = to_phase  # keep the caller's instance in step
    audit_log(user=by, action="pb_round_phase", obj=rnd, municipality_code=rnd.municipality.code,
              changes={"from": old, "to": to_phase})
    return rnd


def _next_project_id(rnd: Round) -> str:
    numbers = [int(p) for p in rnd.proposals.values_list("project_id", flat=True) if p.isdigit()]
    return str(max(numbers, default=0) + 1)


@transaction.atomic
def proposal_submit(*, rnd: Round, title: str, description: str, estimated_cost: Decimal, category: str = "",
                    lon: float | None = None, lat: float | None = None, contact_email: str = "", by=None) -> Proposal:
    """A resident's proposal; only while proposals are open."""
    if rnd.phase != Phase.PROPOSALS:
        raise ValidationError(_("This round does not take proposals now."))

    if not getattr(by, "is_authenticated", False) and current_client() and limit_hit(scope="form_ip", key=current_client()):
        raise ValidationError(_("Too many proposals were sent from your connection. Try again later."), code="rate_limited")
    errors = {}
    if Decimal(estimated_cost) <= 0:
        errors["estimated_cost"] = _("The estimated cost must be more than 0.")
    elif Decimal(estimated_cost) > rnd.budget:
        errors["estimated_cost"] = _("The estimated cost is more than the whole budget.")
    if (lon is None) != (lat is None):
        errors["location"] = _("Give both longitude and latitude, or neither.")
    if errors:
        raise ValidationError(errors)
    proposal = Proposal(round=rnd, project_id=_next_project_id(rnd), title=title, description=description,
                        estimated_cost=Decimal(estimated_cost), category=category, lon=lon, lat=lat,
                        contact_email=contact_email)
    proposal.full_clean()
    proposal.save()
    audit_log(user=by, action="pb_proposal_submit", obj=proposal, municipality_code=rnd.municipality.code,
              changes={"round": rnd.pk, "title": title})
    return proposal


@transaction.atomic
def proposal_review(*, proposal: Proposal, feasible: bool, reason: str, final_cost: Decimal | None = None, by=None) -> Proposal:
    """The area team's check: feasible or not, a reason that is published, the final cost."""
    if proposal.round.phase not in (Phase.PROPOSALS, Phase.REVIEW):
        raise ValidationError(_("Proposals can only be reviewed before voting starts."))
    if not reason.strip():
        raise ValidationError({"review_reason": _("Give a reason; it is published with the proposal.")})
    if final_cost is not None and final_cost <= 0:
        raise ValidationError({"final_cost": _("The final cost must be more than 0.")})
    proposal.review = Review.FEASIBLE if feasible else Review.NOT_FEASIBLE
    proposal.review_reason = reason.strip()
    proposal.final_cost = final_cost
    proposal.save(update_fields=["review", "review_reason", "final_cost"])
    audit_log(user=by, action="pb_proposal_review", obj=proposal, municipality_code=proposal.round.municipality.code,
              changes={"review": proposal.review, "final_cost": str(final_cost) if final_cost is not None else None})
    return proposal


@transaction.atomic
def proposal_execution_note(*, proposal: Proposal, note: str, by=None) -> Proposal:
    """How the execution of a selected project is going (phase "execution followed")."""
    proposal.execution_note = note.strip()
    proposal.save(update_fields=["execution_note"])
    audit_log(user=by, action="pb_proposal_execution", obj=proposal, municipality_code=proposal.round.municipality.code)
    return proposal


def proposal_contacts_purge(*, older_than_days: int | None = None) -> int:
    """Remove proposers' e-mail addresses of rounds that ended (published/execution) longer than
    the retention period ago (settings.RETENTION_DAYS). Returns the number cleared."""
    days = settings.RETENTION_DAYS if older_than_days is None else older_than_days
    cutoff = timezone.now() - timedelta(days=days)
    ended = PhaseChange.objects.filter(to_phase=Phase.PUBLISHED, at__lt=cutoff).values("round_id")
    return Proposal.objects.filter(round_id__in=ended).exclude(contact_email="").update(contact_email="")


__all__ = [
    "TRANSITIONS", "TransitionError", "ballot_box_flush", "ballot_cast", "paper_ballot_check", "paper_ballot_enter",
    "proposal_contacts_purge", "proposal_execution_note", "proposal_review", "proposal_submit",
    "resolve_area", "round_count", "round_create",
    "round_transition", "voting_codes_generate",
]
