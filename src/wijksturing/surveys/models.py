"""Wijkpeiling: a light, recurring resident survey per wijk (the subjective half of the monitor).

A :class:`Survey` ("peiling") of one municipality and period has its questions (the default
set of :mod:`.questions`, extendable), invitations with single-use codes per wijk (only a
keyed hash is kept), responses and the estimates computed from them. Estimates of published
surveys of other cities are imported as :class:`Estimate` rows without a survey.

Anonymity is structural, as with the buurtbegroting's ballots: a :class:`Response` has no
reference to an invitation, a code, a user or a time, and its id is a random UUID. What an
invitation keeps about its use is one boolean, written in the same transaction as the response.
The wijk, age group and sex on a response are what weighting needs; estimates are published
only for groups of at least ``min_respondents``.
"""

import uuid

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class Status(models.TextChoices):
    DRAFT = "draft", _("Being prepared")
    OPEN = "open", _("Open for answers")
    CLOSED = "closed", _("Closed")
    PUBLISHED = "published", _("Results published")


class Survey(models.Model):
    municipality = models.ForeignKey("areas.Municipality", on_delete=models.CASCADE, related_name="surveys")
    title = models.CharField(_("title"), max_length=200)
    year = models.PositiveSmallIntegerField(_("year"), help_text=_("The period the figures are about."))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    min_respondents = models.PositiveSmallIntegerField(
        _("minimum number of respondents"), default=50,
        help_text=_("No figure is published for a wijk with fewer respondents to a question."))
    open_link = models.BooleanField(_("open link (anyone may answer)"), default=True,
                                    help_text=_("Answers without a code are reported separately."))
    illustrative = models.BooleanField(
        _("illustrative"), default=False,
        help_text=_("Simulated answers (demo): every figure of this survey is marked as illustrative."))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-year", "-id"]
        verbose_name = _("wijkpeiling")

    def __str__(self) -> str:
        return self.title


class Kind(models.TextChoices):
    MARK = "mark", _("Report mark 1–10")
    CHOICE = "choice", _("One answer from a list")


class Measure(models.TextChoices):
    MEAN = "mean", _("Mean of the answers")
    SHARE = "share", _("Share giving one of the chosen answers (%)")
    SCALE = "scale", _("Scale 0–10 from several statements")


class Question(models.Model):
    """One question; ``indicator_code`` and ``measure`` say which monitor indicator it feeds.
    Options are ``[[value, Dutch label, English label], …]``; values are numbers for the
    measures (``reverse`` turns a 1–5 statement around for a scale)."""

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="questions")
    code = models.SlugField(_("code"), max_length=40)
    order = models.PositiveSmallIntegerField(default=0)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    text_nl = models.CharField(_("question (Dutch)"), max_length=300)
    text_en = models.CharField(_("question (English)"), max_length=300)
    group_nl = models.CharField(_("group heading (Dutch)"), max_length=200, blank=True)
    group_en = models.CharField(_("group heading (English)"), max_length=200, blank=True)
    options = models.JSONField(default=list, blank=True)
    indicator_code = models.CharField(_("indicator"), max_length=40, blank=True)
    measure = models.CharField(_("measure"), max_length=10, choices=Measure.choices, blank=True)
    share_values = models.JSONField(default=list, blank=True)
    reverse = models.BooleanField(default=False)

    class Meta:
        ordering = ["survey", "order", "id"]
        unique_together = [("survey", "code")]

    def __str__(self) -> str:
        return self.code

    @property
    def text(self) -> str:
        return self.text_en if (get_language() or "nl").startswith("en") else self.text_nl

    @property
    def group(self) -> str:
        return self.group_en if (get_language() or "nl").startswith("en") else self.group_nl

    def choices(self) -> list[tuple[str, str]]:
        english = (get_language() or "nl").startswith("en")
        if self.kind == Kind.MARK:
            return [(str(v), str(v)) for v in range(1, 11)]
        return [(str(v), en if english else nl) for v, nl, en in self.options]


class Invitation(models.Model):
    """A single-use code on an invitation letter. Only a keyed hash is stored; ``used`` is all
    that is kept about its use (no time, no response). No name or address: the printer joins
    the letter file with the sample of addresses, which never enters wijksturing."""

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="invitations")
    code_hash = models.CharField(max_length=64, unique=True)
    wijk_code = models.CharField(_("wijk"), max_length=20)
    used = models.BooleanField(default=False)


class Channel(models.TextChoices):
    INVITED = "invited", _("invited sample (code)")
    OPEN = "open", _("open link")
    PUBLISHED = "published", _("published by another body")


class Response(models.Model):
    """One filled-in questionnaire: no code, no person, no time. ``answers`` maps question code
    to the chosen value (a string); an unanswered question is absent."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="responses")
    channel = models.CharField(max_length=10, choices=Channel.choices)
    wijk_code = models.CharField(max_length=20)
    age_group = models.CharField(max_length=8, blank=True)
    sex = models.CharField(max_length=8, blank=True)
    answers = models.JSONField(default=dict)


class Estimate(models.Model):
    """A figure per area and year: from a wijkpeiling (weighted, with its margin) or imported
    from another body's publication (value, and margin and n where given)."""

    survey = models.ForeignKey(Survey, null=True, blank=True, on_delete=models.CASCADE, related_name="estimates")
    source = models.CharField(_("source"), max_length=300)
    municipality_code = models.CharField(max_length=10)
    area_code = models.CharField(max_length=20)
    area_name = models.CharField(max_length=120, blank=True)
    area_level = models.CharField(max_length=10, blank=True)
    year = models.PositiveSmallIntegerField()
    indicator_code = models.CharField(max_length=40)
    channel = models.CharField(max_length=10, choices=Channel.choices)
    value = models.FloatField(null=True, blank=True)
    margin = models.FloatField(null=True, blank=True)
    n = models.PositiveIntegerField(null=True, blank=True)
    n_eff = models.FloatField(null=True, blank=True)
    suppressed = models.BooleanField(default=False)
    illustrative = models.BooleanField(default=False)

    class Meta:
        ordering = ["municipality_code", "area_code", "indicator_code", "year"]
        indexes = [models.Index(fields=["municipality_code", "area_code"]), models.Index(fields=["source"])]
