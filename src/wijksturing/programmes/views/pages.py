"""Pages of the programmes app: programme overview, goal page with chart, staff editing,
history, and the CSV/Excel export."""

from __future__ import annotations

import io

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from wijksturing.accounts.selectors import user_is_staff_of
from wijksturing.areas import selectors as areas
from wijksturing.areas.models import Municipality
from wijksturing.areas.selectors import municipality_get
from wijksturing.core.numbers import display
from wijksturing.programmes import selectors, services
from wijksturing.programmes.charts import line_chart, value_rows
from wijksturing.programmes.exports import CONTENT_TYPES, export_programme
from wijksturing.programmes.forms import EffortForm, GoalForm, MeasureForm, ResultReviewForm
from wijksturing.programmes.models import Effort, Goal, Measure, Programme, Result
from wijksturing.programmes.progress import annotate_goal, annotate_programme


def _readable(request, programme: Programme) -> Programme:
    if not selectors.programme_can_read(user=request.user, programme=programme):
        raise Http404("No published programme")
    return programme


def _editable(request, programme: Programme) -> None:
    if not selectors.programme_can_edit(user=request.user, programme=programme):
        raise PermissionDenied


def programme_list(request, municipality_code: str):
    programmes = selectors.programme_list(user=request.user, municipality_code=municipality_code.upper())
    agendas = selectors.agenda_list(municipality_code=municipality_code.upper())
    rows = [(p, areas.area_name(municipality_code=p.municipality.code, code=p.area_code)) for p in programmes]

    try:
        municipality = municipality_get(code=municipality_code)
    except Municipality.DoesNotExist as exc:
        raise Http404("Unknown municipality") from exc

    return render(request, "programmes/programme_list.html", {
        "municipality": municipality, "municipality_code": municipality.code, "rows": rows, "agendas": agendas,
        "is_staff": user_is_staff_of(user=request.user, municipality_code=municipality.code),
        "can_create": bool(selectors.programme_area_choices(user=request.user, municipality_code=municipality.code)),
        "can_manage_agendas": selectors.agenda_can_manage(user=request.user, municipality_code=municipality.code),
    })


def programme_for_area(request, municipality_code: str, area_code: str):
    programme = selectors.programme_current(user=request.user, municipality_code=municipality_code.upper(), area_code=area_code)
    if programme is None:
        raise Http404("No published programme for this area")
    return _render_programme(request, programme)


def programme_detail(request, pk: int):
    programme = _readable(request, get_object_or_404(Programme.objects.select_related("municipality"), pk=pk))
    return _render_programme(request, programme)


def _render_programme(request, programme: Programme):
    annotate_programme(programme)
    mun = programme.municipality.code
    budget_url = None
    if programme.area_code != mun:
        budget_url = reverse("budgets:area", args=[mun, programme.area_code])
    return render(request, "programmes/programme_detail.html", {
        "programme": programme, "area_name": areas.area_name(municipality_code=mun, code=programme.area_code),
        "municipality": programme.municipality,
        "can_edit": selectors.programme_can_edit(user=request.user, programme=programme),
        "budget_url": budget_url,
    })


def goal_detail(request, pk: int):
    goal = get_object_or_404(Goal.objects.select_related("theme__programme__municipality"), pk=pk)
    programme = _readable(request, goal.theme.programme)
    annotate_goal(goal)
    lang = get_language() or "nl"
    for measure in goal.measure_list:
        decimals = measure.indicator.decimals
        measure.chart = line_chart(
            series=measure.series, baseline=(measure.baseline_year, measure.baseline_value),
            target=(measure.target_year, measure.target_value), decimals=decimals, lang=lang,
        )
        measure.rows = value_rows(series=measure.series, decimals=decimals, lang=lang)
        measure.baseline_shown, measure.target_shown = (
            display(measure.baseline_value, decimals, lang=lang), display(measure.target_value, decimals, lang=lang))
    return render(request, "programmes/goal_detail.html", {
        "goal": goal, "programme": programme, "municipality": programme.municipality,
        "area_name": areas.area_name(municipality_code=programme.municipality.code, code=programme.area_code),
        "can_edit": selectors.programme_can_edit(user=request.user, programme=programme),
    })


@login_required
def goal_edit(request, pk: int):
    goal = get_object_or_404(Goal.objects.select_related("theme__programme__municipality"), pk=pk)
    programme = goal.theme.programme
    _editable(request, programme)
    form = GoalForm(request.POST or None, instance=Goal.objects.get(pk=pk), municipality=programme.municipality)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        agendas = list(data.pop("agendas"))
        try:
            changes = services.object_update(user=request.user, obj=goal, agendas=agendas, **data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Saved: %(n)s change(s).") % {"n": len(changes)})
            return redirect("programmes:goal", pk=goal.pk)
    return render(request, "programmes/goal_edit.html", {"goal": goal, "form": form, "programme": programme,
                                                       "municipality": programme.municipality})


@login_required
def measure_add(request, pk: int):
    goal = get_object_or_404(Goal.objects.select_related("theme__programme__municipality"), pk=pk)
    programme = goal.theme.programme
    _editable(request, programme)
    form = MeasureForm(request.POST or None, initial={"area_code": programme.area_code})
    if request.method == "POST" and form.is_valid():
        measure = Measure(goal=goal, **form.cleaned_data)
        try:
            services.measure_fill_baseline(measure=measure)
            fields = {f: getattr(measure, f) for f in form.cleaned_data}
            services.object_create(user=request.user, model=Measure, goal=goal, **fields)
        except ValidationError as exc:
            for field, errors in exc.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            return redirect("programmes:goal", pk=goal.pk)
    return render(request, "programmes/measure_form.html", {"goal": goal, "form": form, "programme": programme,
                                                       "municipality": programme.municipality})


@login_required
def result_edit(request, pk: int):
    result = get_object_or_404(Result.objects.select_related("goal__theme__programme__municipality"), pk=pk)
    programme = result.goal.theme.programme
    _editable(request, programme)
    form = ResultReviewForm(request.POST or None, initial={"recorded_status": result.recorded_status})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        services.object_update(user=request.user, obj=result, recorded_status=data["recorded_status"])
        if data["achieved"]:
            services.review_record(user=request.user, result=result, year=data["year"], achieved=data["achieved"],
                                   account=data["account"])
        messages.success(request, _("Saved."))
        return redirect("programmes:goal", pk=result.goal_id)
    reviews = selectors.reviews_of_result(result_id=result.pk)
    return render(request, "programmes/result_edit.html", {"result": result, "form": form, "reviews": reviews,
                                                            "programme": programme, "municipality": programme.municipality})


@login_required
def effort_edit(request, result_pk: int, pk: int | None = None):
    """Add an effort to an intended result, or change one (owner, partners, planning, status)."""
    result = get_object_or_404(Result.objects.select_related("goal__theme__programme__municipality"), pk=result_pk)
    programme = result.goal.theme.programme
    _editable(request, programme)
    effort = get_object_or_404(Effort, pk=pk, result=result) if pk else None
    form = EffortForm(request.POST or None, instance=Effort.objects.get(pk=pk) if pk else None)
    if request.method == "POST" and form.is_valid():
        data = {f: form.cleaned_data[f] for f in form.Meta.fields}
        try:
            if effort is None:
                services.object_create(user=request.user, model=Effort, result=result, **data)
            else:
                services.object_update(user=request.user, obj=effort, **data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            return redirect("programmes:goal", pk=result.goal_id)
    return render(request, "programmes/measure_form.html", {
        "goal": result.goal, "form": form, "programme": programme, "municipality": programme.municipality,
        "heading": _("Change effort") if effort else _("Add an effort"),
    })


@login_required
@require_POST
def programme_publish(request, pk: int):
    programme = get_object_or_404(Programme, pk=pk)
    _editable(request, programme)
    services.programme_publish(user=request.user, programme=programme, published=request.POST.get("published") == "1")
    return redirect("programmes:detail", pk=pk)


@login_required
def programme_history(request, pk: int):
    programme = get_object_or_404(Programme.objects.select_related("municipality"), pk=pk)

    if not user_is_staff_of(user=request.user, municipality_code=programme.municipality.code):
        raise PermissionDenied
    return render(request, "programmes/history.html", {
        "programme": programme, "records": selectors.programme_history(programme=programme),
        "municipality": programme.municipality,
    })


def programme_export(request, pk: int, fmt: str):
    programme = _readable(request, get_object_or_404(Programme.objects.select_related("municipality"), pk=pk))
    if fmt not in CONTENT_TYPES:
        raise Http404
    out = io.BytesIO()
    export_programme(programme=programme, fmt=fmt, out=out)
    response = HttpResponse(out.getvalue(), content_type=CONTENT_TYPES[fmt])
    name = f"programma-{programme.municipality.code}-{programme.area_code}.{fmt}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
