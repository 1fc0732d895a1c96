"""The gebiedsanalyse: everything the area page, the HTML report and the PDF show about one
area in one year, assembled once from the areas and monitor selectors."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from wijksturing.areas import selectors as areas
from wijksturing.areas.models import Area, Level
from wijksturing.web import data
from wijksturing.web.templatetags.web import format_number

# The key figures of every area page and report, in this order (those without data are skipped).
KEY_INDICATORS = [
    "a_inw", "bev_dich", "p_65_eo_jr", "p_eenp_hh", "g_woz", "p_koopw", "p_hh_lkk", "g_ink_pi",
    "p_arb_pp", "g_soz_wb_1000", "g_misd_1000", "p_wmo_t", "g_afs_gs",
]


@dataclass
class KeyFigure:
    """One key figure of an area beside the municipality's figure of the same year."""

    indicator: object
    figure: data.Figure | None
    city: data.Figure | None
    series: list[tuple[int, float | None]]
    change: float | None = None
    assessment: str = ""  # "better", "worse", "same" (than the city) or "" (neutral / unknown)
    relation: str = ""  # "higher", "lower", "same" or "" (no comparison possible)
    difference: float | None = None  # the area's figure minus the city's, in the indicator's unit
    city_name: str = ""
    is_city: bool = False  # the municipality's own figure, on its own page: nothing to compare with

    @property
    def decimals(self) -> int:
        return self.indicator.decimals

    @property
    def comparison(self) -> str:
        """One sentence: higher or lower than the city, by how much, and whether that is good."""
        if self.is_city:
            return ""
        if not self.relation:
            if self.figure is None or self.figure.value is None:
                return _("no comparison: this area has no figure")
            return _("no comparison: %(city)s has no figure for %(year)s") % {
                "city": self.city_name, "year": self.figure.year}
        city = self.city_name
        if self.relation == "share":
            share = self.figure.value / self.city.value * 100
            return _("%(share)s %% of %(city)s") % {"share": format_number(share, 1 if share < 10 else 0), "city": city}
        if self.relation == "same":
            text = _("about the same as %(city)s") % {"city": city}
        else:
            amount = format_number(abs(self.difference), self.decimals)
            times = self.figure.value / self.city.value if self.city.value else None
            if self.indicator.unit == "%":
                amount = _("%(n)s percentage points") % {"n": amount}
            elif times is not None and times >= 2:
                amount = None
            elif self.city.value:
                share = format_number(abs(self.difference) / abs(self.city.value) * 100, 0)
                amount = f"{amount} ({share} %)"
            if amount is None:
                text = _("%(times)s times as high as %(city)s") % {"times": format_number(times, 1), "city": city}
            elif self.relation == "higher":
                text = _("%(amount)s higher than %(city)s") % {"amount": amount, "city": city}
            else:
                text = _("%(amount)s lower than %(city)s") % {"amount": amount, "city": city}
        verdict = {"better": _("that is favourable"), "worse": _("that is unfavourable"),
                   "same": ""}.get(self.assessment, _("neither good nor bad in itself"))
        return f"{text}; {verdict}" if verdict else text


@dataclass
class IndexYear:
    """One year of the index trend: a number only where it rests on at least three dimensions."""

    year: int
    value: float | None
    dimensions: int
    published: bool
    change_per_year: float | None


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
    index_published: bool = False
    index_parts: list = field(default_factory=list)
    index_history: list[IndexYear] = field(default_factory=list)
    dimensions_total: int = 0
    similar: list[Area] = field(default_factory=list)
    contacts: list = field(default_factory=list)
    sources: list[tuple[str, list]] = field(default_factory=list)  # (source, [reference day or year, …])

    @property
    def is_gemeente(self) -> bool:
        """The municipality's own page: its figures are not compared with themselves."""
        return self.area.level == Level.GEMEENTE

    @property
    def index_scored(self) -> int:
        """How many parts of the index have a score this year."""
        return sum(1 for d in self.dimensions if d.value is not None)

    @property
    def level_label(self) -> str:
        if self.area.level == Level.GEBIED:
            return self.municipality.gebied_label
        return self.area.get_level_display()


def _assess(indicator, value: float | None, city: float | None) -> str:
    direction = getattr(indicator, "direction", "neutral")
    if value is None or city is None or direction == "neutral" or getattr(indicator, "context", False):
        return ""
    relation = _relation(indicator, value, city)
    if relation in ("same", "share"):
        return "same" if relation == "same" else ""
    higher = value > city
    return "better" if higher == (direction == "higher_better") else "worse"


def _relation(indicator, value: float | None, city: float | None) -> str:
    if value is None or city is None:
        return ""
    if getattr(indicator, "aggregation", "") == "sum":
        return "share" if city > 0 else ""
    difference = round(value - city, indicator.decimals)
    if difference == 0 or abs(value - city) <= abs(city) * 0.02:
        return "same"
    return "higher" if value > city else "lower"


def _carriers(area: Area, index) -> list:
    """The dimensions of the index with the indicators that carried each (monitor's
    ``index_carriers``), for the index's own year."""
    if index is None:
        return []
    carriers = data.index_carriers(area=area, year=index.year)
    return carriers.dimensions if carriers else []


def _reference(fig: data.Figure):
    return fig.reference or fig.year


def area_analysis(*, area: Area, year: int | None = None) -> AreaAnalysis:
    """The analysis of ``area`` for ``year`` (default: the latest year with a complete picture)."""
    municipality = area.layout.municipality
    years = data.years(municipality_code=municipality.code)
    if year is None or year not in years:
        year = data.default_year(municipality_code=municipality.code)
    gemeente = areas.area_gemeente(area=area) if area.level != Level.GEMEENTE else area
    indicators = {i.code: i for i in data.indicator_list()}
    codes = [c for c in KEY_INDICATORS if c in indicators]
    figures: list[KeyFigure] = []
    sources: dict[str, set] = {}
    if year is not None:
        table = data.figures(areas=[area, gemeente], indicator_codes=codes, year=year)
        all_series = data.series(area=area, indicator_codes=codes)
        for code in codes:
            own, city = table.get((area.code, code)), table.get((gemeente.code, code))
            series = [(y, v) for y, v in all_series.get(code, []) if y <= year]
            if area.pk == gemeente.pk:
                # the municipality's own page: no comparison with itself; a figure the city has
                # not stored is computed from its smaller areas (with the coverage said)
                city = None
                if own is None:
                    own = next((f for y in range(year, year - data.RECENT_YEARS - 1, -1)
                                if (f := data.city_figure(gemeente=gemeente, indicator_code=code, year=y))), None)
            if own is None and not any(v is not None for _, v in series):
                continue
            if area.pk != gemeente.pk and own is not None and (city is None or city.year != own.year):
                # the city's figure of the same year as the area's, computed when none is stored
                city = data.city_figure(gemeente=gemeente, indicator_code=code, year=own.year)
            known = [v for _, v in series if v is not None]
            change = known[-1] - known[0] if len(known) >= 2 else None
            indicator = indicators[code]
            own_value, city_value = (own.value if own else None), (city.value if city else None)
            figures.append(KeyFigure(
                indicator, own, city, series, change, _assess(indicator, own_value, city_value),
                _relation(indicator, own_value, city_value),
                None if own_value is None or city_value is None else own_value - city_value, municipality.name,
                area.pk == gemeente.pk))
            for fig in (own, city):
                if fig is not None and fig.source:
                    sources.setdefault(fig.source, set()).add(_reference(fig))
    index = data.index_value(area=area, year=year)
    city_index = data.index_value(area=gemeente, year=year)
    dimensions = []
    names = data.index_dimension_names()
    if index is not None:
        city_dims = (city_index.dimensions if city_index else {}) or {}
        for code, value in (index.dimensions or {}).items():
            dimensions.append(Dimension(code, names.get(code, code), value, city_dims.get(code)))
    history = [IndexYear(v.year, v.value, sum(1 for d in (v.dimensions or {}).values() if d is not None),
                         data.index_is_published(value=v), v.change_per_year)
               for v in data.index_history(area=area) if year is None or v.year <= year]
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
        index_series=[(h.year, h.value) for h in history if h.published],
        index_published=data.index_is_published(value=index),
        index_parts=_carriers(area, index),
        index_history=history,
        dimensions_total=len(names),
        similar=data.similar_areas(area=area),
        contacts=areas.team_contacts(area=area),
        sources=[(source, sorted(refs, key=lambda r: (r if isinstance(r, int) else r.year, not isinstance(r, int))))
                 for source, refs in sorted(sources.items())],
    )
