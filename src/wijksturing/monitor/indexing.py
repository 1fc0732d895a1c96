"""The liveability index (see catalogue/index.yaml) and similar wijken (catalogue/similarity.yaml),
computed with :mod:`wijksturing.core.index`, :mod:`~wijksturing.core.trends` and
:mod:`~wijksturing.core.similarity` from the observations in the database."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

import numpy as np
import yaml

from wijksturing.areas.models import Area, Layout, Level
from wijksturing.core import index as core_index
from wijksturing.core import similarity, trends
from wijksturing.monitor.bulk import objects_insert
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
    log_codes: frozenset = frozenset()

    @classmethod
    def load(cls) -> IndexSetup:
        config = index_data()
        components = list(IndexComponent.objects.select_related("indicator", "dimension").order_by("dimension__order", "pk"))
        spec = core_index.IndexSpec.from_records(
            [
                (c.indicator.code, c.dimension.code, 1 if c.indicator.direction == "higher_better" else -1, c.weight)
                for c in components
            ],
            {c.dimension.code: c.dimension.weight for c in components},
            min_dimensions=config.get("min_dimensions", 1), clip=config.get("clip"),
        ) if components else None
        log_codes = frozenset(c["code"] for d in config.get("dimensions", []) for c in d.get("indicators", [])
                              if c.get("transform") == "log")
        return cls(config, spec, log_codes)


def _transform(values: np.ndarray, log_cols: list[int]) -> np.ndarray:
    out = np.array(values, dtype=float)
    if log_cols:
        block = out[:, log_cols]
        with np.errstate(divide="ignore", invalid="ignore"):
            out[:, log_cols] = np.where(block > 0, np.log(block), np.nan)
    return out


def reference_city_values(series: dict, city_code: str, codes: list[str], base_values: np.ndarray,
                          base_years: np.ndarray, base_year: int, max_age: int) -> tuple[np.ndarray, list[int | None]]:
    """Per indicator the city's figure of the **same year** as most of the areas' figures that
    stand for the base year (the year rule: a yardstick from another vintage, such as a 2025
    gemeente WOZ value against 2022 wijk values, would shift every area). Where the city has no
    figure of that year (its sum from the buurten would be incomplete), the mean of the areas'
    figures stands in; without those either, the city's latest figure up to the base year."""
    city = np.full(len(codes), np.nan)
    years: list[int | None] = []
    for j, indicator in enumerate(codes):
        present = ~np.isnan(base_values[:, j])
        points = dict(series.get((city_code, indicator), ()))
        year = None
        if present.any():
            counts = Counter(int(y) for y in base_years[present, j])
            year = max(counts, key=lambda y: (counts[y], y))
        if year is not None and year in points:
            city[j] = points[year]
        elif year is not None:
            same_year = present & (base_years[:, j] == year)
            city[j] = float(np.mean(base_values[same_year, j]))
        else:
            fallback = [(y, v) for y, v in points.items() if base_year - max_age <= y <= base_year]
            if fallback:
                year, city[j] = max(fallback)
        years.append(year)
    return city, years


def _city_values(series: dict, city_code: str, areas: dict, codes: list[str], year: int,
                 max_age: int) -> tuple[np.ndarray, np.ndarray]:
    """The city's figures for an index year, of the same vintage as its wijken's (the year rule of
    :func:`reference_city_values`): a 2024 gemeente WOZ value beside 2022 wijk values would score
    the city against itself on two different years."""
    wijken = [a.code for a in areas.get(SPREAD_LEVEL[Level.GEMEENTE], [])]
    wijk_values, wijk_years = _latest_values(series, wijken, codes, year, max_age)
    city, city_years = reference_city_values(series, city_code, codes, wijk_values, wijk_years, year, max_age)
    return city[None, :], np.array([[y or 0 for y in city_years]], dtype=int)


def index_recompute(*, municipality_code: str, setup: IndexSetup | None = None) -> int:
    setup = setup or IndexSetup.load()
    config, spec = setup.config, setup.spec
    IndexValue.objects.filter(area__layout__municipality__code=municipality_code).delete()
    if spec is None:
        return 0
    codes = list(spec.indicator_codes)
    log_cols = [j for j, code in enumerate(codes) if code in setup.log_codes]
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
    reference = {}
    for level in LEVELS:
        spread_areas = base_areas.get(SPREAD_LEVEL[level], [])
        base_values, base_years = _latest_values(series, [a.code for a in spread_areas], codes, base_year, max_age)
        city, _ = reference_city_values(series, gemeente_code, codes, base_values, base_years, base_year, max_age)
        if not spread_areas:  # no areas of that level in the base year (a former municipality): no yardstick
            reference[level] = (_transform(city[None, :], log_cols)[0], np.full(len(codes), np.nan))
            continue
        reference[level] = core_index.reference(_transform(base_values, log_cols), _transform(city[None, :], log_cols)[0])
    created = []
    for year in years:
        for level, areas in areas_at(year).items():
            values, used_years = _latest_values(series, [a.code for a in areas], codes, year, max_age)
            if level == Level.GEMEENTE:
                values, used_years = _city_values(series, gemeente_code, areas_at(year), codes, year, max_age)
            result = core_index.compute_index(_transform(values, log_cols), *reference[level], spec)
            for i, area in enumerate(areas):
                used = [[codes[j], int(used_years[i, j])] for j in range(len(codes)) if result.used[i, j]]
                created.append(IndexValue(
                    area=area, year=year, base_year=base_year,
                    value=None if np.isnan(result.index[i]) else round(float(result.index[i]), 2),
                    dimensions={d: (None if np.isnan(result.dimensions[i, k]) else round(float(result.dimensions[i, k]), 2))
                                for k, d in enumerate(spec.dimension_codes)},
                    used=used, missing=[codes[j] for j in range(len(codes)) if not result.used[i, j]],
                    scores={codes[j]: round(float(result.scores[i, j]), 2) for j in range(len(codes)) if result.used[i, j]}))
    _trends_and_flags(created, config.get("flags", {}), gemeente_code, spec)
    objects_insert(created)
    return len(created)


def _score_vector(item: IndexValue, codes: tuple[str, ...]) -> np.ndarray:
    return np.array([item.scores.get(code, np.nan) for code in codes], dtype=float)


def _trends_and_flags(values: list[IndexValue], flag_config: dict, gemeente_code: str,
                      spec: core_index.IndexSpec) -> None:
    """Per area: the change per year since the previous published index, measured on the
    indicators scored in both years only (:func:`core.index.comparable_change`); "falling" when
    that change is below ``-fall_per_year``; "behind" when the index is more than
    ``behind_margin`` below the city's that year."""
    by_code: dict[str, list[IndexValue]] = defaultdict(list)
    for item in values:
        if item.value is not None:
            by_code[item.area.code].append(item)
    city = {item.year: item.value for item in by_code.get(gemeente_code, [])}
    fall = flag_config.get("fall_per_year", 3.0)
    for items in by_code.values():
        items.sort(key=lambda v: v.year)
        for k, item in enumerate(items):
            prev = items[k - 1] if k else None
            change = np.nan
            if prev is not None and item.year > prev.year:
                delta, common = core_index.comparable_change(_score_vector(prev, spec.indicator_codes),
                                                             _score_vector(item, spec.indicator_codes), spec)
                change = float(delta[0]) / (item.year - prev.year)
                item.compared = [code for code, c in zip(spec.indicator_codes, common[0]) if c]
            behind, _ = trends.flags(item.value, city.get(item.year, np.nan), 0.0, 1.0,
                                     **{k: v for k, v in flag_config.items() if k in ("behind_margin", "fall_per_year")})
            item.behind = bool(behind)
            item.falling = bool(not np.isnan(change) and -change > fall)
            item.change_per_year = None if np.isnan(change) else round(change, 2)


def similarity_recompute(*, municipality_codes: list[str] | None = None) -> int:
    """Similar wijken and wijk profiles. The neighbours are searched among the latest wijken of every
    municipality; with ``municipality_codes`` only those municipalities' wijken get their rows
    replaced (the others keep theirs), otherwise all rows are rebuilt."""
    config = yaml.safe_load((CATALOGUE_DIR / "similarity.yaml").read_text(encoding="utf-8"))
    codes = config["indicators"]
    latest = {}
    for layout in Layout.objects.order_by("municipality_id", "year"):
        if Area.objects.filter(layout=layout, level=Level.WIJK).exists():
            latest[layout.municipality_id] = layout
    wijken = list(
        Area.objects.filter(layout__in=latest.values(), level=Level.WIJK)
        .select_related("layout__municipality")
        .order_by("code")
    )
    if municipality_codes is None:
        SimilarArea.objects.all().delete()
        AreaProfile.objects.all().delete()
    else:
        SimilarArea.objects.filter(area__layout__municipality__code__in=municipality_codes).delete()
        AreaProfile.objects.filter(area__layout__municipality__code__in=municipality_codes).delete()
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
    neighbours, distances = similarity.most_similar(
        z, k_nearest=config["neighbours"], min_common=config["min_common"], standardise=False
    )
    pairs, profiles = [], []
    for i, wijk in enumerate(wijken):
        if municipality_codes is not None and wijk.layout.municipality.code not in municipality_codes:
            continue
        for rank, (j, distance) in enumerate(zip(neighbours[i], distances[i]), start=1):
            if j >= 0:
                pairs.append(SimilarArea(area=wijk, other=wijken[j], rank=rank, distance=round(float(distance), 4),
                                         year=data_year))
        features = similarity.distinctive_features(z, i, top=3)
        profiles.append(AreaProfile(area=wijk, year=data_year, features=[[codes[c], round(float(s), 2)] for c, s in features]))
    objects_insert(pairs)
    objects_insert(profiles)
    return len(pairs)
