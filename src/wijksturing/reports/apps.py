from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "wijksturing.reports"
    label = "reports"
