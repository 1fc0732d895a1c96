"""Public pages of the wijkpeiling: the surveys, a survey with its figures, the questionnaire
(works without JavaScript: one form, radio buttons in fieldsets, errors listed at the top and
at each question) and the published figures of other cities with their subjective index."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from wijksturing.surveys import selectors, services
from wijksturing.surveys.models import Channel, Status, Survey


def _survey(pk: int) -> Survey:
    try:
        survey = selectors.survey_get(pk=pk)
    except Survey.DoesNotExist:
        raise Http404 from None
    if survey.status not in selectors.PUBLIC_STATUSES:
        raise Http404
    return survey


@require_GET
def survey_list(request: HttpRequest) -> HttpResponse:
    return render(request, "surveys/list.html", {"surveys": selectors.survey_list(),
                                                 "sources": selectors.published_sources()})


@require_GET
def survey_detail(request: HttpRequest, pk: int) -> HttpResponse:
    survey = _survey(pk)
    index = selectors.survey_index(survey=survey)
    areas = selectors.estimate_table(survey=survey, channel=Channel.INVITED)
    for item in areas:
        item["index"] = index.get((item["code"], survey.year), {}).get("value")
    return render(request, "surveys/detail.html", {
        "survey": survey, "areas": areas, "open_areas": selectors.estimate_table(survey=survey, channel=Channel.OPEN),
        "counts": selectors.response_counts(survey=survey), "is_open": survey.status == Status.OPEN})


def _choices(pairs, english: bool):
    return [(value, en if english else nl) for value, nl, en in pairs]


def questionnaire(request: HttpRequest, pk: int) -> HttpResponse:
    survey = _survey(pk)
    if survey.status != Status.OPEN:
        return render(request, "surveys/closed.html", {"survey": survey})
    english = (get_language() or "nl").startswith("en")
    background = selectors.background_choices()
    data = request.POST if request.method == "POST" else {"code": request.GET.get("code", "")}
    context = {"survey": survey, "questions": selectors.survey_questions(survey=survey), "data": data,
               "wijken": selectors.survey_wijken(survey=survey), "errors": {}, "error_list": [],
               "ages": _choices(background["age_group"], english), "sexes": _choices(background["sex"], english)}
    if request.method != "POST":
        return render(request, "surveys/questionnaire.html", context)
    answers = {q.code: data.get(f"q_{q.code}", "") for q in context["questions"]}
    code = data.get("code", "").strip()
    try:
        if not code and not survey.open_link:
            raise ValidationError({"code": _("Enter the code from your letter.")})
        services.response_submit(survey=survey, answers=answers, code=code, wijk_code="" if code else data.get("wijk", ""),
                                 age_group=data.get("age_group", ""), sex=data.get("sex", ""))
    except ValidationError as exc:
        errors = exc.message_dict if hasattr(exc, "error_dict") else {"__all__": exc.messages}
        field_of = {"wijk_code": "wijk"}
        context["errors"] = {field_of.get(k, k): v for k, v in errors.items()}
        labels = {q.code: q.text for q in context["questions"]}
        context["error_list"] = [(field_of.get(k, k), labels.get(k, ""), m) for k, msgs in errors.items() for m in msgs]
        return render(request, "surveys/questionnaire.html", context, status=422)
    return redirect("surveys:thanks", pk=survey.pk)


@require_GET
def thanks(request: HttpRequest, pk: int) -> HttpResponse:
    return render(request, "surveys/thanks.html", {"survey": _survey(pk)})


@require_GET
def published(request: HttpRequest) -> HttpResponse:
    sources = selectors.published_sources()
    chosen = request.GET.get("bron") or (sources[0]["source"] if sources else "")
    if chosen and chosen not in {s["source"] for s in sources}:
        raise Http404
    data = selectors.published_index(source=chosen) if chosen else None
    return render(request, "surveys/published.html", {"sources": sources, "chosen": chosen, "data": data})



@login_required
def manage(request: HttpRequest, pk: int) -> HttpResponse:
    """For analysts and administrators: letters for the printer (a CSV download with fresh
    codes, shown only this once), the status, and computing the figures."""
    try:
        survey = selectors.survey_get(pk=pk)
    except Survey.DoesNotExist:
        raise Http404 from None
    if not selectors.survey_user_can_manage(user=request.user, survey=survey):
        raise PermissionDenied
    wijken = selectors.survey_wijken(survey=survey)
    errors: list[str] = []
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action == "letters":
                counts = {}
                for code, _name in wijken:
                    raw = request.POST.get(f"n_{code}", "").strip()
                    if raw:
                        if not raw.isdigit():
                            raise ValidationError(_("Write a whole number of letters."))
                        if int(raw):
                            counts[code] = int(raw)
                if not counts:
                    raise ValidationError(_("Give the number of letters for at least one wijk."))
                url = request.build_absolute_uri(reverse("surveys:questionnaire", args=[survey.pk]))
                text = services.invitation_letters(survey=survey, counts=counts, by=request.user, url=url)
                response = HttpResponse(text, content_type="text/csv; charset=utf-8")
                response["Content-Disposition"] = f'attachment; filename="wijkpeiling-{survey.pk}-brieven.csv"'
                response["Cache-Control"] = "no-store"  # codes exist nowhere else
                return response
            if action == "compute":
                services.survey_compute(survey=survey, by=request.user)
                messages.success(request, _("The figures have been computed and sent to the monitor."))
                return redirect("surveys:manage", pk=survey.pk)
            if action == "status":
                services.survey_transition(survey=survey, to_status=request.POST.get("to", ""), by=request.user)
                return redirect("surveys:manage", pk=survey.pk)
        except ValidationError as exc:
            errors = exc.messages
    return render(request, "surveys/manage.html", {
        "survey": survey, "wijken": wijken, "errors": errors, "counts": selectors.response_counts(survey=survey),
        "next_statuses": [(s, Status(s).label) for s in selectors.survey_next_statuses(survey=survey)]},
        status=422 if errors else 200)
