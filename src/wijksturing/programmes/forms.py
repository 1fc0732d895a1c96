from django import forms
from django.utils.translation import gettext_lazy as _

from wijksturing.programmes.models import Achieved, Agenda, Effort, Goal, Measure, ProgressStatus


class GoalForm(forms.ModelForm):
    class Meta:
        model = Goal
        fields = ["title", "why", "for_whom", "agendas", "deadline", "owner", "qualitative", "recorded_status", "weight"]
        widgets = {"agendas": forms.CheckboxSelectMultiple, "why": forms.Textarea(attrs={"rows": 3}),
                   "qualitative": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, municipality=None, **kwargs):
        super().__init__(*args, **kwargs)
        if municipality is not None:
            self.fields["agendas"].queryset = Agenda.objects.filter(municipality=municipality)


class ResultReviewForm(forms.Form):
    recorded_status = forms.ChoiceField(
        label=_("Recorded progress"), required=False, choices=[("", _("not recorded"))] + list(ProgressStatus.choices)
    )
    year = forms.IntegerField(label=_("Year of the review"), min_value=2000, max_value=2100, required=False)
    achieved = forms.ChoiceField(label=_("Is the intended result achieved?"), required=False,
                                 choices=[("", "—")] + list(Achieved.choices))
    account = forms.CharField(label=_("Account"), required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def clean(self):
        data = super().clean()
        if data.get("achieved") and not data.get("year"):
            self.add_error("year", _("Give the year of the review."))
        return data


class MeasureForm(forms.ModelForm):
    class Meta:
        model = Measure
        fields = ["indicator", "area_code", "baseline_year", "baseline_value", "target_value", "target_year", "rationale"]
        widgets = {"rationale": forms.Textarea(attrs={"rows": 2})}
        help_texts = {"baseline_value": _("Leave empty to take the figure of the baseline year from the monitor.")}

    def clean(self):
        data = super().clean()
        if data.get("baseline_year") and data.get("target_year") and data["target_year"] <= data["baseline_year"]:
            self.add_error("target_year", _("The deadline must be after the baseline year."))
        return data


class EffortForm(forms.ModelForm):
    class Meta:
        model = Effort
        fields = ["title", "owner", "partners", "start_year", "end_year", "status", "recorded_status", "weight"]
