"""Dutch-ready wording of the project's table reader errors (:mod:`wijksturing.core.tabular`,
which stays free of Django and speaks English), shared by every importer: ``file: rij N:
kolom 'X': wat er mis is``."""

from __future__ import annotations

from django.utils.translation import gettext as _

from wijksturing.core import tabular

READER_MESSAGES = {
    "missing": lambda p: _("the file does not exist"),
    "truncated": lambda p: _("the file is damaged or truncated (%(error)s)") % p,
    "binary": lambda p: _("this is not a text (CSV) file: it contains binary data"),
    "empty": lambda p: _("the file is empty"),
    "csv": lambda p: _("not a readable CSV line (%(error)s)") % p,
    "fields": lambda p: _("has %(fields)s fields where the header has %(header)s; is the file truncated?") % p,
    "excel": lambda p: _("not a readable Excel file (%(error)s)") % p,
    "sheet_empty": lambda p: _("the sheet is empty"),
    "formula": lambda p: _("this cell holds a formula (%(formula)s); formulas are not imported: save the sheet with "
                           "values only and import again") % p,
}


def reader_message(error: tabular.TableError) -> str:
    """What is wrong, in the active language (the reader's English where no wording exists)."""
    return READER_MESSAGES[error.code](error.params) if error.code in READER_MESSAGES else error.reason


def located(message: str, *, file: str = "", row: int | None = None, column: str | None = None) -> str:
    """``file: row N: column 'X': message`` in the active language, leaving out what is unknown."""
    where = [part for part in (file, _("row %(row)s") % {"row": row} if row is not None else "",
                               _("column '%(column)s'") % {"column": column} if column else "") if part]
    return ": ".join(where + [message])
