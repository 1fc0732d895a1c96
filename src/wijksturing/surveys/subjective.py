"""The subjective half of the liveability index, computed the way the objective index is
(:mod:`wijksturing.core.index`): per indicator a score ``100 + 10 · direction · (value −
reference) / spread``, averaged per dimension (:data:`.questions.DIMENSIONS`), the dimensions
averaged into the index. 100 is the municipality as a whole, 10 points one standard deviation
between areas.

The reference of an indicator is fixed in the first year it has figures (its base year): the
municipality's own estimate when the source gives one, else the mean of the areas; the spread
is the standard deviation across the areas of the most common level below the municipality.
Later years are scored against the same reference, so a change is a real change.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

import numpy as np

from wijksturing.core import index as core_index
from wijksturing.surveys.questions import DIMENSIONS, SurveyIndicator

Row = tuple[str, str, int, str, float]  # area code, level, year, indicator code, value


def subjective_index(rows: Iterable[Row], indicators: dict[str, SurveyIndicator]) -> dict[tuple[str, int], dict]:
    """{(area code, year): {"value": index or None, "dimensions": {dim: score or None}}}."""
    rows = [r for r in rows if r[3] in indicators and indicators[r[3]].dimension and r[4] is not None]
    if not rows:
        return {}
    codes = sorted({r[3] for r in rows})
    dims = [d for d in DIMENSIONS if any(indicators[c].dimension == d for c in codes)]
    spec = core_index.IndexSpec.from_records(
        [(c, indicators[c].dimension, 1 if indicators[c].direction == "higher_better" else -1, 1.0) for c in codes],
        dict.fromkeys(dims, 1.0))
    value: dict[tuple[str, int, str], float] = {(a, y, c): v for a, _lvl, y, c, v in rows}
    levels = {a: lvl for a, lvl, _y, _c, _v in rows}
    city = next((a for a, lvl in levels.items() if lvl == "gemeente"), None)
    spread_level = Counter(lvl for a, lvl in levels.items() if lvl != "gemeente").most_common(1)
    spread_areas = sorted(a for a, lvl in levels.items() if spread_level and lvl == spread_level[0][0])
    ref_mean, ref_sd = np.full(len(codes), np.nan), np.full(len(codes), np.nan)
    for j, c in enumerate(codes):
        years = sorted({y for a, y, cc in value if cc == c and a in spread_areas})
        if not years:
            continue
        base = years[0]
        areas = np.array([value.get((a, base, c), np.nan) for a in spread_areas])
        reference_mean = value.get((city, base, c), np.nan) if city else np.nan
        if np.isnan(reference_mean):
            reference_mean = float(np.nanmean(areas))
        mean, sd = core_index.reference(areas[:, None], [reference_mean])
        ref_mean[j], ref_sd[j] = mean[0], sd[0]
    out: dict[tuple[str, int], dict] = {}
    by_year: dict[int, list[str]] = defaultdict(list)
    for a, y, _c in value:
        if a not in by_year[y]:
            by_year[y].append(a)
    for year, areas in sorted(by_year.items()):
        matrix = np.array([[value.get((a, year, c), np.nan) for c in codes] for a in areas])
        result = core_index.compute_index(matrix, ref_mean, ref_sd, spec)
        for i, a in enumerate(areas):
            v = result.index[i]
            scores = result.dimensions[i]
            out[(a, year)] = {"value": None if np.isnan(v) else round(float(v), 1),
                              "dimensions": {d: (None if np.isnan(scores[k]) else round(float(scores[k]), 1))
                                             for k, d in enumerate(spec.dimension_codes)}}
    return out


DISAGREE_POINTS = 10.0  # one standard deviation between areas on both indices


def comparison_note(objective: float | None, subjective: float | None) -> str:
    """``"lower"`` when residents judge the area clearly less favourably than the figures
    (≥ 10 points, one standard deviation, apart), ``"higher"`` the other way round, ``"same"``
    when the two are close, ``""`` when one of them is missing."""
    if objective is None or subjective is None:
        return ""
    if subjective <= objective - DISAGREE_POINTS:
        return "lower"
    if subjective >= objective + DISAGREE_POINTS:
        return "higher"
    return "same"
