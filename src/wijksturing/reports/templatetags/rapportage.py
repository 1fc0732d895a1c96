"""Filters for the gebiedsrapportage templates: amounts, dates and labels from stored content."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django import template
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import get_language

from wijksturing.core.numbers import display, money_display, percent_display
from wijksturing.reports import labels
from wijksturing.reports.taakvelden import taakveld_name

register = template.Library()


def _lang() -> str:
    return "en" if (get_language() or "nl").startswith("en") else "nl"


@register.filter
def euro(value) -> str:
    """``"1250.50"`` → ``€ 1.250,50``; whole euros without cents."""
    if value in (None, ""):
        return "–"
    amount = Decimal(str(value))
    return money_display(amount, lang=_lang(), places=0 if amount == amount.to_integral() else 2)


@register.filter
def euro_signed(value) -> str:
    if value in (None, ""):
        return "–"
    amount = Decimal(str(value))
    return ("+" if amount > 0 else "") + euro(value)


@register.filter
def number(value, decimals=0) -> str:
    return display(value, int(decimals or 0), lang=_lang())


@register.filter
def percent(value) -> str:
    return percent_display(value, 1, lang=_lang())


@register.filter
def isodate(value) -> str:
    """``"2026-06-30"`` → ``30 juni 2026``; a year stays a year."""
    if value in (None, ""):
        return ""
    if isinstance(value, int):
        return str(value)
    if isinstance(value, dt.datetime):
        return date_format(value, "j F Y H:i")
    try:
        return date_format(dt.date.fromisoformat(str(value)), "j F Y")
    except ValueError:
        return str(value)


@register.filter
def goal_status(value) -> str:
    return str(labels.GOAL_STATUS.get(value, value or ""))


@register.filter
def achieved(value) -> str:
    return str(labels.ACHIEVED.get(value, value or ""))


@register.filter
def direction(value) -> str:
    return str(labels.DIRECTION.get(value, value or ""))


@register.filter
def taakveld(code) -> str:
    return f"{code} {taakveld_name(code)}" if code else str(labels.UNCLASSIFIED)


@register.filter
def get(mapping, key):
    return (mapping or {}).get(key)


@register.simple_tag
def today_date() -> dt.date:
    """Today in the site's time zone (for "past its due date")."""
    return timezone.localdate()
