"""Does the aggregate of the buurten reproduce what CBS publishes for the wijk, and the wijken
what it publishes for the gemeente? CBS rounds wijk and buurt counts (randomly) to multiples of 5
and publishes exact gemeente totals, so a match "within rounding" is what to expect."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import numpy as np

from wijksturing.areas.models import Area, Level
from wijksturing.core.aggregation import check_against_published
from wijksturing.core.index import spearman
from wijksturing.monitor.models import IndexDimension, IndexValue, Indicator, Observation, Origin


@dataclass(frozen=True)
class LevelCheck:
    step: str
    compared: int
    share_exact: float
    share_within: float


def aggregation_check(*, year: int, municipality_codes: list[str] | None = None) -> list[LevelCheck]:
    """Compare the sum of the children's published counts with the parent's published count, for
    every count indicator with published figures on both levels in ``year``."""
    counts = list(Indicator.objects.filter(aggregation="sum").values_list("pk", flat=True))
    observations = Observation.objects.filter(year=year, origin=Origin.IMPORTED, indicator_id__in=counts, value__isnull=False)
    areas = Area.objects.all()
    if municipality_codes:
        observations = observations.filter(area__layout__municipality__code__in=municipality_codes)
        areas = areas.filter(layout__municipality__code__in=municipality_codes)
    values = {(area, indicator): value for area, indicator, value in observations.values_list("area_id", "indicator_id", "value")}
    info = {pk: (level, parent) for pk, level, parent in areas.values_list("pk", "level", "parent_id")}
    gemeente_of = {pk: parent for pk, (level, parent) in info.items() if level == Level.GEBIED}
    results = []
    for step, child_level, parent_base in (("buurt → wijk", Level.BUURT, 5), ("wijk → gemeente", Level.WIJK, 1)):
        sums: dict[tuple[int, int], float] = defaultdict(float)
        children: dict[int, int] = defaultdict(int)
        complete: dict[tuple[int, int], bool] = defaultdict(lambda: True)
        for pk, (level, parent) in info.items():
            if level != child_level or parent is None:
                continue
            parent = gemeente_of.get(parent, parent)  # wijken in a gebied count towards the gemeente
            children[parent] += 1
            for indicator in counts:
                value = values.get((pk, indicator))
                if value is None:
                    complete[(parent, indicator)] = False
                else:
                    sums[(parent, indicator)] += value
        keys = [k for k in sums if complete[k] and k in values]
        if not keys:
            results.append(LevelCheck(step, 0, float("nan"), float("nan")))
            continue
        result = check_against_published(
            np.array([sums[k] for k in keys]), np.array([values[k] for k in keys]),
            np.array([children[k[0]] for k in keys]), parent_base=parent_base, method="random", integer_counts=True)
        results.append(LevelCheck(step, result.n_compared, result.share_exact, result.share_within))
    return results


# --- validation of the liveability index -------------------------------------------------------

# The figures the index and its dimensions are checked against: crime and income (the "plain
# sense" checks of docs/monitor.md). Crime and the lowest-40% share are also inside the index
# (safety, livelihood): their correlation with their own dimension is by construction.
CHECK_FIGURES = ["g_misd_1000", "p_ink_li", "g_ink_pi", "g_woz"]


@dataclass(frozen=True)
class IndexCheck:
    """Spearman rank correlations between the dimensions, the index and outside figures, over
    the areas of one level in one year. ``rho[(a, b)] = (rho, n)``; ``names`` in column order."""

    municipality_code: str
    level: str
    year: int
    names: list[str]
    rho: dict
    coverage: dict  # dimension or "index" -> number of areas with a value
    areas: int

    def table(self) -> list[list[str]]:
        """Rows of the correlation table (first row the header), rho to two decimals."""
        rows = [[""] + self.names]
        for a in self.names:
            row = [a]
            for b in self.names:
                r, n = self.rho.get((a, b), (float("nan"), 0))
                row.append("–" if a == b or np.isnan(r) else f"{r:+.2f}")
            rows.append(row)
        return rows


def index_check(*, municipality_code: str, year: int, level: str = Level.WIJK, max_age: int = 3) -> IndexCheck:
    """How each dimension of the index correlates (Spearman) with the other dimensions, with the
    index, and with the crime and income figures of the areas (the most recent figure up to
    ``max_age`` years before ``year``), over the areas of ``level``."""
    values = list(IndexValue.objects.filter(area__layout__municipality__code=municipality_code, area__level=level,
                                            year=year).select_related("area").order_by("area__code"))
    codes = [v.area.code for v in values]
    dims = list(IndexDimension.objects.order_by("order").values_list("code", flat=True))
    columns: dict[str, np.ndarray] = {}
    for d in dims:
        columns[d] = np.array([np.nan if v.dimensions.get(d) is None else v.dimensions[d] for v in values], dtype=float)
    columns["index"] = np.array([np.nan if v.value is None else v.value for v in values], dtype=float)
    figures = (Observation.objects.filter(area__layout__municipality__code=municipality_code, area__code__in=codes,
                                          indicator__code__in=CHECK_FIGURES, year__lte=year, year__gte=year - max_age,
                                          value__isnull=False, suppressed=False)
               .order_by("year").values_list("area__code", "indicator__code", "value"))
    latest = {(code, indicator): value for code, indicator, value in figures}
    for indicator in CHECK_FIGURES:
        columns[indicator] = np.array([latest.get((code, indicator), np.nan) for code in codes], dtype=float)
    names = list(columns)
    rho = {(a, b): spearman(columns[a], columns[b]) for a in names for b in names}
    coverage = {name: int((~np.isnan(columns[name])).sum()) for name in names}
    return IndexCheck(municipality_code, level, year, names, rho, coverage, len(values))
