"""Every read of monitor figures by the public site and the reports goes through here: a thin
layer over ``monitor.selectors`` (public view: suppressed figures are None) that adds caching of
the small lookups and the bulk shapes the pages need."""

from __future__ import annotations

from collections.abc import Iterable

from django.core.cache import cache

from wijksturing.areas.models import Area
from wijksturing.monitor import index_selectors as index_reads
from wijksturing.monitor import selectors as monitor
from wijksturing.monitor.selectors import Figure
from wijksturing.web import pagecache

RECENT_YEARS = monitor.RECENT_YEARS  # how old a figure may be to stand for a year

__all__ = ["Figure", "data_version", "figures", "index_rows", "index_value", "series", "similar_areas", "years"]


def data_version() -> str:
    """Changes whenever figures are imported or recomputed: part of every cache key (read at
    most every couple of seconds, see ``pagecache``)."""
    return pagecache.data_version()


def indicator_list():
    return list(monitor.indicator_list())


def indicator_get(*, code: str):
    return monitor.indicator_get(code=code)


def years(*, municipality_code: str) -> list[int]:
    key = f"web:years:{data_version()}:{municipality_code}"
    found = cache.get(key)
    if found is None:
        found = monitor.years_available(municipality_code=municipality_code)
        cache.set(key, found, 3600)
    return found


def default_year(*, municipality_code: str) -> int | None:
    """The year shown when none is asked for: ``monitor.selectors.year_default`` (the latest year
    with a complete picture), cached until the figures change. Every page, report and export
    asks this one rule."""
    key = f"web:defyear:{data_version()}:{municipality_code}"
    found = cache.get(key)
    if found is None:
        found = monitor.year_default(municipality_code=municipality_code) or 0
        cache.set(key, found, 3600)
    return found or None


def city_figure(*, gemeente: Area, indicator_code: str, year: int) -> Figure | None:
    """The municipality's figure of exactly ``year`` (computed from smaller areas when the city
    has none stored), public view."""
    return monitor.city_figure(gemeente=gemeente, indicator_code=indicator_code, year=year)


def figures(*, areas: Iterable[Area], indicator_codes: Iterable[str], year: int) -> dict[tuple[str, str], Figure]:
    """``{(area code, indicator code): Figure}`` for one year, or the most recent figure of the few
    years before it (public view; ``Figure.year`` tells which)."""
    return monitor.observation_table(areas=list(areas), indicator_codes=list(indicator_codes), year=year,
                                     max_age=monitor.RECENT_YEARS)


def series(*, area: Area, indicator_codes: Iterable[str]) -> dict[str, list[tuple[int, float | None]]]:
    """``{indicator code: [(year, value), …]}`` matched by area code across layouts."""
    return monitor.observation_series_many(area=area, indicator_codes=list(indicator_codes))


def index_value(*, area: Area, year: int | None = None):
    return monitor.index_value(area=area, year=year)


def index_rows(*, areas: Iterable[Area], year: int | None) -> dict[str, object]:
    """``{area code: IndexValue}`` of one year for areas of one municipality and level."""
    areas = list(areas)
    if not areas or year is None:
        return {}
    wanted = {a.code for a in areas}
    out = {}
    for level in {a.level for a in areas}:
        rows = monitor.index_table(municipality_code=areas[0].layout.municipality.code, level=level, year=year)
        out.update({row.area.code: row for row in rows if row.area.code in wanted})
    return out


def index_values(*, areas: Iterable[Area], year: int | None) -> dict[str, float | None]:
    return {code: row.value for code, row in index_rows(areas=areas, year=year).items()}


def index_series(*, area: Area) -> list[tuple[int, float | None]]:
    return monitor.index_series(area=area)


def index_history(*, area: Area) -> list:
    return monitor.index_history(area=area)


def index_carriers(*, area: Area, year: int | None):
    """Which dimensions and indicators carried the area's index of ``year`` (None: no index)."""
    return index_reads.index_carriers(area=area, year=year) if year is not None else None


def index_is_published(*, value) -> bool:
    return monitor.index_is_published(value=value)


def index_flag_list(*, municipality_code: str, level: str, year: int | None) -> list:
    """The areas of ``level`` behind the city or falling fast in ``year``."""
    return index_reads.index_flag_list(municipality_code=municipality_code, level=level, year=year) if year else []


def index_dimension_names() -> dict[str, str]:
    return {d.code: d.name for d in monitor.index_dimensions()}


def similar_areas(*, area: Area) -> list[Area]:
    return [other for other, _distance in monitor.similar_areas(area=area)][:5]
