"""Form fields every app shares: amounts and coordinates read by the project's one number
parser (:mod:`wijksturing.core.numbers`), so that a form never stores another number than the
one typed. (Their Dutch texts are in the budgets catalogue.)"""

from __future__ import annotations

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from wijksturing.core.numbers import NumberError, display, parse_amount, parse_coordinate

AMOUNT_ERRORS = {
    "ambiguous": _("We cannot tell which amount you mean: %(readings)s. Write it without a thousands separator, "
                   "for example 1250 or 1250,50."),
    "too_many_decimals": _("Write at most 2 digits after the comma, for example 1250,50."),
    "negative": _("Fill in an amount of more than 0."),
    "not_a_number": _("Fill in an amount in euro, for example 1250 or 1.250,50."),
}


def amount_error(error: NumberError) -> tuple[str, str]:
    """The wording of an amount the parser refused, in the active language, and its code; for
    forms and imports alike."""
    readings = " " + str(_("or")) + " "
    shown = readings.join(f"€ {display(r, max(0, -r.as_tuple().exponent))}" for r in error.readings)
    return str(AMOUNT_ERRORS.get(error.code, AMOUNT_ERRORS["not_a_number"])) % {"readings": shown}, error.code


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
                              "min_amount": _("Fill in an amount of at least %(min)s."),
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
            message, code = amount_error(error)
            raise forms.ValidationError(message, code=code) from None
        return amount

    def validate(self, value):
        super().validate(value)
        if value is not None and self.min_value is not None and value < self.min_value:
            if self.min_value == Decimal("0.01"):
                raise forms.ValidationError(self.error_messages["min_value"], code="min_value")
            raise forms.ValidationError(self.error_messages["min_amount"], code="min_value",
                                        params={"min": f"€ {display(self.min_value, 2)}"})
        if value is not None and abs(value) > self.MAX:
            raise forms.ValidationError(self.error_messages["max_value"], code="max_value")


class CoordinateField(forms.FloatField):
    """A latitude or longitude typed with a decimal comma or point (``52,0123``)."""

    def to_python(self, value):
        if value in self.empty_values:
            return None
        try:
            return parse_coordinate(str(value))
        except NumberError:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from None
