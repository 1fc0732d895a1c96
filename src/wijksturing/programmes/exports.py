"""Export of an area programme with progress and budget: one row per intended result.

Used by ``wijksturing export programme --municipality GM0202 --gebied W1 --format csv|xlsx``
(discovered through ``EXPORTERS``) and by the download links on the programme page.
Contains no personal data. Progress uses public figures only.
"""

from __future__ import annotations

import csv
import io
from typing import BinaryIO

from wijksturing.budgets.selectors import budget_overview, budget_years, goal_money
from wijksturing.core.cells import csv_safe_row, xlsx_append
from wijksturing.programmes.models import Programme
from wijksturing.programmes.progress import annotate_programme

COLUMNS = [
    "programme", "period", "area", "theme", "theme_progress", "goal", "goal_progress", "agendas", "result",
    "indicator", "area_code", "baseline", "baseline_year", "target", "target_year", "progress", "progress_source",
    "explanation", "latest_review", "goal_committed", "goal_spent", "withdrawn",
]
CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def _status(progress) -> str:
    return "" if progress is None or not progress.known else progress.status


def _withdrawn(*parts) -> str:
    """The first withdrawn of result, goal, theme: ``"2026-03-01: reason"``; empty when none is."""
    part = next((p for p in parts if p.withdrawn), None)
    return f"{part.withdrawn_on.isoformat()}: {part.withdrawn_reason}" if part else ""


def _explanations(measures) -> str:
    """One sentence per measure, separated by a space; a sentence shared by two measures once."""
    texts = [m.progress.explanation.strip() for m in measures if m.progress.explanation.strip()]
    return " ".join(dict.fromkeys(texts))


def programme_rows(*, programme, year: int | None = None) -> list[dict]:
    annotate_programme(programme)
    goal_ids = [g.pk for t in programme.theme_list for g in t.goal_list] if programme.theme_list else []
    money = goal_money(goal_ids=goal_ids, year=year)
    rows = []
    for theme in programme.theme_list:
        for goal in theme.goal_list:
            agendas = "; ".join(a.name for a in goal.agendas.all())
            spent = money.get(goal.pk, {})
            for result in goal.result_list:
                measures = result.applied_measures
                reviews = sorted(result.reviews.all(), key=lambda r: r.year)
                source = result.progress.source if result.progress.known else ""
                rows.append({
                    "programme": programme.title,
                    "period": f"{programme.start_year}-{programme.end_year}",
                    "area": programme.area_code,
                    "theme": theme.title,
                    "theme_progress": _status(theme.progress),
                    "goal": goal.title,
                    "goal_progress": _status(goal.progress),
                    "agendas": agendas,
                    "result": result.text,
                    "indicator": "; ".join(m.indicator.code for m in measures),
                    "area_code": "; ".join(m.area_code for m in measures),
                    "baseline": "; ".join("" if m.baseline_value is None else f"{m.baseline_value:g}" for m in measures),
                    "baseline_year": "; ".join(str(m.baseline_year) for m in measures),
                    "target": "; ".join(f"{m.target_value:g}" for m in measures),
                    "target_year": "; ".join(str(m.target_year) for m in measures),
                    "progress": _status(result.progress),
                    "progress_source": "recorded" if source in ("recorded", "rollup") else source,
                    "explanation": _explanations(measures),
                    "latest_review": f"{reviews[-1].year}: {reviews[-1].achieved}" if reviews else "",
                    "goal_committed": str(spent.get("commitment", "")),
                    "goal_spent": str(spent.get("spending", "")),
                    "withdrawn": _withdrawn(result, goal, theme),
                })
    return rows


def _budget_rows(programme, year: int | None) -> list[list]:
    mun = programme.municipality.code
    years = [year] if year else budget_years(municipality_code=mun, gebied_code=programme.area_code)
    out = []
    for y in years:
        lines, _total = budget_overview(municipality_code=mun, gebied_code=programme.area_code, year=y)
        for lb in lines:
            b = lb.balance
            out.append([y, lb.line.domain, str(b.budget), str(b.committed), str(b.spent), str(b.remaining),
                        "; ".join(b.warnings), "yes" if lb.line.illustrative else "no"])
    return out


def export_programme(*, programme, fmt: str, out: BinaryIO, year: int | None = None) -> None:
    rows = programme_rows(programme=programme, year=year)
    if fmt == "csv":
        text = io.StringIO()
        writer = csv.DictWriter(text, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(csv_safe_row(row) for row in rows)
        out.write(text.getvalue().encode("utf-8"))
        return
    if fmt != "xlsx":
        raise ValueError(f"format must be csv or xlsx, not {fmt!r}")
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "programme"
    xlsx_append(sheet, COLUMNS)
    for row in rows:
        xlsx_append(sheet, [row[c] for c in COLUMNS])
    budget = book.create_sheet("budget")
    budget.append(["year", "domain", "budget", "committed", "spent", "remaining", "warnings", "illustrative"])
    for row in _budget_rows(programme, year):
        xlsx_append(budget, row)
    out.write(_save(book))


def _save(book) -> bytes:
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def programme_exporter(*, municipality: str, gebied: str | None, level: str | None = None, year: int | None = None,
                       fmt: str, out: BinaryIO) -> None:
    """``wijksturing export programme``: the latest programme of the gebied (or, without
    ``--gebied``, the municipality's city-wide programme)."""
    area_code = gebied or municipality.upper()
    programme = (
        Programme.objects.select_related("municipality")
        .filter(municipality__code=municipality.upper(), area_code=area_code).order_by("-start_year").first()
    )
    if programme is None:
        raise ValueError(f"gebied: no programme for {area_code!r} in {municipality!r}")
    export_programme(programme=programme, fmt=fmt, out=out, year=year)


EXPORTERS = {"programme": programme_exporter}
