"""Writes of the budgets app: budget lines, commitments and spending, resident initiatives
(the only write path for their status), and removal of personal data after retention."""

from __future__ import annotations

import secrets
from datetime import date, timedelta

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from wijksturing.accounts.ratelimit import current_client, limit_hit
from wijksturing.accounts.services import audit_log
from wijksturing.areas.selectors import gebied_get
from wijksturing.budgets import workflow
from wijksturing.budgets.arithmetic import money
from wijksturing.budgets.models import BudgetLine, Entry, EntryKind, Initiative, InitiativeEvent
from wijksturing.budgets.selectors import budget_can_edit, initiative_can_manage, line_balance
from wijksturing.budgets.workflow import InitiativeStatus as S

PERSONAL_FIELDS = ("applicant_name", "applicant_email", "applicant_phone")


def _require(user, municipality_code: str, gebied_code: str) -> None:
    if user is not None and not budget_can_edit(user=user, municipality_code=municipality_code, gebied_code=gebied_code):
        raise PermissionDenied("You may not change the budget of this gebied.")


@transaction.atomic
def budget_line_set(*, user, municipality, gebied_code: str, year: int, domain: str, amount, illustrative: bool = False,
                    note: str = "") -> BudgetLine:
    """Set (or change) the amount the council set for a gebied, year and domain."""
    _require(user, municipality.code, gebied_code)
    line = BudgetLine.objects.filter(municipality=municipality, gebied_code=gebied_code, year=year, domain=domain).first()
    before = str(line.amount) if line else None
    line = line or BudgetLine(municipality=municipality, gebied_code=gebied_code, year=year, domain=domain)
    line.amount, line.illustrative, line.note = money(amount), illustrative, note
    line.full_clean()
    line.save()
    audit_log(user=user, action="budget_line_set", obj=line, municipality_code=municipality.code,
              changes={"gebied": gebied_code, "year": year, "domain": domain, "amount": [before, str(line.amount)]})
    return line


@transaction.atomic
def entry_add(*, user, line: BudgetLine, kind: str, amount, entry_date: date, description: str, reference: str = "",
              goal=None, effort=None, initiative=None) -> Entry:
    """Add a commitment or a payment. Over-commitment is allowed but shows as a warning."""
    _require(user, line.municipality.code, line.gebied_code)
    if kind not in EntryKind.values:
        raise ValidationError({"kind": f"must be one of {', '.join(EntryKind.values)}"})
    try:
        value = money(amount)
    except (ArithmeticError, TypeError, ValueError) as exc:
        raise ValidationError({"amount": f"not an amount: {amount!r}"}) from exc
    if value <= 0:
        raise ValidationError({"amount": "must be more than 0"})
    entry = Entry(line=line, kind=kind, amount=value, date=entry_date, description=description, reference=reference,
                  goal=goal, effort=effort, initiative=initiative)
    entry.full_clean()
    entry.save()
    audit_log(user=user, action="budget_entry_add", obj=entry, municipality_code=line.municipality.code,
              changes={"line": line.pk, "kind": kind, "amount": str(value), "reference": reference})
    return entry


def _token() -> str:
    return secrets.token_urlsafe(18)


@transaction.atomic
def initiative_submit(*, municipality, gebied_code: str, title: str, description: str, location: str, amount,
                      applicant_name: str = "", applicant_email: str = "", applicant_phone: str = "",
                      domain: str = "participation") -> Initiative:
    """A resident applies (no login). Returns the initiative; its token is the follow link."""
    try:
        gebied_get(municipality_code=municipality.code, code=gebied_code)
    except ObjectDoesNotExist:
        raise ValidationError({"gebied_code": f"there is no gebied {gebied_code!r} in {municipality.name}"}) from None
    if current_client() and limit_hit(scope="form_ip", key=current_client()):
        raise ValidationError("too many applications were sent from your connection; try again later",
                              code="rate_limited")
    try:
        amount = money(amount)
    except (ArithmeticError, TypeError, ValueError) as exc:
        raise ValidationError({"amount_requested": "not an amount"}) from exc
    if amount <= 0:
        raise ValidationError({"amount_requested": "must be more than 0"})
    initiative = Initiative(
        municipality=municipality, gebied_code=gebied_code, token=_token(), title=title, description=description,
        location=location, amount_requested=amount, domain=domain, applicant_name=applicant_name,
        applicant_email=applicant_email, applicant_phone=applicant_phone,
    )
    initiative.full_clean()
    initiative.save()
    InitiativeEvent.objects.create(initiative=initiative, to_status=S.SUBMITTED)
    audit_log(user=None, action="initiative_submit", obj=initiative, municipality_code=municipality.code,
              changes={"gebied": gebied_code, "amount": str(amount)})  # no personal data
    return initiative


def _line_for(initiative: Initiative) -> BudgetLine:
    year = timezone.localdate().year
    line = BudgetLine.objects.filter(
        municipality=initiative.municipality, gebied_code=initiative.gebied_code, year=year, domain=initiative.domain
    ).first()
    if line is None:
        raise ValidationError({"domain": f"there is no {year} budget for this domain in this gebied"})
    return line


@transaction.atomic
def initiative_transition(*, user, initiative: Initiative, to: str, note: str = "", amount_granted=None,
                          decision_reason: str = "", account: str = "", assessment: dict | None = None,
                          goal=None) -> Initiative:
    """Move an initiative to ``to``; refuses transitions the state machine does not allow.
    Approval commits the granted amount to the area budget; payment records the spending."""
    initiative = Initiative.objects.select_for_update().select_related("municipality").get(pk=initiative.pk)
    if user is not None and not initiative_can_manage(user=user, initiative=initiative):
        raise PermissionDenied("Only the area team of this gebied manages its initiatives.")
    workflow.check(initiative.status, to)
    if assessment is not None:
        unknown = set(assessment) - {code for code, _ in workflow.CRITERIA}
        if unknown:
            raise ValidationError({"assessment": f"unknown criteria: {', '.join(sorted(unknown))}"})
        initiative.assessment = {k: bool(v) for k, v in assessment.items()}
    if goal is not None:
        initiative.goal = goal
    if to in (S.APPROVED, S.REJECTED):
        if not decision_reason.strip():
            raise ValidationError({"decision_reason": "a decision needs a reason"})
        initiative.decision_reason = decision_reason
    if to == S.APPROVED:
        if amount_granted in (None, ""):
            raise ValidationError({"amount_granted": "an approval needs the amount granted"})
        granted = money(amount_granted)
        if granted <= 0 or granted > initiative.amount_requested:
            raise ValidationError({"amount_granted": "must be more than 0 and at most the amount requested"})
        initiative.amount_granted = granted
        line = _line_for(initiative)
        if line_balance(line=line).remaining < granted:
            raise ValidationError({"amount_granted": "more than what remains of the budget for this domain"})
        entry_add(user=None, line=line, kind=EntryKind.COMMITMENT, amount=granted, entry_date=timezone.localdate(),
                  description=f"Bewonersinitiatief: {initiative.title}"[:300], initiative=initiative, goal=initiative.goal)
    if to == S.PAID:
        commitment = initiative.entries.filter(kind=EntryKind.COMMITMENT).select_related("line").first()
        line = commitment.line if commitment else _line_for(initiative)
        entry_add(user=None, line=line, kind=EntryKind.SPENDING, amount=initiative.amount_granted,
                  entry_date=timezone.localdate(), description=f"Bewonersinitiatief: {initiative.title}"[:300],
                  initiative=initiative, goal=initiative.goal)
    if to == S.ACCOUNTED:
        if not account.strip():
            raise ValidationError({"account": "closing needs an account of what was done"})
        initiative.account = account
    if to == S.WITHDRAWN and initiative.status == S.APPROVED:
        # release the commitment with a reversal entry; entries are never deleted
        commitment = initiative.entries.filter(kind=EntryKind.COMMITMENT).first()
        if commitment is not None:
            Entry.objects.create(line=commitment.line, kind=EntryKind.COMMITMENT, amount=-commitment.amount,
                                 date=timezone.localdate(), description=f"Vrijval: {initiative.title}"[:300],
                                 initiative=initiative, goal=commitment.goal)
    previous = initiative.status
    initiative.status = to
    if to in workflow.FINAL:
        initiative.closed_at = timezone.now()
    initiative.save()
    InitiativeEvent.objects.create(initiative=initiative, from_status=previous, to_status=to, note=note,
                                   user=user if getattr(user, "is_authenticated", False) else None)
    audit_log(user=user, action="initiative_transition", obj=initiative, municipality_code=initiative.municipality.code,
              changes={"from": previous, "to": to})
    return initiative


@transaction.atomic
def initiatives_remove_personal_data(*, now=None, days: int | None = None) -> int:
    """Blank the applicant's contact details of initiatives closed longer than ``days``
    (default RETENTION_DAYS) ago."""
    now = now or timezone.now()
    cutoff = now - timedelta(days=int(settings.RETENTION_DAYS if days is None else days))
    qs = Initiative.objects.filter(closed_at__lt=cutoff, personal_data_removed_at__isnull=True)
    count = qs.update(applicant_name="", applicant_email="", applicant_phone="", personal_data_removed_at=now)
    if count:
        audit_log(user=None, action="initiatives_remove_personal_data", obj="Initiative", changes={"count": count})
    return count

