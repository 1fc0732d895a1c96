from django.apps import AppConfig


class ParticipationConfig(AppConfig):
    name = "wijksturing.participation"
    label = "participation"
