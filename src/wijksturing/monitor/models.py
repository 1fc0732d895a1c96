"""The Leefbare Wijken Monitor: indicator catalogue, observations per area and year,
import runs, the liveability index and similar areas."""

from django.conf import settings
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class Aggregation(models.TextChoices):
    SUM = "sum", _("sum (counts)")
    RATIO = "ratio", _("ratio of summed numerator and denominator")
    WEIGHTED_MEAN = "weighted_mean", _("mean weighted by its population")
    NONE = "none", _("not aggregated (published only)")


class Direction(models.TextChoices):
    HIGHER_BETTER = "higher_better", _("higher is better")
    HIGHER_WORSE = "higher_worse", _("higher is worse")
    NEUTRAL = "neutral", _("neutral")


class Indicator(models.Model):
    code = models.CharField(_("code"), max_length=40, unique=True)
    name_nl = models.CharField(_("Dutch name"), max_length=200)
    name_en = models.CharField(_("English name"), max_length=200)
    definition = models.TextField(_("definition"), blank=True)
    source = models.CharField(_("source"), max_length=200)
    unit = models.CharField(_("unit"), max_length=40, blank=True)
    decimals = models.PositiveSmallIntegerField(default=0)
    theme = models.CharField(_("theme"), max_length=40)
    direction = models.CharField(_("direction"), max_length=20, choices=Direction.choices, default=Direction.NEUTRAL)
    aggregation = models.CharField(_("aggregation"), max_length=20, choices=Aggregation.choices)
    numerator = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    denominator = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="+",
        help_text=_("Denominator of a ratio, or the weight of a weighted mean."),
    )
    scale = models.FloatField(default=1.0, help_text=_("100 for a percentage, 1000 for per 1,000."))
    suppress_below = models.PositiveIntegerField(
        _("suppression threshold"), default=0,
        help_text=_("Hide the value publicly when its base (denominator, weight, or the count itself) is below this."),
    )
    context = models.BooleanField(
        _("context only"), default=False,
        help_text=_("Describes who lives somewhere (age, origin); never part of the liveability index."),
    )
    keys = models.JSONField(_("source column names"), default=dict, blank=True)
    published = models.BooleanField(
        _("published"), default=True,
        help_text=_("Shown to the public (pages, API, exports). Staff also see unpublished indicators."),
    )
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["order", "code"]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"

    @property
    def name(self) -> str:
        return self.name_en if (get_language() or "nl").startswith("en") else self.name_nl


class ImportStatus(models.TextChoices):
    RUNNING = "running", _("running")
    SUCCEEDED = "succeeded", _("succeeded")
    FAILED = "failed", _("failed")


class ImportRun(models.Model):
    """One import or recomputation, with its progress and, when it failed, its errors."""

    kind = models.CharField(_("kind"), max_length=40)
    source = models.CharField(_("file or address"), max_length=500)
    year = models.PositiveSmallIntegerField(null=True, blank=True)
    municipalities = models.JSONField(default=list, blank=True)
    status = models.CharField(max_length=12, choices=ImportStatus.choices, default=ImportStatus.RUNNING)
    progress = models.FloatField(default=0.0)
    rows = models.PositiveIntegerField(default=0)
    observations = models.PositiveIntegerField(default=0)
    message = models.TextField(blank=True)
    errors = models.JSONField(default=list, blank=True)
    started_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)

    class Meta:
        ordering = ["-started_at", "-id"]
        verbose_name = _("import")
        verbose_name_plural = _("imports")


class Origin(models.TextChoices):
    IMPORTED = "imported", _("published by the source")
    DERIVED = "derived", _("derived from other indicators")
    AGGREGATED = "aggregated", _("aggregated from smaller areas")


class Observation(models.Model):
    """The value of one indicator for one area (of one layout) in one year."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="observations")
    area = models.ForeignKey("areas.Area", on_delete=models.CASCADE, related_name="observations")
    year = models.PositiveSmallIntegerField(_("year"))
    value = models.FloatField(null=True, blank=True)
    numerator = models.FloatField(null=True, blank=True)
    denominator = models.FloatField(null=True, blank=True)
    origin = models.CharField(max_length=12, choices=Origin.choices, default=Origin.IMPORTED)
    suppressed = models.BooleanField(
        default=False, help_text=_("Under the indicator's threshold: hidden in public output.")
    )
    source = models.CharField(max_length=300, blank=True)
    source_date = models.DateField(null=True, blank=True)
    import_run = models.ForeignKey(ImportRun, null=True, blank=True, on_delete=models.SET_NULL)

    class Meta:
        unique_together = [("indicator", "area", "year")]
        indexes = [models.Index(fields=["year", "indicator"])]
        verbose_name = _("figure")
        verbose_name_plural = _("figures")


class IndexDimension(models.Model):
    code = models.CharField(max_length=40, unique=True)
    name_nl = models.CharField(max_length=120)
    name_en = models.CharField(max_length=120)
    weight = models.FloatField(default=1.0)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order"]
        verbose_name = _("part of the index")
        verbose_name_plural = _("parts of the index")

    @property
    def name(self) -> str:
        return self.name_en if (get_language() or "nl").startswith("en") else self.name_nl


class IndexComponent(models.Model):
    dimension = models.ForeignKey(IndexDimension, on_delete=models.CASCADE, related_name="components")
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE)
    weight = models.FloatField(default=1.0)

    class Meta:
        unique_together = [("dimension", "indicator")]
        verbose_name = _("indicator in the index")
        verbose_name_plural = _("indicators in the index")


class IndexValue(models.Model):
    """The liveability index of an area in a year: 100 = the municipality in the base year.
    ``value`` is empty when fewer dimensions than the index's minimum have a score (the
    dimensions are still there); ``used``/``missing``/``scores`` say what carried it."""

    area = models.ForeignKey("areas.Area", on_delete=models.CASCADE, related_name="index_values")
    year = models.PositiveSmallIntegerField()
    base_year = models.PositiveSmallIntegerField()
    value = models.FloatField(null=True, blank=True)
    dimensions = models.JSONField(default=dict)
    used = models.JSONField(default=list, help_text="[[indicator code, year of the figure], …]")
    missing = models.JSONField(default=list)
    scores = models.JSONField(default=dict, help_text="{indicator code: score} of the indicators that were available")
    compared = models.JSONField(
        default=list, help_text="The indicators the change since the previous index year was measured on (in both years).")
    change_per_year = models.FloatField(null=True, blank=True)
    behind = models.BooleanField(default=False)
    falling = models.BooleanField(default=False)

    class Meta:
        unique_together = [("area", "year")]
        verbose_name = _("index value")
        verbose_name_plural = _("index values")


class SimilarArea(models.Model):
    area = models.ForeignKey("areas.Area", on_delete=models.CASCADE, related_name="similar")
    other = models.ForeignKey("areas.Area", on_delete=models.CASCADE, related_name="+")
    rank = models.PositiveSmallIntegerField()
    distance = models.FloatField()
    year = models.PositiveSmallIntegerField()

    class Meta:
        unique_together = [("area", "rank")]
        ordering = ["area", "rank"]
        verbose_name = _("similar area")
        verbose_name_plural = _("similar areas")


class AreaProfile(models.Model):
    """The character of a wijk: the indicators on which it differs most from the average."""

    area = models.OneToOneField("areas.Area", on_delete=models.CASCADE, related_name="profile")
    year = models.PositiveSmallIntegerField()
    features = models.JSONField(default=list, help_text="[[indicator code, z-score], …]")

    class Meta:
        verbose_name = _("area profile")
        verbose_name_plural = _("area profiles")
