"""The liveability index (see catalogue/index.yaml) and similar wijken (catalogue/similarity.yaml),
computed with :mod:`wijksturing.core.index`, :mod:`~wijksturing.core.trends` and
:mod:`~wijksturing.core.similarity` from the observations in the database."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import numpy as np

from wijksturing.areas.models import Area, Layout, Level
from wijksturing.core import index as core_index
from wijksturing.core import similarity, trends
from wijksturing.monitor.catalogue import CATALOGUE_DIR, index_data
from wijksturing.monitor.models import AreaProfile, IndexComponent, IndexValue, Observation, SimilarArea

LEVELS = [Level.BUURT, Level.WIJK, Level.GEBIED, Level.GEMEENTE]
SPREAD_LEVEL = {Level.BUURT: Level.BUURT, Level.WIJK: Level.WIJK, Level.GEBIED: Level.WIJK, Level.GEMEENTE: Level.WIJK}


def _latest_values(series: dict, codes: list[str], indicators: list[str], year: int, max_age: int):
    """Matrix (areas × indicators) of each area's most recent public figure in
    [year − max_age, year], and the year each figure is of."""
    values = np.full((len(codes), len(indicators)), np.nan)
    years = np.zeros((len(codes), len(indicators)), dtype=int)
    for i, code in enumerate(codes):
        for j, indicator in enumerate(indicators):
            for obs_year, value in series.get((code, indicator), ()):
                if year - max_age <= obs_year <= year:
                    values[i, j], years[i, j] = value, obs_year
    return values, years


def _series(municipality_code: str, indicator_codes: list[str]) -> dict:
    """(area code, indicator) -> [(year, value)] ascending, public values only, all layouts."""
    out: dict = defaultdict(list)
    rows = (Observation.objects.filter(area__layout__municipality__code=municipality_code,
                                       indicator__code__in=indicator_codes, suppressed=False, value__isnull=False)
            .order_by("year").values_list("area__code", "indicator__code", "year", "value"))
    for code, indicator, year, value in rows:
        out[(code, indicator)].append((year, value))
    return out


@dataclass(frozen=True)
class IndexSetup:
    """The index definition (catalogue/index.yaml and its rows), read once per recomputation."""

    config: dict
    spec: core_index.IndexSpec | None

    @classmethod
    def load(cls) -> IndexSetup:
        components = list(IndexComponent.objects.select_related("indicator", "dimension").order_by("dimension__order", "pk"))
        spec = core_index.IndexSpec.from_records(
            [(c.indicator.code, c.dimension.code, 1 if c.indicator.direction == "higher_better" else -1, c.weight) for c in components],
            {c.dimension.code: c.dimension.weight for c in components},
        ) if components else None
        return cls(index_data(), spec)


def index_recompute(*, municipality_code: str, setup: IndexSetup | None = None) -> int:
    setup = setup or IndexSetup.load()
    config, spec = setup.config, setup.spec
    IndexValue.objects.filter(area__layout__municipality__code=municipality_code).delete()
    if spec is None:
        return 0
    codes = list(spec.indicator_codes)
    series = _series(municipality_code, codes)
    # an index year is a year with new figures below the municipal level, plus the base year
    years = sorted({y for (code, _), points in series.items() if code != municipality_code for y, _ in points})
    if not years:
        return 0
    base_year, max_age = config.get("base_year", years[-1]), config.get("max_age", 3)
    years = sorted(set(years) | {base_year})
    layouts = {layout.year: layout for layout in Layout.objects.filter(municipality__code=municipality_code)}

    def areas_at(year: int) -> dict[str, list[Area]]:
        candidates = [y for y in layouts if y <= year] or [min(layouts)]
        layout = layouts[max(candidates)]
        by_level: dict[str, list[Area]] = defaultdict(list)
        for area in Area.objects.filter(layout=layout).order_by("code"):
            by_level[area.level].append(area)
        return by_level

    base_areas = areas_at(base_year)
    gemeente_code = municipality_code
    city_base, _ = _latest_values(series, [gemeente_code], codes, base_year, max_age)
    reference = {}
    for level in LEVELS:
        spread_areas = base_areas.get(SPREAD_LEVEL[level], [])
        base_values, _ = _latest_values(series, [a.code for a in spread_areas], codes, base_year, max_age)
        reference[level] = core_index.reference(base_values, city_base[0])
    created = []
    for year in years:
        for level, areas in areas_at(year).items():
            values, used_years = _latest_values(series, [a.code for a in areas], codes, year, max_age)
            result = core_index.compute_index(values, *reference[level], spec)
            for i, area in enumerate(areas):
                used = [[codes[j], int(used_years[i, j])] for j in range(len(codes)) if result.used[i, j]]
                created.append(IndexValue(
                    area=area, year=year, base_year=base_year,
                    value=None if np.isnan(result.index[i]) else round(float(result.index[i]), 2),
                    dimensions={d: (None if np.isnan(result.dimensions[i, k]) else round(float(result.dimensions[i, k]), 2))
                                for k, d in enumerate(spec.dimension_codes)},
                    used=used, missing=[codes[j] for j in range(len(codes)) if not result.used[i, j]]))
    _trends_and_flags(created, config.get("flags", {}), gemeente_code)
    IndexValue.objects.bulk_create(created, batch_size=5000)
    return len(created)


def _comparable_change(cur: IndexValue, prev: IndexValue) -> float:
    """Change of the index between two years over the dimensions scored in both years only, so
    that a dimension that enters or leaves (a source published once) is not read as a trend."""
    common = [d for d, v in cur.dimensions.items() if v is not None and prev.dimensions.get(d) is not None]
    if not common:
        return np.nan
    return float(np.mean([cur.dimensions[d] - prev.dimensions[d] for d in common]))


def _trends_and_flags(values: list[IndexValue], flag_config: dict, gemeente_code: str) -> None:
    by_code: dict[str, list[IndexValue]] = defaultdict(list)
    for item in values:
        if item.value is not None:
            by_code[item.area.code].append(item)
    city = {item.year: item.value for item in by_code.get(gemeente_code, [])}
    for items in by_code.values():
        items.sort(key=lambda v: v.year)
        for k, item in enumerate(items):
            prev = items[k - 1] if k else None
            gap = (item.year - prev.year) if prev else 0
            change = _comparable_change(item, prev) / gap if prev and gap else np.nan
            behind, falling = trends.flags(item.value, city.get(item.year, np.nan), 0.0, 1.0, **flag_config)
            item.behind = bool(behind)
            item.falling = bool(not np.isnan(change) and -change > flag_config.get("fall_per_year", 3.0))
            item.change_per_year = None if np.isnan(change) else round(change, 2)


def similarity_recompute() -> int:
    import yaml

    config = yaml.safe_load((CATALOGUE_DIR / "similarity.yaml").read_text(encoding="utf-8"))
    codes = config["indicators"]
    latest = {}
    for layout in Layout.objects.order_by("municipality_id", "year"):
        if Area.objects.filter(layout=layout, level=Level.WIJK).exists():
            latest[layout.municipality_id] = layout
    wijken = list(Area.objects.filter(layout__in=latest.values(), level=Level.WIJK).select_related("layout").order_by("code"))
    SimilarArea.objects.all().delete()
    AreaProfile.objects.all().delete()
    if len(wijken) < 2:
        return 0
    position = {w.code: i for i, w in enumerate(wijken)}
    matrix = np.full((len(wijken), len(codes)), np.nan)
    data_year = 0
    rows = (Observation.objects.filter(area__level=Level.WIJK, area__code__in=position, indicator__code__in=codes,
                                       suppressed=False, value__isnull=False)
            .order_by("year").values_list("area__code", "indicator__code", "year", "value"))
    for code, indicator, year, value in rows:
        matrix[position[code], codes.index(indicator)] = value
        data_year = max(data_year, year)
    z = similarity.standardise_columns(matrix)
    neighbours, distances = similarity.most_similar(z, k_nearest=config["neighbours"], min_common=config["min_common"], standardise=False)
    pairs, profiles = [], []
    for i, wijk in enumerate(wijken):
        for rank, (j, distance) in enumerate(zip(neighbours[i], distances[i]), start=1):
            if j >= 0:
                pairs.append(SimilarArea(area=wijk, other=wijken[j], rank=rank, distance=round(float(distance), 4), year=data_year))
        features = similarity.distinctive_features(z, i, top=3)
        profiles.append(AreaProfile(area=wijk, year=data_year, features=[[codes[c], round(float(s), 2)] for c, s in features]))
    SimilarArea.objects.bulk_create(pairs, batch_size=5000)
    AreaProfile.objects.bulk_create(profiles, batch_size=5000)
    return len(pairs)
