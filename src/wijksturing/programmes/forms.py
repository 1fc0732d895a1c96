from django import forms
from django.core.validators import MinValueValidator
from django.utils.translation import gettext_lazy as _

from wijksturing.programmes.models import Achieved, Agenda, Effort, Goal, Measure, ProgressStatus

YEAR = {"min_value": 2000, "max_value": 2100}
WEIGHT_HELP = _("How much it counts in the progress of the level above: 1 is normal, 2 counts double.")


class PlainErrorsMixin:
    """One plain message for an empty required field (B1), on every form of this app."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.error_messages["required"] = _("Fill this in.")
            if isinstance(field, forms.ChoiceField):
                field.error_messages["invalid_choice"] = _("Choose one of the options.")


class GoalForm(PlainErrorsMixin, forms.ModelForm):
    """The goal in its uniform shape: what, why, for whom, agendas, by when, owner, how we know."""

    class Meta:
        model = Goal
        fields = ["title", "why", "for_whom", "agendas", "deadline", "owner", "qualitative", "recorded_status", "weight"]
        widgets = {"agendas": forms.CheckboxSelectMultiple, "why": forms.Textarea(attrs={"rows": 3}),
                   "qualitative": forms.Textarea(attrs={"rows": 3}), "title": forms.Textarea(attrs={"rows": 2})}
        labels = {
            "title": _("What do you want to achieve?"), "why": _("Why is this needed?"), "for_whom": _("For whom?"),
            "agendas": _("Which city-wide agendas does this goal serve?"), "deadline": _("By when? (year)"),
            "owner": _("Who is responsible?"), "qualitative": _("How will you know, where no figure fits?"),
            "recorded_status": _("Progress, as the area team sees it"), "weight": _("Weight"),
        }
        help_texts = {
            "title": _("One sentence, for example: More residents take part in their neighbourhood."),
            "why": _("The signal or the figure behind the goal."),
            "for_whom": _("For example: young people in Spijkerkwartier, or all residents of the area."),
            "owner": _("A team or an organisation, not a person."),
            "qualitative": _("For example: we ask residents and partners once a year."),
            "recorded_status": _("Leave empty when the figures or the intended results show the progress."),
            "weight": WEIGHT_HELP,
        }

    REQUIRED = ("title", "why", "for_whom", "deadline", "owner")

    def __init__(self, *args, municipality=None, **kwargs):
        super().__init__(*args, **kwargs)
        if municipality is not None:
            self.fields["agendas"].queryset = Agenda.objects.filter(municipality=municipality)
        for name in self.REQUIRED:
            self.fields[name].required = True
        self.fields["deadline"].validators.append(MinValueValidator(2000))
        if "weight" in self.fields:
            self.fields["weight"].validators.append(MinValueValidator(0))


class GoalCreateForm(GoalForm):
    class Meta(GoalForm.Meta):
        fields = ["title", "why", "for_whom", "agendas", "deadline", "owner", "qualitative"]


class ProgrammeForm(PlainErrorsMixin, forms.Form):
    """A new programme (with ``area_choices``) or the title, period and summary of one."""

    area_code = forms.ChoiceField(label=_("For which area?"))
    title = forms.CharField(label=_("Title"), max_length=200,
                            help_text=_("For example: Area programme Presikhaaf 2025–2028."))
    start_year = forms.IntegerField(label=_("First year"), **YEAR)
    end_year = forms.IntegerField(label=_("Last year"), **YEAR)
    summary = forms.CharField(label=_("Summary"), required=False, widget=forms.Textarea(attrs={"rows": 4}),
                              help_text=_("In a few sentences: what the programme is about. Residents read this."))

    def __init__(self, *args, area_choices: list[tuple[str, str]] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        if area_choices is None:
            del self.fields["area_code"]
        else:
            self.fields["area_code"].choices = [("", _("Choose an area"))] + [
                (code, f"{name} ({code})") for code, name in area_choices]

    def clean(self):
        data = super().clean()
        if data.get("start_year") and data.get("end_year") and data["end_year"] < data["start_year"]:
            self.add_error("end_year", _("The last year cannot be before the first year."))
        return data


class ThemeForm(PlainErrorsMixin, forms.Form):
    """A theme, and for each agenda it serves the programme's words on how."""

    title = forms.CharField(label=_("Name of the theme"), max_length=200)
    description = forms.CharField(label=_("What is it about?"), required=False,
                                  widget=forms.Textarea(attrs={"rows": 4}),
                                  help_text=_("What is going on in the area, and what the theme is about."))
    weight = forms.DecimalField(label=_("Weight"), min_value=0, max_digits=6, decimal_places=2, initial=1,
                                help_text=WEIGHT_HELP)

    def __init__(self, *args, agendas, links: dict[int, str] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        links = links or {}
        self.agendas = list(agendas)
        self.fields["agendas"] = forms.ModelMultipleChoiceField(
            label=_("Which city-wide agendas does this theme serve?"), queryset=agendas, required=False,
            widget=forms.CheckboxSelectMultiple, initial=list(links),
            help_text=_("Choose from the agendas of the municipality. You can say how below."),
        )
        for agenda in self.agendas:
            self.fields[f"note_{agenda.pk}"] = forms.CharField(
                label=_("How does this theme serve “%(agenda)s”?") % {"agenda": agenda.name}, required=False,
                widget=forms.Textarea(attrs={"rows": 2}), initial=links.get(agenda.pk, ""),
                help_text=_("Optional. Only for an agenda you ticked."),
            )

    def clean(self):
        data = super().clean()
        chosen = set(data.get("agendas") or [])
        for agenda in self.agendas:
            if data.get(f"note_{agenda.pk}", "").strip() and agenda not in chosen:
                self.add_error(f"note_{agenda.pk}", _("Tick “%(agenda)s” above as well, or leave this empty.") % {
                    "agenda": agenda.name})
        return data

    def links(self) -> dict:
        return {agenda: self.cleaned_data.get(f"note_{agenda.pk}", "") for agenda in self.cleaned_data["agendas"]}


class ResultForm(PlainErrorsMixin, forms.Form):
    text = forms.CharField(label=_("Intended result"), widget=forms.Textarea(attrs={"rows": 3}),
                           help_text=_("What is different when it has been achieved? One or two sentences."))
    weight = forms.DecimalField(label=_("Weight"), min_value=0, max_digits=6, decimal_places=2, initial=1,
                                help_text=WEIGHT_HELP)


class RemoveForm(forms.Form):
    reason = forms.CharField(label=_("Why is it withdrawn?"), required=False, widget=forms.Textarea(attrs={"rows": 3}),
                             help_text=_("Residents and the council will read this on the programme page."))


class AgendaForm(PlainErrorsMixin, forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200, help_text=_("For example: Inclusive Arnhem."))
    description = forms.CharField(label=_("What does the agenda aim for?"), required=False,
                                  widget=forms.Textarea(attrs={"rows": 3}))
    order = forms.IntegerField(label=_("Place in the list"), min_value=0, max_value=999, required=False,
                               help_text=_("Lower numbers come first. Leave empty to put a new agenda last."))


class ResultReviewForm(PlainErrorsMixin, forms.Form):
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


class MeasureForm(PlainErrorsMixin, forms.ModelForm):
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


class EffortForm(PlainErrorsMixin, forms.ModelForm):
    class Meta:
        model = Effort
        fields = ["title", "owner", "partners", "start_year", "end_year", "status", "recorded_status", "weight"]
