"""Import historic signals from CSV (optionally gzipped): category, date, coordinates, status.

Columns (first match wins): subcategory_slug|service_code|category (slug or name of a subcategory),
date|created_at|requested_datetime, lat, lon|lng|long, status (open/closed or a workflow status), closed|closed_at|resolved_date,
wijk_code, external_id|id. Without a status column, a row with a closing date is closed.
Everything is imported in one transaction; any bad row stops the import with errors naming
file, row and column, and nothing is left half-imported. Points are placed in their buurten in
one vectorised lookup; where no boundaries are loaded, the file's wijk_code places the signal.
"""

from __future__ import annotations

import datetime as dt
import secrets
import sys
from pathlib import Path

import numpy as np
from django.db import transaction
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from tqdm import tqdm

from wijksturing.accounts.services import audit_log
from wijksturing.areas import selectors as area_selectors
from wijksturing.core.numbers import parse_coordinate
from wijksturing.core.tabular import TableError, read_table
from wijksturing.signals.models import Category, Reporter, Signal, Source, StatusChange
from wijksturing.signals.routing import add_workdays, place_wijk
from wijksturing.signals.workflow import HANDLED, Status

ALIASES = {
    "category": ("subcategory_slug", "service_code", "category"), "date": ("date", "created_at", "requested_datetime"),
    "lat": ("lat",), "lon": ("lon", "lng", "long"), "status": ("status",),
    "closed": ("closed", "closed_at", "resolved_date"), "wijk_code": ("wijk_code",), "external_id": ("external_id", "id"),
}
STATUS_WORDS = {"open": Status.RECEIVED, "closed": Status.CLOSED, **{s: s for s in Status.values}}
MAX_ERRORS = 20


class SignalImportError(ValueError):
    def __init__(self, errors: list[str]):
        self.errors = errors
        super().__init__("\n".join(errors))


def _read(path: Path) -> tuple[list[str], list[tuple[int, dict]]]:
    """The header and the rows with their row numbers, read by the project's one table reader
    (:func:`wijksturing.core.tabular.read_table`), or a SignalImportError that names the file (and
    the row) and says what is wrong: a damaged or truncated .gz, a binary file, a file not in UTF-8,
    a broken CSV line."""
    try:
        table = read_table(path, excel=False)
    except TableError as error:
        raise SignalImportError([f"{error}; nothing imported"]) from None
    return table.header, table.rows


def _already_imported(parsed, columns, municipality_code: str) -> set[int]:
    """Positions of rows imported before: the same external id, or without one the same
    category, time and point. Importing a file twice therefore adds nothing the second time."""
    existing = Signal.objects.filter(municipality__code=municipality_code, source=Source.IMPORT)
    ids = set(existing.exclude(external_id="").values_list("external_id", flat=True))
    keys = set(existing.values_list("category_id", "created_at", "lat", "lon"))
    seen_ids, seen_keys, skip = set(), set(), set()
    for i, (row, category, created, lat, lon, _status, _closed) in enumerate(parsed):
        external = (row.get(columns["external_id"]) or "").strip()[:80] if columns["external_id"] else ""
        key = (category.pk, created, lat, lon)
        if (external and (external in ids or external in seen_ids)) or (not external and (key in keys or key in seen_keys)):
            skip.add(i)
        seen_ids.add(external) if external else seen_keys.add(key)
    return skip


def _when(text: str) -> dt.datetime | None:
    value = parse_datetime(text)
    if value is None and (day := parse_date(text)) is not None:
        value = dt.datetime.combine(day, dt.time(12, 0))
    if value is not None and timezone.is_naive(value):
        value = timezone.make_aware(value)
    return value


def signals_import(*, path: Path, municipality_code: str, progress: bool = True, by=None) -> int:
    """Import the file into the municipality; returns the number of signals."""
    path = Path(path)
    name = path.name
    header, rows = _read(path)
    columns = {key: next((c for c in names if c in header), None) for key, names in ALIASES.items()}
    missing = [key for key in ("category", "date") if columns[key] is None]
    if missing:
        raise SignalImportError([f"{name}: column {m!r} is missing (accepted: {', '.join(ALIASES[m])})" for m in missing])
    categories = {}
    for c in Category.objects.filter(municipality__code=municipality_code, parent__isnull=False):
        categories[c.name.lower()] = categories[c.slug] = c
    errors: list[str] = []
    parsed = []
    for number, row in tqdm(rows, desc=f"reading {name}", disable=not progress, file=sys.stderr):
        def err(column_key: str, message: str, number: int = number) -> None:
            errors.append(f"{name}: row {number}: column {columns[column_key]!r}: {message}")

        raw_category = (row.get(columns["category"]) or "").strip()
        category = categories.get(raw_category) or categories.get(raw_category.lower())
        if category is None:
            err("category", f"unknown category {row.get(columns['category'])!r} in {municipality_code}")
        created = _when((row.get(columns["date"]) or "").strip())
        if created is None:
            err("date", f"{row.get(columns['date'])!r} is not a date or date-time")
        lat = lon = None
        if columns["lat"] and columns["lon"] and (row.get(columns["lat"]) or row.get(columns["lon"])):
            try:
                lat, lon = parse_coordinate(row[columns["lat"]]), parse_coordinate(row[columns["lon"]])
                if lat is None or lon is None or not (-90 <= lat <= 90 and -180 <= lon <= 180):
                    raise ValueError
            except (TypeError, ValueError):  # NumberError is a ValueError
                err("lat", f"coordinates {row.get(columns['lat'])!r}, {row.get(columns['lon'])!r} are not valid")
        closed = _when((row.get(columns["closed"]) or "").strip()) if columns["closed"] else None
        if columns["closed"] and (row.get(columns["closed"]) or "").strip() and closed is None:
            err("closed", f"{row.get(columns['closed'])!r} is not a date")
        if columns["status"]:
            status = STATUS_WORDS.get((row.get(columns["status"]) or "").strip().lower())
            if status is None:
                err("status", f"{row.get(columns['status'])!r} is not open, closed or a workflow status")
        else:
            status = Status.CLOSED if closed else Status.RECEIVED
        if len(errors) >= MAX_ERRORS:
            break
        parsed.append((row, category, created, lat, lon, status, closed))
    if errors:
        raise SignalImportError(errors)
    with transaction.atomic():
        skip = _already_imported(parsed, columns, municipality_code)
        parsed = [p for i, p in enumerate(parsed) if i not in skip]
        count = _write(parsed, columns, municipality_code, progress, name) if parsed else 0
        audit_log(user=by, action="signals_import", obj="Signal", municipality_code=municipality_code,
                  changes={"file": name, "signals": count})
    return count


def _places(parsed, columns, municipality_code: str) -> list[tuple[str, str, str]]:
    """(buurt, wijk, gebied) per row: by boundary where loaded, else by the wijk code column."""
    places = [("", "", "")] * len(parsed)
    with_point = [i for i, p in enumerate(parsed) if p[3] is not None]
    entry = area_selectors.buurt_index(municipality_code=municipality_code) if with_point else None
    if entry is not None and entry.pks:
        codes = entry.index.lookup(np.array([parsed[i][4] for i in with_point]), np.array([parsed[i][3] for i in with_point]))
        for i, code in zip(with_point, codes):
            if code is not None:
                places[i] = (code, *entry.parents[code])
    cache: dict[str, tuple[str, str, str]] = {}
    for i, (row, *_rest) in enumerate(parsed):
        if not places[i][0] and columns["wijk_code"] and (wijk_code := (row.get(columns["wijk_code"]) or "").strip()):
            if wijk_code not in cache:
                place = place_wijk(wijk_code=wijk_code, municipality_code=municipality_code)
                cache[wijk_code] = ("", place.wijk_code, place.gebied_code)
            places[i] = cache[wijk_code]
    return places


def _write(parsed, columns, municipality_code: str, progress: bool, name: str) -> int:
    municipality = area_selectors.municipality_get(code=municipality_code)
    places = _places(parsed, columns, municipality_code)
    deadlines: dict[tuple, dt.date] = {}
    signals = []
    for (row, category, created, lat, lon, status, closed), (buurt, wijk, gebied) in zip(parsed, places):
        key = (timezone.localdate(created), category.deadline_workdays)
        if key not in deadlines:
            deadlines[key] = add_workdays(*key)
        closed_at = (closed or created) if status in HANDLED else None
        signals.append(Signal(
            municipality=municipality, category=category, lat=lat, lon=lon, buurt_code=buurt, wijk_code=wijk,
            gebied_code=gebied, status=status, source=Source.IMPORT, token=secrets.token_urlsafe(24),
            external_id=(row.get(columns["external_id"]) or "")[:80] if columns["external_id"] else "",
            created_at=created, updated_at=closed_at or created, deadline=deadlines[key], closed_at=closed_at))
    for start in tqdm(range(0, len(signals), 1000), desc=f"writing {name}", disable=not progress, file=sys.stderr):
        batch = Signal.objects.bulk_create(signals[start:start + 1000])
        Reporter.objects.bulk_create([Reporter(signal=s) for s in batch])
        history = [StatusChange(signal=s, to_status=Status.RECEIVED, at=s.created_at) for s in batch]
        history += [StatusChange(signal=s, from_status=Status.RECEIVED, to_status=s.status, at=s.closed_at or s.updated_at)
                    for s in batch if s.status != Status.RECEIVED]
        StatusChange.objects.bulk_create(history)
    return len(signals)
