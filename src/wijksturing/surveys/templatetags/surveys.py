"""Template helpers of the questionnaire: ``{% load surveys %}``."""

from django import template

register = template.Library()


@register.filter
def errors_for(errors: dict, key: str) -> list:
    return errors.get(key, []) if errors else []


@register.filter
def value_of(data, key: str) -> str:
    return data.get(key, "") if data else ""
