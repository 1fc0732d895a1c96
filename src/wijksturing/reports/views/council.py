"""Pages of the gebiedsrapportage and the council's view (issue 10): the city-wide overview,
a gebied's reports with follow and commitments, a report with its questions and answers, and a
council member's own page."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from wijksturing.accounts import selectors as accounts
from wijksturing.areas import selectors as areas
from wijksturing.areas.models import Area
from wijksturing.budgets import selectors as budgets
from wijksturing.reports import selectors, services
from wijksturing.reports.content import report_changes
from wijksturing.reports.forms import (
    AnswerForm,
    CommitmentDoneForm,
    CommitmentForm,
    IntroductionForm,
    QuestionForm,
    ReportCreateForm,
    TaakveldForm,
    TransitionForm,
)
from wijksturing.reports.models import AreaReport, Commitment, Question
from wijksturing.reports.pdfrender import PdfUnavailableError, unavailable_response
from wijksturing.reports.services import ReportPermissionError
from wijksturing.reports.workflow import ReportStatus, ReportTransitionError


def _municipality(code: str):
    try:
        return areas.municipality_get(code=code.upper())
    except Exception as exc:  # noqa: BLE001 — any miss is a 404
        raise Http404 from exc


def _gebied(municipality: str, code: str) -> Area:
    try:
        return areas.gebied_get(municipality_code=municipality.upper(), code=code.upper())
    except Area.DoesNotExist as exc:
        raise Http404 from exc


def _report(pk: int, user) -> AreaReport:
    try:
        report = selectors.area_report_get(pk=pk)
    except AreaReport.DoesNotExist as exc:
        raise Http404 from exc
    if not selectors.area_report_can_read(user=user, report=report):
        raise Http404  # a draft does not exist for the public
    return report


def _gebied_url(report_or_municipality, gebied_code: str | None = None) -> str:
    if gebied_code is None:
        r = report_or_municipality
        return reverse("reports:gebied-rapportages", args=[r.municipality.code, r.gebied_code])
    return reverse("reports:gebied-rapportages", args=[report_or_municipality, gebied_code])


@require_GET
def overview(request: HttpRequest, municipality: str) -> HttpResponse:
    """All gebieden side by side with their latest published report, for the council."""
    mun = _municipality(municipality)
    rows = selectors.council_overview(municipality_code=mun.code)
    years = sorted({r.report.content.get("budget", {}).get("year") for r in rows
                    if r.report and (r.report.content.get("budget") or {}).get("year")})
    year = years[-1] if years else None
    return render(request, "reports/council_overview.html", {
        "municipality": mun, "rows": rows, "year": year,
        "taakvelden": selectors.taakveld_totals(municipality_code=mun.code, year=year) if year else [],
        "commitments": selectors.commitment_list(municipality_code=mun.code, open_only=True),
    })


@require_GET
def gebied_reports(request: HttpRequest, municipality: str, code: str) -> HttpResponse:
    gebied = _gebied(municipality, code)
    mun = gebied.layout.municipality
    can_write = selectors.area_report_can_write(user=request.user, municipality_code=mun.code, gebied_code=gebied.code)
    return render(request, "reports/gebied_reports.html", {
        "municipality": mun, "gebied": gebied,
        "reports": selectors.area_report_list(municipality_code=mun.code, gebied_code=gebied.code, user=request.user),
        "commitments": selectors.commitment_list(municipality_code=mun.code, gebied_code=gebied.code),
        "can_write": can_write, "create_form": ReportCreateForm() if can_write else None,
        "commitment_form": CommitmentForm() if can_write else None,
        "can_follow": selectors.follow_can(user=request.user, municipality_code=mun.code),
        "following": selectors.follow_exists(user=request.user, municipality_code=mun.code, gebied_code=gebied.code),
        "taakveld_lines": _taakveld_lines(mun.code, gebied.code) if can_write else [],
        "questions": selectors.question_list(municipality_code=mun.code).filter(
            report__gebied_code=gebied.code).order_by("answered_at", "-asked_at")[:50],
    })


def _taakveld_lines(municipality_code: str, gebied_code: str) -> list:
    """This year's (else the latest) budget lines of the gebied with their taakveld and a form."""
    years = budgets.budget_years(municipality_code=municipality_code, gebied_code=gebied_code)
    if not years:
        return []
    this_year = timezone.localdate().year
    year = this_year if this_year in years else years[-1]
    lines = list(budgets.budget_lines(municipality_code=municipality_code, gebied_code=gebied_code, year=year))
    for line in lines:
        line.taakveld = selectors.line_taakveld(line=line)
        line.override = selectors.line_taakveld_override(line=line)
        line.form = TaakveldForm(prefix=f"l{line.pk}", initial={"taakveld": line.override})
    return lines


@login_required
@require_POST
def taakveld_assign(request: HttpRequest, municipality: str, code: str, pk: int) -> HttpResponse:
    """Classify one budget line of the gebied under another taakveld (or back to its domain's default)."""
    line = budgets.budget_lines(municipality_code=municipality.upper(), gebied_code=code).filter(pk=pk).first()
    if line is None:
        raise Http404
    form = TaakveldForm(request.POST, prefix=f"l{pk}")
    if form.is_valid():
        try:
            services.taakveld_assign(user=request.user, line=line, taakveld=form.cleaned_data["taakveld"] or None)
        except ReportPermissionError as exc:
            raise PermissionDenied(str(exc)) from exc
        messages.success(request, _("The taakveld is saved."))
    return redirect(reverse("reports:gebied-rapportages", args=[line.municipality.code, line.gebied_code]) + "#taakvelden")


@login_required
@require_POST
def report_create(request: HttpRequest, municipality: str, code: str) -> HttpResponse:
    gebied = _gebied(municipality, code)
    form = ReportCreateForm(request.POST)
    if form.is_valid():
        try:
            report = services.area_report_create(user=request.user, area=gebied, period=form.cleaned_data["period"],
                                                 introduction=form.cleaned_data["introduction"])
        except ReportPermissionError as exc:
            raise PermissionDenied(str(exc)) from exc
        except ValueError as exc:  # a period that is not one, or one that has a report already
            messages.error(request, str(exc))
        else:
            return redirect("reports:rapportage", pk=report.pk)
    else:
        messages.error(request, _("Give a period."))
    return redirect("reports:gebied-rapportages", municipality=municipality, code=code)


@require_GET
def report_detail(request: HttpRequest, pk: int) -> HttpResponse:
    report = _report(pk, request.user)
    user = request.user
    if report.is_published:
        body, changes = report.html, report.changes
    else:
        content = services.area_report_live_content(report=report)
        previous = services.area_report_previous(report=report)
        changes = report_changes(previous=previous.content if previous else None, current=content)
        body, _pdf = services.area_report_render(content=content, changes=changes, status=report.status, pdf=False)
    can_answer = selectors.question_can_answer(user=user, report=report)
    questions = list(report.questions.all()) if report.is_published else []
    for q in questions:
        q.answer_form = AnswerForm(prefix=f"q{q.pk}") if can_answer and not q.is_answered else None
    next_states = selectors.area_report_next_statuses(report=report)
    may_submit = selectors.area_report_can_write(user=user, municipality_code=report.municipality.code,
                                                 gebied_code=report.gebied_code)
    may_review = selectors.area_report_can_review(user=user, report=report)
    actions = [s for s in next_states if (s == ReportStatus.IN_REVIEW and may_submit)
               or (s in (ReportStatus.PUBLISHED, ReportStatus.DRAFT) and may_review)]
    return render(request, "reports/rapportage_page.html", {
        "report": report, "body": body, "questions": questions,
        "question_form": QuestionForm() if selectors.question_can_ask(user=user, report=report) else None,
        "actions": actions, "status_labels": dict(ReportStatus.choices),
        "author_reviews": report.status == ReportStatus.IN_REVIEW and user.is_authenticated and report.author_id == user.pk,
        "intro_form": IntroductionForm(initial={"introduction": report.introduction})
        if report.status == ReportStatus.DRAFT and may_submit else None,
        "events": selectors.area_report_events(report=report) if not report.is_published or may_submit else [],
        "gebied_url": _gebied_url(report),
        "commitments": report.commitments.all(),
        "can_follow": selectors.follow_can(user=user, municipality_code=report.municipality.code),
        "following": selectors.follow_exists(user=user, municipality_code=report.municipality.code,
                                             gebied_code=report.gebied_code),
    })


@require_GET
def report_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    report = _report(pk, request.user)
    if report.is_published:
        content = bytes(report.pdf)
    else:
        live = services.area_report_live_content(report=report)
        try:
            _html, content = services.area_report_render(content=live, changes={}, status=report.status)
        except PdfUnavailableError as exc:
            return unavailable_response(exc)
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="gebiedsrapportage-{report.gebied_code}-{report.period}.pdf"'
    if report.is_published:
        response["ETag"] = f'"{report.pdf_sha256}"'
    return response


@login_required
@require_POST
def report_transition(request: HttpRequest, pk: int) -> HttpResponse:
    report = _report(pk, request.user)
    form = TransitionForm(request.POST)
    if form.is_valid():
        try:
            services.area_report_transition(user=request.user, report=report, to_status=form.cleaned_data["to"],
                                            note=form.cleaned_data["note"], site_url=request.build_absolute_uri("/"))
        except ReportPermissionError as exc:
            raise PermissionDenied(str(exc)) from exc
        except ReportTransitionError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _("The report is now: %(status)s.") % {
                "status": dict(ReportStatus.choices)[form.cleaned_data["to"]]})
    return redirect("reports:rapportage", pk=pk)


@login_required
@require_POST
def report_introduction(request: HttpRequest, pk: int) -> HttpResponse:
    report = _report(pk, request.user)
    form = IntroductionForm(request.POST)
    if form.is_valid():
        try:
            services.area_report_update(user=request.user, report=report, introduction=form.cleaned_data["introduction"])
        except ReportPermissionError as exc:
            raise PermissionDenied(str(exc)) from exc
        except ReportTransitionError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _("Saved."))
    return redirect("reports:rapportage", pk=pk)


@login_required
@require_POST
def question_ask(request: HttpRequest, pk: int) -> HttpResponse:
    report = _report(pk, request.user)
    form = QuestionForm(request.POST)
    if form.is_valid():
        try:
            services.question_ask(user=request.user, report=report, text=form.cleaned_data["text"],
                                  site_url=request.build_absolute_uri("/"))
        except ReportPermissionError as exc:
            raise PermissionDenied(str(exc)) from exc
        messages.success(request, _("Your question was sent to the area team."))
    else:
        messages.error(request, _("Write a question."))
    return redirect(reverse("reports:rapportage", args=[pk]) + "#vragen")


@login_required
@require_POST
def question_answer(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        question = selectors.question_get(pk=pk)
    except Question.DoesNotExist as exc:
        raise Http404 from exc
    form = AnswerForm(request.POST, prefix=f"q{pk}")
    if form.is_valid():
        try:
            services.question_answer(user=request.user, question=question, answer=form.cleaned_data["answer"])
        except ReportPermissionError as exc:
            raise PermissionDenied(str(exc)) from exc
        except ValueError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _("The answer is on the record."))
    else:
        messages.error(request, _("Write an answer."))
    return redirect(reverse("reports:rapportage", args=[question.report_id]) + "#vragen")


@login_required
@require_POST
def follow(request: HttpRequest, municipality: str, code: str) -> HttpResponse:
    gebied = _gebied(municipality, code)
    on = request.POST.get("follow") == "1"
    try:
        services.follow_set(user=request.user, municipality=gebied.layout.municipality, gebied_code=gebied.code, follow=on)
    except ReportPermissionError as exc:
        raise PermissionDenied(str(exc)) from exc
    messages.success(request, _("You follow %(name)s: you get a message when a new report is out.") % {"name": gebied.name}
                     if on else _("You no longer follow %(name)s.") % {"name": gebied.name})
    target = request.POST.get("next", "")
    if not target.startswith("/") or target.startswith("//"):
        target = reverse("reports:gebied-rapportages", args=[municipality, code])
    return redirect(target)


@login_required
@require_POST
def commitment_create(request: HttpRequest, municipality: str, code: str) -> HttpResponse:
    gebied = _gebied(municipality, code)
    form = CommitmentForm(request.POST)
    if form.is_valid():
        try:
            services.commitment_create(user=request.user, municipality=gebied.layout.municipality, gebied_code=gebied.code,
                                       **form.cleaned_data)
        except ReportPermissionError as exc:
            raise PermissionDenied(str(exc)) from exc
        messages.success(request, _("The commitment is recorded."))
    else:
        messages.error(request, _("A commitment needs a text, an owner and a due date."))
    return redirect(reverse("reports:gebied-rapportages", args=[municipality, code]) + "#toezeggingen")


@login_required
@require_POST
def commitment_done(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        commitment = selectors.commitment_get(pk=pk)
    except Commitment.DoesNotExist as exc:
        raise Http404 from exc
    form = CommitmentDoneForm(request.POST)
    form.is_valid()
    try:
        services.commitment_complete(user=request.user, commitment=commitment, note=form.cleaned_data.get("note", ""))
    except ReportPermissionError as exc:
        raise PermissionDenied(str(exc)) from exc
    except ValueError as exc:
        messages.error(request, str(exc))
    return redirect(reverse("reports:gebied-rapportages", args=[commitment.municipality.code, commitment.gebied_code])
                    + "#toezeggingen")


@require_GET
def commitments(request: HttpRequest, municipality: str) -> HttpResponse:
    mun = _municipality(municipality)
    return render(request, "reports/commitments.html", {
        "municipality": mun, "commitments": selectors.commitment_list(municipality_code=mun.code)})


@login_required
def council_page(request: HttpRequest) -> HttpResponse:
    """The signed-in user's own page: new reports of the followed gebieden, what they follow,
    their questions and the open commitments of those gebieden."""
    follows = list(selectors.follow_list(user=request.user))
    notifications = list(selectors.notification_list(user=request.user)[:30])
    if request.method == "POST":
        services.notification_mark_read(user=request.user)
        return redirect("reports:council-page")
    codes = {(f.municipality.code, f.gebied_code) for f in follows}
    commitments = [c for c in selectors.commitment_list(open_only=True) if (c.municipality.code, c.gebied_code) in codes]
    names = {(f.municipality.code, f.gebied_code): areas.area_name(municipality_code=f.municipality.code, code=f.gebied_code)
             for f in follows}
    for f in follows:
        f.name = names[(f.municipality.code, f.gebied_code)]
    return render(request, "reports/council_page.html", {
        "follows": follows, "notifications": notifications, "commitments": commitments,
        "questions": Question.objects.filter(asked_by=request.user).select_related("report").order_by("-asked_at")[:30],
        "unread": sum(1 for n in notifications if n.read_at is None),
        "municipalities": [m for m in areas.municipality_list()
                           if m.code in set(accounts.user_municipality_codes(user=request.user))],
    })
