"""Import commitments and spending from the financial system (CSV, UTF-8, `,`, `;` or tab; read by
:func:`wijksturing.core.tabular.read_table`).

Columns: ``gebied, year, domain, kind, amount, date, description, reference`` and optionally
``goal`` (the id of a goal of that gebied). ``kind`` is ``commitment``/``verplichting`` or
``spending``/``besteding``; ``amount`` is read by the project's one parser
(:func:`wijksturing.core.numbers.parse_amount`: ``1.234,56``, ``1234,56``, ``1234.56``,
``€ 1.234``); an amount that could mean two things (``1,234``) is refused. All rows or none:
the first bad row stops the import with an error naming the file, row and column. A row whose
``reference`` was imported before is skipped, so re-running an export is safe.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.core.exceptions import ObjectDoesNotExist
from django.db import transaction
from django.utils.translation import gettext as _

from wijksturing.accounts.services import audit_log
from wijksturing.budgets.models import BudgetLine, Domain, Entry, EntryKind
from wijksturing.budgets.selectors import budget_can_edit
from wijksturing.core.numbers import NumberError, parse_amount
from wijksturing.core.tabular import TableError, read_table
from wijksturing.formfields import amount_error
from wijksturing.programmes.selectors import goals_of_area
from wijksturing.tablemessages import located, reader_message

REQUIRED = ["gebied", "year", "domain", "kind", "amount", "date", "description", "reference"]
KINDS = {"commitment": EntryKind.COMMITMENT, "verplichting": EntryKind.COMMITMENT,
         "spending": EntryKind.SPENDING, "besteding": EntryKind.SPENDING, "uitgave": EntryKind.SPENDING}


MAX_AMOUNT = Decimal("999999999999.99")  # the largest amount the database stores (14 digits, 2 decimals)


class BudgetImportError(ValueError):
    def __init__(self, file: str, row: int | None, column: str | None, message: str):
        self.file, self.row, self.column = file, row, column
        super().__init__(located(message, file=file, row=row, column=column))


@dataclass
class ImportSummary:
    added: int = 0
    skipped: int = 0


def import_entries(*, municipality, data: bytes | str, filename: str, user=None) -> ImportSummary:
    try:  # the project's one table reader: UTF-8 only, no Excel, ; , or tab
        table = read_table(data.encode() if isinstance(data, str) else data, name=filename, excel=False)
    except TableError as error:
        raise BudgetImportError(error.file, error.row, error.column, reader_message(error)) from None
    missing = [c for c in REQUIRED if c not in table.header]
    if missing:
        raise BudgetImportError(filename, 1, missing[0], _("column missing from the header"))
    summary = ImportSummary()
    with transaction.atomic():
        for number, row in table.rows:
            def fail(column: str, message: str, number: int = number):
                raise BudgetImportError(filename, number, column, message)

            gebied = (row["gebied"] or "").strip()
            if not gebied:
                fail("gebied", _("empty"))
            if user is not None and not budget_can_edit(user=user, municipality_code=municipality.code, gebied_code=gebied):
                fail("gebied", _("you may not change the budget of gebied %(gebied)s") % {"gebied": gebied})
            try:
                year = int(row["year"])
            except (TypeError, ValueError):
                fail("year", _("not a year: '%(value)s'") % {"value": row["year"]})
            domain = (row["domain"] or "").strip()
            if domain not in Domain.values:
                fail("domain", _("unknown domain '%(value)s' (one of %(choices)s)")
                     % {"value": domain, "choices": ", ".join(Domain.values)})
            kind = KINDS.get((row["kind"] or "").strip().lower())
            if kind is None:
                fail("kind", _("unknown kind '%(value)s'") % {"value": row["kind"]})
            try:
                amount = parse_amount(row["amount"] or "")
            except NumberError as error:
                fail("amount", amount_error(error)[0])
            if amount is None:
                fail("amount", _("empty"))
            if amount <= 0:
                fail("amount", _("must be more than 0 (a correction is a separate entry): '%(value)s'")
                     % {"value": row["amount"]})
            if amount > MAX_AMOUNT:
                fail("amount", _("larger than the largest amount that can be stored (999.999.999.999,99): '%(value)s'")
                     % {"value": row["amount"]})
            try:
                when = date.fromisoformat((row["date"] or "").strip())
            except ValueError:
                fail("date", _("not a date (YYYY-MM-DD): '%(value)s'") % {"value": row["date"]})
            line = BudgetLine.objects.filter(municipality=municipality, gebied_code=gebied, year=year, domain=domain).first()
            if line is None:
                fail("domain", _("no budget for gebied %(gebied)s, %(year)s, %(domain)s")
                     % {"gebied": gebied, "year": year, "domain": domain})
            reference = (row["reference"] or "").strip()
            if reference and Entry.objects.filter(line=line, kind=kind, reference=reference).exists():
                summary.skipped += 1
                continue
            goal_id = None
            if (row.get("goal") or "").strip():
                try:
                    goal_id = goals_of_area(municipality_code=municipality.code, area_code=gebied).get(pk=int(row["goal"])).pk
                except (ValueError, ObjectDoesNotExist):
                    fail("goal", _("no goal '%(value)s' in gebied %(gebied)s") % {"value": row["goal"], "gebied": gebied})
            Entry.objects.create(line=line, kind=kind, amount=amount, date=when, reference=reference,
                                 description=(row["description"] or "").strip()[:300], goal_id=goal_id)
            summary.added += 1
        audit_log(user=user, action="budget_import", obj="Entry", municipality_code=municipality.code,
                  changes={"file": filename, "added": summary.added, "skipped": summary.skipped})
    return summary
