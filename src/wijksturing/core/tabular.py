"""The one reader of the tables people upload or import: CSV (``.csv``, ``.txt``, optionally
gzipped) and Excel (``.xlsx``/``.xlsm``).

:func:`read_table` takes a path, the bytes of an upload or an uploaded file object and gives a
:class:`Table`: its display name, its header and its rows, each with the row number a spreadsheet
shows (the header is row 1). Everything that can go wrong is one :class:`TableError` naming the
file, and where it applies the row and the column, with a ``code`` that an importer can turn into
its own (translated) message; ``str(error)`` reads ``file: row N: column 'X': what is wrong``.

- Encoding: UTF-8, with or without a byte-order mark. Any other text is refused with the row of
  the first byte that is not UTF-8, unless the importer names a ``fallback`` encoding it has always
  accepted (the monitor reads such files as Latin-1). A file with NUL bytes is refused as binary;
  a damaged or truncated ``.gz`` is refused as such.
- Delimiter: the most frequent of ``;``, ``,`` and tab in the header line (ties: ``,``).
- Excel: formula cells are refused (openpyxl cannot calculate them: a formula would be read as
  its cached value or as nothing; issue 16), with the row and the column of the first one.
- Rows that are wholly empty are left out; headers and values are stripped of spaces; line
  breaks are read as ``\n`` (also inside a quoted value).

Plain Python (no Django): messages are English; importers translate them by ``code``.
"""

from __future__ import annotations

import csv
import gzip
import io
import math
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from wijksturing.core.numbers import machine

EXCEL_SUFFIXES = (".xlsx", ".xlsm")
DELIMITERS = (";", ",", "\t")

MESSAGES = {
    "missing": "the file does not exist",
    "truncated": "the .gz file is damaged or truncated ({error})",
    "binary": "this is not a text (CSV) file: it contains binary data",
    "zip": "this is an Excel (.xlsx) or zip file, not a CSV file: save it from Excel as 'CSV UTF-8' and import that",
    "encoding": "the file is not in UTF-8 (perhaps Latin-1/Windows-1252): save it as 'CSV UTF-8' and import again",
    "empty": "the file is empty",
    "csv": "not a readable CSV line ({error})",
    "fields": "has {fields} fields where the header has {header}; is the file truncated?",
    "excel": "not a readable Excel file ({error})",
    "sheet_empty": "the sheet is empty",
    "formula": "this cell holds a formula ({formula}); formulas are not imported: save the sheet with values only "
               "and import again",
}


class TableError(ValueError):
    """A file that cannot be read as a table. ``code``: one of :data:`MESSAGES`; ``params``: the
    values its message names."""

    def __init__(self, code: str, *, file: str, row: int | None = None, column: str | None = None, **params):
        self.code, self.file, self.row, self.column, self.params = code, file, row, column, params
        self.reason = MESSAGES[code].format(**params)
        where = [part for part in (file, f"row {row}" if row is not None else "",
                                   f"column '{column}'" if column else "") if part]
        super().__init__(": ".join(where + [self.reason]))


@dataclass
class Table:
    """A file read into memory: its name, header and rows (row numbers as a spreadsheet shows them)."""

    name: str
    header: list[str]
    rows: list[tuple[int, dict[str, str]]] = field(default_factory=list)
    delimiter: str | None = None  # None for an Excel sheet

    @property
    def excel(self) -> bool:
        return self.delimiter is None

    def dicts(self) -> list[dict[str, str]]:
        return [row for _number, row in self.rows]


def read_table(source, *, name: str | None = None, excel: bool = True, fallback: str | None = None,
               strict_width: bool = False, delimiters: tuple[str, ...] = DELIMITERS) -> Table:
    """Read ``source`` (a path, bytes, or a file object with ``read()``, such as an upload).

    ``name``: the name the file's owner knows it by (default: the path's or the upload's name).
    ``excel``: accept Excel workbooks (else one is refused, saying to save it as CSV).
    ``fallback``: the encoding of a file that is not UTF-8 (default: such a file is refused).
    ``strict_width``: refuse a row with more or fewer fields than the header (a truncated file);
    else missing fields are empty and extra ones are left out."""
    raw, name, suffix = _load(source, name)
    if raw[:2] == b"\x1f\x8b" or suffix == ".gz":
        try:
            raw = gzip.decompress(raw)
        except (EOFError, OSError, zlib.error) as exc:
            raise TableError("truncated", file=name, error=exc) from None
        suffix = Path(name.removesuffix(".gz")).suffix.lower()
    if raw[:4] == b"PK\x03\x04" or (excel and suffix in EXCEL_SUFFIXES):
        if not excel:
            raise TableError("zip", file=name)
        return _read_excel(raw, name)
    return _read_csv(decode(raw, file=name, fallback=fallback), name, strict_width=strict_width, delimiters=delimiters)


def decode(raw: bytes, *, file: str, fallback: str | None = None) -> str:
    """Bytes as text: UTF-8 (a byte-order mark dropped), else ``fallback``, else a :class:`TableError`
    with the row of the first byte that is not UTF-8. Bytes with NUL are refused as binary."""
    if b"\x00" in raw[:65536]:
        raise TableError("binary", file=file)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        if fallback:
            return raw.decode(fallback)
        raise TableError("encoding", file=file, row=raw[: exc.start].count(b"\n") + 1) from None


def sniff_delimiter(text: str, delimiters: tuple[str, ...] = DELIMITERS) -> str:
    """The most frequent delimiter of the first line (of the first 4096 characters if it has none)."""
    first = text.split("\n", 1)[0]
    sample = first if any(d in first for d in delimiters) else text[:4096]
    return max(delimiters, key=lambda d: (sample.count(d), d == ","))


def _load(source, name: str | None) -> tuple[bytes, str, str]:
    if isinstance(source, (bytes, bytearray)):
        name = name or "upload"
        return bytes(source), name, Path(name).suffix.lower()
    if hasattr(source, "read"):
        name = name or Path(getattr(source, "name", "") or "upload").name
        if hasattr(source, "seek"):
            source.seek(0)
        data = source.read()
        return (data.encode() if isinstance(data, str) else bytes(data)), name, Path(name).suffix.lower()
    path = Path(source)
    name = name or path.name
    if not path.is_file():
        raise TableError("missing", file=name if name != path.name else str(path))
    return path.read_bytes(), name, path.suffix.lower()


def _read_csv(text: str, name: str, *, strict_width: bool, delimiters: tuple[str, ...]) -> Table:
    delimiter = sniff_delimiter(text, delimiters)
    # universal newlines, as open() reads text: a line break inside a quoted value becomes "\n"
    reader = csv.reader(io.StringIO(text.replace("\r\n", "\n").replace("\r", "\n"), newline=""), delimiter=delimiter)
    try:
        header = [h.strip() for h in next(reader)]
    except StopIteration:
        raise TableError("empty", file=name) from None
    except csv.Error as exc:
        raise TableError("csv", file=name, row=1, error=exc) from None
    table = Table(name=name, header=header, delimiter=delimiter)
    number = 1
    try:
        for number, values in enumerate(reader, start=2):  # noqa: B007 — number is read after a csv.Error
            if not any(v.strip() for v in values):
                continue
            if len(values) != len(header):
                if strict_width:
                    raise TableError("fields", file=name, row=number, fields=len(values), header=len(header))
                values = (values + [""] * len(header))[: len(header)]
            table.rows.append((number, dict(zip(header, (v.strip() for v in values)))))
    except csv.Error as exc:
        raise TableError("csv", file=name, row=number + 1, error=exc) from None
    return table


def _read_excel(raw: bytes, name: str) -> Table:
    from openpyxl import load_workbook

    try:
        formulas = load_workbook(io.BytesIO(raw), read_only=True, data_only=False).worksheets[0]
        _refuse_formulas(formulas, name)
        sheet = load_workbook(io.BytesIO(raw), read_only=True, data_only=True).worksheets[0]
    except TableError:
        raise
    except Exception as exc:  # noqa: BLE001 — openpyxl raises many kinds for a damaged file
        raise TableError("excel", file=name, error=exc) from None
    rows = sheet.iter_rows(values_only=True)
    try:
        header = [str(h).strip() if h is not None else "" for h in next(rows)]
    except StopIteration:
        raise TableError("sheet_empty", file=name) from None
    table = Table(name=name, header=header, delimiter=None)
    for number, values in enumerate(rows, start=2):
        if values is None or all(v is None or str(v).strip() == "" for v in values):
            continue
        table.rows.append((number, {h: _cell(v) for h, v in zip(header, values)}))
    return table


def _refuse_formulas(sheet, name: str) -> None:
    """The first formula cell of the sheet stops the read, with its row and column (its header,
    else its letter)."""
    from openpyxl.utils import get_column_letter

    header: list[str] = []
    for number, cells in enumerate(sheet.iter_rows(), start=1):
        if number == 1:
            header = [str(c.value).strip() if c.value is not None else "" for c in cells]
        for position, cell in enumerate(cells):
            kind = getattr(cell, "data_type", None)
            if kind == "f" or (isinstance(cell.value, str) and cell.value.startswith("=") and kind != "s"):
                column = header[position] if position < len(header) and header[position] else \
                    get_column_letter(position + 1)
                raise TableError("formula", file=name, row=number, column=column, formula=str(cell.value)[:40])


def _cell(value) -> str:
    """An Excel cell as text; a number cell in machine notation (``1234.5``, never ``1.2345E3``)."""
    if value is None:
        return ""
    if isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value):
        return machine(value)
    return str(value).strip()
