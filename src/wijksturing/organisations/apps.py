from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganisationsConfig(AppConfig):
    name = "wijksturing.organisations"
    label = "organisations"
    verbose_name = _("Strengths in the wijk (organisations and places)")
