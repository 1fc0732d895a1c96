"""The page of one figure of one area, with its download (see :mod:`wijksturing.web.figurepage`)."""

from __future__ import annotations

import io

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from wijksturing.monitor.exports import write_table
from wijksturing.monitor.models import Indicator
from wijksturing.web import pages
from wijksturing.web.figurepage import chart, figure_page, legend
from wijksturing.web.links import area_url

FORMATS = {"csv": "text/csv; charset=utf-8",
           "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}


@require_GET
def figure(request: HttpRequest, code: str, indicator: str, level: str, municipality: str | None = None) -> HttpResponse:
    area = pages.area_or_404(level=level, code=code, municipality=municipality)
    try:
        page = figure_page(area=area, indicator_code=indicator, area_url=area_url)
    except Indicator.DoesNotExist:
        raise Http404(f"No published figure {indicator}") from None
    fmt = request.GET.get("formaat", "")
    if fmt:
        if fmt not in FORMATS:
            raise Http404("csv or xlsx")
        out = io.BytesIO()
        write_table(header=page.header(), rows=page.rows(), geometries=None, fmt=fmt, out=out)
        response = HttpResponse(out.getvalue(), content_type=FORMATS[fmt])
        response["Content-Disposition"] = f'attachment; filename="{area.code}-{page.indicator.code}.{fmt}"'
        return response
    base = area_url(area, suffix=f"cijfer/{page.indicator.code}/")
    return render(request, "web/figure.html", {
        "page": page, "area": area, "municipality": area.layout.municipality, "chart": chart(page),
        "legend": legend(page), "rows": page.rows(), "csv_url": base + "?formaat=csv", "xlsx_url": base + "?formaat=xlsx",
        "area_url": area_url(area)})
