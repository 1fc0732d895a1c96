"""Does the aggregate of the buurten reproduce what CBS publishes for the wijk, and the wijken
what it publishes for the gemeente? CBS rounds wijk and buurt counts (randomly) to multiples of 5
and publishes exact gemeente totals, so a match "within rounding" is what to expect."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import numpy as np

from wijksturing.areas.models import Area, Level
from wijksturing.core.aggregation import check_against_published
from wijksturing.monitor.models import Indicator, Observation, Origin


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
