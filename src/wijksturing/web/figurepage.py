"""The page of one figure of one area (like Amsterdam's BBGA / Gebied in beeld): what the figure
means (definition, source, reference date), its time series as a chart and a table, the whole
municipality and the most similar areas beside it, and the same table as CSV or Excel."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from wijksturing.areas import selectors as areas
from wijksturing.monitor import selectors as monitor
from wijksturing.web.templatetags.web import format_number

#: Line colours (contrast ≥ 3:1 on white) and dash patterns, so lines differ without colour too.
STYLES = [("#154273", ""), ("#b3261e", "6 4"), ("#1d6b35", "2 3"), ("#6b3fa0", "8 3 2 3"), ("#8a5300", "1 4")]
MAX_SIMILAR = 3


@dataclass
class Series:
    name: str
    values: dict[int, float | None]
    kind: str  # "area", "city" or "similar"
    url: str = ""


@dataclass
class FigurePage:
    area: object
    indicator: object
    figure: object  # the latest Figure of the area, or None
    series: list[Series] = field(default_factory=list)
    years: list[int] = field(default_factory=list)

    def rows(self) -> list[list]:
        """Per year the values of every series (None where missing or hidden)."""
        return [[year] + [s.values.get(year) for s in self.series] for year in self.years]

    def header(self) -> list[str]:
        return ["jaar"] + [s.name for s in self.series]


def figure_page(*, area, indicator_code: str, area_url) -> FigurePage:
    """Everything the page shows; raises Indicator.DoesNotExist for an unknown or unpublished code."""
    indicator = monitor.indicator_get(code=indicator_code)
    if not indicator.published:
        raise type(indicator).DoesNotExist(indicator_code)
    page = FigurePage(area, indicator, monitor.observation_value(area=area, indicator_code=indicator_code))
    page.series.append(Series(area.name, dict(monitor.observation_series(area=area, indicator_code=indicator_code)),
                              "area", area_url(area)))
    if area.level != "gemeente":
        gemeente = areas.area_gemeente(area=area)
        years = sorted(page.series[0].values)
        city = {}
        for year in years:
            found = monitor.city_figure(gemeente=gemeente, indicator_code=indicator_code, year=year)
            city[year] = found.value if found is not None else None
        page.series.append(Series(gemeente.name, city, "city", area_url(gemeente)))
    for other, _distance in monitor.similar_areas(area=area)[:MAX_SIMILAR]:
        values = dict(monitor.observation_series(area=other, indicator_code=indicator_code))
        if any(v is not None for v in values.values()):
            page.series.append(Series(other.name, values, "similar", area_url(other)))
    page.years = sorted({y for s in page.series for y in s.values})
    return page


def chart(page: FigurePage, *, width: int = 640, height: int = 260) -> SafeString:
    """An SVG line chart of every series; the table on the page is its text alternative (the
    chart's accessible name says so). Empty when there is no value at all."""
    values = [v for s in page.series for v in s.values.values() if v is not None]
    if not values or not page.years:
        return mark_safe("")
    decimals = page.indicator.decimals
    pad_l, pad_r, pad_t, pad_b = 56, 16, 16, 28
    lo, hi = min(values), max(values)
    if lo == hi:
        lo, hi = lo - 1, hi + 1
    lo = min(lo, 0) if lo >= 0 and lo < (hi - lo) else lo  # start at zero unless that flattens the lines
    first, last = page.years[0], page.years[-1]

    def x(year: int) -> float:
        return pad_l + ((year - first) / (last - first) if last != first else 0.5) * (width - pad_l - pad_r)

    def y(value: float) -> float:
        return pad_t + (hi - value) / (hi - lo) * (height - pad_t - pad_b)

    parts = []
    for tick in (lo, (lo + hi) / 2, hi):
        parts.append(format_html('<line x1="{}" x2="{}" y1="{}" y2="{}" stroke="#d0d5dd"/>'
                                 '<text x="{}" y="{}" text-anchor="end" font-size="12" fill="#333">{}</text>',
                                 pad_l, width - pad_r, f"{y(tick):.1f}", f"{y(tick):.1f}", pad_l - 6,
                                 f"{y(tick) + 4:.1f}", format_number(tick, decimals)))
    for year in page.years:
        parts.append(format_html('<text x="{}" y="{}" text-anchor="middle" font-size="12" fill="#333">{}</text>',
                                 f"{x(year):.1f}", height - 8, year))
    for number, s in enumerate(page.series):
        colour, dash = STYLES[number % len(STYLES)]
        points = [(yr, v) for yr, v in sorted(s.values.items()) if v is not None]
        if len(points) > 1:
            parts.append(format_html('<polyline points="{}" fill="none" stroke="{}" stroke-width="{}"{}/>',
                                     " ".join(f"{x(a):.1f},{y(b):.1f}" for a, b in points), colour,
                                     3 if s.kind == "area" else 2,
                                     format_html(' stroke-dasharray="{}"', dash) if dash else ""))
        for a, b in points:
            parts.append(format_html('<circle cx="{}" cy="{}" r="{}" fill="{}"><title>{}, {}: {}</title></circle>',
                                     f"{x(a):.1f}", f"{y(b):.1f}", 4 if s.kind == "area" else 3, colour, s.name, a,
                                     format_number(b, decimals)))
    return format_html('<svg class="figure-chart" viewBox="0 0 {} {}" width="{}" height="{}" role="img" '
                       'aria-label="{}">{}</svg>', width, height, width, height, page.indicator.name,
                       mark_safe("".join(str(p) for p in parts)))


def legend(page: FigurePage) -> list[dict]:
    return [{"name": s.name, "kind": s.kind, "url": s.url, "colour": STYLES[i % len(STYLES)][0],
             "dash": STYLES[i % len(STYLES)][1]} for i, s in enumerate(page.series)]
