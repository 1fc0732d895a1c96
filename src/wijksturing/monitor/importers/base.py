"""What every monitor import shares: reading rows, parsing numbers with errors that name the
file, row and column, and writing observations in one transaction with visible progress."""

from __future__ import annotations

import csv
import gzip
import io
import math
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

MISSING = {"", ".", "x", "-", "?", "-99999999", "-99999997", "-99999998", "nan", "NaN"}


class MonitorImportError(ValueError):
    """Bad input. ``str(error)`` reads ``file: row N: column 'X': what is wrong``."""

    def __init__(self, message: str, *, file: str = "", row: int | None = None, column: str | None = None):
        self.file, self.row, self.column, self.reason = file, row, column, message
        where = [part for part in (file, f"row {row}" if row is not None else "", f"column {column!r}" if column else "") if part]
        super().__init__(": ".join(where + [message]))

    def as_dict(self) -> dict:
        return {"file": self.file, "row": self.row, "column": self.column, "message": self.reason}


def parse_number(raw: str | float | int | None, *, file: str, row: int, column: str) -> float | None:
    """A number, or None for CBS's 'not published' markers. Accepts a decimal comma."""
    if raw is None:
        return None
    if isinstance(raw, (int, float)):
        return None if (isinstance(raw, float) and math.isnan(raw)) or raw in (-99999999, -99999997) else float(raw)
    text = str(raw).strip()
    if text in MISSING:
        return None
    cleaned = text.replace("\u00a0", "").replace(" ", "")
    if "," in cleaned and "." not in cleaned:
        cleaned = cleaned.replace(",", ".")
    try:
        value = float(cleaned)
    except ValueError:
        raise MonitorImportError(f"{text!r} is not a number", file=file, row=row, column=column) from None
    if not math.isfinite(value):
        raise MonitorImportError(f"{text!r} is not a finite number", file=file, row=row, column=column)
    return None if value in (-99999999.0, -99999997.0) else value


@dataclass
class Table:
    """A file read into memory: its header and its rows (row numbers as a spreadsheet shows them)."""

    name: str
    header: list[str]
    rows: list[tuple[int, dict[str, str]]] = field(default_factory=list)


def _open_text(path: Path) -> io.TextIOBase:
    raw = path.read_bytes()
    if path.suffix == ".gz":
        try:
            raw = gzip.decompress(raw)
        except (OSError, EOFError) as exc:
            raise MonitorImportError(f"the file is damaged or truncated ({exc})", file=path.name) from None
    text = raw.decode("utf-8-sig", errors="strict") if _is_utf8(raw) else raw.decode("latin-1")
    return io.StringIO(text)


def _is_utf8(raw: bytes) -> bool:
    try:
        raw.decode("utf-8")
        return True
    except UnicodeDecodeError:
        return False


def read_table(path: Path) -> Table:
    """Read CSV (comma or semicolon, optionally gzipped) or Excel (.xlsx) into a :class:`Table`."""
    path = Path(path)
    if not path.exists():
        raise MonitorImportError("the file does not exist", file=str(path))
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        return _read_excel(path)
    handle = _open_text(path)
    sample = handle.read(4096)
    handle.seek(0)
    delimiter = ";" if sample.count(";") > sample.count(",") else ","
    reader = csv.reader(handle, delimiter=delimiter)
    try:
        header = [h.strip() for h in next(reader)]
    except StopIteration:
        raise MonitorImportError("the file is empty", file=path.name) from None
    except csv.Error as exc:
        raise MonitorImportError(f"not a readable CSV file ({exc})", file=path.name, row=1) from None
    table = Table(name=path.name, header=header)
    try:
        for number, values in enumerate(reader, start=2):
            if not any(v.strip() for v in values):
                continue
            if len(values) != len(header):
                raise MonitorImportError(
                    f"has {len(values)} fields where the header has {len(header)}; is the file truncated?",
                    file=path.name, row=number)
            table.rows.append((number, dict(zip(header, (v.strip() for v in values)))))
    except csv.Error as exc:
        raise MonitorImportError(f"not a readable CSV line ({exc})", file=path.name, row=reader.line_num) from None
    return table


def _read_excel(path: Path) -> Table:
    from openpyxl import load_workbook

    try:
        sheet = load_workbook(path, read_only=True, data_only=True).worksheets[0]
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        raise MonitorImportError(f"not a readable Excel file ({exc})", file=path.name) from None
    rows = sheet.iter_rows(values_only=True)
    try:
        header = [str(h).strip() if h is not None else "" for h in next(rows)]
    except StopIteration:
        raise MonitorImportError("the sheet is empty", file=path.name) from None
    table = Table(name=path.name, header=header)
    for number, values in enumerate(rows, start=2):
        if values is None or all(v is None or str(v).strip() == "" for v in values):
            continue
        table.rows.append((number, {h: ("" if v is None else str(v).strip()) for h, v in zip(header, values)}))
    return table


Progress = Callable[[float], None]


def chunks(items: list, size: int) -> Iterator[list]:
    for start in range(0, len(items), size):
        yield items[start : start + size]
