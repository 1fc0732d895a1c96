"""The gebiedsanalyse of an area as a web page and as a PDF, at the area's own address."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from wijksturing.reports import services
from wijksturing.reports.pdfrender import PdfUnavailableError, unavailable_response
from wijksturing.web import data, pages
from wijksturing.web.pagecache import public_page


def _year(request: HttpRequest, area) -> int | None:
    years = data.years(municipality_code=area.layout.municipality.code)
    try:
        year = int(request.GET.get("jaar", ""))
    except ValueError:
        return None
    return year if year in years else None


@require_GET
@public_page
def report_page(request: HttpRequest, code: str, level: str, municipality: str | None = None) -> HttpResponse:
    area = pages.area_or_404(level=level, code=code, municipality=municipality)
    body = services.report_html(area=area, year=_year(request, area), request=request)
    return render(request, "reports/page.html", {"area": area, "municipality": area.layout.municipality, "body": body})


@require_GET
@public_page
def report_pdf(request: HttpRequest, code: str, level: str, municipality: str | None = None) -> HttpResponse:
    area = pages.area_or_404(level=level, code=code, municipality=municipality)
    try:
        content = services.report_pdf(area=area, year=_year(request, area), base_url=request.build_absolute_uri("/")[:-1])
    except PdfUnavailableError as exc:
        return unavailable_response(exc)
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="gebiedsanalyse-{area.code}.pdf"'
    return response
