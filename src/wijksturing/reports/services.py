"""Rendering of the gebiedsanalyse: HTML page, PDF, and all areas of a level in one batch."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
from collections.abc import Callable
from pathlib import Path

from django.conf import settings
from django.core.mail import EmailMessage, send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _

from wijksturing.accounts import selectors as accounts
from wijksturing.accounts.models import Role
from wijksturing.accounts.services import audit_log
from wijksturing.areas import selectors as areas
from wijksturing.areas.models import Area
from wijksturing.budgets import selectors as budgets
from wijksturing.reports import selectors
from wijksturing.reports.content import report_changes, report_content
from wijksturing.reports.models import (
    AreaReport,
    Commitment,
    CommitmentStatus,
    Follow,
    Notification,
    Question,
    ReportEvent,
    TaakveldAssignment,
)
from wijksturing.reports.pdf import render_pdf
from wijksturing.reports.rapportage_pdf import render_rapportage_pdf
from wijksturing.reports.selectors import area_analysis
from wijksturing.reports.taakvelden import taakveld_for
from wijksturing.reports.workflow import MACHINE, ReportStatus, ReportTransitionError
from wijksturing.web import pages
from wijksturing.web.links import area_url
from wijksturing.web.theme import theme_for

log = logging.getLogger(__name__)


def report_pdf(*, area: Area, year: int | None = None, base_url: str = "") -> bytes:
    """The PDF of the area analysis (cached until the figures change)."""
    def build() -> bytes:
        analysis = area_analysis(area=area, year=year)
        return render_pdf(analysis=analysis, svgmap=pages.area_map(area=area), url=base_url + area_url(area),
                          colour=theme_for(area.layout.municipality).colour)

    return pages.cached(f"pdf:{area.pk}:{year}:{base_url}", build)


def report_html(*, area: Area, year: int | None = None, request=None) -> str:
    analysis = area_analysis(area=area, year=year)
    return render_to_string("reports/report.html", {
        "a": analysis, "area": area, "municipality": area.layout.municipality, "svgmap": pages.area_map(area=area),
        "report_pdf": area_url(area, suffix="rapport.pdf"), "area_url": area_url(area),
    }, request=request)


def report_batch(*, municipality_code: str, level: str, out: Path | str, year: int | None = None,
                 formats: tuple[str, ...] = ("pdf",), progress: Callable[[Area], None] | None = None) -> list[Path]:
    """Write the report of every area of ``level`` in the municipality into ``out``; returns
    the files written (``<code>-<name>.pdf`` / ``.html``)."""
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    items = list(areas.area_list(municipality_code=municipality_code, level=level))
    if not items:
        raise ValueError(f"no areas of level {level!r} in municipality {municipality_code!r}")
    for area in items:
        stem = f"{area.code}-{slugify(area.name)}"
        if "pdf" in formats:
            path = folder / f"{stem}.pdf"
            path.write_bytes(report_pdf(area=area, year=year))
            written.append(path)
        if "html" in formats:
            path = folder / f"{stem}.html"
            path.write_text(report_html(area=area, year=year), encoding="utf-8")
            written.append(path)
        if progress:
            progress(area)
    return written


# ---------------------------------------------------------------------------------------------
# The gebiedsrapportage (issue 10): drafts, four-eyes review, publication with a frozen
# snapshot, council follows and notifications, questions and commitments, taakvelden.
# ---------------------------------------------------------------------------------------------


class ReportPermissionError(PermissionError):
    """The user may not do this."""


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _content_bytes(content: dict) -> bytes:
    return json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def area_report_render(*, content: dict, changes: dict, published_at=None, status: str = ReportStatus.DRAFT,
                       pdf: bool = True) -> tuple[str, bytes]:
    """The HTML body and (unless ``pdf`` is false: a page that only shows the HTML) the PDF of a
    report's content, in Dutch. Deterministic: the same content, changes and publication moment
    give the same bytes."""
    with translation.override("nl"):
        html = render_to_string("reports/rapportage.html", {
            "c": content, "changes": changes, "published_at": published_at, "status": status,
            "draft": status != ReportStatus.PUBLISHED})
        document = render_rapportage_pdf(content=content, changes=changes, published_at=published_at,
                                         status=status) if pdf else b""
    return html, document


def _record(report: AreaReport, from_status: str, to_status: str, user, note: str = "") -> None:
    ReportEvent.objects.create(report=report, from_status=from_status, to_status=to_status,
                               by=user if getattr(user, "is_authenticated", False) else None, note=note)


def _period_bounds(period: str) -> tuple[dt.date, dt.date]:
    """"2026-H1" → 1 January–30 June 2026, "2026-H2" → 1 July–31 December, "2026" → the year."""
    try:
        if "-H" in period:
            year, half = period.split("-H")
            year, half = int(year), int(half)
            if half == 1:
                return dt.date(year, 1, 1), dt.date(year, 6, 30)
            if half == 2:
                return dt.date(year, 7, 1), dt.date(year, 12, 31)
        else:
            year = int(period)
            return dt.date(year, 1, 1), dt.date(year, 12, 31)
    except ValueError:
        pass
    raise ValueError(_("A period is a year (2026) or a half-year (2026-H1, 2026-H2)."))


@transaction.atomic
def area_report_create(*, user, area: Area, period: str, introduction: str = "") -> AreaReport:
    """A new draft of a gebied's report for ``period`` by its area team."""
    municipality = area.layout.municipality
    if not selectors.area_report_can_write(user=user, municipality_code=municipality.code, gebied_code=area.code):
        raise ReportPermissionError(_("Only the area team of this gebied drafts its report."))
    start, end = _period_bounds(period.strip().upper())
    if AreaReport.objects.filter(municipality=municipality, gebied_code=area.code, period=period.strip().upper()).exists():
        raise ValueError(_("There is a report for this period already."))
    report = AreaReport.objects.create(
        municipality=municipality, gebied_code=area.code, gebied_name=area.name, period=period.strip().upper(),
        period_start=start, period_end=end, introduction=introduction.strip(),
        author=user if getattr(user, "is_authenticated", False) else None)
    _record(report, "", ReportStatus.DRAFT, user)
    audit_log(user=user, action="area_report.create", obj=report, municipality_code=municipality.code,
              changes={"gebied": area.code, "period": report.period})
    return report


@transaction.atomic
def area_report_update(*, user, report: AreaReport, introduction: str) -> AreaReport:
    if report.status != ReportStatus.DRAFT:
        raise ReportTransitionError(_("Only a draft can be changed."))
    if not selectors.area_report_can_write(user=user, municipality_code=report.municipality.code,
                                           gebied_code=report.gebied_code):
        raise ReportPermissionError(_("Only the area team of this gebied drafts its report."))
    report.introduction = introduction.strip()
    report.save(update_fields=["introduction"])
    audit_log(user=user, action="area_report.update", obj=report, municipality_code=report.municipality.code)
    return report


def area_report_live_content(*, report: AreaReport, today=None) -> dict:
    """The content of a draft as it would be published now (from the current data)."""
    area = areas.gebied_get(municipality_code=report.municipality.code, code=report.gebied_code)
    return report_content(area=area, period=report.period, period_start=report.period_start,
                                    period_end=report.period_end, introduction=report.introduction, today=today)


def area_report_previous(*, report: AreaReport) -> AreaReport | None:
    """The published report of the same gebied just before this one (by period)."""
    return (AreaReport.objects.filter(municipality=report.municipality, gebied_code=report.gebied_code,
                                      status=ReportStatus.PUBLISHED, period_start__lt=report.period_start)
            .exclude(pk=report.pk).order_by("-period_start", "-pk").first())


@transaction.atomic
def area_report_transition(*, user, report: AreaReport, to_status: str, note: str = "", today=None,
                           site_url: str = "") -> AreaReport:
    """Move a report through draft → in review → published (or back to draft). The author
    submits; a second person sends back or publishes (four eyes). Publication freezes the
    content, the HTML and the PDF, computes what changed since the previous published report
    of the gebied, and notifies the followers (``site_url``: the site's address for the link in the e-mail)."""
    report = AreaReport.objects.select_for_update().select_related("municipality").get(pk=report.pk)
    MACHINE.check(report.status, to_status, error=ReportTransitionError,
                  refused=str(_("A report that is %(from)s cannot become %(to)s.")))
    code, gebied = report.municipality.code, report.gebied_code
    if to_status == ReportStatus.IN_REVIEW:
        if not selectors.area_report_can_write(user=user, municipality_code=code, gebied_code=gebied):
            raise ReportPermissionError(_("Only the area team of this gebied submits its report."))
    elif not selectors.area_report_can_review(user=user, report=report):
        if getattr(user, "is_authenticated", False) and report.author_id == user.pk:
            raise ReportTransitionError(_("A second person reviews the report: the author cannot review it."))
        raise ReportPermissionError(_("You may not review this report."))
    old = report.status
    report.status = to_status
    fields = ["status"]
    if to_status == ReportStatus.PUBLISHED:
        report.reviewer = user
        report.published_at = timezone.now().replace(microsecond=0)
        previous = area_report_previous(report=report)
        report.previous = previous
        content = area_report_live_content(report=report, today=today)
        report.content = content
        report.changes = report_changes(previous=previous.content if previous else None, current=content)
        report.html, report.pdf = area_report_render(content=content, changes=report.changes,
                                                     published_at=report.published_at, status=to_status)
        report.content_sha256 = _sha(_content_bytes(content))
        report.html_sha256 = _sha(report.html.encode("utf-8"))
        report.pdf_sha256 = _sha(bytes(report.pdf))
        fields += ["reviewer", "published_at", "previous", "content", "changes", "html", "pdf", "content_sha256",
                   "html_sha256", "pdf_sha256"]
    report.save(update_fields=fields)
    _record(report, old, to_status, user, note)
    audit_log(user=user, action=f"area_report.{to_status}", obj=report, municipality_code=code,
              changes={"from": old, "to": to_status})
    if to_status == ReportStatus.PUBLISHED:
        transaction.on_commit(lambda: notify_followers(report=report, site_url=site_url))
    return report


def notify_followers(*, report: AreaReport, site_url: str = "") -> int:
    """A notification (the list on their page) and an e-mail for every follower of the gebied;
    returns the number of notifications made."""
    made = 0
    for follow in Follow.objects.filter(municipality=report.municipality, gebied_code=report.gebied_code).select_related("user"):
        note, created = Notification.objects.get_or_create(user=follow.user, report=report)
        if not created:
            continue
        made += 1
        if follow.user.email:
            with translation.override("nl"):
                subject = _("New area report: %(name)s %(period)s") % {"name": report.gebied_name, "period": report.period}
                body = _("The area report of %(name)s for %(period)s is published: %(url)s") % {
                    "name": report.gebied_name, "period": report.period,
                    "url": site_url.rstrip("/") + report_url(report)}
            send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [follow.user.email], fail_silently=True)
            note.emailed = True
            note.save(update_fields=["emailed"])
    return made


def report_url(report: AreaReport) -> str:
    return reverse("reports:rapportage", args=[report.pk])


@transaction.atomic
def follow_set(*, user, municipality, gebied_code: str, follow: bool) -> bool:
    """Follow (or stop following) a gebied; returns whether the user follows it now."""
    if not selectors.follow_can(user=user, municipality_code=municipality.code):
        raise ReportPermissionError(_("Sign in with a role in this municipality to follow a gebied."))
    if follow:
        Follow.objects.get_or_create(user=user, municipality=municipality, gebied_code=gebied_code)
    else:
        Follow.objects.filter(user=user, municipality=municipality, gebied_code=gebied_code).delete()
    audit_log(user=user, action="area_report.follow" if follow else "area_report.unfollow", obj="Follow",
              municipality_code=municipality.code, changes={"gebied": gebied_code})
    return follow


def notification_mark_read(*, user, notification_ids: list[int] | None = None) -> int:
    qs = Notification.objects.filter(user=user, read_at__isnull=True)
    if notification_ids is not None:
        qs = qs.filter(pk__in=notification_ids)
    return qs.update(read_at=timezone.now())


@transaction.atomic
def question_ask(*, user, report: AreaReport, text: str, site_url: str = "") -> Question:
    """A council member's question to the area team on a published report. After commit the
    area team of the gebied gets an e-mail (a task, see :func:`question_mail_send`)."""
    if not selectors.question_can_ask(user=user, report=report):
        raise ReportPermissionError(_("Council members ask questions on published reports."))
    text = text.strip()
    if not text:
        raise ValueError(_("Write a question."))
    question = Question.objects.create(report=report, text=text[:4000], asked_by=user)
    audit_log(user=user, action="area_report.question", obj=question, municipality_code=report.municipality.code)
    transaction.on_commit(lambda: _question_mail(question_id=question.pk, site_url=site_url))
    return question


def _question_mail(*, question_id: int, site_url: str) -> None:
    """After commit: hand the e-mail to a task (a worker with a broker, in-process without one)."""
    from wijksturing.reports.tasks import question_mail_task

    try:
        question_mail_task.delay(question_id=question_id, site_url=site_url)
    except Exception as exc:  # noqa: BLE001 — no e-mail must undo a question that was asked
        log.warning("question %s: the e-mail could not be queued (%s)", question_id, type(exc).__name__)


def question_mail_send(*, question_id: int, site_url: str = "") -> int:
    """E-mail the area team of the report's gebied (and area teams of the whole municipality)
    that a council member asked a question: who asked is only "een raadslid", the question itself
    is behind the link to the report's questions. One message, the team in Bcc; raises when the
    mail server refuses (the task tries again). Returns the number of addresses."""
    question = Question.objects.select_related("report", "report__municipality").get(pk=question_id)
    report = question.report
    addresses = accounts.user_emails_with_role(municipality_code=report.municipality.code, roles=[Role.AREA_TEAM],
                                               gebied_code=report.gebied_code)
    if not addresses:
        return 0
    with translation.override("nl"):
        subject = _("Question from a council member: area report %(name)s %(period)s") % {
            "name": report.gebied_name, "period": report.period}
        body = _("A council member asked the area team a question about the area report of %(name)s for "
                 "%(period)s. Read and answer it: %(url)s") % {
            "name": report.gebied_name, "period": report.period,
            "url": site_url.rstrip("/") + report_url(report) + "#vragen"}
    EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, to=[], bcc=addresses).send(fail_silently=False)
    log.info("question %s: the area team was told (%s addresses)", question_id, len(addresses))
    return len(addresses)


@transaction.atomic
def question_answer(*, user, question: Question, answer: str) -> Question:
    """The area team's answer, on the record (an answer is given once, not changed afterwards)."""
    if not selectors.question_can_answer(user=user, report=question.report):
        raise ReportPermissionError(_("The area team of this gebied answers its questions."))
    question = Question.objects.select_for_update().select_related("report", "report__municipality").get(pk=question.pk)
    if question.is_answered:
        raise ValueError(_("This question has been answered."))
    answer = answer.strip()
    if not answer:
        raise ValueError(_("Write an answer."))
    question.answer, question.answered_by, question.answered_at = answer[:8000], user, timezone.now()
    question.save(update_fields=["answer", "answered_by", "answered_at"])
    audit_log(user=user, action="area_report.answer", obj=question, municipality_code=question.report.municipality.code)
    return question


@transaction.atomic
def commitment_create(*, user, municipality, gebied_code: str, text: str, owner: str, due_date: dt.date,
                      report: AreaReport | None = None, question: Question | None = None) -> Commitment:
    """A commitment to the council (toezegging) for a gebied, with an owner and a due date."""
    if not selectors.commitment_can_manage(user=user, municipality_code=municipality.code, gebied_code=gebied_code):
        raise ReportPermissionError(_("The area team of this gebied records its commitments."))
    if not text.strip() or not owner.strip():
        raise ValueError(_("A commitment needs a text and an owner."))
    commitment = Commitment.objects.create(municipality=municipality, gebied_code=gebied_code, text=text.strip(),
                                           owner=owner.strip(), due_date=due_date, report=report, question=question,
                                           created_by=user if getattr(user, "is_authenticated", False) else None)
    audit_log(user=user, action="commitment.create", obj=commitment, municipality_code=municipality.code,
              changes={"gebied": gebied_code, "due_date": due_date.isoformat()})
    return commitment


@transaction.atomic
def commitment_complete(*, user, commitment: Commitment, note: str = "", done_on: dt.date | None = None) -> Commitment:
    if not selectors.commitment_can_manage(user=user, municipality_code=commitment.municipality.code,
                                           gebied_code=commitment.gebied_code):
        raise ReportPermissionError(_("The area team of this gebied records its commitments."))
    commitment = Commitment.objects.select_for_update().select_related("municipality").get(pk=commitment.pk)
    if commitment.status == CommitmentStatus.DONE:
        raise ValueError(_("This commitment is done already."))
    commitment.status, commitment.done_on, commitment.done_note = (
        CommitmentStatus.DONE, done_on or timezone.localdate(), note.strip())
    commitment.save(update_fields=["status", "done_on", "done_note"])
    audit_log(user=user, action="commitment.done", obj=commitment, municipality_code=commitment.municipality.code)
    return commitment


@transaction.atomic
def taakveld_assign(*, user, line, taakveld: str | None) -> str:
    """Classify one budget line under another taakveld than its domain's default (None or ""
    restores the default); returns the line's taakveld now."""
    municipality_code = line.municipality.code
    if not (budgets.budget_can_edit(user=user, municipality_code=municipality_code, gebied_code=line.gebied_code)
            or user is None):
        raise ReportPermissionError(_("You may not classify this budget line."))
    if taakveld:
        taakveld_for(line.domain, taakveld)  # refuses an unknown code
        TaakveldAssignment.objects.update_or_create(line=line, defaults={"taakveld": taakveld})
    else:
        TaakveldAssignment.objects.filter(line=line).delete()
    audit_log(user=user, action="budget_line.taakveld", obj=line, municipality_code=municipality_code,
              changes={"taakveld": taakveld or ""})
    return selectors.line_taakveld(line=line)
