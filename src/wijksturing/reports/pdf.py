"""The gebiedsanalyse as PDF: the HTML report ``reports/report.html`` itself, printed by
WeasyPrint with the print stylesheet (see :mod:`wijksturing.reports.pdfrender`): one template,
embedded fonts, every Dutch character, whole words, a tagged PDF."""

from __future__ import annotations

import datetime as dt
import re

from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from wijksturing.reports.pdfrender import html_to_pdf
from wijksturing.reports.selectors import AreaAnalysis
from wijksturing.web.svgmap import SvgMap

MAP_STYLE = ("<style>.map-area{{fill:#dfe6ef;stroke:#2d2d2d;stroke-width:.6}}.map-area--child{{fill:#cfdced}}"
             ".map-area--sibling{{fill:#e8e8e8}}.map-area--current{{fill:{colour}}}.map-area--nodata{{fill:#fff}}</style>")
MAP_OPEN = re.compile(r'<svg class="svg-map"[^>]*>')


def _with_map_style(body: str, colour: str) -> str:
    """The map's colours inside its SVG element: the printer styles an SVG from its own ``<style>``."""
    return MAP_OPEN.sub(lambda m: m.group(0) + MAP_STYLE.format(colour=colour), body, count=1)


def render_pdf(*, analysis: AreaAnalysis, svgmap: SvgMap | None, url: str, colour: str) -> bytes:
    a = analysis
    municipality = a.area.layout.municipality
    body = render_to_string("reports/report.html", {
        "a": a, "area": a.area, "municipality": municipality, "svgmap": svgmap, "made_on": dt.date.today(),
        "report_pdf": "", "area_url": url, "pdf": True,
    })
    title = _("Area analysis %(name)s") % {"name": a.area.name}
    return html_to_pdf(body=_with_map_style(body, colour), title=title, footer=f"{title} · {url}", colour=colour)
