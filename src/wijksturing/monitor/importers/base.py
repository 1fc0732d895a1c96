"""What every monitor import shares: reading rows, parsing numbers with errors that name the
file, row and column, and writing observations in one transaction with visible progress.

Numbers are read by the project's one parser (:mod:`wijksturing.core.numbers`). A value that
could be read two ways (``1.234``: 1234 or 1,234) is read with the convention of its file: the
convention its unambiguous values show (``3,5`` or ``8258.9``), else a Dutch decimal comma for a
file separated by semicolons and a decimal point for Excel cells; a file without any of these
refuses the ambiguous value rather than guess."""

from __future__ import annotations

import csv
import gzip
import io
import math
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from django.utils.translation import gettext as _

from wijksturing.core import numbers

MISSING = {"", ".", "x", "-", "?", "-99999999", "-99999997", "-99999998", "nan", "NaN"}


class MonitorImportError(ValueError):
    """Bad input. ``str(error)`` reads ``file: row N: column 'X': what is wrong``."""

    def __init__(self, message: str, *, file: str = "", row: int | None = None, column: str | None = None):
        self.file, self.row, self.column, self.reason = file, row, column, message
        where = [part for part in (file, _("row %(row)s") % {"row": row} if row is not None else "",
                                   _("column '%(column)s'") % {"column": column} if column else "") if part]
        super().__init__(": ".join(where + [message]))

    def as_dict(self) -> dict:
        return {"file": self.file, "row": self.row, "column": self.column, "message": self.reason}


DecimalHint = str | None | Callable[[], str | None]


def parse_number(raw: str | float | int | None, *, file: str, row: int, column: str,
                 decimal: DecimalHint = None) -> float | None:
    """A number, or None for CBS's 'not published' markers. ``decimal``: the decimal separator
    of the file (``","`` or ``"."``), or a function that finds it, called only when a value is
    ambiguous (see :func:`decimal_of`)."""
    if raw is None:
        return None
    if isinstance(raw, (int, float)) and not isinstance(raw, bool):
        return None if (isinstance(raw, float) and math.isnan(raw)) or raw in (-99999999, -99999997) else float(raw)
    text = str(raw).strip()
    if text in MISSING:
        return None
    try:
        try:
            value = numbers.parse_number(text, decimal=None if callable(decimal) else decimal)
        except numbers.NumberError as error:
            if error.code != "ambiguous" or not callable(decimal):
                raise
            value = numbers.parse_number(text, decimal=decimal())
    except numbers.NumberError as error:
        if error.code == "ambiguous":
            raise MonitorImportError(
                _("'%(text)s' may mean %(one)s or %(other)s: write it without a thousands separator, or with a "
                  "decimal separator the other values of the file show") % {
                    "text": text, "one": error.readings[0], "other": error.readings[1]}, file=file, row=row,
                column=column) from None
        raise MonitorImportError(_("'%(text)s' is not a number") % {"text": text}, file=file, row=row,
                                 column=column) from None
    if value is None:
        return None
    if not math.isfinite(value):
        raise MonitorImportError(_("'%(text)s' is not a finite number") % {"text": text}, file=file, row=row, column=column)
    return None if value in (-99999999.0, -99999997.0) else value


def decimal_of(table: Table, cells: list[tuple[int, str, str]] | None = None) -> Callable[[], str | None]:
    """A function giving the decimal separator of ``table`` (worked out once, when first needed):
    the one its unambiguous values show, else the file's own convention (``Table.decimal``).
    Values that show both are refused with the file, row and column of the first that disagrees.
    ``cells``: ``(row, column, raw)`` to look at (default: every cell of the table)."""
    found: list[str | None] = []

    def decimal() -> str | None:
        if not found:
            found.append(_decimal(table, cells))
        return found[0]

    return decimal


def _decimal(table: Table, cells: list[tuple[int, str, str]] | None) -> str | None:
    seen: dict[str, tuple[int, str, str]] = {}
    items = cells if cells is not None else ((n, c, v) for n, row in table.rows for c, v in row.items())
    for number, column, raw in items:
        kind = numbers.decimal_kind(raw) if isinstance(raw, str) else None
        if kind is None or kind in seen:
            continue
        seen[kind] = (number, column, raw)
        if len(seen) > 1:
            other = seen["," if kind == "." else "."]
            message = _("'%(raw)s' has a decimal point, but '%(other)s' (row %(row)s, column '%(column)s') has a "
                        "decimal comma: use one notation in a file") if kind == "." else \
                _("'%(raw)s' has a decimal comma, but '%(other)s' (row %(row)s, column '%(column)s') has a "
                  "decimal point: use one notation in a file")
            raise MonitorImportError(message % {"raw": raw, "other": other[2], "row": other[0], "column": other[1]},
                                     file=table.name, row=number, column=column)
    return next(iter(seen), table.decimal)


OWN_DATA_COLUMNS = {"code", "name", "year"}
OWN_DATA_LONG_COLUMNS = {"code", "name", "year", "indicator", "value"}


def check_own_data(table: Table, *, long: bool, indicators) -> None:
    """A municipality's own file (the generic formats) names only columns the monitor knows: an
    unknown column is an error naming it, never left out without a word."""
    allowed = OWN_DATA_LONG_COLUMNS if long else OWN_DATA_COLUMNS | set(indicators)
    for column in table.header:
        if column not in allowed:
            message = _("unknown column '%(column)s' (the columns are code, name, year, indicator and value)") \
                if long else _("unknown column '%(column)s' (the columns are code, name, year and indicator codes "
                               "of the catalogue)")
            raise MonitorImportError(message % {"column": column}, file=table.name, row=1,
                                     column=column or _("(empty)"))


@dataclass
class Table:
    """A file read into memory: its header and its rows (row numbers as a spreadsheet shows them)."""

    name: str
    header: list[str]
    rows: list[tuple[int, dict[str, str]]] = field(default_factory=list)
    decimal: str | None = None  # the file's own convention for an ambiguous 1.234 (see decimal_of)


def _open_text(path: Path, name: str) -> io.TextIOBase:
    raw = path.read_bytes()
    if path.suffix == ".gz":
        try:
            raw = gzip.decompress(raw)
        except (OSError, EOFError) as exc:
            raise MonitorImportError(_("the file is damaged or truncated (%(error)s)") % {"error": exc}, file=name) from None
    text = raw.decode("utf-8-sig", errors="strict") if _is_utf8(raw) else raw.decode("latin-1")
    return io.StringIO(text)


def _is_utf8(raw: bytes) -> bool:
    try:
        raw.decode("utf-8")
        return True
    except UnicodeDecodeError:
        return False


def read_table(path: Path, *, name: str | None = None) -> Table:
    """Read CSV (comma or semicolon, optionally gzipped) or Excel (.xlsx) into a :class:`Table`.
    ``name``: the file's name as its owner knows it (an upload's own name, not the name it was
    stored under), used in every error."""
    path = Path(path)
    name = name or path.name
    if not path.exists():
        raise MonitorImportError(_("the file does not exist"), file=name if name != path.name else str(path))
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        return _read_excel(path, name)
    handle = _open_text(path, name)
    sample = handle.read(4096)
    handle.seek(0)
    delimiter = ";" if sample.count(";") > sample.count(",") else ","
    reader = csv.reader(handle, delimiter=delimiter)
    try:
        header = [h.strip() for h in next(reader)]
    except StopIteration:
        raise MonitorImportError(_("the file is empty"), file=name) from None
    except csv.Error as exc:
        raise MonitorImportError(_("not a readable CSV file (%(error)s)") % {"error": exc}, file=name, row=1) from None
    table = Table(name=name, header=header, decimal="," if delimiter == ";" else None)
    try:
        for number, values in enumerate(reader, start=2):
            if not any(v.strip() for v in values):
                continue
            if len(values) != len(header):
                raise MonitorImportError(
                    _("has %(fields)s fields where the header has %(header)s; is the file truncated?") % {
                        "fields": len(values), "header": len(header)}, file=name, row=number)
            table.rows.append((number, dict(zip(header, (v.strip() for v in values)))))
    except csv.Error as exc:
        raise MonitorImportError(_("not a readable CSV line (%(error)s)") % {"error": exc}, file=name,
                                 row=reader.line_num) from None
    return table


def _read_excel(path: Path, name: str) -> Table:
    from openpyxl import load_workbook

    from wijksturing.monitor.importers.excel_safety import refuse_formulas

    refuse_formulas(path, name)  # a formula cell would be read as its cached value or as nothing

    try:
        sheet = load_workbook(path, read_only=True, data_only=True).worksheets[0]
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        raise MonitorImportError(_("not a readable Excel file (%(error)s)") % {"error": exc}, file=name) from None
    rows = sheet.iter_rows(values_only=True)
    try:
        header = [str(h).strip() if h is not None else "" for h in next(rows)]
    except StopIteration:
        raise MonitorImportError(_("the sheet is empty"), file=name) from None
    table = Table(name=name, header=header, decimal=".")
    for number, values in enumerate(rows, start=2):
        if values is None or all(v is None or str(v).strip() == "" for v in values):
            continue
        table.rows.append((number, {h: _cell(v) for h, v in zip(header, values)}))
    return table


def _cell(value) -> str:
    """An Excel cell as text; a number cell in machine notation (``1234.5``, never ``1.2345E3``)."""
    if value is None:
        return ""
    if isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value):
        return numbers.machine(value)
    return str(value).strip()


Progress = Callable[[float], None]


def chunks(items: list, size: int) -> Iterator[list]:
    for start in range(0, len(items), size):
        yield items[start : start + size]
