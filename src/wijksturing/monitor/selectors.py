"""Reads of the monitor. ``public=True`` leaves out unpublished indicators and hides suppressed
values (small numbers) as None with ``suppressed`` set, so that public pages, exports and the API
never reveal them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.core.cache import cache
from django.db.models import Max, QuerySet

from wijksturing.areas.models import Area, Layout, Level
from wijksturing.monitor.models import (
    AreaProfile,
    ImportRun,
    ImportStatus,
    IndexDimension,
    IndexValue,
    Indicator,
    Observation,
    SimilarArea,
)


@dataclass(frozen=True)
class Figure:
    """One published number. ``year`` is the year it describes and ``reference`` the day it
    describes when it is a count on one day (1 January for CBS stocks), None when it covers the
    whole year; ``source`` names the publisher (and how wijksturing derived it). ``source_date``
    is the day of the import, which says nothing about the figure and is not shown on pages.
    ``coverage`` is set on a figure computed here from smaller areas: (areas with a figure, areas, their level)."""

    value: float | None
    year: int
    suppressed: bool
    origin: str
    source: str
    source_date: object
    reference: dt.date | None = None
    coverage: tuple[int, int, str] | None = None


# Themes whose figures CBS counts on 1 January of their year (inhabitants, households, dwellings);
# every other figure (income, benefits, crime, distances, signals) covers its whole year.
STOCK_THEMES = {"bevolking", "wonen"}
# Figures of those themes that are not a count on one day (a value averaged over the year).
FLOW_INDICATORS = {"g_woz"}


def figure_reference(*, indicator_code: str, theme: str, year: int) -> dt.date | None:
    """The day a figure of ``year`` describes (1 January for stocks), or None for a whole year."""
    if theme in STOCK_THEMES and indicator_code not in FLOW_INDICATORS:
        return dt.date(year, 1, 1)
    return None


def _figure(obs: Observation, public: bool) -> Figure:
    hidden = public and obs.suppressed
    indicator = obs.indicator
    return Figure(None if hidden else obs.value, obs.year, obs.suppressed, obs.origin, obs.source, obs.source_date,
                  figure_reference(indicator_code=indicator.code, theme=indicator.theme, year=obs.year))


RECENT_YEARS = 3  # how old a figure may be to stand for a year on pages and in reports


def data_version() -> int:
    """Changes whenever an import or recomputation finished: a cache key for pages."""
    return ImportRun.objects.filter(status=ImportStatus.SUCCEEDED).aggregate(m=Max("id"))["m"] or 0


def indicator_list(*, include_context: bool = True, theme: str | None = None, public: bool = False) -> QuerySet[Indicator]:
    qs = Indicator.objects.select_related("numerator", "denominator")
    if public:
        qs = qs.filter(published=True)
    if not include_context:
        qs = qs.filter(context=False)
    if theme:
        qs = qs.filter(theme=theme)
    return qs


def indicator_get(*, code: str) -> Indicator:
    return Indicator.objects.get(code=code)


def indicators_with_data(*, municipality_code: str) -> QuerySet[Indicator]:
    return Indicator.objects.filter(observations__area__layout__municipality__code=municipality_code).distinct()


def years_available(*, municipality_code: str, indicator_code: str | None = None) -> list[int]:
    qs = Observation.objects.filter(area__layout__municipality__code=municipality_code)
    if indicator_code:
        qs = qs.filter(indicator__code=indicator_code)
    # distinct in the database: a municipality has a figure per area, indicator and year
    return list(qs.values_list("year", flat=True).distinct().order_by("year"))


def observation_value(*, area: Area, indicator_code: str, year: int | None = None, public: bool = True) -> Figure | None:
    """The figure of the area (matched by code across layouts) for ``year`` (default: latest)."""
    qs = Observation.objects.filter(area__code=area.code, area__layout__municipality=area.layout.municipality,
                                    indicator__code=indicator_code)
    if year is not None:
        qs = qs.filter(year=year)
    if public:
        qs = qs.filter(indicator__published=True)
    obs = qs.select_related("indicator").order_by("-year", "-area__layout__year").first()
    return _figure(obs, public) if obs else None


def observation_series(*, area: Area, indicator_code: str, public: bool = True) -> list[tuple[int, float | None]]:
    """[(year, value)] ascending for the area's code in every layout (codes that exist in one
    layout only have no trend)."""
    qs = (Observation.objects.filter(area__code=area.code, area__layout__municipality=area.layout.municipality,
                                     indicator__code=indicator_code).order_by("year", "area__layout__year"))
    if public:
        qs = qs.filter(indicator__published=True)
    series: dict[int, float | None] = {}
    for obs in qs:
        series[obs.year] = None if (public and obs.suppressed) else obs.value
    return sorted(series.items())


def observation_series_many(*, area: Area, indicator_codes: list[str], public: bool = True
                            ) -> dict[str, list[tuple[int, float | None]]]:
    """:func:`observation_series` of several indicators in one query: ``{indicator code: [(year,
    value)] ascending}`` (an area page asks a dozen)."""
    qs = (Observation.objects.filter(area__code=area.code, area__layout__municipality=area.layout.municipality,
                                     indicator__code__in=list(indicator_codes)).order_by("year", "area__layout__year"))
    if public:
        qs = qs.filter(indicator__published=True)
    series: dict[str, dict[int, float | None]] = {code: {} for code in indicator_codes}
    for code, year, value, suppressed in qs.values_list("indicator__code", "year", "value", "suppressed"):
        series[code][year] = None if (public and suppressed) else value
    return {code: sorted(points.items()) for code, points in series.items()}


def observation_table(*, areas, indicator_codes: list[str], year: int, public: bool = True,
                      max_age: int = 0) -> dict[tuple[str, str], Figure]:
    """{(area code, indicator code): Figure} for the areas' codes in ``year`` (any layout). With
    ``max_age`` the most recent figure of the ``max_age`` years before counts where ``year`` has
    none (sources publish at different moments); ``Figure.year`` says which year it is."""
    areas = list(areas)
    codes = [a.code for a in areas]
    municipalities = {a.layout.municipality_id for a in areas}
    qs = (Observation.objects.filter(area__code__in=codes, area__layout__municipality_id__in=municipalities,
                                     indicator__code__in=indicator_codes, year__lte=year, year__gte=year - max_age)
          .exclude(value__isnull=True)
          .select_related("indicator", "area").order_by("year", "area__layout__year"))
    if public:
        qs = qs.filter(indicator__published=True)
    return {(obs.area.code, obs.indicator.code): _figure(obs, public) for obs in qs}


def index_dimensions() -> QuerySet[IndexDimension]:
    return IndexDimension.objects.prefetch_related("components__indicator")


def index_value(*, area: Area, year: int | None = None) -> IndexValue | None:
    qs = IndexValue.objects.filter(area=area)
    if year is not None:
        qs = qs.filter(year=year)
    return qs.order_by("-year").first()


def index_series(*, area: Area) -> list[tuple[int, float | None]]:
    """[(year, index)] of the area's code in every division (the index of a year belongs to the
    areas of the division in force that year, e.g. 2022 to those of 2021)."""
    return list(IndexValue.objects.filter(area__code=area.code, area__layout__municipality=area.layout.municipality)
                .order_by("year").values_list("year", "value"))


def index_table(*, municipality_code: str, level: str, year: int) -> QuerySet[IndexValue]:
    return (IndexValue.objects.filter(area__layout__municipality__code=municipality_code, area__level=level, year=year)
            .select_related("area", "area__layout").order_by("area__code"))


def index_flagged(*, area: Area, year: int | None = None) -> QuerySet[IndexValue]:
    """Index values below ``area`` that fall behind the city or fall fast."""
    qs = IndexValue.objects.filter(area__layout=area.layout).filter(behind=True) | IndexValue.objects.filter(
        area__layout=area.layout, falling=True)
    if year is not None:
        qs = qs.filter(year=year)
    return qs.select_related("area").order_by("area__code", "year")


def similar_areas(*, area: Area) -> list[tuple[Area, float]]:
    rows = SimilarArea.objects.filter(area__code=area.code).select_related("other", "other__layout__municipality")
    return [(s.other, s.distance) for s in rows]


def area_profile(*, area: Area) -> list[tuple[Indicator, float]]:
    profile = AreaProfile.objects.filter(area__code=area.code).first()
    if not profile:
        return []
    indicators = {i.code: i for i in Indicator.objects.filter(code__in=[c for c, _ in profile.features])}
    return [(indicators[c], z) for c, z in profile.features if c in indicators]


def source_name(source: str) -> str:
    """The file name of an import source without the server's folders (an address stays whole)."""
    source = source or ""
    if "://" in source:
        return source
    return source.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1]


def _for_municipalities(runs, municipality_codes) -> list[ImportRun]:
    if municipality_codes is None:
        return list(runs)
    codes = set(municipality_codes)
    # the municipalities are a JSON list: filtered in Python, the same on SQLite and PostgreSQL;
    # an empty list is a national import (CBS, PDOK) that concerns every municipality
    return [run for run in runs if not run.municipalities or set(run.municipalities) & codes]


def import_runs(*, limit: int = 50, municipality_codes=None) -> list[ImportRun]:
    """The latest runs; with ``municipality_codes`` only runs that touched one of them."""
    if municipality_codes is None:
        return list(ImportRun.objects.all()[:limit])
    return _for_municipalities(ImportRun.objects.all()[: limit * 20], municipality_codes)[:limit]


def import_run_get(*, pk: int, municipality_codes=None) -> ImportRun:
    run = ImportRun.objects.get(pk=pk)
    if not _for_municipalities([run], municipality_codes):
        raise ImportRun.DoesNotExist
    return run


def import_run_progress(*, run: ImportRun) -> float:
    if run.status != ImportStatus.RUNNING:
        return 1.0
    return cache.get(f"importrun:{run.pk}:progress", run.progress)


def latest_values(*, indicator_code: str, area_ids: list[int], year: int) -> dict[int, float]:
    """{area id: value} of the most recent figure up to ``year`` per area."""
    rows = (Observation.objects.filter(indicator__code=indicator_code, area_id__in=area_ids, year__lte=year, value__isnull=False)
            .order_by("area_id", "year").values_list("area_id", "value"))
    return dict(rows)  # ordered by year: the latest wins


def indicator_exists(*, code: str) -> bool:
    return Indicator.objects.filter(code=code).exists()


# --- the default year, the city's figure of a given year, the index by its parts ------------------

BASE_INDICATOR = "a_inw"  # counted for every wijk in every full CBS year
COMPLETE_SHARE = 0.9  # a year is complete when this share of the wijken has its base figure
MIN_DIMENSIONS = 3  # an index on fewer dimensions is shown as its dimensions, not as one number


def year_default(*, municipality_code: str) -> int | None:
    """The year every page, report and export shows when none is asked for: the latest year with
    a complete picture — the number of inhabitants known for at least 90 % of the municipality's
    wijken and, where the municipality has an index at all, an index for most wijken. A year with
    only city-wide figures, a few figures of an analyst's own file or only signal counts is not
    complete. Falls back to the latest year with any wijk figure, then to the latest year."""
    every = years_available(municipality_code=municipality_code)
    if not every:
        return None
    wijk_codes = set(Area.objects.filter(layout__municipality__code=municipality_code, level=Level.WIJK)
                     .values_list("code", flat=True))
    layouts = {}
    for year, code in Area.objects.filter(layout__municipality__code=municipality_code, level=Level.WIJK).values_list(
            "layout__year", "code"):
        layouts.setdefault(year, set()).add(code)
    counted: dict[int, set[str]] = {}
    for year, code in (Observation.objects.filter(area__layout__municipality__code=municipality_code,
                                                  area__level=Level.WIJK, indicator__code=BASE_INDICATOR,
                                                  value__isnull=False).values_list("year", "area__code")):
        counted.setdefault(year, set()).add(code)
    indexed: dict[int, int] = {}
    for year, _code in (IndexValue.objects.filter(area__layout__municipality__code=municipality_code,
                                                  area__level=Level.WIJK, value__isnull=False)
                        .values_list("year", "area__code")):
        indexed[year] = indexed.get(year, 0) + 1

    def wijken_of(year: int) -> set[str]:
        candidates = [y for y in layouts if y <= year] or sorted(layouts)[:1]
        return layouts[max(candidates)] if candidates else wijk_codes

    for year in reversed(every):
        wijken = wijken_of(year)
        if not wijken:
            continue
        enough = len(counted.get(year, set()) & wijken) >= COMPLETE_SHARE * len(wijken)
        index_ok = not indexed or indexed.get(year, 0) >= len(wijken) / 2
        if enough and index_ok:
            return year
    partial = [y for y in every if counted.get(y)]
    return partial[-1] if partial else every[-1]


def _weights(indicator: Indicator, codes: list[str], municipality_code: str, year: int) -> dict[str, float]:
    """{area code: weight} of a ratio or weighted mean: its denominator indicator in ``year``
    (else the next year's: populations are counted on 1 January)."""
    if indicator.denominator_id is None:
        return {}
    out: dict[str, float] = {}
    rows = (Observation.objects.filter(area__layout__municipality__code=municipality_code, area__code__in=codes,
                                       indicator_id=indicator.denominator_id, year__in=[year, year + 1],
                                       value__isnull=False)
            .order_by("-year").values_list("area__code", "value"))
    for code, value in rows:  # this year's value is read last and wins
        out[code] = value
    return out


def city_figure(*, gemeente: Area, indicator_code: str, year: int, public: bool = True) -> Figure | None:
    """The municipality's figure of exactly ``year``: the stored one, else computed from the
    smallest areas (buurten, wijken or gebieden of that year's layout) that have a figure of
    that year — summed numerators over summed denominators for ratios and weighted means, so
    never a mean of percentages; a count only when every area has it. The computed figure says
    from how many of the areas it is (``coverage``); it is given when at least two thirds have
    a figure, else None."""
    stored = observation_value(area=gemeente, indicator_code=indicator_code, year=year, public=public)
    if stored is not None and stored.value is not None:
        return stored
    indicator = Indicator.objects.filter(code=indicator_code).first()
    if indicator is None or indicator.aggregation == "none" or (public and not indicator.published):
        return stored
    municipality_code = gemeente.layout.municipality.code
    layouts = list(Layout.objects.filter(municipality__code=municipality_code).values_list("year", flat=True))
    if not layouts:
        return stored
    layout_year = max([y for y in layouts if y <= year] or [min(layouts)])
    best = None
    for level in (Level.BUURT, Level.WIJK, Level.GEBIED):
        codes = list(Area.objects.filter(layout__municipality__code=municipality_code, layout__year=layout_year,
                                         level=level).values_list("code", flat=True))
        if not codes:
            continue
        rows = list(Observation.objects.filter(area__layout__municipality__code=municipality_code, area__code__in=codes,
                                               area__level=level, indicator=indicator, year=year, value__isnull=False)
                    .order_by("area__layout__year").values_list("area__code", "value", "denominator", "source"))
        values = {code: (value, denominator, source) for code, value, denominator, source in rows}
        if not values or (best is not None and len(values) / len(codes) <= best[0]):
            continue
        if indicator.aggregation == "sum":
            if len(values) < len(codes):
                continue
            total = sum(v for v, _d, _s in values.values())
        else:
            weights = _weights(indicator, list(values), municipality_code, year)
            pairs = [(v, d if d else weights.get(code)) for code, (v, d, _s) in values.items()]
            pairs = [(v, w) for v, w in pairs if w]
            if not pairs or sum(w for _v, w in pairs) <= 0:
                continue
            total = sum(v * w for v, w in pairs) / sum(w for _v, w in pairs)
            values = {code: item for code, item in values.items() if (item[1] or weights.get(code))}
        if len(values) < 2 * len(codes) / 3:
            continue
        source = next(iter(values.values()))[2] or indicator.source
        for suffix in (" (opgeteld uit kleinere gebieden)", " (afgeleid door wijksturing)"):
            source = source.removesuffix(suffix)
        source += " (opgeteld uit kleinere gebieden)"
        best = (len(values) / len(codes), total, (len(values), len(codes), str(level)), source)
    if best is None:
        return stored
    _share, total, coverage, source = best
    return Figure(round(total, 6), year, False, "aggregated", source, None,
                  figure_reference(indicator_code=indicator.code, theme=indicator.theme, year=year), coverage)


def index_scored_dimensions(*, value: IndexValue | None) -> int:
    """How many dimensions of ``value`` have a score."""
    if value is None:
        return 0
    return sum(1 for v in (value.dimensions or {}).values() if v is not None)


def index_is_published(*, value: IndexValue | None) -> bool:
    """An index is one number only when it rests on at least three dimensions."""
    return value is not None and value.value is not None and index_scored_dimensions(value=value) >= MIN_DIMENSIONS


def index_history(*, area: Area) -> list[IndexValue]:
    """Every index value of the area's code (any layout of its municipality), oldest first."""
    rows = (IndexValue.objects.filter(area__code=area.code, area__layout__municipality=area.layout.municipality)
            .order_by("year", "area__layout__year"))
    by_year = {row.year: row for row in rows}
    return [by_year[y] for y in sorted(by_year)]
