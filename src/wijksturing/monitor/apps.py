from django.apps import AppConfig


class MonitorConfig(AppConfig):
    name = "wijksturing.monitor"
    label = "monitor"
