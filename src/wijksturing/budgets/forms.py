from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from wijksturing.budgets.models import Domain, EntryKind
from wijksturing.budgets.workflow import CRITERIA, InitiativeStatus
from wijksturing.core.numbers import NumberError, display, parse_amount

AMOUNT_ERRORS = {
    "ambiguous": _("We cannot tell which amount you mean: %(readings)s. Write it without a thousands separator, "
                   "for example 1250 or 1250,50."),
    "too_many_decimals": _("Write at most 2 digits after the comma, for example 1250,50."),
    "negative": _("Fill in an amount of more than 0."),
    "not_a_number": _("Fill in an amount in euro, for example 1250 or 1.250,50."),
}


class AmountInput(forms.TextInput):
    """A text box (not type=number, which refuses a decimal comma in some browsers) showing the
    amount the Dutch way, so that what is shown reads back as the same amount."""

    def __init__(self, attrs=None):
        super().__init__({"inputmode": "decimal", "autocomplete": "off", **(attrs or {})})

    def format_value(self, value):
        if isinstance(value, (Decimal, int)):
            return display(value, 2)
        return super().format_value(value)


class AmountField(forms.Field):
    """An amount in euro read by the project's one parser (``1250,50``, ``1.250,50``,
    ``€ 1.250``, ``1250.50``); an amount that could be read two ways is refused, never guessed."""

    widget = AmountInput
    default_error_messages = {"min_value": _("Fill in an amount of more than 0."),
                              "max_value": _("This amount is too large.")}
    MAX = Decimal("999999999999.99")  # the money columns hold 14 digits

    def __init__(self, *, min_value: Decimal | None = Decimal("0.01"), **kwargs):
        self.min_value = min_value
        super().__init__(**kwargs)

    def to_python(self, value):
        if isinstance(value, Decimal):
            return value
        try:
            amount = parse_amount(value if value is not None else "")
        except NumberError as error:
            readings = " " + str(_("or")) + " "
            shown = readings.join(f"€ {display(r, max(0, -r.as_tuple().exponent))}" for r in error.readings)
            message = AMOUNT_ERRORS.get(error.code, AMOUNT_ERRORS["not_a_number"])
            raise forms.ValidationError(message, code=error.code, params={"readings": shown}) from None
        return amount

    def validate(self, value):
        super().validate(value)
        if value is not None and self.min_value is not None and value < self.min_value:
            raise forms.ValidationError(self.error_messages["min_value"], code="min_value")
        if value is not None and abs(value) > self.MAX:
            raise forms.ValidationError(self.error_messages["max_value"], code="max_value")


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
    decision_reason = forms.CharField(label=_("Reason for the decision"), widget=forms.Textarea(attrs={"rows": 3}), required=False)
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
