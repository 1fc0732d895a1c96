from django.apps import AppConfig


class SignalsConfig(AppConfig):
    name = "wijksturing.signals"
    label = "signals"
