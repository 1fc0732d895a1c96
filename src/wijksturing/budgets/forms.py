from django import forms
from django.utils.translation import gettext_lazy as _

from wijksturing.budgets.models import Domain, EntryKind
from wijksturing.budgets.workflow import CRITERIA, InitiativeStatus
from wijksturing.formfields import AmountField


class InitiativeForm(forms.Form):
    title = forms.CharField(label=_("What is your initiative?"), max_length=200)
    description = forms.CharField(label=_("Describe your plan"), widget=forms.Textarea(attrs={"rows": 5}))
    location = forms.CharField(label=_("Where"), max_length=200)
    amount = AmountField(label=_("Cost (euro)"))
    applicant_name = forms.CharField(label=_("Your name"), max_length=120)
    applicant_email = forms.EmailField(label=_("Your e-mail address"))
    applicant_phone = forms.CharField(label=_("Your phone number (optional)"), max_length=30, required=False)


class EntryForm(forms.Form):
    domain = forms.ChoiceField(label=_("Domain"), choices=Domain.choices)
    kind = forms.ChoiceField(label=_("Kind"), choices=EntryKind.choices)
    amount = AmountField(label=_("Amount (euro)"))
    date = forms.DateField(label=_("Date (YYYY-MM-DD)"))
    description = forms.CharField(label=_("Description"), max_length=300)
    reference = forms.CharField(label=_("Reference in the financial system"), max_length=60, required=False)
    goal = forms.TypedChoiceField(label=_("Goal"), coerce=int, required=False, empty_value=None)


class ImportForm(forms.Form):
    file = forms.FileField(label=_("CSV file from the financial system"))


class TransitionForm(forms.Form):
    """The next step of an initiative. Nothing is chosen beforehand: one click on Save must
    never withdraw or decide an application."""

    to = forms.ChoiceField(label=_("New status"), widget=forms.RadioSelect,
                           error_messages={"required": _("Choose the next step.")})
    amount_granted = AmountField(label=_("Amount granted (euro)"), required=False)
    decision_reason = forms.CharField(label=_("Reason for the decision"), widget=forms.Textarea(attrs={"rows": 3}),
                                      required=False)
    account = forms.CharField(label=_("Account afterwards"), widget=forms.Textarea(attrs={"rows": 3}), required=False)
    note = forms.CharField(label=_("Note for the applicant"), widget=forms.Textarea(attrs={"rows": 2}), required=False)

    def __init__(self, *args, next_statuses=None, **kwargs):
        super().__init__(*args, **kwargs)
        order = list(InitiativeStatus)
        allowed = sorted(next_statuses if next_statuses is not None else order, key=order.index)
        self.fields["to"].choices = [(s.value, s.label) for s in map(InitiativeStatus, allowed)]
        for code, label in CRITERIA:
            self.fields[f"criterion_{code}"] = forms.BooleanField(label=label, required=False)

    def assessment(self) -> dict:
        return {code: self.cleaned_data.get(f"criterion_{code}", False) for code, _ in CRITERIA}
