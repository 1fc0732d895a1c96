from django import template
from django.utils.translation import get_language

from wijksturing.participation.counting import money_text

register = template.Library()


@register.filter
def euro(value) -> str:
    """``{{ amount|euro }}`` → € 1.234,50 (in the current language)."""
    if value in (None, ""):
        return ""
    return money_text(value, get_language() or "nl")
