"""Municipalities and their area layouts: gemeente → gebied → wijk → buurt, per layout year.

Boundaries are GeoJSON geometries in WGS84 stored as JSON (no PostGIS or GDAL needed);
the spatial work happens in :mod:`wijksturing.core.spatial` with shapely and pyproj.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Level(models.TextChoices):
    GEMEENTE = "gemeente", _("municipality")
    GEBIED = "gebied", _("area")
    WIJK = "wijk", _("district")
    BUURT = "buurt", _("neighbourhood")


LEVEL_ORDER = [Level.GEMEENTE, Level.GEBIED, Level.WIJK, Level.BUURT]


class Municipality(models.Model):
    code = models.CharField(_("CBS code"), max_length=6, unique=True, help_text="GM0202")
    name = models.CharField(_("name"), max_length=100)
    gebied_label = models.CharField(
        _("name for a gebied"), max_length=40, default="gebied", help_text=_("e.g. gebied or stadsdeel")
    )
    theme_colour = models.CharField(_("theme colour"), max_length=7, default="#154273")
    logo_url = models.CharField(_("logo"), max_length=300, blank=True)
    website = models.URLField(_("website"), blank=True)
    phone = models.CharField(
        _("phone number"), max_length=30, blank=True,
        help_text=_("The municipality's general number, e.g. 14 026 (14 + area code). Shown where an area has no contacts."),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")

    def __str__(self) -> str:
        return self.name


class Layout(models.Model):
    """The area division of one municipality in one year. Importing another year adds a layout;
    earlier layouts and the figures that belong to them stay."""

    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE, related_name="layouts")
    year = models.PositiveSmallIntegerField(_("year"))
    source = models.CharField(_("source"), max_length=300, blank=True)
    boundary_source = models.CharField(_("source of the boundaries"), max_length=300, blank=True)
    imported_at = models.DateTimeField(auto_now=True)

    class Meta:
        unique_together = [("municipality", "year")]
        ordering = ["municipality__name", "-year"]
        verbose_name = _("layout")
        verbose_name_plural = _("layouts")

    def __str__(self) -> str:
        return f"{self.municipality.code} {self.year}"


class Area(models.Model):
    layout = models.ForeignKey(Layout, on_delete=models.CASCADE, related_name="areas")
    level = models.CharField(_("level"), max_length=10, choices=Level.choices)
    code = models.CharField(_("code"), max_length=20, help_text="GM0202, W1, WK020201, BU02020100")
    name = models.CharField(_("name"), max_length=120)
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.CASCADE, related_name="children")
    geometry = models.JSONField(_("boundary (GeoJSON, WGS84)"), null=True, blank=True)
    min_lon = models.FloatField(null=True, blank=True)
    min_lat = models.FloatField(null=True, blank=True)
    max_lon = models.FloatField(null=True, blank=True)
    max_lat = models.FloatField(null=True, blank=True)
    hectares = models.FloatField(_("area (ha)"), null=True, blank=True)

    class Meta:
        unique_together = [("layout", "code")]
        ordering = ["code"]
        indexes = [models.Index(fields=["code"]), models.Index(fields=["layout", "level"])]
        verbose_name = _("area in a layout")
        verbose_name_plural = _("areas in a layout")

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"

    @property
    def municipality(self) -> Municipality:
        return self.layout.municipality


class GebiedDefinition(models.Model):
    """The municipality's own grouping of CBS wijken into gebieden (editable by an administrator).
    Applied to every layout of the municipality by :func:`areas.services.layout_apply_gebieden`."""

    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE, related_name="gebieden")
    code = models.CharField(_("code"), max_length=20)
    name = models.CharField(_("name"), max_length=120)
    wijk_codes = models.JSONField(_("CBS wijk codes"), default=list)
    tags = models.JSONField(_("tags"), default=dict, blank=True)

    class Meta:
        unique_together = [("municipality", "code")]
        ordering = ["municipality", "code"]
        verbose_name = _("gebied")
        verbose_name_plural = _("gebieden")

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


class TeamContact(models.Model):
    """A contact of the area team of a gebied (or wijk), shown on the public area page."""

    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE, related_name="contacts")
    area_code = models.CharField(_("area code"), max_length=20)
    name = models.CharField(_("name"), max_length=120)
    role = models.CharField(_("role"), max_length=120)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["area_code", "order", "name"]
        verbose_name = _("team contact")
        verbose_name_plural = _("team contacts")
