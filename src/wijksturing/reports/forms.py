"""Forms of the gebiedsrapportage pages."""

from django import forms
from django.utils.translation import gettext_lazy as _

from wijksturing.reports.taakvelden import TAAKVELDEN


class ReportCreateForm(forms.Form):
    period = forms.CharField(label=_("Period"), max_length=10, help_text=_("A half-year (2026-H1, 2026-H2) or a year (2026)."))
    introduction = forms.CharField(label=_("Introduction by the area team"), required=False,
                                   widget=forms.Textarea(attrs={"rows": 4}))


class IntroductionForm(forms.Form):
    introduction = forms.CharField(label=_("Introduction by the area team"), required=False,
                                   widget=forms.Textarea(attrs={"rows": 6}))


class TransitionForm(forms.Form):
    to = forms.CharField(widget=forms.HiddenInput)
    note = forms.CharField(label=_("Note (optional)"), required=False, max_length=1000)


class QuestionForm(forms.Form):
    text = forms.CharField(label=_("Your question to the area team"), max_length=4000, widget=forms.Textarea(attrs={"rows": 4}))


class AnswerForm(forms.Form):
    answer = forms.CharField(label=_("Answer on the record"), max_length=8000, widget=forms.Textarea(attrs={"rows": 4}))


class CommitmentForm(forms.Form):
    text = forms.CharField(label=_("Commitment to the council"), widget=forms.Textarea(attrs={"rows": 3}))
    owner = forms.CharField(label=_("Owner (team or function, no personal name)"), max_length=200)
    due_date = forms.DateField(label=_("Due date"), widget=forms.DateInput(attrs={"type": "date"}))


class CommitmentDoneForm(forms.Form):
    note = forms.CharField(label=_("How it was done"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class TaakveldForm(forms.Form):
    taakveld = forms.ChoiceField(label=_("Taakveld (IV3)"), required=False,
                                 choices=[("", _("the domain's default"))] + [(c, f"{c} {n}") for c, n in TAAKVELDEN])
