"""The thematic map: one indicator (or the index) for all areas of one level in one year,
classed with quantiles or natural breaks (wijksturing.core.classify)."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from wijksturing.areas import selectors as areas
from wijksturing.areas.models import Area, Level
from wijksturing.core.classify import classify, natural_breaks, quantile_breaks
from wijksturing.web import data
from wijksturing.web.links import area_url
from wijksturing.web.templatetags.web import format_number

# ColorBrewer "Blues" (light → dark); "no data" is hatched grey in the CSS.
PALETTE = ["#eff3ff", "#bdd7e7", "#6baed6", "#3182bd", "#08519c"]
METHODS = {"quantiles": quantile_breaks, "natural": natural_breaks}
INDEX = "index"
LEVELS = [Level.GEBIED, Level.WIJK, Level.BUURT]


@dataclass
class Row:
    area: Area
    value: float | None
    klass: int | None
    colour: str
    url: str
    source: str = ""
    reference: object = None  # the day (1 January for stocks) or the year the figure describes
    figure_year: int | None = None  # the year of the figure (older than the map's year: the latest of the years before)


@dataclass
class Choropleth:
    municipality_code: str
    indicator_code: str
    title: str
    unit: str
    decimals: int
    level: str
    year: int | None
    method: str
    edges: list[float]
    rows: list[Row] = field(default_factory=list)

    @property
    def legend(self) -> list[tuple[str, str]]:
        out = []
        for i in range(len(self.edges) - 1):
            low, high = self.edges[i], self.edges[i + 1]
            if i == 0 and low == high:
                label = format_number(low, self.decimals)
            elif i == 0:
                label = f"{format_number(low, self.decimals)} – {format_number(high, self.decimals)}"
            else:
                label = _("above %(low)s to %(high)s") % {"low": format_number(low, self.decimals),
                                                           "high": format_number(high, self.decimals)}
            out.append((PALETTE[self._colour_index(i)], label))
        if any(r.value is None for r in self.rows):
            out.append(("#ffffff", _("no figure (unknown or too small to publish)")))
        return out

    def _colour_index(self, klass: int) -> int:
        n = max(len(self.edges) - 1, 1)
        return round(klass * (len(PALETTE) - 1) / max(n - 1, 1)) if n > 1 else len(PALETTE) // 2

    def as_json(self) -> dict:
        return {
            "municipality": self.municipality_code, "indicator": self.indicator_code, "title": self.title,
            "unit": self.unit, "level": self.level, "year": self.year, "method": self.method, "breaks": self.edges,
            "areas": [
                {"code": r.area.code, "name": r.area.name, "value": r.value, "class": r.klass, "colour": r.colour,
                 "url": r.url, "source": r.source, "figure_year": r.figure_year,
                 "reference": r.reference.isoformat() if hasattr(r.reference, "isoformat") else r.reference}
                for r in self.rows
            ],
        }


def choropleth(*, municipality_code: str, indicator_code: str, level: str, year: int | None,
               method: str = "quantiles", classes: int = 5) -> Choropleth:
    items = list(areas.area_list(municipality_code=municipality_code, level=level))
    values: dict[str, tuple[float | None, str, object, int | None]] = {}
    if indicator_code == INDEX:
        title, unit, decimals = _("Liveability index"), _("index (100 = municipality in the base year)"), 0
        index = data.index_rows(areas=items, year=year)
        for area in items:
            row = index.get(area.code)
            published = data.index_is_published(value=row)
            values[area.code] = (row.value if published else None, _("wijksturing liveability index"),
                                 year if published else None, year if published else None)
    else:
        indicator = data.indicator_get(code=indicator_code)
        title, unit, decimals = indicator.name, indicator.unit, indicator.decimals
        if year is not None:
            table = data.figures(areas=items, indicator_codes=[indicator_code], year=year)
            for area in items:
                fig = table.get((area.code, indicator_code))
                values[area.code] = ((fig.value, fig.source, fig.reference or fig.year, fig.year) if fig
                                     else (None, "", None, None))
    numbers = [v[0] for v in values.values() if v[0] is not None]
    edges = METHODS.get(method, quantile_breaks)(numbers, classes) if numbers else []
    result = Choropleth(municipality_code, indicator_code, title, unit, decimals, level, year, method, edges)
    klasses = classify([values.get(a.code, (None,))[0] if values.get(a.code, (None,))[0] is not None else float("nan")
                        for a in items], edges)
    for area, klass in zip(items, klasses):
        value, source, reference, figure_year = values.get(area.code, (None, "", None, None))
        colour = PALETTE[result._colour_index(klass)] if klass is not None else ""
        result.rows.append(Row(area, value, klass, colour, area_url(area), source, reference, figure_year))
    return result
