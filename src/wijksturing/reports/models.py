"""The gebiedsrapportage (periodic area report for the council) with its frozen versions, the
council's follows, notifications, questions to the area team and commitments (toezeggingen),
and the taakveld classification of area-budget lines. The gebiedsanalyse itself has no tables."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from wijksturing.history import AppendOnly
from wijksturing.reports.taakvelden import TAAKVELDEN
from wijksturing.reports.workflow import ReportStatus


class AreaReport(models.Model):
    """One gebiedsrapportage of one gebied and period. Drafted by the area team, reviewed by a
    second person, then published: at publication the content (JSON), the HTML and the PDF are
    stored with their sha256 and never change again."""

    municipality = models.ForeignKey("areas.Municipality", on_delete=models.CASCADE, related_name="area_reports")
    gebied_code = models.CharField(_("gebied"), max_length=20)
    gebied_name = models.CharField(_("gebied name"), max_length=200)
    period = models.CharField(_("period"), max_length=20, help_text=_("e.g. 2026-H1"))
    period_start = models.DateField(_("first day"))
    period_end = models.DateField(_("last day"))
    introduction = models.TextField(_("introduction by the area team"), blank=True)
    status = models.CharField(_("status"), max_length=12, choices=ReportStatus.choices, default=ReportStatus.DRAFT)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                 related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    previous = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT, related_name="+",
                                 verbose_name=_("previous published report"))
    # the frozen snapshot (set once, at publication)
    content = models.JSONField(default=dict, blank=True)
    changes = models.JSONField(default=dict, blank=True)
    html = models.TextField(blank=True)
    pdf = models.BinaryField(blank=True, default=b"")
    content_sha256 = models.CharField(max_length=64, blank=True)
    html_sha256 = models.CharField(max_length=64, blank=True)
    pdf_sha256 = models.CharField(max_length=64, blank=True)

    class Meta:
        ordering = ["municipality", "gebied_code", "-period_start", "-pk"]
        unique_together = [("municipality", "gebied_code", "period")]
        verbose_name = _("area report")
        verbose_name_plural = _("area reports")

    def __str__(self) -> str:
        return f"{self.gebied_name} {self.period}"

    @property
    def is_published(self) -> bool:
        return self.status == ReportStatus.PUBLISHED


class ReportEvent(AppendOnly):
    """A status change of an area report (append-only)."""

    report = models.ForeignKey(AreaReport, on_delete=models.CASCADE, related_name="events")
    from_status = models.CharField(max_length=12, blank=True)
    to_status = models.CharField(max_length=12, choices=ReportStatus.choices)
    at = models.DateTimeField(auto_now_add=True)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("report status change")
        verbose_name_plural = _("report status changes")


class Follow(models.Model):
    """A council member (or anyone with an account) follows a gebied: a message per new report."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="report_follows")
    municipality = models.ForeignKey("areas.Municipality", on_delete=models.CASCADE, related_name="+")
    gebied_code = models.CharField(max_length=20)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        unique_together = [("user", "municipality", "gebied_code")]
        verbose_name = _("followed gebied")
        verbose_name_plural = _("followed gebieden")


class Notification(models.Model):
    """A new published report, for one follower (the list on their page; also sent by e-mail)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="report_notifications")
    report = models.ForeignKey(AreaReport, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    emailed = models.BooleanField(default=False)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        unique_together = [("user", "report")]


class Question(models.Model):
    """A question of a council member to the area team on a published report ("vraag aan het
    gebiedsteam"), answered on the record. Public without the names of who asked or answered."""

    report = models.ForeignKey(AreaReport, on_delete=models.CASCADE, related_name="questions")
    text = models.TextField(_("question"))
    asked_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    asked_at = models.DateTimeField(auto_now_add=True)
    answer = models.TextField(_("answer"), blank=True)
    answered_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+")
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["asked_at", "pk"]
        verbose_name = _("question to the area team")
        verbose_name_plural = _("questions to the area team")

    @property
    def is_answered(self) -> bool:
        return self.answered_at is not None


class CommitmentStatus(models.TextChoices):
    OPEN = "open", _("open")
    DONE = "done", _("done")


class Commitment(models.Model):
    """A commitment made to the council (toezegging) for a gebied, with an owner (a team or a
    function, not a person's name) and a due date, tracked until done."""

    municipality = models.ForeignKey("areas.Municipality", on_delete=models.CASCADE, related_name="council_commitments")
    gebied_code = models.CharField(_("gebied"), max_length=20)
    report = models.ForeignKey(AreaReport, null=True, blank=True, on_delete=models.SET_NULL, related_name="commitments")
    question = models.ForeignKey(Question, null=True, blank=True, on_delete=models.SET_NULL, related_name="commitments")
    text = models.TextField(_("commitment"))
    owner = models.CharField(_("owner (team or function)"), max_length=200)
    due_date = models.DateField(_("due date"))
    status = models.CharField(_("status"), max_length=8, choices=CommitmentStatus.choices, default=CommitmentStatus.OPEN)
    done_on = models.DateField(_("done on"), null=True, blank=True)
    done_note = models.TextField(_("how it was done"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["status", "due_date", "pk"]
        verbose_name = _("commitment to the council")
        verbose_name_plural = _("commitments to the council")


class TaakveldAssignment(models.Model):
    """The taakveld of one area-budget line where it differs from its domain's default."""

    line = models.OneToOneField("budgets.BudgetLine", on_delete=models.CASCADE, related_name="taakveld_assignment")
    taakveld = models.CharField(_("taakveld"), max_length=5, choices=TAAKVELDEN)

    class Meta:
        verbose_name = _("taakveld of a budget line")
        verbose_name_plural = _("taakvelden of budget lines")
