"""Public pages: the rounds, a round with its proposals (list and map), proposing, voting
(code or login, with a confirmation step) and the published result."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from wijksturing.participation import selectors, services
from wijksturing.participation.ballots import ballot_validate, code_check
from wijksturing.participation.counting import explanation_lines
from wijksturing.participation.forms import ProposalForm, ballot_from_post, ballot_rows
from wijksturing.participation.models import BallotType, Phase, Review, Round
from wijksturing.participation.views.common import round_buurten, round_map


def _round(pk: int) -> Round:
    try:
        return selectors.round_get(pk=pk)
    except Round.DoesNotExist:
        raise Http404 from None


@require_GET
def round_list(request: HttpRequest) -> HttpResponse:
    return render(request, "participation/round_list.html", {"rounds": selectors.round_list()})


@require_GET
def round_detail(request: HttpRequest, pk: int) -> HttpResponse:
    rnd = _round(pk)
    proposals = list(selectors.proposal_list(rnd=rnd))
    result = selectors.result_latest(rnd=rnd, published=True) if rnd.phase in selectors.PUBLIC_RESULT_PHASES else None
    selected = set(result.selected) if result else None
    return render(request, "participation/round_detail.html", {
        "round": rnd, "proposals": proposals, "result": result, "map": round_map(rnd, proposals, selected),
        "can_manage": selectors.round_user_can_manage(user=request.user, rnd=rnd),
        "phases": Phase.choices,
    })


def propose(request: HttpRequest, pk: int) -> HttpResponse:
    rnd = _round(pk)
    if rnd.phase != Phase.PROPOSALS:
        messages.info(request, _("This round does not take proposals now."))
        return redirect("participation:round", pk=rnd.pk)
    form = ProposalForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.proposal_submit(rnd=rnd, by=request.user, **form.cleaned_data)
        except ValidationError as exc:
            _add_errors(form, exc)
        else:
            messages.success(request, _("Thank you! The area team will look at your idea."))
            return redirect("participation:round", pk=rnd.pk)
    return render(request, "participation/propose.html", {"round": rnd, "form": form})


def _add_errors(form, exc: ValidationError) -> None:
    if hasattr(exc, "error_dict"):
        for field, errors in exc.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc.messages)


def vote(request: HttpRequest, pk: int) -> HttpResponse:
    """Step 1: fill in the ballot; step 2: see it and confirm; then it is cast."""
    rnd = _round(pk)
    if rnd.phase != Phase.VOTING:
        messages.info(request, _("Voting is not open for this round."))
        return redirect("participation:round", pk=rnd.pk)
    proposals = list(selectors.ballot_proposals(rnd=rnd))
    data = request.POST if request.method == "POST" else {}
    context = {"round": rnd, "rows": ballot_rows(proposals=proposals, data=data), "data": data, "errors": [],
               "buurten": round_buurten(rnd), "logged_in": request.user.is_authenticated}
    if request.method != "POST" or "edit" in data:
        return render(request, "participation/vote.html", context)
    code, use_login = data.get("code", "").strip(), data.get("how") == "login"
    try:
        choices = ballot_from_post(data=data, proposals=proposals, ballot_type=rnd.ballot_type)

        values = ballot_validate(rnd=rnd, choices=choices)
        if use_login and not request.user.is_authenticated:
            raise ValidationError({"code": _("Log in first, or vote with your voting code.")})
        if not use_login and not code:
            raise ValidationError({"code": _("Enter the voting code from your letter.")})
        if use_login and (rnd.residents_only or rnd.min_age) and not data.get("eligible"):
            raise ValidationError({"eligible": _("Confirm that you may vote in this round.")})
        if not use_login:
            code_check(rnd=rnd, code=code)
        if "confirm" in data:
            services.ballot_cast(rnd=rnd, choices=choices, code="" if use_login else code,
                                 user=request.user if use_login else None, buurt_code=data.get("buurt", "")[:20])
            return redirect(reverse("participation:voted", kwargs={"pk": rnd.pk}))
    except ValidationError as exc:
        context["errors"] = exc.messages
        return render(request, "participation/vote.html", context, status=422)
    chosen = sorted(values.items(), key=lambda pv: (pv[1] if rnd.ballot_type == BallotType.RANKING else 0, pv[0].title))
    context.update(
        chosen=chosen,
        total=sum(p.cost for p, _v in chosen),
        hidden=[(k, v) for k, v in data.items() if k != "csrfmiddlewaretoken"],
    )
    return render(request, "participation/vote_confirm.html", context)


@require_GET
def voted(request: HttpRequest, pk: int) -> HttpResponse:
    return render(request, "participation/voted.html", {"round": _round(pk)})


@require_GET
def results(request: HttpRequest, pk: int) -> HttpResponse:
    rnd = _round(pk)
    result = selectors.result_latest(rnd=rnd, published=True)
    if result is None or rnd.phase not in selectors.PUBLIC_RESULT_PHASES:
        raise Http404(_("The result of this round has not been published yet."))
    rows = selectors.result_rows(result=result, rnd=rnd)
    proposals = [r["proposal"] for r in rows if r["proposal"] is not None]
    lines = explanation_lines(result=result, lang=get_language() or "nl")
    return render(request, "participation/results.html", {
        "round": rnd, "result": result, "rows": rows, "winners": [r for r in rows if r["selected"]],
        "others": [r for r in rows if not r["selected"]],
        "categories": sorted(result.per_category.items()), "turnout": result.turnout.get("rows", []),
        "explanation": lines[:-1], "summary": lines[-1] if lines else "",
        "not_feasible": rnd.proposals.filter(review=Review.NOT_FEASIBLE),
        "map": round_map(rnd, proposals, set(result.selected)), "leftover": rnd.budget - result.spent,
    })
