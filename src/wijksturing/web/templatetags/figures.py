"""Template helpers for figures: the day or year a figure describes, indicator names with their
unit said once, and the trend chart of the index (``{% load figures %}``)."""

from __future__ import annotations

import datetime as dt

from django import template
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from wijksturing.web.templatetags.web import format_number

register = template.Library()


@register.filter
def reference(value):
    """The day or year a figure describes: a date as "1 januari 2024", a year as "2024"; a
    :class:`~wijksturing.monitor.selectors.Figure` by its own reference."""
    if value is None or value == "":
        return ""
    if hasattr(value, "reference") and hasattr(value, "year") and not isinstance(value, dt.date):
        value = value.reference or value.year
    if isinstance(value, dt.date):
        return date_format(value, "j F Y")
    return str(value)


@register.filter
def references(values):
    """A list of days and years as one text: "2021, 1 januari 2024"."""
    return ", ".join(reference(v) for v in values or [])


def _plain(text: str) -> str:
    return "".join(ch for ch in str(text).lower() if ch.isalnum() or ch in "%²")


@register.filter
def indicator_label(indicator):
    """The indicator's name with its unit in brackets, unless the name already says it (no
    "(%) (%)", no "per 1.000 inwoners (per 1 000 inwoners)") or the unit is a plain count."""
    name, unit = indicator.name, (indicator.unit or "").strip()
    if not unit or unit == "aantal" or _plain(unit) in _plain(name):
        return name
    return f"{name} ({unit})"


@register.simple_tag
def trend_chart(points, label="", width=560, height=180):
    """A line chart of ``[(year, value), …]`` with its years and values written beside the points
    (coordinates in locale-independent notation); the table next to it is its text alternative."""
    points = [(y, v) for y, v in points or [] if v is not None]
    if not points:
        return ""
    pad_l, pad_r, pad_t, pad_b = 40, 20, 20, 30
    years = [p[0] for p in points]
    values = [p[1] for p in points]
    lo, hi = min(values + [100.0]) - 5, max(values + [100.0]) + 5
    span_x = (max(years) - min(years)) or 1

    def x(year):
        if len(points) == 1:
            return pad_l + (width - pad_l - pad_r) / 2
        return pad_l + (year - min(years)) / span_x * (width - pad_l - pad_r)

    def y(value):
        return pad_t + (hi - value) / (hi - lo) * (height - pad_t - pad_b)

    parts = [format_html('<line x1="{}" y1="{}" x2="{}" y2="{}" class="chart-reference" stroke="#595959" '
                         'stroke-dasharray="4 3"/>', f"{pad_l:.1f}", f"{y(100):.1f}", f"{width - pad_r:.1f}", f"{y(100):.1f}"),
             format_html('<text x="{}" y="{}" class="chart-axis" font-size="12" fill="#333">100</text>', "4",
                         f"{y(100) + 4:.1f}")]
    if len(points) > 1:
        parts.append(format_html('<polyline points="{}" fill="none" stroke="currentColor" stroke-width="2"/>',
                                 " ".join(f"{x(a):.1f},{y(b):.1f}" for a, b in points)))
    for a, b in points:
        parts.append(format_html(
            '<circle cx="{}" cy="{}" r="4" fill="currentColor"/><text x="{}" y="{}" text-anchor="middle" '
            'class="chart-value" font-size="13" font-weight="bold" fill="currentColor">{}</text>'
            '<text x="{}" y="{}" text-anchor="middle" class="chart-axis" font-size="12" fill="#333">{}</text>',
            f"{x(a):.1f}", f"{y(b):.1f}", f"{x(a):.1f}", f"{y(b) - 8:.1f}", format_number(b, 0),
            f"{x(a):.1f}", f"{height - 8:.1f}", a))
    text = (label + ": " if label else "") + "; ".join(f"{a}: {format_number(b, 0)}" for a, b in points)
    return format_html('<style>.trend-chart{{max-width:100%;height:auto}}</style>'
                       '<svg class="trend-chart" width="{}" height="{}" viewBox="0 0 {} {}" role="img" aria-label="{}">{}</svg>',
                       width, height, width, height, text, mark_safe("".join(parts)))
