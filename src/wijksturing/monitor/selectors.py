"""Reads of the monitor. ``public=True`` leaves out unpublished indicators and hides suppressed
values (small numbers) as None with ``suppressed`` set, so that public pages, exports and the API
never reveal them."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Max, QuerySet

from wijksturing.areas.models import Area
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
    value: float | None
    year: int
    suppressed: bool
    origin: str
    source: str
    source_date: object


def _figure(obs: Observation, public: bool) -> Figure:
    hidden = public and obs.suppressed
    return Figure(None if hidden else obs.value, obs.year, obs.suppressed, obs.origin, obs.source, obs.source_date)


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
    return sorted(set(qs.values_list("year", flat=True)))


def observation_value(*, area: Area, indicator_code: str, year: int | None = None, public: bool = True) -> Figure | None:
    """The figure of the area (matched by code across layouts) for ``year`` (default: latest)."""
    qs = Observation.objects.filter(area__code=area.code, area__layout__municipality=area.layout.municipality,
                                    indicator__code=indicator_code)
    if year is not None:
        qs = qs.filter(year=year)
    if public:
        qs = qs.filter(indicator__published=True)
    obs = qs.order_by("-year", "-area__layout__year").first()
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
    return list(IndexValue.objects.filter(area=area).order_by("year").values_list("year", "value"))


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
    return [(s.other, s.distance) for s in SimilarArea.objects.filter(area__code=area.code).select_related("other", "other__layout__municipality")]


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
    from django.core.cache import cache

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
