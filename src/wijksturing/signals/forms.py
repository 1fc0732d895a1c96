"""Forms of the signal pages: the public report form (also used by staff for signals by phone
or from partners), the status change and the bulk assignment."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wijksturing.signals import selectors
from wijksturing.signals.photos import photo_decode
from wijksturing.signals.workflow import Status


def check_photo(upload) -> None:
    """Accept only a JPEG or PNG up to 5 MB that decodes completely (see :mod:`signals.photos`)."""
    try:
        photo_decode(upload)
    except ValidationError as exc:
        raise forms.ValidationError(exc.messages[0], code=exc.code) from exc


class SignalForm(forms.Form):
    category = forms.ChoiceField(label=_("What is it about?"))
    description = forms.CharField(
        label=_("Describe what you see"), max_length=3000, widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("For example: what is broken, since when, exactly where. Do not write personal details of others."))
    address = forms.CharField(label=_("Address or place"), max_length=250, required=False,
                              help_text=_("Street and place, or a description such as: the playground behind the school."))
    lat = forms.FloatField(required=False, widget=forms.HiddenInput, min_value=-90, max_value=90)
    lon = forms.FloatField(required=False, widget=forms.HiddenInput, min_value=-180, max_value=180)
    no_location = forms.BooleanField(label=_("This report has no location"), required=False)
    photo = forms.FileField(label=_("Photo (optional)"), required=False,
                            help_text=_("JPEG or PNG, at most 5 MB."), validators=[check_photo])
    # a photo kept on the server while the form went back and forth (see uploads.py)
    photo_token = forms.CharField(required=False, widget=forms.HiddenInput, max_length=64)
    name = forms.CharField(label=_("Your name (optional)"), max_length=150, required=False)
    email = forms.EmailField(label=_("Your e-mail address (optional)"), required=False,
                             help_text=_("We send you a confirmation and news about your report."))
    phone = forms.CharField(label=_("Your phone number (optional)"), max_length=30, required=False)
    consent = forms.BooleanField(
        label=_("The municipality may use my contact details to contact me about this report. "
                "We remove them when your report has been handled for a while."), required=False)

    def __init__(self, *args, municipality_code: str, **kwargs):
        super().__init__(*args, **kwargs)
        groups: dict[str, list] = {}
        for category in selectors.category_list(municipality_code=municipality_code, leaves_only=True):
            groups.setdefault(category.parent.name, []).append((category.slug, category.name))
        self.fields["category"].choices = [("", _("Choose a category"))] + list(groups.items())

    def clean(self):
        data = super().clean()
        has_point = data.get("lat") is not None and data.get("lon") is not None
        if not (has_point or data.get("address") or data.get("no_location")):
            self.add_error("address", _("Choose a place on the map, give an address, or tick 'no location'."))
        if any(data.get(f) for f in ("name", "email", "phone")) and not data.get("consent"):
            self.add_error("consent", _("Tick this box if we may use your contact details, or leave them empty."))
        return data


class TransitionForm(forms.Form):
    to_status = forms.ChoiceField(label=_("New status"))
    note = forms.CharField(label=_("Internal note"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    reply = forms.CharField(label=_("Reply to the reporter"), required=False, widget=forms.Textarea(attrs={"rows": 3}),
                            help_text=_("Needed for resolved, rejected and waiting. E-mailed when the reporter gave consent."))

    def __init__(self, *args, next_statuses: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to_status"].choices = [(s, Status(s).label) for s in next_statuses]


class AssignForm(forms.Form):
    team = forms.ChoiceField(label=_("Assign to team"))

    def __init__(self, *args, municipality_code: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["team"].choices = [(t.pk, t.name) for t in selectors.team_list(municipality_code=municipality_code)]
