"""Formula cells in an uploaded workbook are refused, not imported.

openpyxl cannot calculate formulas: read with ``data_only=True`` a formula cell gives the value
Excel cached when the file was saved, and nothing (None) when the file was written by another
program — which an import then stored as an empty figure over the existing one, while
reporting success (issue 16: ``=1+1`` and ``=A1`` turned values NULL). So before a workbook is
read, every formula cell of its first sheet is looked up; the first one stops the import with
the file, the row and the column. Save the sheet with values only ("paste as values") first.
"""

from __future__ import annotations

from pathlib import Path

from django.utils.translation import gettext as _

from wijksturing.monitor.importers.base import MonitorImportError


def refuse_formulas(path: Path, name: str) -> None:
    from openpyxl import load_workbook

    try:
        sheet = load_workbook(path, read_only=True, data_only=False).worksheets[0]
    except Exception:  # noqa: BLE001 — a damaged file is reported by the reader itself
        return
    header: list[str] = []
    for number, cells in enumerate(sheet.iter_rows(), start=1):
        if number == 1:
            header = [str(c.value).strip() if c.value is not None else "" for c in cells]
        for position, cell in enumerate(cells):
            if getattr(cell, "data_type", None) == "f" or (isinstance(cell.value, str) and cell.value.startswith("=")
                                                            and getattr(cell, "data_type", None) != "s"):
                column = header[position] if position < len(header) and header[position] else _letter(position)
                raise MonitorImportError(
                    _("this cell holds a formula (%(formula)s); formulas are not imported: save the sheet with "
                      "values only and import again") % {"formula": str(cell.value)[:40]},
                    file=name, row=number, column=column)


def _letter(position: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(position + 1)
