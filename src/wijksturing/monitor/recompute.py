"""Recomputation: derived ratios, aggregation up the hierarchy, suppression flags, the
liveability index with trends and flags, and similar wijken.

All arithmetic happens in :mod:`wijksturing.core` on arrays; this module only moves rows
between the database and those arrays. Per layout and year the observations become one
matrix (areas × indicators); aggregation fills a parent's empty cells from its children
(sums for counts, summed numerators over summed denominators for ratios and weighted means),
and never overwrites a figure that the source published.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable

import numpy as np
from django.db import transaction
from django.utils import timezone
from django.utils.translation import ngettext

from wijksturing.areas.models import Area, Layout, Level
from wijksturing.core import aggregation
from wijksturing.monitor.bulk import commit_without_waiting, observations_flip_suppressed, observations_insert
from wijksturing.monitor.indexing import IndexSetup, index_recompute, similarity_recompute
from wijksturing.monitor.models import ImportRun, ImportStatus, Indicator, Observation, Origin

IMPORTED, DERIVED, AGGREGATED = 0, 1, 2
ORIGINS = {DERIVED: Origin.DERIVED, AGGREGATED: Origin.AGGREGATED}
SOURCES = {DERIVED: "{source} (afgeleid door wijksturing)", AGGREGATED: "{source} (opgeteld uit kleinere gebieden)"}


class Catalogue:
    """The indicators as arrays, in one fixed column order."""

    def __init__(self) -> None:
        rows = list(Indicator.objects.order_by("pk").values_list(
            "pk", "code", "aggregation", "numerator_id", "denominator_id", "scale", "suppress_below", "source"))
        self.ids = np.array([r[0] for r in rows])
        self.codes = [r[1] for r in rows]
        self.col = {pk: i for i, pk in enumerate(self.ids)}
        self.kind = [r[2] for r in rows]
        self.num = np.array([self.col.get(r[3], -1) for r in rows])
        self.den = np.array([self.col.get(r[4], -1) for r in rows])
        self.scale = np.array([r[5] for r in rows], dtype=float)
        self.threshold = np.array([r[6] for r in rows], dtype=float)
        self.source = [r[7] for r in rows]
        self.sums = np.array([i for i, k in enumerate(self.kind) if k == "sum"], dtype=int)
        self.ratios = np.array([i for i, k in enumerate(self.kind)
                                if k in ("ratio", "weighted_mean") and self.den[i] >= 0], dtype=int)
        self.derivable = np.array([i for i in self.ratios if self.kind[i] == "ratio" and self.num[i] >= 0], dtype=int)


def _derive(values: np.ndarray, origin: np.ndarray, cat: Catalogue, fallback_den: np.ndarray | None) -> None:
    """Ratios with a numerator indicator: value = numerator / denominator × scale where the
    source gave no value. The denominator of the following year stands in when the year's own is
    missing (populations are counted on 1 January: the next year's count is this year's end)."""
    for col in cat.derivable:
        num, den = values[:, cat.num[col]], values[:, cat.den[col]]
        if fallback_den is not None:
            den = np.where(np.isnan(den), fallback_den[:, cat.den[col]], den)
        with np.errstate(divide="ignore", invalid="ignore"):
            derived = np.where(den > 0, num / den * cat.scale[col], np.nan)
        fill = np.isnan(values[:, col]) & ~np.isnan(derived)
        values[fill, col] = derived[fill]
        origin[fill, col] = DERIVED


def _aggregate(values: np.ndarray, origin: np.ndarray, cat: Catalogue, levels: list[str], parent_pos: np.ndarray) -> None:
    """Fill empty cells of wijken, gebieden and the gemeente from their children, bottom up."""
    level_arr = np.array(levels)
    for target in (Level.WIJK, Level.GEBIED, Level.GEMEENTE):
        targets = np.flatnonzero(level_arr == target)
        if not len(targets):
            continue
        position = np.full(len(levels), -1)
        position[targets] = np.arange(len(targets))
        children = np.flatnonzero((parent_pos >= 0) & (position[np.maximum(parent_pos, 0)] >= 0))
        if not len(children):
            continue
        groups = position[parent_pos[children]]
        block = values[np.ix_(children, cat.sums)]
        summed = aggregation.group_sum(block, groups, len(targets))
        _fill(values, origin, targets, cat.sums, summed)
        den = values[np.ix_(children, cat.den[cat.ratios])]
        num = values[np.ix_(children, cat.ratios)] * den
        ratio = aggregation.group_ratio(num, den, groups, len(targets))
        _fill(values, origin, targets, cat.ratios, ratio)


def _fill(values, origin, rows, cols, new) -> None:
    current = values[np.ix_(rows, cols)]
    fill = np.isnan(current) & ~np.isnan(new)
    current[fill] = new[fill]
    values[np.ix_(rows, cols)] = current
    block = origin[np.ix_(rows, cols)]
    block[fill] = AGGREGATED
    origin[np.ix_(rows, cols)] = block


def _suppressed(values: np.ndarray, cat: Catalogue, fallback_den: np.ndarray | None) -> np.ndarray:
    """True where the base of a figure (its denominator or weight, or a count itself) is known and
    under the indicator's threshold, so that no person can be singled out. Where the base is
    unknown the publisher's own disclosure rules (CBS publishes no small numbers) stand."""
    base = values.copy()
    has_den = cat.den >= 0
    den = values[:, np.maximum(cat.den, 0)]
    if fallback_den is not None:
        den = np.where(np.isnan(den), fallback_den[:, np.maximum(cat.den, 0)], den)
    base[:, has_den] = den[:, has_den]
    with np.errstate(invalid="ignore"):
        return (cat.threshold > 0) & ~np.isnan(values) & ~np.isnan(base) & (base < cat.threshold)


def layout_recompute(*, layout: Layout, cat: Catalogue) -> int:
    areas = list(Area.objects.filter(layout=layout).values_list("pk", "level", "parent_id"))
    if not areas:
        return 0
    row = {pk: i for i, (pk, _, _) in enumerate(areas)}
    levels = [level for _, level, _ in areas]
    parent_pos = np.array([row.get(parent, -1) for _, _, parent in areas])
    Observation.objects.filter(area__layout=layout).exclude(origin=Origin.IMPORTED).delete()
    imported = list(Observation.objects.filter(area__layout=layout)
                    .values_list("pk", "area_id", "indicator_id", "year", "value", "suppressed"))
    by_year: dict[int, list] = defaultdict(list)
    for item in imported:
        by_year[item[3]].append(item)
    matrices = {}
    for year, items in by_year.items():
        values = np.full((len(areas), len(cat.codes)), np.nan)
        for _, area_id, indicator_id, _, value, _ in items:
            if value is not None:
                values[row[area_id], cat.col[indicator_id]] = value
        matrices[year] = values
    created, changed = [], []
    today = timezone.now().date()
    # newest year first, so that a year's fallback (the next year) is already complete
    for year, items in sorted(by_year.items(), reverse=True):
        values = matrices[year]
        origin = np.zeros(values.shape, dtype=np.int8)
        fallback = matrices.get(year + 1)
        _derive(values, origin, cat, fallback)
        _aggregate(values, origin, cat, levels, parent_pos)
        _derive(values, origin, cat, fallback)
        suppressed = _suppressed(values, cat, fallback)
        for pk, area_id, indicator_id, _, _, flag in items:
            if suppressed[row[area_id], cat.col[indicator_id]] != flag:
                changed.append(pk)  # the flag flips
        for r, c in zip(*np.nonzero(origin > 0)):
            den_col = cat.den[c]
            den = values[r, den_col] if den_col >= 0 else np.nan
            if np.isnan(den) and den_col >= 0 and fallback is not None:
                den = fallback[r, den_col]
            ratio_like = den_col >= 0 and not np.isnan(den)
            created.append((
                int(cat.ids[c]), areas[r][0], year, float(values[r, c]),
                float(values[r, c] * den / cat.scale[c]) if ratio_like else None,
                float(den) if ratio_like else None,
                ORIGINS[int(origin[r, c])].value, bool(suppressed[r, c]),
                SOURCES[int(origin[r, c])].format(source=cat.source[c]), today, None))
    observations_insert(created)
    observations_flip_suppressed(changed)
    return len(created)


def recompute(*, municipality_codes: list[str] | None = None, user=None,
              progress: Callable[[float], None] | None = None, run: ImportRun | None = None) -> ImportRun:
    """Recompute everything that is derived from the imported figures (``run``: recorded beforehand
    by ``import_run_create``, so that a page can follow it)."""
    run = run or ImportRun.objects.create(kind="recompute", source="recompute", municipalities=municipality_codes or [],
                                          user=user if getattr(user, "is_authenticated", False) else None)
    layouts = Layout.objects.select_related("municipality").order_by("municipality__code", "year")
    if municipality_codes:
        layouts = layouts.filter(municipality__code__in=municipality_codes)
    layouts = list(layouts)
    by_municipality: dict[str, list[Layout]] = defaultdict(list)
    for layout in layouts:
        by_municipality[layout.municipality.code].append(layout)
    cat = Catalogue()
    setup = IndexSetup.load()
    total = len(layouts) + 2
    done = 0
    try:
        # one transaction per municipality: its derived figures and index are replaced together (a
        # reader never sees them half-written), while a national recompute never holds every derived
        # row of the country in one transaction
        for code, group in sorted(by_municipality.items()):
            with transaction.atomic():
                commit_without_waiting()
                for layout in group:
                    run.observations += layout_recompute(layout=layout, cat=cat)
                    done += 1
                    if progress:
                        progress(done / total)
                index_recompute(municipality_code=code, setup=setup)
        if progress:
            progress((total - 1) / total)
        with transaction.atomic():
            commit_without_waiting()
            # similar wijken are searched nationally, but only the recomputed municipalities' own rows
            # are replaced (the national run replaces them all)
            similarity_recompute(municipality_codes=sorted(by_municipality) if municipality_codes else None)
        run.status = ImportStatus.SUCCEEDED
        run.message = ", ".join([
            ngettext("%(n)d layout", "%(n)d layouts", len(layouts)) % {"n": len(layouts)},
            ngettext("%(n)d derived or aggregated figure", "%(n)d derived or aggregated figures",
                     run.observations) % {"n": run.observations}])
    except Exception as exc:
        run.status, run.message = ImportStatus.FAILED, str(exc)
        raise
    finally:
        run.progress, run.finished_at = 1.0, timezone.now()
        run.save()
        if progress:
            progress(1.0)
    return run
