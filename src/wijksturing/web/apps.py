from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "wijksturing.web"
    label = "web"
