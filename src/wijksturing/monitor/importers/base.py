"""What every monitor import shares: reading rows, parsing numbers with errors that name the
file, row and column, and writing observations in one transaction with visible progress.

Numbers are read by the project's one parser (:mod:`wijksturing.core.numbers`). A value that
could be read two ways (``1.234``: 1234 or 1,234) is read with the convention of its file: the
convention its unambiguous values show (``3,5`` or ``8258.9``), else a Dutch decimal comma for a
file separated by semicolons and a decimal point for Excel cells; a file without any of these
refuses the ambiguous value rather than guess."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from django.utils.translation import gettext as _

from wijksturing.core import numbers, tabular
from wijksturing.tablemessages import located, reader_message

MISSING = {"", ".", "x", "-", "?", "-99999999", "-99999997", "-99999998", "nan", "NaN"}


class MonitorImportError(ValueError):
    """Bad input. ``str(error)`` reads ``file: row N: column 'X': what is wrong``."""

    def __init__(self, message: str, *, file: str = "", row: int | None = None, column: str | None = None):
        self.file, self.row, self.column, self.reason = file, row, column, message
        super().__init__(located(message, file=file, row=row, column=column))

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
class Table(tabular.Table):
    """A file read by :func:`read_table`, with the file's own convention for an ambiguous
    ``1.234`` (see :func:`decimal_of`)."""

    decimal: str | None = None


# The reader's messages in this app's catalogue (the reader itself is plain Python, in English).


def read_table(path: Path, *, name: str | None = None) -> Table:
    """Read CSV (``;``, ``,`` or tab, optionally gzipped) or Excel (.xlsx) into a :class:`Table`,
    by the project's one reader (:mod:`wijksturing.core.tabular`): a file not in UTF-8 is read as
    Latin-1, a row of another width than the header is refused as a truncated file, and a formula
    cell of a workbook is refused (issue 16). ``name``: the file's name as its owner knows it (an
    upload's own name, not the name it was stored under), used in every error."""
    try:
        read = tabular.read_table(Path(path), name=name, fallback="latin-1", strict_width=True)
    except tabular.TableError as error:
        message = reader_message(error)
        raise MonitorImportError(message, file=error.file, row=error.row, column=error.column) from None
    decimal = "." if read.excel else "," if read.delimiter == ";" else None
    return Table(name=read.name, header=read.header, rows=read.rows, delimiter=read.delimiter, decimal=decimal)


Progress = Callable[[float], None]


def chunks(items: list, size: int) -> Iterator[list]:
    for start in range(0, len(items), size):
        yield items[start : start + size]
