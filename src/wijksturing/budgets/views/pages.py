"""Pages of the budgets app: area budget per domain, entries, CSV import, resident initiatives."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from wijksturing.areas.models import Municipality
from wijksturing.areas.selectors import area_name, municipality_get
from wijksturing.budgets import selectors, services
from wijksturing.budgets.forms import EntryForm, ImportForm, InitiativeForm, TransitionForm
from wijksturing.budgets.importers import BudgetImportError, import_entries
from wijksturing.budgets.models import BudgetLine, Initiative
from wijksturing.budgets.workflow import CRITERIA
from wijksturing.programmes.selectors import goals_of_area

WARNINGS = {
    "over_committed": lambda: _("More is committed than the budget."),
    "over_spent": lambda: _("More is spent than the budget."),
    "uncommitted_spending": lambda: _("Payments without a commitment."),
}


def _municipality(code: str):
    try:
        return municipality_get(code=code)
    except Municipality.DoesNotExist as exc:
        raise Http404("Unknown municipality") from exc


def _area_name(mun: str, code: str) -> str:
    return area_name(municipality_code=mun, code=code)


def budget_area(request, municipality_code: str, gebied_code: str):
    municipality = _municipality(municipality_code)
    mun = municipality.code
    years = selectors.budget_years(municipality_code=mun, gebied_code=gebied_code)
    try:
        year = int(request.GET.get("jaar") or (years[-1] if years else timezone.localdate().year))
    except ValueError:
        year = years[-1] if years else timezone.localdate().year
    rows, total = selectors.budget_overview(municipality_code=mun, gebied_code=gebied_code, year=year)
    for row in rows:
        row.warning_texts = [WARNINGS[w]() for w in row.balance.warnings]
        share = row.balance.share_in_use
        row.bar = min(float(share), 1.0) * 100 if share is not None else 0
    can_edit = selectors.budget_can_edit(user=request.user, municipality_code=mun, gebied_code=gebied_code)
    return render(request, "budgets/budget_area.html", {
        "municipality": municipality, "gebied_code": gebied_code, "area_name": _area_name(mun, gebied_code),
        "year": year, "years": years, "rows": rows, "total": total,
        "total_warnings": [WARNINGS[w]() for w in total.warnings], "can_edit": can_edit,
        "illustrative": any(r.line.illustrative for r in rows),
        "entries": selectors.entry_list(municipality_code=mun, gebied_code=gebied_code, year=year) if rows else [],
    })


@login_required
def entry_add(request, municipality_code: str, gebied_code: str):
    municipality = _municipality(municipality_code)
    if not selectors.budget_can_edit(user=request.user, municipality_code=municipality.code, gebied_code=gebied_code):
        raise PermissionDenied

    goals = {g.pk: g for g in goals_of_area(municipality_code=municipality.code, area_code=gebied_code)}
    form = EntryForm(request.POST or None)
    form.fields["goal"].choices = [("", "—")] + [(pk, g.title[:80]) for pk, g in goals.items()]
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        line = BudgetLine.objects.filter(municipality=municipality, gebied_code=gebied_code, year=d["date"].year,
                                         domain=d["domain"]).first()
        if line is None:
            form.add_error("domain", _("There is no budget for this domain in that year."))
        else:
            try:
                services.entry_add(user=request.user, line=line, kind=d["kind"], amount=d["amount"], entry_date=d["date"],
                                   description=d["description"], reference=d["reference"], goal=goals.get(d["goal"]))
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                return redirect(reverse("budgets:area", args=[municipality.code, gebied_code]) + f"?jaar={line.year}")
    return render(request, "budgets/form.html", {"form": form, "title": _("Add a commitment or payment"),
                                                 "municipality": municipality,
                                                 "back": reverse("budgets:area", args=[municipality.code, gebied_code])})


@login_required
def budget_import(request, municipality_code: str):
    municipality = _municipality(municipality_code)
    if not selectors.budget_can_import(user=request.user, municipality_code=municipality.code):
        raise PermissionDenied  # only a team role of the municipality can import
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            summary = import_entries(municipality=municipality, data=upload.read(), filename=upload.name, user=request.user)
        except BudgetImportError as exc:
            form.add_error("file", str(exc))
        else:
            messages.success(request, _("Imported %(added)s entries, skipped %(skipped)s already imported.")
                             % {"added": summary.added, "skipped": summary.skipped})
            return redirect(request.path)
    return render(request, "budgets/form.html", {"form": form, "title": _("Import from the financial system"),
                                                 "municipality": municipality, "multipart": True, "back": ""})


def initiative_list(request, municipality_code: str, gebied_code: str):
    municipality = _municipality(municipality_code)
    initiatives = selectors.initiative_list(user=request.user, municipality_code=municipality.code, gebied_code=gebied_code)
    return render(request, "budgets/initiative_list.html", {
        "municipality": municipality, "gebied_code": gebied_code, "area_name": _area_name(municipality.code, gebied_code),
        "initiatives": initiatives, "criteria": [label for _code, label in CRITERIA],
        "team": selectors.budget_can_edit(user=request.user, municipality_code=municipality.code, gebied_code=gebied_code),
    })


def initiative_apply(request, municipality_code: str, gebied_code: str):
    municipality = _municipality(municipality_code)
    form = InitiativeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            initiative = services.initiative_submit(
                municipality=municipality, gebied_code=gebied_code, title=d["title"], description=d["description"],
                location=d["location"], amount=d["amount"], applicant_name=d["applicant_name"],
                applicant_email=d["applicant_email"], applicant_phone=d["applicant_phone"],
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            return redirect("budgets:initiative-follow", token=initiative.token)
    return render(request, "budgets/form.html", {
        "form": form, "title": _("Apply for a resident initiative"), "municipality": municipality,
        "criteria": [label for _c, label in CRITERIA],
        "back": reverse("budgets:initiatives", args=[municipality.code, gebied_code]),
    })


def initiative_follow(request, token: str):
    try:
        initiative = selectors.initiative_by_token(token=token)
    except Initiative.DoesNotExist as exc:
        raise Http404 from exc
    return render(request, "budgets/initiative_follow.html", {"initiative": initiative, "events": initiative.events.all(),
                                                               "municipality": initiative.municipality})


@login_required
def initiative_manage(request, pk: int):
    initiative = get_object_or_404(Initiative.objects.select_related("municipality"), pk=pk)
    if not selectors.initiative_can_manage(user=request.user, initiative=initiative):
        raise PermissionDenied
    form = TransitionForm(request.POST or None, initial={f"criterion_{k}": v for k, v in initiative.assessment.items()},
                          next_statuses=selectors.initiative_next_statuses(initiative=initiative))
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            services.initiative_transition(
                user=request.user, initiative=initiative, to=d["to"], note=d["note"], amount_granted=d["amount_granted"],
                decision_reason=d["decision_reason"], account=d["account"], assessment=form.assessment(),
            )
        except ValidationError as exc:
            for field, errors in exc.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            return redirect("budgets:initiative-manage", pk=pk)
    return render(request, "budgets/initiative_manage.html", {"initiative": initiative, "form": form,
                                                              "municipality": initiative.municipality,
                                                              "events": initiative.events.select_related("user")})
