"""Area budgets (wijkbudget) per gebied, year and domain; commitments and spending linked to
goals, efforts and initiatives; resident initiatives with their append-only status history."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from wijksturing.budgets.workflow import InitiativeStatus
from wijksturing.history import AppendOnly

MONEY = {"max_digits": 14, "decimal_places": 2}


class Domain(models.TextChoices):
    GREEN = "green", _("green maintenance")
    PLAYGROUNDS = "playgrounds", _("playgrounds")
    SAFETY = "safety", _("safety")
    WELFARE = "welfare", _("welfare")
    PARTICIPATION = "participation", _("participation and resident initiatives")
    SPORT = "sport", _("sport")
    CULTURE = "culture", _("culture")
    OTHER = "other", _("other")


class BudgetLine(models.Model):
    """The amount the council set for one gebied, year and domain."""

    municipality = models.ForeignKey("areas.Municipality", on_delete=models.CASCADE, related_name="budget_lines")
    gebied_code = models.CharField(_("gebied"), max_length=20)
    year = models.PositiveSmallIntegerField(_("year"))
    domain = models.CharField(_("domain"), max_length=20, choices=Domain.choices)
    amount = models.DecimalField(_("amount set by the council"), **MONEY)
    illustrative = models.BooleanField(_("illustrative (demo) figure"), default=False)
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        unique_together = [("municipality", "gebied_code", "year", "domain")]
        ordering = ["municipality", "gebied_code", "year", "domain"]
        verbose_name = _("budget line")
        verbose_name_plural = _("budget lines")


class EntryKind(models.TextChoices):
    COMMITMENT = "commitment", _("commitment")
    SPENDING = "spending", _("spending")


class Entry(models.Model):
    """A commitment (verplichting) or a payment (besteding) charged to a budget line."""

    line = models.ForeignKey(BudgetLine, on_delete=models.PROTECT, related_name="entries")
    kind = models.CharField(_("kind"), max_length=12, choices=EntryKind.choices)
    amount = models.DecimalField(_("amount"), **MONEY)
    date = models.DateField(_("date"))
    description = models.CharField(_("description"), max_length=300)
    reference = models.CharField(_("reference in the financial system"), max_length=60, blank=True)
    goal = models.ForeignKey("programmes.Goal", null=True, blank=True, on_delete=models.SET_NULL, related_name="budget_entries")
    effort = models.ForeignKey(
        "programmes.Effort", null=True, blank=True, on_delete=models.SET_NULL, related_name="budget_entries"
    )
    initiative = models.ForeignKey("Initiative", null=True, blank=True, on_delete=models.SET_NULL, related_name="entries")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["line", "date", "pk"]
        verbose_name = _("budget entry")
        verbose_name_plural = _("budget entries")
        constraints = [
            models.UniqueConstraint(
                fields=["line", "kind", "reference"], condition=~models.Q(reference=""), name="budget_entry_unique_reference"
            )
        ]


class Initiative(models.Model):
    """A resident initiative: application, assessment, decision, payment and account.
    The applicant's contact details are personal data: shown to the area team only, removed
    after the retention period."""

    municipality = models.ForeignKey("areas.Municipality", on_delete=models.CASCADE, related_name="initiatives")
    gebied_code = models.CharField(_("gebied"), max_length=20)
    token = models.CharField(max_length=40, unique=True, editable=False)
    title = models.CharField(_("what is your initiative?"), max_length=200)
    description = models.TextField(_("describe your plan"))
    location = models.CharField(_("where"), max_length=200)
    amount_requested = models.DecimalField(_("cost (euro)"), **MONEY)
    domain = models.CharField(_("domain"), max_length=20, choices=Domain.choices, default=Domain.PARTICIPATION)
    applicant_name = models.CharField(_("your name"), max_length=120, blank=True)
    applicant_email = models.EmailField(_("your e-mail address"), blank=True)
    applicant_phone = models.CharField(_("your phone number"), max_length=30, blank=True)
    status = models.CharField(max_length=12, choices=InitiativeStatus.choices, default=InitiativeStatus.SUBMITTED)
    assessment = models.JSONField(default=dict, blank=True, help_text="{criterion code: true/false}")
    amount_granted = models.DecimalField(_("amount granted"), null=True, blank=True, **MONEY)
    decision_reason = models.TextField(_("reason for the decision"), blank=True)
    account = models.TextField(_("account afterwards"), blank=True)
    goal = models.ForeignKey("programmes.Goal", null=True, blank=True, on_delete=models.SET_NULL, related_name="initiatives")
    submitted_at = models.DateTimeField(auto_now_add=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    personal_data_removed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-submitted_at", "-pk"]
        verbose_name = _("resident initiative")
        verbose_name_plural = _("resident initiatives")

    def __str__(self) -> str:
        return self.title


class InitiativeEvent(AppendOnly):
    """Append-only status history of an initiative."""

    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="events")
    at = models.DateTimeField(auto_now_add=True)
    from_status = models.CharField(max_length=12, blank=True)
    to_status = models.CharField(max_length=12, choices=InitiativeStatus.choices)
    note = models.TextField(blank=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("initiative event")
        verbose_name_plural = _("initiative events")

    @property
    def from_status_label(self) -> str:
        """The previous status in words ('ingediend'), like ``get_to_status_display``."""
        if self.from_status in InitiativeStatus.values:
            return str(InitiativeStatus(self.from_status).label)
        return self.from_status
