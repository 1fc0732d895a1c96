"""Krachten in de wijk: a register of the organisations and places that carry a wijk.

An :class:`Organisation` (residents' group, initiative, volunteer organisation, social enterprise,
meeting place) works in one or more areas (:class:`OrganisationArea`, by area code as elsewhere,
so a new layout year keeps the links), has :class:`Location` rows with opening hours, a contact
person (personal data: public only when ``contact_public``) and the municipality's contact for it
(``aanspreekpunt``). It is public only while it is active and its latest :class:`Consent` for the
entry was given. It keeps itself fresh through a secret link (only a hash of the token is kept):
the organisation confirms its entry (``last_confirmed_at``) or proposes a :class:`Change`, which
the area team accepts or rejects (state machine in :mod:`.workflow`). Everything that happens to
an entry is an append-only :class:`Event`. Links to goals and efforts, initiatives, buurtbegroting
proposals and signals are many-to-many fields to the other apps' models.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from wijksturing.history import AppendOnly


class Kind(models.TextChoices):
    RESIDENTS_GROUP = "residents_group", _("Residents' group")
    INITIATIVE = "initiative", _("Initiative")
    VOLUNTEER_ORGANISATION = "volunteer_organisation", _("Volunteer organisation")
    SOCIAL_ENTERPRISE = "social_enterprise", _("Social enterprise")
    MEETING_PLACE = "meeting_place", _("Meeting place")


class Theme(models.TextChoices):
    MEETING = "meeting", _("Meeting and community")
    GREEN = "green", _("Green and sustainability")
    CARE = "care", _("Care and wellbeing")
    YOUTH = "youth", _("Young people")
    WORK = "work", _("Work and local economy")
    SAFETY = "safety", _("Safety and liveability")
    CULTURE = "culture", _("Culture and sport")
    LANGUAGE = "language", _("Language and learning")


class OrgStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    STOPPED = "stopped", _("Stopped")


class Organisation(models.Model):
    hsds_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    municipality = models.ForeignKey("areas.Municipality", on_delete=models.CASCADE, related_name="organisations")
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind of organisation"), max_length=30, choices=Kind.choices)
    description = models.TextField(_("what it does"))
    themes = models.JSONField(_("themes"), default=list, blank=True)
    website = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("general e-mail address"), blank=True)
    phone = models.CharField(_("general phone number"), max_length=30, blank=True)
    contact_name = models.CharField(_("contact person"), max_length=120, blank=True)
    contact_email = models.EmailField(_("contact person's e-mail"), blank=True)
    contact_phone = models.CharField(_("contact person's phone"), max_length=30, blank=True)
    contact_public = models.BooleanField(
        _("the contact person chose to be shown publicly"), default=False)
    aanspreekpunt = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("the municipality's contact (aanspreekpunt)"))
    status = models.CharField(_("status"), max_length=10, choices=OrgStatus.choices, default=OrgStatus.ACTIVE)
    stopped_at = models.DateTimeField(_("stopped"), null=True, blank=True)
    consent_given = models.BooleanField(_("agreed to be published"), default=False,
                                        help_text=_("Follows the latest consent record for the entry."))
    last_confirmed_at = models.DateTimeField(_("last confirmed"), null=True, blank=True)
    token_hash = models.CharField(max_length=64, blank=True, db_index=True, editable=False)
    illustrative = models.BooleanField(_("illustrative (demo)"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    personal_data_removed_at = models.DateTimeField(null=True, blank=True)
    goals = models.ManyToManyField("programmes.Goal", blank=True, related_name="partner_organisations+")
    efforts = models.ManyToManyField("programmes.Effort", blank=True, related_name="partner_organisations+")
    initiatives = models.ManyToManyField("budgets.Initiative", blank=True, related_name="organisations+")
    proposals = models.ManyToManyField("participation.Proposal", blank=True, related_name="organisations+")
    signals = models.ManyToManyField("signals.Signal", blank=True, related_name="partner_organisations+")

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("organisation or place")
        verbose_name_plural = _("organisations and places")

    def __str__(self) -> str:
        return self.name

    @property
    def is_public(self) -> bool:
        return self.consent_given and self.status == OrgStatus.ACTIVE

    def theme_labels(self) -> list[str]:
        return [str(Theme(t).label) for t in self.themes if t in Theme.values]


class OrganisationArea(models.Model):
    """An area the organisation works in (gebied, wijk or buurt, by code), with the gebied it
    lies in: an area team limited to a gebied manages the organisations that work there."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="areas")
    area_code = models.CharField(_("area code"), max_length=20)
    area_name = models.CharField(_("area"), max_length=120, blank=True)
    level = models.CharField(max_length=10, blank=True)
    gebied_code = models.CharField(max_length=20, blank=True, db_index=True)

    class Meta:
        unique_together = [("organisation", "area_code")]
        ordering = ["organisation", "area_code"]
        indexes = [models.Index(fields=["area_code"])]


class Location(models.Model):
    hsds_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="locations")
    name = models.CharField(_("name of the place"), max_length=200, blank=True)
    address = models.CharField(_("street and number"), max_length=200, blank=True)
    postcode = models.CharField(_("postcode"), max_length=10, blank=True)
    city = models.CharField(_("place"), max_length=100, blank=True)
    province = models.CharField(_("province"), max_length=60, blank=True)
    lat = models.FloatField(_("latitude"), null=True, blank=True)
    lon = models.FloatField(_("longitude"), null=True, blank=True)
    opening_hours = models.TextField(_("opening hours"), blank=True)
    buurt_code = models.CharField(max_length=20, blank=True)

    class Meta:
        ordering = ["organisation", "pk"]
        verbose_name = _("location")
        verbose_name_plural = _("locations")

    def __str__(self) -> str:
        return self.name or self.address


class Scope(models.TextChoices):
    ENTRY = "entry", _("Publish the entry in the register")
    CONTACT = "contact", _("Show the contact person's name and details publicly")


class Channel(models.TextChoices):
    STAFF = "staff", _("recorded by the area team")
    LINK = "link", _("given through the organisation's own link")
    IMPORT = "import", _("published by the source of an import")


class Consent(models.Model):
    """Who agreed (or withdrew), when, to what. ``given_by`` is a person's name: removed by the
    retention run when the organisation stopped long enough ago."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="consents")
    scope = models.CharField(_("what"), max_length=10, choices=Scope.choices)
    given = models.BooleanField(_("agreed"), default=True)
    given_by = models.CharField(_("who"), max_length=150)
    at = models.DateTimeField(_("when"))
    channel = models.CharField(_("how"), max_length=10, choices=Channel.choices)
    statement = models.TextField(_("the text agreed to"), blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+")

    class Meta:
        ordering = ["organisation", "at", "pk"]
        verbose_name = _("consent")
        verbose_name_plural = _("consents")


class ChangeStatus(models.TextChoices):
    PENDING = "pending", _("waiting for the area team")
    ACCEPTED = "accepted", _("accepted")
    REJECTED = "rejected", _("rejected")


class Change(models.Model):
    """A change the organisation proposed through its link: ``data`` holds the new values,
    ``previous`` the values at the time of the proposal."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="changes")
    data = models.JSONField(default=dict)
    previous = models.JSONField(default=dict)
    status = models.CharField(max_length=10, choices=ChangeStatus.choices, default=ChangeStatus.PENDING)
    created_at = models.DateTimeField(auto_now_add=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    reason = models.TextField(_("reason"), blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("proposed change")
        verbose_name_plural = _("proposed changes")


class EventKind(models.TextChoices):
    REGISTERED = "registered", _("registered")
    EDITED = "edited", _("edited by the area team")
    CONSENT = "consent", _("consent recorded")
    CONFIRMED = "confirmed", _("confirmed by the organisation")
    CHANGE = "change", _("change")
    STATUS = "status", _("status changed")
    LINK = "link", _("new link made")
    LINKED = "linked", _("links changed")
    IMPORTED = "imported", _("imported")
    RETENTION = "retention", _("personal data removed")


class Event(AppendOnly):
    """Append-only history of an entry."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="events")
    at = models.DateTimeField(db_index=True)
    kind = models.CharField(max_length=12, choices=EventKind.choices)
    change = models.ForeignKey(Change, null=True, blank=True, on_delete=models.CASCADE, related_name="events")
    from_status = models.CharField(max_length=12, blank=True)
    to_status = models.CharField(max_length=12, blank=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("history event")
        verbose_name_plural = _("history events")

    @staticmethod
    def _label(status: str) -> str:
        for choices in (ChangeStatus, OrgStatus):
            if status in choices.values:
                return str(choices(status).label)
        return status

    @property
    def from_label(self) -> str:
        return self._label(self.from_status)

    @property
    def to_label(self) -> str:
        return self._label(self.to_status)
