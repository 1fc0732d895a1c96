from django.apps import AppConfig


class AreasConfig(AppConfig):
    name = "wijksturing.areas"
    label = "areas"
