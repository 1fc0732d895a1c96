"""Users, their roles per municipality (and optionally per gebied), and the audit trail."""

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """A staff member or partner. Residents do not need an account."""


class Role(models.TextChoices):
    ADMINISTRATOR = "administrator", _("Administrator")
    ANALYST = "analyst", _("Analyst")
    AREA_TEAM = "area_team", _("Area team")
    SOCIAL_TEAM = "social_team", _("Social district team")
    COUNCIL = "council", _("Council member")
    PARTNER = "partner", _("Partner organisation")


class Membership(models.Model):
    """A role of a user in one municipality; area-team roles may be limited to one gebied (by code)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    municipality = models.ForeignKey("areas.Municipality", on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    gebied_code = models.CharField(
        _("gebied"),
        max_length=20,
        blank=True,
        help_text=_("Limit the role to one gebied (its code); empty = whole municipality."),
    )

    class Meta:
        unique_together = [("user", "municipality", "role", "gebied_code")]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")

    def __str__(self) -> str:
        return f"{self.user} – {self.get_role_display()} {self.municipality.code} {self.gebied_code}".strip()


class AuditEvent(models.Model):
    """Append-only record of a change: who did what to which object, and when."""

    at = models.DateTimeField(auto_now_add=True, db_index=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    action = models.CharField(max_length=60)
    object_type = models.CharField(max_length=60)
    object_id = models.CharField(max_length=60, blank=True)
    municipality_code = models.CharField(max_length=6, blank=True, db_index=True)
    changes = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("audit event")
        verbose_name_plural = _("audit events")

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("Audit events are append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValueError("Audit events are append-only.")
