"""Forms of the buurtbegroting pages. Ballots are read by :func:`ballot_from_post`, because
their fields depend on the round's projects and ballot type."""

from __future__ import annotations

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from wijksturing.formfields import AmountField, CoordinateField
from wijksturing.participation.models import BallotType, Phase, Proposal, Round

CLASS = {"class": "form-field__input"}


class RoundForm(forms.ModelForm):
    area_code = forms.ChoiceField(label=_("Area"))

    class Meta:
        model = Round
        fields = ["title", "description", "period", "budget", "min_age", "residents_only", "ballot_type",
                  "min_choices", "max_choices", "points_per_voter", "rule", "tie_break", "leftover", "paper_weight"]

    def __init__(self, *args, area_choices: list[tuple[str, str]], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["budget"] = AmountField(label=self.fields["budget"].label, help_text=self.fields["budget"].help_text)
        self.fields["area_code"].choices = area_choices
        self.order_fields(["title", "area_code"])


class ProposalForm(forms.Form):
    title = forms.CharField(label=_("Name of your idea"), max_length=200)
    description = forms.CharField(
        label=_("What is your idea? Why is it good for the neighbourhood?"), widget=forms.Textarea(attrs={"rows": 5})
    )
    estimated_cost = AmountField(label=_("What does it cost, about? (euro)"), min_value=Decimal(1))
    category = forms.CharField(label=_("Theme (for example green, play, meeting)"), max_length=60, required=False)
    lat = CoordinateField(label=_("Location: latitude (optional)"), required=False, min_value=-90, max_value=90)
    lon = CoordinateField(label=_("Location: longitude (optional)"), required=False, min_value=-180, max_value=180)
    contact_email = forms.EmailField(
        label=_("Your e-mail address (optional)"), required=False,
        help_text=_("Only the area team sees it, to ask you questions. We delete it after the round."))


class ReviewForm(forms.Form):
    feasible = forms.TypedChoiceField(label=_("Is the proposal feasible?"), coerce=lambda v: v == "yes",
                                      choices=[("yes", _("Yes, feasible")), ("no", _("No, not feasible"))],
                                      widget=forms.RadioSelect)
    reason = forms.CharField(label=_("Reason (published)"), widget=forms.Textarea(attrs={"rows": 3}))
    final_cost = AmountField(label=_("Final cost (euro)"), required=False, min_value=Decimal(0))


class PhaseForm(forms.Form):
    to_phase = forms.ChoiceField(label=_("Next phase"), choices=Phase.choices)
    note = forms.CharField(label=_("Note"), max_length=300, required=False)


class CodesForm(forms.Form):
    count = forms.IntegerField(label=_("Number of codes"), min_value=1, max_value=5000, initial=20)
    buurt_code = forms.ChoiceField(label=_("Buurt of the addresses"), required=False)

    def __init__(self, *args, buurten: list[tuple[str, str]], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["buurt_code"].choices = [("", _("— not per buurt —"))] + buurten


class ExecutionForm(forms.Form):
    note = forms.CharField(label=_("Progress of execution"), widget=forms.Textarea(attrs={"rows": 2}), required=False)


def ballot_from_post(*, data, proposals: list[Proposal], ballot_type: str) -> dict[int, int]:
    """The choices in a submitted ballot: ``p<pk>`` fields holding 1 (ticked), points or a rank."""
    choices: dict[int, int] = {}
    for p in proposals:
        raw = (data.get(f"p{p.pk}") or "").strip()
        if not raw:
            continue
        if ballot_type in (BallotType.APPROVAL, BallotType.KNAPSACK):
            choices[p.pk] = 1
            continue
        try:
            value = int(raw)
        except ValueError:
            raise forms.ValidationError(_("“%(v)s” at %(t)s is not a whole number.") % {"v": raw, "t": p.title}) from None
        if value:
            choices[p.pk] = value
    return choices


def ballot_rows(*, proposals: list[Proposal], data) -> list[dict]:
    """One row per project for the ballot template, with what was filled in before."""
    return [{"proposal": p, "name": f"p{p.pk}", "value": (data.get(f"p{p.pk}") or "") if data else ""} for p in proposals]
