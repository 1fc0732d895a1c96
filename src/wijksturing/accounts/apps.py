from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "wijksturing.accounts"
    label = "accounts"
