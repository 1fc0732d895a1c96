"""Area programmes (wijkprogramma's): city-wide agendas, programmes per gebied and period,
themes → goals → intended results → efforts, indicator measures, yearly reviews, and an
append-only history of every change made by staff."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ProgressStatus(models.TextChoices):
    ON_TRACK = "on_track", _("on track")
    AT_RISK = "at_risk", _("at risk")
    BEHIND = "behind", _("behind")


class Withdrawable(models.Model):
    """A part of a published programme is not deleted but withdrawn (ingetrokken): it stays
    visible with the date and the reason, and no longer counts in the progress."""

    withdrawn_on = models.DateField(_("withdrawn on"), null=True, blank=True)
    withdrawn_reason = models.TextField(_("why it was withdrawn"), blank=True)

    class Meta:
        abstract = True

    @property
    def withdrawn(self) -> bool:
        return self.withdrawn_on is not None


class Agenda(models.Model):
    """A city-wide change agenda (veranderopgave), e.g. Inclusief Arnhem."""

    municipality = models.ForeignKey("areas.Municipality", on_delete=models.CASCADE, related_name="agendas")
    code = models.SlugField(_("code"), max_length=60)
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        unique_together = [("municipality", "code")]
        ordering = ["municipality", "order", "name"]
        verbose_name = _("change agenda")
        verbose_name_plural = _("change agendas")

    def __str__(self) -> str:
        return self.name


class Programme(models.Model):
    """The programme of one area (a gebied, or the whole municipality) for a period."""

    municipality = models.ForeignKey("areas.Municipality", on_delete=models.CASCADE, related_name="programmes")
    area_code = models.CharField(
        _("area code"), max_length=20,
        help_text=_("The gebied code (W1), or the municipality code for a city-wide programme."),
    )
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"), blank=True)
    start_year = models.PositiveSmallIntegerField(_("first year"))
    end_year = models.PositiveSmallIntegerField(_("last year"))
    published = models.BooleanField(_("published"), default=False)
    source = models.CharField(_("source"), max_length=300, blank=True)

    class Meta:
        unique_together = [("municipality", "area_code", "start_year")]
        ordering = ["municipality", "area_code", "-start_year"]
        verbose_name = _("area programme")
        verbose_name_plural = _("area programmes")

    def __str__(self) -> str:
        return f"{self.title} ({self.start_year}–{self.end_year})"


class Theme(Withdrawable):
    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="themes")
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    weight = models.DecimalField(_("weight"), max_digits=6, decimal_places=2, default=1)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["programme", "order", "pk"]
        verbose_name = _("theme")
        verbose_name_plural = _("themes")

    def __str__(self) -> str:
        return self.title


class ThemeAgenda(models.Model):
    """Which agenda a theme serves, with the words of the programme about how."""

    theme = models.ForeignKey(Theme, on_delete=models.CASCADE, related_name="agenda_links")
    agenda = models.ForeignKey(Agenda, on_delete=models.PROTECT, related_name="+")
    note = models.TextField(_("how the theme serves it"), blank=True)

    class Meta:
        unique_together = [("theme", "agenda")]
        ordering = ["theme", "agenda__order"]
        verbose_name = _("change agenda of a theme")
        verbose_name_plural = _("change agendas of themes")


class Goal(Withdrawable):
    """A goal in the uniform shape: what, why, for whom, agendas, by when, owner, how we know."""

    theme = models.ForeignKey(Theme, on_delete=models.CASCADE, related_name="goals")
    title = models.CharField(_("what"), max_length=300)
    why = models.TextField(_("why (the signal or figure behind it)"), blank=True)
    for_whom = models.CharField(_("for whom"), max_length=300, blank=True)
    agendas = models.ManyToManyField(Agenda, blank=True, related_name="goals", verbose_name=_("agendas"))
    deadline = models.PositiveSmallIntegerField(_("by when (year)"), null=True, blank=True)
    owner = models.CharField(_("owner (team or organisation)"), max_length=200, blank=True)
    qualitative = models.TextField(_("qualitative assessment"), blank=True, help_text=_("How we know where no indicator fits."))
    recorded_status = models.CharField(_("recorded progress"), max_length=12, choices=ProgressStatus.choices, blank=True)
    weight = models.DecimalField(_("weight"), max_digits=6, decimal_places=2, default=1)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["theme", "order", "pk"]
        verbose_name = _("goal")
        verbose_name_plural = _("goals")

    def __str__(self) -> str:
        return self.title


class Result(Withdrawable):
    """An intended result (beoogd resultaat) of a goal."""

    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="results")
    text = models.TextField(_("intended result"))
    recorded_status = models.CharField(_("recorded progress"), max_length=12, choices=ProgressStatus.choices, blank=True)
    weight = models.DecimalField(_("weight"), max_digits=6, decimal_places=2, default=1)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["goal", "order", "pk"]
        verbose_name = _("intended result")
        verbose_name_plural = _("intended results")

    def __str__(self) -> str:
        return self.text[:80]


class EffortStatus(models.TextChoices):
    PLANNED = "planned", _("planned")
    RUNNING = "running", _("running")
    DONE = "done", _("done")
    STOPPED = "stopped", _("stopped")


class Effort(models.Model):
    """An effort (inspanning) towards an intended result."""

    result = models.ForeignKey(Result, on_delete=models.CASCADE, related_name="efforts")
    title = models.CharField(_("effort"), max_length=300)
    owner = models.CharField(_("owner"), max_length=200, blank=True)
    partners = models.CharField(_("partners"), max_length=500, blank=True)
    start_year = models.PositiveSmallIntegerField(_("from"), null=True, blank=True)
    end_year = models.PositiveSmallIntegerField(_("until"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=EffortStatus.choices, default=EffortStatus.PLANNED)
    recorded_status = models.CharField(_("recorded progress"), max_length=12, choices=ProgressStatus.choices, blank=True)
    weight = models.DecimalField(_("weight"), max_digits=6, decimal_places=2, default=1)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["result", "order", "pk"]
        verbose_name = _("effort")
        verbose_name_plural = _("efforts")

    def __str__(self) -> str:
        return self.title


class Measure(models.Model):
    """How we know: an indicator of the monitor with baseline, target and deadline for a goal
    (optionally for one of its intended results), measured in one area."""

    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="measures")
    result = models.ForeignKey(Result, null=True, blank=True, on_delete=models.CASCADE, related_name="measures")
    indicator = models.ForeignKey("monitor.Indicator", on_delete=models.PROTECT, related_name="+")
    area_code = models.CharField(_("area code"), max_length=20)
    baseline_value = models.FloatField(_("baseline value"), null=True, blank=True)
    baseline_year = models.PositiveSmallIntegerField(_("baseline year"))
    target_value = models.FloatField(_("target value"))
    target_year = models.PositiveSmallIntegerField(_("deadline (year)"))
    rationale = models.TextField(_("why this indicator"), blank=True)

    class Meta:
        ordering = ["goal", "pk"]
        verbose_name = _("indicator measure")
        verbose_name_plural = _("indicator measures")

    def __str__(self) -> str:
        return f"{self.indicator.code} {self.area_code}"


class Achieved(models.TextChoices):
    YES = "yes", _("yes")
    PARTLY = "partly", _("partly")
    NO = "no", _("no")


class Review(models.Model):
    """The yearly answer to "is het beoogde resultaat behaald?" for one intended result."""

    result = models.ForeignKey(Result, on_delete=models.CASCADE, related_name="reviews")
    year = models.PositiveSmallIntegerField(_("year"))
    achieved = models.CharField(_("is the intended result achieved?"), max_length=8, choices=Achieved.choices)
    account = models.TextField(_("account"), blank=True)

    class Meta:
        unique_together = [("result", "year")]
        ordering = ["result", "-year"]
        verbose_name = _("yearly review")
        verbose_name_plural = _("yearly reviews")


class ChangeRecord(models.Model):
    """Append-only history of every change by staff to a programme and its parts."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="history")
    at = models.DateTimeField(auto_now_add=True, db_index=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    action = models.CharField(max_length=40)
    object_type = models.CharField(max_length=40)
    object_id = models.CharField(max_length=40)
    changes = models.JSONField(default=dict, help_text="{field: [before, after]}")

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("change record")
        verbose_name_plural = _("change records")

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("Change records are append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValueError("Change records are append-only.")
