"""Signals (meldingen) from residents and partners: categories per municipality, teams, the
signal itself, its reporter's contact details (kept apart, removed after the retention period),
its append-only status history, and the API keys of Open311 clients.

Reporter contact details live in :class:`Reporter`, never on :class:`Signal`, so that nothing
that serialises a signal can leak them by accident.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from wijksturing.history import AppendOnly
from wijksturing.signals.workflow import Status


class TeamKind(models.TextChoices):
    AREA_TEAM = "area_team", _("Area team of the gebied")
    SOCIAL_TEAM = "social_team", _("Social district team")
    DEPARTMENT = "department", _("Department")


class Team(models.Model):
    """A team that handles signals. Area and social teams may be limited to one gebied;
    members of a department team are listed explicitly."""

    municipality = models.ForeignKey("areas.Municipality", on_delete=models.CASCADE, related_name="signal_teams")
    code = models.SlugField(_("code"), max_length=60)
    name = models.CharField(_("name"), max_length=150)
    kind = models.CharField(_("kind"), max_length=20, choices=TeamKind.choices)
    gebied_code = models.CharField(_("gebied"), max_length=20, blank=True)
    email = models.EmailField(_("team e-mail"), blank=True)
    members = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="signal_teams")

    class Meta:
        unique_together = [("municipality", "code")]
        ordering = ["municipality", "kind", "name"]
        verbose_name = _("team")
        verbose_name_plural = _("teams")

    def __str__(self) -> str:
        return self.name


class Category(models.Model):
    """Two levels: a main category (parent empty) and its subcategories. Signals are filed under
    a subcategory; its Open311 service_code is ``slug``."""

    municipality = models.ForeignKey("areas.Municipality", on_delete=models.CASCADE, related_name="signal_categories")
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.CASCADE, related_name="children")
    slug = models.SlugField(_("code"), max_length=80)
    name = models.CharField(_("name"), max_length=150)
    description = models.TextField(_("description"), blank=True)
    handling_message = models.TextField(_("handling promise to the reporter"), blank=True)
    deadline_workdays = models.PositiveSmallIntegerField(_("deadline in working days"), default=5)
    team_kind = models.CharField(
        _("responsible team"), max_length=20, choices=TeamKind.choices, default=TeamKind.AREA_TEAM
    )
    department = models.CharField(_("department"), max_length=150, blank=True)
    is_active = models.BooleanField(_("active"), default=True)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        unique_together = [("municipality", "slug")]
        ordering = ["municipality", "order", "name"]
        verbose_name = _("category")
        verbose_name_plural = _("categories")

    def __str__(self) -> str:
        return f"{self.parent.name} – {self.name}" if self.parent_id else self.name


class RoutingRule(models.Model):
    """Overrides the category's default team: for a (main or sub)category, optionally only in
    one gebied. The most specific matching rule wins (sub before main, gebied before none)."""

    municipality = models.ForeignKey("areas.Municipality", on_delete=models.CASCADE, related_name="signal_rules")
    category = models.ForeignKey(Category, on_delete=models.CASCADE, related_name="rules")
    gebied_code = models.CharField(_("gebied"), max_length=20, blank=True)
    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="rules")

    class Meta:
        unique_together = [("category", "gebied_code")]
        verbose_name = _("routing rule")
        verbose_name_plural = _("routing rules")


class Source(models.TextChoices):
    PUBLIC_FORM = "public_form", _("Public form")
    STAFF = "staff", _("Staff (phone, partner)")
    OPEN311 = "open311", _("Open311 client")
    IMPORT = "import", _("Historic import")


class Signal(models.Model):
    municipality = models.ForeignKey("areas.Municipality", on_delete=models.PROTECT, related_name="signals")
    category = models.ForeignKey(Category, on_delete=models.PROTECT, related_name="signals")
    description = models.TextField(_("description"), blank=True)
    lat = models.FloatField(_("latitude"), null=True, blank=True)
    lon = models.FloatField(_("longitude"), null=True, blank=True)
    address = models.CharField(_("address or place"), max_length=250, blank=True)
    buurt_code = models.CharField(max_length=20, blank=True, db_index=True)
    wijk_code = models.CharField(max_length=20, blank=True, db_index=True)
    gebied_code = models.CharField(max_length=20, blank=True, db_index=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.RECEIVED)
    team = models.ForeignKey(Team, null=True, blank=True, on_delete=models.SET_NULL, related_name="signals")
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    source = models.CharField(_("source"), max_length=20, choices=Source.choices, default=Source.PUBLIC_FORM)
    external_id = models.CharField(max_length=80, blank=True, help_text=_("Id in the source (import)."))
    media_url = models.URLField(_("photo address"), max_length=500, blank=True)
    photo = models.FileField(_("photo"), upload_to="signals/%Y/%m/", blank=True)
    token = models.CharField(max_length=48, unique=True, help_text=_("Secret of the follow link."))
    created_at = models.DateTimeField(_("received"), db_index=True)
    updated_at = models.DateTimeField(_("updated"))
    deadline = models.DateField(_("deadline"), null=True, blank=True)
    closed_at = models.DateTimeField(_("handled"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["municipality", "status"]), models.Index(fields=["municipality", "created_at"])]
        verbose_name = _("signal")
        verbose_name_plural = _("signals")

    def __str__(self) -> str:
        return f"{self.municipality_id}-{self.pk} {self.category}"


class Reporter(models.Model):
    """The reporter's contact details: personal data, seen only by the responsible team and
    administrators, removed by :func:`signals.services.signal_retention_run`."""

    signal = models.OneToOneField(Signal, on_delete=models.CASCADE, related_name="reporter")
    name = models.CharField(_("name"), max_length=150, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    device_id = models.CharField(max_length=100, blank=True)
    consent = models.BooleanField(_("consent to be contacted"), default=False)
    removed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("reporter")
        verbose_name_plural = _("reporters")


class StatusChange(AppendOnly):
    """One status change: appended, never edited or deleted."""

    signal = models.ForeignKey(Signal, on_delete=models.CASCADE, related_name="history")
    from_status = models.CharField(max_length=20, choices=Status.choices, blank=True)
    to_status = models.CharField(max_length=20, choices=Status.choices)
    at = models.DateTimeField(db_index=True)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    note = models.TextField(_("internal note"), blank=True)
    reply = models.TextField(_("reply to the reporter"), blank=True)
    emailed = models.BooleanField(default=False, help_text=_("A reply was sent to the reporter by e-mail."))

    class Meta:
        ordering = ["at", "id"]
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")


class RetentionRecord(models.Model):
    """What personal data was removed from which signal, and when (no values, only field names)."""

    signal = models.ForeignKey(Signal, on_delete=models.CASCADE, related_name="retention_records")
    removed_at = models.DateTimeField()
    fields = models.JSONField(default=list)

    class Meta:
        verbose_name = _("removal after the retention period")
        verbose_name_plural = _("removals after the retention period")


class ApiKey(models.Model):
    """An Open311 client's key. Only its SHA-256 is stored; the key is shown once."""

    municipality = models.ForeignKey("areas.Municipality", on_delete=models.CASCADE, related_name="open311_keys")
    name = models.CharField(_("client name"), max_length=120)
    prefix = models.CharField(max_length=8, editable=False)
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    class Meta:
        ordering = ["municipality", "name"]
        verbose_name = _("Open311 API key")
        verbose_name_plural = _("Open311 API keys")

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"


class Support(models.Model):
    """A "me too" on an open signal: one counter row per resident who saw the same thing,
    instead of a duplicate signal. No personal data: only when."""

    signal = models.ForeignKey(Signal, on_delete=models.CASCADE, related_name="supports")
    at = models.DateTimeField(db_index=True)

    class Meta:
        ordering = ["at", "id"]
        verbose_name = _("me too")
        verbose_name_plural = _("me toos")


class Feedback(models.Model):
    """The reporter's answer to "are you satisfied?" after their signal was handled (one per
    handling: a reopened and handled again signal may be answered again)."""

    signal = models.ForeignKey(Signal, on_delete=models.CASCADE, related_name="feedback")
    at = models.DateTimeField(db_index=True)
    satisfied = models.BooleanField(_("satisfied"))
    reopened = models.BooleanField(_("reopened"), default=False)

    class Meta:
        ordering = ["at", "id"]
        verbose_name = _("reporter's satisfaction")
        verbose_name_plural = _("reporters' satisfaction")
