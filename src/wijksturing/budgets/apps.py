from django.apps import AppConfig


class BudgetsConfig(AppConfig):
    name = "wijksturing.budgets"
    label = "budgets"
