"""Reads of the liveability index for pages, the cockpit and reports: what carried an area's index
(:func:`index_carriers`), its trend (:func:`index_trend`), the trend of any indicator
(:func:`indicator_trend`) and the areas that fall behind the city or fall fast
(:func:`index_flag_list`). Keyword-only, like :mod:`wijksturing.monitor.selectors`; the arithmetic
is in :mod:`wijksturing.core.trends`."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from wijksturing.areas.models import Area
from wijksturing.core import trends
from wijksturing.monitor.catalogue import index_data
from wijksturing.monitor.models import IndexDimension, IndexValue, Indicator, Observation


@dataclass(frozen=True)
class CarriedIndicator:
    code: str
    name: str
    figure_year: int | None  # the year of the figure that stood for the index year
    score: float | None  # 100 = the city in the base year, 10 points = one standard deviation
    weight: float


@dataclass(frozen=True)
class CarriedDimension:
    code: str
    name: str
    score: float | None
    city_score: float | None
    behind: bool  # more than the flag margin below the city's score of that year
    indicators: list[CarriedIndicator]  # the indicators that carried it
    missing: list[CarriedIndicator]  # the indicators of the dimension without a figure for this area


@dataclass(frozen=True)
class IndexCarriers:
    """Which dimensions and indicators carried an area's index in one year."""

    year: int
    base_year: int
    value: float | None  # None: fewer dimensions than ``min_dimensions`` had a score
    published: bool
    n_dimensions: int
    min_dimensions: int
    dimensions: list[CarriedDimension]
    change_per_year: float | None
    compared: list[str]  # the indicators the change was measured on (scored in both years)
    behind: bool
    falling: bool


def _config() -> dict:
    return index_data()


def index_carriers(*, area: Area, year: int | None = None) -> IndexCarriers | None:
    """The index of ``area`` (latest year by default) with, per dimension, its score, the city's
    score and the indicators (and the year of each figure) that carried it, and those missing."""
    qs = IndexValue.objects.filter(area__code=area.code, area__layout__municipality=area.layout.municipality)
    if year is not None:
        qs = qs.filter(year=year)
    value = qs.order_by("-year").first()
    if value is None:
        return None
    config = _config()
    margin = config.get("flags", {}).get("dimension_behind_margin", 10.0)
    city = IndexValue.objects.filter(area__layout__municipality=area.layout.municipality,
                                     area__code=area.layout.municipality.code, year=value.year).first()
    used_years = {code: year for code, year in (value.used or [])}
    dimensions = []
    for dimension in IndexDimension.objects.prefetch_related("components__indicator").order_by("order"):
        carried, missing = [], []
        for component in dimension.components.all():
            ind = component.indicator
            item = CarriedIndicator(ind.code, ind.name, used_years.get(ind.code), (value.scores or {}).get(ind.code),
                                    component.weight)
            (carried if ind.code in used_years else missing).append(item)
        score = value.dimensions.get(dimension.code)
        city_score = city.dimensions.get(dimension.code) if city else None
        behind = score is not None and city_score is not None and score < city_score - margin
        dimensions.append(CarriedDimension(dimension.code, dimension.name, score, city_score, behind, carried, missing))
    n = sum(d.score is not None for d in dimensions)
    return IndexCarriers(value.year, value.base_year, value.value, value.value is not None, n,
                         config.get("min_dimensions", 1), dimensions, value.change_per_year, list(value.compared or []),
                         value.behind, value.falling)


@dataclass(frozen=True)
class Trend:
    """A series and its straight-line trend: ``slope`` per year (least squares over the years
    present), ``change`` from the first to the last year; ``city_slope`` the municipality's."""

    series: list[tuple[int, float]]
    slope: float | None
    change: float | None
    city_slope: float | None = None
    years: list[int] = field(default_factory=list)


def _trend(series: list[tuple[int, float]]) -> tuple[float | None, float | None]:
    points = [(y, v) for y, v in series if v is not None]
    if len(points) < 2:
        return None, None
    slope = trends.slope(np.array([y for y, _ in points]), np.array([v for _, v in points], dtype=float))
    return (None if np.isnan(slope) else float(slope)), points[-1][1] - points[0][1]


def _series(area: Area, indicator_code: str, public: bool) -> list[tuple[int, float]]:
    qs = (Observation.objects.filter(area__code=area.code, area__layout__municipality=area.layout.municipality,
                                     indicator__code=indicator_code, value__isnull=False)
          .order_by("year", "area__layout__year"))
    if public:
        qs = qs.filter(indicator__published=True, suppressed=False)
    return sorted({obs_year: value for obs_year, value in qs.values_list("year", "value")}.items())


def indicator_trend(*, area: Area, indicator_code: str, public: bool = True) -> Trend:
    """The trend of one indicator for ``area`` over every year with a figure (any layout, matched
    on the area code), beside the municipality's."""
    series = _series(area, indicator_code, public)
    slope, change = _trend(series)
    city = Area(code=area.layout.municipality.code, layout=area.layout)
    city_slope, _ = _trend(_series(city, indicator_code, public))
    return Trend(series, slope, change, city_slope, [y for y, _ in series])


def index_trend(*, area: Area) -> Trend:
    """The published index of ``area`` over the years (years with fewer dimensions than the
    minimum are left out) and its trend. The index of one year may rest on more indicators than
    that of the year before (a source published once), so the trend is **not** the line through
    these values: ``change`` is the sum of the year-on-year changes measured on the indicators of
    both years, ``slope`` that change per year. ``city_slope`` is the municipality's."""
    def comparable(code: str) -> tuple[list[tuple[int, float]], float | None, float | None]:
        # index values of earlier years belong to the areas of the division in force then: match on code
        rows = list(IndexValue.objects.filter(area__code=code, area__layout__municipality=area.layout.municipality,
                                              value__isnull=False).order_by("year")
                    .values_list("year", "value", "change_per_year"))
        series = [(y, v) for y, v, _ in rows]
        steps = [(rows[k][0] - rows[k - 1][0], rows[k][2]) for k in range(1, len(rows)) if rows[k][2] is not None]
        if not steps:
            return series, None, None
        total = sum(gap * per_year for gap, per_year in steps)
        return series, total / sum(gap for gap, _ in steps), total

    series, slope, change = comparable(area.code)
    _, city_slope, _ = comparable(area.layout.municipality.code)
    return Trend(series, slope, change, city_slope, [y for y, _ in series])


@dataclass(frozen=True)
class IndexFlag:
    """An area the cockpit lists: ``behind`` (index more than the margin below the city that
    year), ``falling`` (index falling faster than the limit, on the same indicators), and the
    dimensions behind the city and indicators falling fast that explain it."""

    area: Area
    year: int
    value: float | None
    city_value: float | None
    behind: bool
    falling: bool
    change_per_year: float | None
    dimensions_behind: list[str]
    indicators_falling: list[tuple[str, float]]  # (indicator code, score change per year)


def _indicator_falls(values: list[IndexValue], fall: float) -> list[tuple[str, float]]:
    """Indicators whose score fell more than ``fall`` points a year between two different figures
    (a figure that stands for several index years is counted once)."""
    points: dict[str, dict[int, float]] = {}
    for value in values:
        for code, figure_year in value.used or []:
            score = (value.scores or {}).get(code)
            if score is not None:
                points.setdefault(code, {})[figure_year] = score
    out = []
    for code, by_year in points.items():
        if len(by_year) < 2:
            continue
        years = sorted(by_year)
        slope = trends.slope(np.array(years), np.array([by_year[y] for y in years], dtype=float))
        if not np.isnan(slope) and -slope > fall:
            out.append((code, round(float(slope), 2)))
    return sorted(out, key=lambda item: item[1])


def index_flag_list(*, municipality_code: str, level: str = "wijk", year: int | None = None,
                    only_flagged: bool = True) -> list[IndexFlag]:
    """The areas of ``level`` with their flags in ``year`` (default: the latest index year):
    behind the city, falling fast, and which dimensions are behind and which indicators fall
    fast. ``only_flagged`` leaves out the areas without any flag."""
    config = _config()
    margin = config.get("flags", {}).get("dimension_behind_margin", 10.0)
    fall = config.get("flags", {}).get("fall_per_year", 3.0)
    qs = IndexValue.objects.filter(area__layout__municipality__code=municipality_code)
    if year is None:
        year = qs.filter(value__isnull=False).order_by("-year").values_list("year", flat=True).first()
        if year is None:
            return []
    city = qs.filter(area__code=municipality_code, year=year).first()
    history: dict[str, list[IndexValue]] = {}
    for value in qs.filter(area__level=level, year__lte=year).select_related("area").order_by("year"):
        history.setdefault(value.area.code, []).append(value)
    out = []
    for value in qs.filter(area__level=level, year=year).select_related("area").order_by("area__code"):
        dims_behind = [d for d, s in value.dimensions.items()
                       if s is not None and city and city.dimensions.get(d) is not None and s < city.dimensions[d] - margin]
        falling_indicators = _indicator_falls(history.get(value.area.code, []), fall)
        flag = IndexFlag(value.area, year, value.value, city.value if city else None, value.behind, value.falling,
                         value.change_per_year, dims_behind, falling_indicators)
        if not only_flagged or flag.behind or flag.falling or dims_behind or falling_indicators:
            out.append(flag)
    return out


def indicator_names(*, codes: list[str]) -> dict[str, str]:
    return {i.code: i.name for i in Indicator.objects.filter(code__in=codes)}


@dataclass(frozen=True)
class FigureGap:
    """An indicator ``area`` has no figure for in ``year`` although some of its children have one:
    not summed, because a sum of part of the buurten would be wrong (``with_figure`` of
    ``children``). ``publisher_year``: the most recent year up to ``year`` with the publisher's own
    figure for the area itself, which pages use instead (None when there is none)."""

    indicator_code: str
    indicator_name: str
    with_figure: int
    children: int
    publisher_year: int | None


def figure_gaps(*, area: Area, year: int, max_age: int = 3) -> list[FigureGap]:
    """Per area and year, the figures that could not be summed from incomplete children."""
    children = list(area.children.values_list("pk", flat=True))
    if not children:
        return []
    counts: dict[int, int] = {}
    for indicator_id in Observation.objects.filter(area_id__in=children, year=year, value__isnull=False).values_list(
            "indicator_id", flat=True):
        counts[indicator_id] = counts.get(indicator_id, 0) + 1
    own = set(Observation.objects.filter(area=area, year=year, value__isnull=False).values_list("indicator_id", flat=True))
    gaps = [pk for pk, n in counts.items() if pk not in own and n < len(children)]
    if not gaps:
        return []
    published: dict[int, int] = {}
    for indicator_id, obs_year in (Observation.objects.filter(
            area__code=area.code, area__layout__municipality=area.layout.municipality, indicator_id__in=gaps,
            origin="imported", value__isnull=False, year__lte=year, year__gte=year - max_age)
            .order_by("year").values_list("indicator_id", "year")):
        published[indicator_id] = obs_year
    indicators = {i.pk: i for i in Indicator.objects.filter(pk__in=gaps)}
    return sorted((FigureGap(indicators[pk].code, indicators[pk].name, counts[pk], len(children), published.get(pk))
                   for pk in gaps), key=lambda g: g.indicator_code)
