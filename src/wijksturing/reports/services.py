"""Rendering of the gebiedsanalyse: HTML page, PDF, and all areas of a level in one batch."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from django.template.loader import render_to_string
from django.utils.text import slugify

from wijksturing.areas import selectors as areas
from wijksturing.areas.models import Area
from wijksturing.reports.pdf import render_pdf
from wijksturing.reports.selectors import area_analysis
from wijksturing.web import pages
from wijksturing.web.links import area_url
from wijksturing.web.theme import theme_for


def report_pdf(*, area: Area, year: int | None = None, base_url: str = "") -> bytes:
    """The PDF of the area analysis (cached until the figures change)."""
    def build() -> bytes:
        analysis = area_analysis(area=area, year=year)
        return render_pdf(analysis=analysis, svgmap=pages.area_map(area=area), url=base_url + area_url(area),
                          colour=theme_for(area.layout.municipality).colour)

    return pages.cached(f"pdf:{area.pk}:{year}:{base_url}", build)


def report_html(*, area: Area, year: int | None = None, request=None) -> str:
    analysis = area_analysis(area=area, year=year)
    return render_to_string("reports/report.html", {
        "a": analysis, "area": area, "municipality": area.layout.municipality, "svgmap": pages.area_map(area=area),
        "report_pdf": area_url(area, suffix="rapport.pdf"), "area_url": area_url(area),
    }, request=request)


def report_batch(*, municipality_code: str, level: str, out: Path | str, year: int | None = None,
                 formats: tuple[str, ...] = ("pdf",), progress: Callable[[Area], None] | None = None) -> list[Path]:
    """Write the report of every area of ``level`` in the municipality into ``out``; returns
    the files written (``<code>-<name>.pdf`` / ``.html``)."""
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    items = list(areas.area_list(municipality_code=municipality_code, level=level))
    if not items:
        raise ValueError(f"no areas of level {level!r} in municipality {municipality_code!r}")
    for area in items:
        stem = f"{area.code}-{slugify(area.name)}"
        if "pdf" in formats:
            path = folder / f"{stem}.pdf"
            path.write_bytes(report_pdf(area=area, year=year))
            written.append(path)
        if "html" in formats:
            path = folder / f"{stem}.html"
            path.write_text(report_html(area=area, year=year), encoding="utf-8")
            written.append(path)
        if progress:
            progress(area)
    return written
