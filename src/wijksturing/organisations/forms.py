"""Forms of the register: the area team's registration, and the organisation's own check page."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from wijksturing.formfields import CoordinateField
from wijksturing.organisations.models import Kind, Theme


class EntryFields(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    description = forms.CharField(label=_("What it does"), widget=forms.Textarea(attrs={"rows": 4}))
    themes = forms.MultipleChoiceField(label=_("Themes"), choices=Theme.choices, required=False,
                                       widget=forms.CheckboxSelectMultiple)
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")
    email = forms.EmailField(label=_("General e-mail address"), required=False)
    phone = forms.CharField(label=_("General phone number"), max_length=30, required=False)
    place_name = forms.CharField(label=_("Name of the place"), max_length=200, required=False)
    address = forms.CharField(label=_("Street and number"), max_length=200, required=False)
    postcode = forms.CharField(label=_("Postcode"), max_length=10, required=False)
    opening_hours = forms.CharField(label=_("Opening hours"), required=False, widget=forms.Textarea(attrs={"rows": 2}),
                                    help_text=_("For example: Monday to Friday 9:00–17:00, Saturday 10:00–14:00"))
    contact_name = forms.CharField(label=_("Contact person"), max_length=120, required=False)
    contact_email = forms.EmailField(label=_("Contact person's e-mail"), required=False)
    contact_phone = forms.CharField(label=_("Contact person's phone"), max_length=30, required=False)


class RegisterForm(EntryFields):
    kind = forms.ChoiceField(label=_("Kind of organisation"), choices=Kind.choices)
    areas = forms.MultipleChoiceField(label=_("Areas it works in"), widget=forms.CheckboxSelectMultiple)
    city = forms.CharField(label=_("Place"), max_length=100, required=False)
    lat = CoordinateField(label=_("Latitude (for the map)"), required=False, min_value=-90, max_value=90,
                          widget=forms.TextInput(attrs={"inputmode": "decimal"}))
    lon = CoordinateField(label=_("Longitude (for the map)"), required=False, min_value=-180, max_value=180,
                          widget=forms.TextInput(attrs={"inputmode": "decimal"}))
    consent_by = forms.CharField(
        label=_("Who agreed to publication"), max_length=150, required=False,
        help_text=_("Name and role of the person who agreed that the entry is shown publicly. Leave empty when the "
                    "organisation has not agreed yet: the entry then stays out of public view."))
    field_order = ["name", "kind", "description", "themes", "areas"]

    def __init__(self, *args, area_choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["areas"].choices = list(area_choices)


class ConsentForm(forms.Form):
    given_by = forms.CharField(label=_("Your name and role in the organisation"), max_length=150)
    entry = forms.BooleanField(label=_("We agree that this entry is shown publicly and shared as open data."),
                               required=False)
    contact = forms.BooleanField(label=_("The contact person agrees that their name, e-mail and phone are shown publicly."),
                                 required=False)


class DecideForm(forms.Form):
    reason = forms.CharField(label=_("Reason (the organisation sees it)"), required=False,
                             widget=forms.Textarea(attrs={"rows": 2}))


class EditForm(EntryFields):
    """The area team's direct edit: the entry's fields, kind and areas (consent and the contact
    person's choice to be public are recorded apart, as consent)."""

    kind = forms.ChoiceField(label=_("Kind of organisation"), choices=Kind.choices)
    areas = forms.MultipleChoiceField(label=_("Areas it works in"), widget=forms.CheckboxSelectMultiple)
    field_order = ["name", "kind", "description", "themes", "areas"]

    def __init__(self, *args, area_choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["areas"].choices = list(area_choices)
