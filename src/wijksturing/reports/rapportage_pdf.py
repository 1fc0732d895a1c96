"""The gebiedsrapportage as PDF: the HTML report ``reports/rapportage.html`` itself, printed by
WeasyPrint with the print stylesheet (see :mod:`wijksturing.reports.pdfrender`). Drawn from the
report's content data only, so that the same content and publication moment give the same bytes
(the creation date is the publication moment, never the time of drawing; a draft has none)."""

from __future__ import annotations

from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from wijksturing.reports.pdfrender import html_to_pdf

COLOUR = "#1f4e79"


def render_rapportage_pdf(*, content: dict, changes: dict, published_at=None, status: str = "draft") -> bytes:
    c = content
    body = render_to_string("reports/rapportage.html", {
        "c": c, "changes": changes, "published_at": published_at, "status": status, "draft": status != "published",
        "pdf": True,
    })
    title = _("Area report %(name)s, %(period)s") % {"name": c["gebied"]["name"], "period": c["period"]["label"]}
    footer = f"{title} · {c['gebied']['municipality_name']} · {c['gebied']['code']}"
    return html_to_pdf(body=body, title=title, footer=footer, colour=COLOUR, created=published_at)
