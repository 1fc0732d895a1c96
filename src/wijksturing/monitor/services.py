"""Writes of the monitor: imports (transactional, with progress and clear errors) and
recomputation (see recompute.py)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

from django.core.cache import cache
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from wijksturing.accounts.services import audit_log
from wijksturing.areas.models import Area
from wijksturing.areas.selectors import layout_for_year
from wijksturing.areas.services import layout_register, level_of_code, municipality_code_of
from wijksturing.monitor.bulk import observations_insert
from wijksturing.monitor.catalogue import catalogue_load  # noqa: F401  (re-exported service)
from wijksturing.monitor.importers.base import MonitorImportError, check_own_data, decimal_of, parse_number, read_table
from wijksturing.monitor.importers.formats import Record, column_map, detect, records
from wijksturing.monitor.models import ImportRun, ImportStatus, Indicator, Observation, Origin
from wijksturing.monitor.recompute import recompute  # noqa: F401  (re-exported service)

Progress = Callable[[float], None]


def import_run_progress(*, run: ImportRun, fraction: float) -> None:
    """Progress is visible to other requests while the import's transaction is still open."""
    cache.set(f"importrun:{run.pk}:progress", fraction, 3600)


def import_run_create(*, kind: str, source: str, user=None, year: int | None = None,
                      municipalities: list[str] | None = None) -> ImportRun:
    """Record an import or recomputation before it starts, so that a page can follow its progress."""
    return ImportRun.objects.create(kind=kind, source=source, year=year, municipalities=sorted(municipalities or []),
                                    user=user if getattr(user, "is_authenticated", False) else None)


def import_file(*, path: Path | str, year: int | None = None, municipalities: set[str] | None = None,
                source: str | None = None, user=None, progress: Progress | None = None,
                municipality: str | None = None, layout_year: int | None = None, run: ImportRun | None = None,
                name: str | None = None) -> ImportRun:
    """Import one file of figures. Every row is checked before anything is written; on any
    error nothing is written, the run is recorded as failed with the error, and the error is
    raised (:class:`MonitorImportError`, naming file, row and column). ``layout_year`` pins the
    area division the figures belong to (e.g. police figures of 2023 in the 2024 division).
    ``name``: the file's own name (an upload's, not the name it is stored under), used in errors.
    A municipality's own data (the generic formats) must name only indicators of the catalogue
    and areas of ``municipality``: an unknown column or area code is an error, not skipped."""
    path = Path(path)
    run = run or import_run_create(
        kind="file", source=str(path), user=user, year=year, municipalities=sorted(municipalities or [])
    )
    try:
        table = read_table(path, name=name)
        fmt = detect(table.header)
        catalogue = {i.code: i.keys for i in Indicator.objects.all()}
        mapping = {c: c for c in catalogue} if fmt.name == "generic-long" else column_map(fmt, table.header, catalogue)
        if not mapping:
            raise MonitorImportError(_("no column matches an indicator of the catalogue"), file=table.name, row=1)
        if fmt.key == "code":
            check_own_data(table, long=fmt.name == "generic-long", indicators=catalogue)
        rows = records(table, fmt, mapping, year=year)
        if municipality and fmt.key == "code":
            municipalities = {municipality}
            for r in rows:
                if _municipality_of(r.code, municipality) != municipality:
                    raise MonitorImportError(_("unknown area code %(code)s: not an area of %(municipality)s") % {
                                                 "code": r.code, "municipality": municipality},
                                             file=table.name, row=r.row, column=fmt.code_column)
        rows = [r for r in rows if _municipality_of(r.code, municipality) in municipalities] if municipalities else rows
        _check_duplicates(rows, table.name, long=fmt.name == "generic-long")
        decimal = decimal_of(table, [(r.row, col, raw) for r in rows for raw, col in r.values.values()])
        parsed = [(r, {ind: parse_number(raw, file=table.name, row=r.row, column=col, decimal=decimal)
                       for ind, (raw, col) in r.values.items()}) for r in rows]
        factors = dict(fmt.factors)
        with transaction.atomic():
            written = _write(parsed, fmt=fmt, table_name=table.name, source=source or fmt.default_source,
                             factors=factors, run=run, progress=progress, municipality=municipality,
                             layout_year=layout_year)
        run.status, run.rows, run.observations = ImportStatus.SUCCEEDED, len(rows), written
        run.municipalities = sorted({_municipality_of(r.code, municipality) for r in rows})
        run.message = _("%(format)s: %(indicators)s, %(rows)s") % {
            "format": fmt.name,
            "indicators": ngettext("%(n)d indicator", "%(n)d indicators", len(mapping)) % {"n": len(mapping)},
            "rows": ngettext("%(n)d row", "%(n)d rows", len(rows)) % {"n": len(rows)}}
    except MonitorImportError as error:
        run.status, run.errors, run.message = ImportStatus.FAILED, [error.as_dict()], str(error)
        raise
    finally:
        run.finished_at = timezone.now()
        run.progress = 1.0 if run.status == ImportStatus.SUCCEEDED else run.progress
        run.save()
    audit_log(user=user, action="monitor_import", obj=run, changes={"file": path.name, "observations": run.observations})
    return run


def _municipality_of(code: str, municipality: str | None) -> str:
    return municipality_code_of(code) if code[:2] in ("GM", "WK", "BU") else (municipality or "")


def _check_duplicates(rows: list[Record], name: str, *, long: bool) -> None:
    seen: dict[tuple, int] = {}
    for r in rows:
        key = (r.code, r.year, tuple(r.values)) if long else (r.code, r.year)
        if key in seen:
            raise MonitorImportError(_("duplicate row: area %(code)s, year %(year)s is also on row %(row)s") % {
                                     "code": r.code, "year": r.year, "row": seen[key]},
                                     file=name, row=r.row)
        seen[key] = r.row


def _write(parsed, *, fmt, table_name, source, factors, run, progress, municipality, layout_year) -> int:
    groups: dict[tuple[str, int], list] = defaultdict(list)
    for record, values in parsed:
        groups[(_municipality_of(record.code, municipality), record.year)].append((record, values))
    today = dt.date.today()
    indicators = {i.code: i.pk for i in Indicator.objects.all()}
    total, done, written = max(1, len(parsed)), 0, 0
    for (gm, year), items in sorted(groups.items()):
        layout = _layout(fmt, gm, layout_year or year, items, table_name)
        areas = dict(Area.objects.filter(layout=layout).values_list("code", "pk"))
        new = []
        for record, values in items:
            area_id = areas.get(record.code)
            if area_id is None:
                raise MonitorImportError(_("unknown area code %(code)s (not in the %(year)s layout of %(municipality)s)")
                                         % {"code": record.code, "year": layout.year, "municipality": gm},
                                         file=table_name, row=record.row, column=fmt.code_column)
            for code, value in values.items():
                if value is not None:
                    value *= factors.get(code, 1.0)
                new.append((indicators[code], area_id, year, value, None, None, Origin.IMPORTED.value, False,
                            source, today, run.pk))
        Observation.objects.filter(area__layout=layout, year=year,
                                   indicator_id__in={o[0] for o in new}, area_id__in={o[1] for o in new}).delete()
        written += observations_insert(new)
        done += len(items)
        if progress:
            progress(done / total)
        import_run_progress(run=run, fraction=done / total)
    return written


def _layout(fmt, gm: str, year: int, items, table_name: str):
    """The layout the figures belong to. A CBS table that lists a division registers that
    year's layout; other sources attach to the layout in force (see ``layout_for_year``). A file of
    one level (``joins_known_layout``, e.g. every wijk of the country) joins the layout in force when
    that knows all its codes, and registers its own year's layout only where it does not."""
    if fmt.joins_known_layout:
        known = layout_for_year(municipality_code=gm, year=year)
        codes = {r.code for r, _ in items}
        if known is not None and codes <= set(Area.objects.filter(layout=known).values_list("code", flat=True)):
            return known
    if fmt.registers_areas:
        # a file that names its regions only by code (CBS Nabijheid 85231ENG) takes the names the
        # same codes have in another loaded division, instead of showing "WK020202" as a name
        unnamed = [r.code for r, _ in items if not r.name or r.name == r.code]
        known_names = dict(Area.objects.filter(layout__municipality__code=gm, code__in=unnamed)
                           .order_by("layout__year").values_list("code", "name")) if unnamed else {}
        names = {r.code: known_names.get(r.code, r.name) if r.name == r.code else r.name for r, _ in items}
        regions = [(r.code, names[r.code]) for r, _ in items if level_of_code(r.code) != "gemeente"]
        return layout_register(municipality_code=gm, municipality_name=names.get(gm, gm), year=year,
                               regions=regions, source=fmt.default_source)
    layout = layout_for_year(municipality_code=gm, year=year)
    if layout is None:
        first = items[0][0]
        raise MonitorImportError(_("no areas of %(municipality)s are loaded: import its areas first") % {
                                 "municipality": gm or _("this municipality")},
                                 file=table_name, row=first.row, column=fmt.code_column)
    return layout


def indicator_upsert(*, code: str, name_nl: str, name_en: str, source: str, theme: str, aggregation: str,
                     numerator: str | None = None, denominator: str | None = None, **fields) -> Indicator:
    """Create or update an indicator that a module computes itself (not in the catalogue file),
    e.g. the signals per 1,000 inhabitants. ``numerator``/``denominator`` are indicator codes."""
    related = {
        "numerator": Indicator.objects.get(code=numerator) if numerator else None,
        "denominator": Indicator.objects.get(code=denominator) if denominator else None,
    }
    indicator, _created = Indicator.objects.update_or_create(
        code=code, defaults={"name_nl": name_nl[:200], "name_en": name_en[:200], "source": source, "theme": theme,
                             "aggregation": aggregation, **related, **fields})
    return indicator


@transaction.atomic
def observations_replace(*, year: int, indicator_codes: list[str], area_ids: list[int], source: str,
                         rows: list[tuple[str, int, float | None, float | None, float | None]]) -> int:
    """Replace the figures of ``indicator_codes`` for ``area_ids`` in ``year`` by ``rows``
    ``(indicator code, area id, value, numerator, denominator)``: how a module feeds the monitor."""
    ids = dict(Indicator.objects.filter(code__in=indicator_codes).values_list("code", "pk"))
    Observation.objects.filter(indicator_id__in=ids.values(), area_id__in=area_ids, year=year).delete()
    today = dt.date.today()
    return observations_insert([(ids[code], area_id, year, value, numerator, denominator, Origin.IMPORTED.value,
                                 False, source, today, None) for code, area_id, value, numerator, denominator in rows])
