"""Spreadsheet cells that stay data (CSV and Excel injection, OWASP "CSV injection").

A spreadsheet program reads a CSV cell that starts with ``=``, ``+``, ``-`` or ``@`` (or a tab or
carriage return followed by one) as a formula: a resident who writes ``=HYPERLINK(...)`` in a
description would run it on the computer of the official who opens the export. CSV cells of
that kind get a leading apostrophe, which spreadsheet programs show as "this is text". A plain
number (``-12``, ``+3,5``) is left alone: it cannot be a formula. In ``.xlsx`` the cell type is
explicit, so the text is kept exactly and only marked as a string instead of a formula.
"""

from __future__ import annotations

import re

_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)(?:[eE][+-]?\d+)?")


def csv_safe(value):
    """``value`` as it may go into a CSV cell: text that would start a formula gets a ``'``."""
    if isinstance(value, str) and value.startswith(_TRIGGERS) and not _NUMBER.fullmatch(value):
        return "'" + value
    return value


def csv_safe_row(row):
    """A list (or dict) of cells made safe with :func:`csv_safe`."""
    if isinstance(row, dict):
        return {key: csv_safe(value) for key, value in row.items()}
    return [csv_safe(value) for value in row]


def xlsx_append(sheet, row) -> None:
    """Append ``row`` to an openpyxl sheet; text that openpyxl would store as a formula
    (it starts with ``=``) is stored as the text it is."""
    sheet.append(list(row))
    for cell in sheet[sheet.max_row]:
        if getattr(cell, "data_type", None) == "f":
            cell.data_type = "s"
