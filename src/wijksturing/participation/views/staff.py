"""Staff pages (area team of the round's gebied, administrators): create a round, review
proposals, change phases, print voting codes, enter and check paper ballots, count, publish."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from wijksturing.accounts.selectors import user_gebied_codes
from wijksturing.areas.selectors import area_descendants, area_list, municipality_list
from wijksturing.participation import pabulib, selectors, services
from wijksturing.participation.forms import (
    CodesForm,
    ExecutionForm,
    PhaseForm,
    ReviewForm,
    RoundForm,
    ballot_from_post,
    ballot_rows,
)
from wijksturing.participation.models import Ballot, Channel, Phase, Proposal, Round
from wijksturing.participation.views.common import round_buurten
from wijksturing.participation.views.public import _add_errors


def _managed(request: HttpRequest, pk: int) -> Round:
    rnd = get_object_or_404(Round.objects.select_related("municipality"), pk=pk)
    if not selectors.round_user_can_manage(user=request.user, rnd=rnd):
        raise PermissionDenied
    return rnd


def _area_choices(user) -> list[tuple[str, str]]:
    """``municipality|area`` choices: the gebieden (and their wijken) the user may manage."""
    choices = []
    for m in municipality_list():
        allowed = user_gebied_codes(user=user, municipality_code=m.code, roles=selectors.MANAGER_ROLES)
        if allowed == set():
            continue
        if allowed is None:
            label = _("whole municipality")
            choices.append((f"{m.code}|{m.code}", f"{m.name} ({label})"))
        for gebied in area_list(municipality_code=m.code, level="gebied"):
            if allowed is None or gebied.code in allowed:
                choices.append((f"{m.code}|{gebied.code}", f"{m.name}: {gebied.name}"))
                choices += [(f"{m.code}|{w.code}", f"{m.name}: {gebied.name} – {w.name}")
                            for w in area_descendants(area=gebied, level="wijk")]
    return choices


@login_required
def manage_list(request: HttpRequest) -> HttpResponse:
    choices = _area_choices(request.user)
    if not choices:
        raise PermissionDenied
    form = RoundForm(request.POST or None, area_choices=choices)
    if request.method == "POST" and form.is_valid():
        municipality_code, area_code = form.cleaned_data.pop("area_code").split("|", 1)
        data = {k: v for k, v in form.cleaned_data.items() if k not in ("title", "period", "budget")}
        try:
            rnd = services.round_create(municipality_code=municipality_code, area_code=area_code, by=request.user,
                                        title=form.cleaned_data["title"], period=form.cleaned_data["period"],
                                        budget=form.cleaned_data["budget"], **data)
        except ValidationError as exc:
            _add_errors(form, exc)
        else:
            messages.success(request, _("Round created. Proposals are open."))
            return redirect("participation:manage", pk=rnd.pk)
    return render(request, "participation/staff/manage_list.html",
                  {"rounds": selectors.round_list_managed(user=request.user), "form": form})


@login_required
def manage(request: HttpRequest, pk: int) -> HttpResponse:
    rnd = _managed(request, pk)
    next_phases = [(p, Phase(p).label) for p in selectors.round_next_phases(rnd=rnd)]
    form = PhaseForm(request.POST or None)
    form.fields["to_phase"].choices = next_phases
    if request.method == "POST" and form.is_valid():
        try:
            services.round_transition(rnd=rnd, to_phase=form.cleaned_data["to_phase"], by=request.user,
                                      note=form.cleaned_data["note"])
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("Phase changed to “%(p)s”.") % {"p": rnd.get_phase_display()})
        return redirect("participation:manage", pk=rnd.pk)
    return render(request, "participation/staff/manage.html", {
        "round": rnd, "form": form if next_phases else None, "history": selectors.round_phase_history(rnd=rnd),
        "proposals": selectors.proposal_list(rnd=rnd, public=False), "counts": selectors.ballot_counts(rnd=rnd),
        "result": selectors.result_latest(rnd=rnd),
    })


@login_required
def review(request: HttpRequest, pk: int, proposal_pk: int) -> HttpResponse:
    rnd = _managed(request, pk)
    proposal = get_object_or_404(Proposal, pk=proposal_pk, round=rnd)
    form = ReviewForm(request.POST or None)
    execution = ExecutionForm(request.POST or None, initial={"note": proposal.execution_note})
    if request.method == "POST" and "execution" in request.POST and execution.is_valid():
        services.proposal_execution_note(proposal=proposal, note=execution.cleaned_data["note"], by=request.user)
        return redirect("participation:manage", pk=rnd.pk)
    if request.method == "POST" and form.is_valid():
        try:
            services.proposal_review(proposal=proposal, feasible=form.cleaned_data["feasible"], by=request.user,
                                     reason=form.cleaned_data["reason"], final_cost=form.cleaned_data["final_cost"])
        except ValidationError as exc:
            _add_errors(form, exc)
        else:
            messages.success(request, _("Review saved."))
            return redirect("participation:manage", pk=rnd.pk)
    return render(request, "participation/staff/review.html",
                  {"round": rnd, "proposal": proposal, "form": form, "execution": execution})


@login_required
def codes(request: HttpRequest, pk: int) -> HttpResponse:
    rnd = _managed(request, pk)
    form = CodesForm(request.POST or None, buurten=round_buurten(rnd))
    if request.method == "POST" and form.is_valid():
        try:
            new = services.voting_codes_generate(rnd=rnd, count=form.cleaned_data["count"],
                                                 buurt_code=form.cleaned_data["buurt_code"], by=request.user)
        except ValidationError as exc:
            _add_errors(form, exc)
        else:
            response = render(request, "participation/staff/codes_print.html",
                              {"round": rnd, "codes": new,
                               "vote_url": request.build_absolute_uri(f"/buurtbegroting/{rnd.pk}/stemmen/")})
            response["Cache-Control"] = "no-store"  # codes are shown once, never stored in plain text
            return response
    return render(
        request, "participation/staff/codes.html", {"round": rnd, "form": form, "counts": selectors.ballot_counts(rnd=rnd)}
    )


@login_required
def paper(request: HttpRequest, pk: int) -> HttpResponse:
    rnd = _managed(request, pk)
    proposals = list(selectors.ballot_proposals(rnd=rnd))
    errors = []
    if request.method == "POST":
        try:
            choices = ballot_from_post(data=request.POST, proposals=proposals, ballot_type=rnd.ballot_type)
            services.paper_ballot_enter(rnd=rnd, choices=choices, by=request.user, buurt_code=request.POST.get("buurt", "")[:20],
                                        paper_ref=request.POST.get("paper_ref", ""))
        except ValidationError as exc:
            errors = exc.messages
        else:
            messages.success(request, _("Paper ballot entered. A colleague must now check it."))
            return redirect("participation:paper", pk=rnd.pk)
    return render(request, "participation/staff/paper.html", {
        "round": rnd, "rows": ballot_rows(proposals=proposals, data=request.POST if errors else {}), "errors": errors,
        "buurten": round_buurten(rnd), "waiting": selectors.paper_ballots_waiting(rnd=rnd),
        "counts": selectors.ballot_counts(rnd=rnd),
    })


@login_required
@require_POST
def paper_check(request: HttpRequest, pk: int, ballot_pk: str) -> HttpResponse:
    rnd = _managed(request, pk)
    ballot = get_object_or_404(Ballot, pk=ballot_pk, round=rnd, channel=Channel.PAPER)
    try:
        services.paper_ballot_check(ballot=ballot, by=request.user, accept=request.POST.get("accept") == "1")
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Check saved."))
    return redirect("participation:paper", pk=rnd.pk)


@login_required
@require_POST
def count(request: HttpRequest, pk: int) -> HttpResponse:
    rnd = _managed(request, pk)
    try:
        result = services.round_count(rnd=rnd, by=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(
            request, _("Counted: %(n)d projects chosen. Check the result, then publish it.") % {"n": len(result.selected)}
        )
    return redirect("participation:manage", pk=rnd.pk)


@login_required
def export_pb(request: HttpRequest, pk: int) -> HttpResponse:
    rnd = _managed(request, pk)
    response = HttpResponse(pabulib.round_export_pb(rnd=rnd), content_type="text/plain; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="buurtbegroting-{rnd.pk}.pb"'
    return response
