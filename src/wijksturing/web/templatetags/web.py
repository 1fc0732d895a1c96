"""Template helpers of the public site: theme, number formatting, sparklines, SVG maps."""

from __future__ import annotations

import math
from decimal import Decimal
from urllib.parse import urlencode

from django import template
from django.template import TemplateDoesNotExist
from django.template.loader import get_template
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from wijksturing.core.numbers import display
from wijksturing.web.links import area_url
from wijksturing.web.theme import theme_for as _theme_for

register = template.Library()


@register.simple_tag
def theme_for(municipality):
    return _theme_for(municipality)


def format_number(value, decimals: int = 0) -> str:
    """A number for people in the page's language, by the project's one formatter."""
    if value is None or value == "" or (isinstance(value, float) and math.isnan(value)):
        return "–"
    return display(value if isinstance(value, (int, float, Decimal)) else float(value), decimals,
                   lang=get_language() or "nl")


@register.filter
def num(value, decimals=0):
    """A number in the current language's notation (1.234,5 in Dutch); – when missing."""
    return format_number(value, int(decimals or 0))


@register.filter
def signed(value, decimals=0):
    if value is None or value == "":
        return "–"
    text = format_number(abs(value), int(decimals or 0))
    return ("+" if value > 0 else "−" if value < 0 else "±") + text


@register.simple_tag
def sparkline(series, decimals=0, width=96, height=28):
    """A small line chart of ``[(year, value), …]`` with its numbers as the accessible name."""
    points = [(y, v) for y, v in series or [] if v is not None]
    if len(points) < 2:
        return ""
    years = [p[0] for p in points]
    values = [p[1] for p in points]
    lo, hi = min(values), max(values)
    span_y = (hi - lo) or 1.0
    span_x = (max(years) - min(years)) or 1
    pad = 3

    def xy(year, value):
        x = pad + (year - min(years)) / span_x * (width - 2 * pad)
        y = height - pad - (value - lo) / span_y * (height - 2 * pad)
        return f"{x:.1f},{y:.1f}"

    coords = " ".join(xy(y, v) for y, v in points)
    last = xy(*points[-1]).split(",")
    label = _("Trend") + ": " + "; ".join(f"{y}: {format_number(v, decimals)}" for y, v in points)
    return format_html(
        '<svg class="sparkline" width="{}" height="{}" viewBox="0 0 {} {}" role="img" aria-label="{}">'
        '<polyline points="{}" fill="none" stroke="currentColor" stroke-width="2"/>'
        '<circle cx="{}" cy="{}" r="3" fill="currentColor"/></svg>',
        width, height, width, height, label, coords, last[0], last[1],
    )


@register.simple_tag
def svg_map(svgmap, title, map_id="map"):
    """Render a :class:`wijksturing.web.svgmap.SvgMap`: linked areas are keyboard-focusable."""
    if svgmap is None or not svgmap.shapes:
        return ""
    shapes, fills = [], {}
    for s in svgmap.shapes:
        # colours go into a <style> element (allowed by its hash, see web.security), not a style attribute
        fill = f" map-fill-{fills.setdefault(s.fill, len(fills))}" if s.fill else ""
        path = format_html('<path d="{}" class="map-area {}{}"><title>{}</title></path>', s.d, s.css_class, fill, s.label)
        if s.href:
            path = format_html('<a href="{}" aria-label="{}" data-code="{}">{}</a>', s.href, s.label, s.code, path)
        shapes.append(path)
    rules = "".join(format_html("#{} .map-fill-{}{{fill:{}}}", map_id, n, colour) for colour, n in fills.items())
    return format_html(
        '{}<svg class="svg-map" id="{}" viewBox="0 0 {} {}" role="group" aria-labelledby="{}-title">'
        '<title id="{}-title">{}</title>{}</svg>',
        format_html("<style>{}</style>", mark_safe(rules)) if rules else "",
        map_id, f"{svgmap.width:g}", f"{svgmap.height:g}", map_id, map_id, title, mark_safe("".join(shapes)),
    )


@register.simple_tag
def legend(classes):
    """Legend items ``[(colour, label), …]`` as a list."""
    return format_html_join(
        "", '<li>{}{}</li>', ((swatch(colour), label) for colour, label in classes)
    )


@register.simple_tag
def swatch(colour):
    """A colour sample as a small SVG (its ``fill`` attribute is no inline style, see web.security)."""
    return format_html('<svg class="legend__swatch" viewBox="0 0 24 16" aria-hidden="true" focusable="false">'
                       '<rect width="24" height="16" fill="{}"/></svg>', colour)


@register.simple_tag(takes_context=True)
def optional_include(context, template_name):
    """Render ``template_name`` with the current context when it exists (a later module's panel
    on the area page, e.g. ``signals/area_panel.html``), else nothing."""
    try:
        tpl = get_template(template_name)
    except TemplateDoesNotExist:
        return ""
    return tpl.render(context.flatten(), context.get("request"))


@register.filter
def area_href(area, suffix=""):
    return area_url(area, suffix=suffix or "")


@register.simple_tag
def similar_compare_url(analysis, limit: int = 2) -> str:
    """The compare page for an area and up to ``limit`` of its similar areas in the same municipality
    (the compare page compares within one municipality), or "" when there is no such area — a page
    then shows no compare link instead of one that answers 400."""
    code = analysis.municipality.code
    others = [s.code for s in analysis.similar if s.layout.municipality.code == code][:limit]
    if not others:
        return ""
    query = urlencode([("gemeente", code), ("gebied", analysis.area.code)] + [("gebied", c) for c in others])
    return f"{reverse('web:compare')}?{query}"

