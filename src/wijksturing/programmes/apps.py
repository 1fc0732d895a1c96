from django.apps import AppConfig


class ProgrammesConfig(AppConfig):
    name = "wijksturing.programmes"
    label = "programmes"
