"""The gebiedsanalyse: everything the area page, the HTML report and the PDF show about one
area in one year, assembled once from the areas and monitor selectors."""

from __future__ import annotations

from dataclasses import dataclass, field

from wijksturing.areas import selectors as areas
from wijksturing.areas.models import Area, Level
from wijksturing.web import data

# The key figures of every area page and report, in this order (those without data are skipped).
KEY_INDICATORS = [
    "a_inw", "bev_dich", "p_65_eo_jr", "p_eenp_hh", "g_woz", "p_koopw", "p_hh_lkk", "g_ink_pi",
    "p_arb_pp", "g_soz_wb_1000", "g_misd_1000", "p_wmo_t", "g_afs_gs",
]


@dataclass
class KeyFigure:
    indicator: object
    figure: data.Figure | None
    city: data.Figure | None
    series: list[tuple[int, float | None]]
    change: float | None = None
    assessment: str = ""  # "better", "worse", "same" (than the city) or "" (neutral / unknown)

    @property
    def decimals(self) -> int:
        return self.indicator.decimals


@dataclass
class Dimension:
    code: str
    name: str
    value: float | None
    city: float | None


@dataclass
class AreaAnalysis:
    area: Area
    municipality: object
    gemeente: Area
    ancestors: list[Area]
    children: list[Area]
    year: int | None
    years: list[int]
    figures: list[KeyFigure]
    index: object | None = None
    city_index: object | None = None
    dimensions: list[Dimension] = field(default_factory=list)
    index_series: list[tuple[int, float | None]] = field(default_factory=list)
    similar: list[Area] = field(default_factory=list)
    contacts: list = field(default_factory=list)
    sources: list[tuple[str, object]] = field(default_factory=list)

    @property
    def level_label(self) -> str:
        if self.area.level == Level.GEBIED:
            return self.municipality.gebied_label
        return self.area.get_level_display()


def _assess(indicator, value: float | None, city: float | None) -> str:
    direction = getattr(indicator, "direction", "neutral")
    if value is None or city is None or direction == "neutral" or getattr(indicator, "context", False):
        return ""
    tolerance = abs(city) * 0.02
    if abs(value - city) <= tolerance:
        return "same"
    higher = value > city
    return "better" if higher == (direction == "higher_better") else "worse"


def area_analysis(*, area: Area, year: int | None = None) -> AreaAnalysis:
    """The analysis of ``area`` for ``year`` (default: the latest year with figures)."""
    municipality = area.layout.municipality
    years = data.years(municipality_code=municipality.code)
    if year is None or year not in years:
        year = data.default_year(municipality_code=municipality.code)
    gemeente = areas.area_gemeente(area=area) if area.level != Level.GEMEENTE else area
    indicators = {i.code: i for i in data.indicator_list()}
    codes = [c for c in KEY_INDICATORS if c in indicators]
    figures: list[KeyFigure] = []
    sources: dict[tuple[str, object], None] = {}
    if year is not None:
        table = data.figures(areas=[area, gemeente], indicator_codes=codes, year=year)
        all_series = data.series(area=area, indicator_codes=codes)
        for code in codes:
            own, city = table.get((area.code, code)), table.get((gemeente.code, code))
            series = [(y, v) for y, v in all_series.get(code, []) if y <= year]
            if own is None and not any(v is not None for _, v in series):
                continue
            known = [v for _, v in series if v is not None]
            change = known[-1] - known[0] if len(known) >= 2 else None
            indicator = indicators[code]
            figures.append(KeyFigure(indicator, own, city, series, change,
                                     _assess(indicator, own.value if own else None, city.value if city else None)))
            for fig in (own, city):
                if fig is not None and fig.source:
                    sources[(fig.source, fig.source_date)] = None
    index = data.index_value(area=area, year=year)
    city_index = data.index_value(area=gemeente, year=year)
    dimensions = []
    if index is not None:
        names = data.index_dimension_names()
        city_dims = (city_index.dimensions if city_index else {}) or {}
        for code, value in (index.dimensions or {}).items():
            dimensions.append(Dimension(code, names.get(code, code), value, city_dims.get(code)))
    return AreaAnalysis(
        area=area,
        municipality=municipality,
        gemeente=gemeente,
        ancestors=areas.area_ancestors(area=area),
        children=list(areas.area_children(area=area)),
        year=year,
        years=years,
        figures=figures,
        index=index,
        city_index=city_index,
        dimensions=dimensions,
        index_series=[(y, v) for y, v in data.index_series(area=area) if year is None or y <= year],
        similar=data.similar_areas(area=area),
        contacts=areas.team_contacts(area=area),
        sources=sorted(sources, key=lambda s: (s[0], str(s[1]))),
    )
