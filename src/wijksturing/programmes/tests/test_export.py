"""Export of a programme as CSV and Excel, directly and through ``wijksturing export``."""

import csv
import io
from decimal import Decimal

import pytest
from django.core.management import call_command
from openpyxl import load_workbook

from wijksturing.programmes.exports import EXPORTERS
from wijksturing.programmes.tests import factories as f

pytestmark = pytest.mark.django_db
REQUIRED = ["theme", "goal", "result", "agendas", "indicator", "baseline", "target", "progress", "progress_source"]


def _setup():
    t = f.tree()
    f.measure(t["goal"], result=t["results"][0])
    f.observe("W1", f.indicator(), {2025: 90.0})
    from wijksturing.programmes import services

    services.object_update(user=None, obj=t["results"][1], recorded_status="behind")
    from wijksturing.budgets import services as budgets

    line = budgets.budget_line_set(user=None, municipality=f.municipality(), gebied_code="W1", year=2025,
                                   domain="safety", amount=Decimal("1000.00"))
    from datetime import date

    budgets.entry_add(user=None, line=line, kind="commitment", amount=Decimal("250.10"), entry_date=date(2025, 1, 1),
                      description="Toezicht", goal=t["goal"])
    return t


def _csv(data: bytes) -> list[dict]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8"))))


def test_csv_has_one_row_per_intended_result():
    _setup()
    out = io.BytesIO()
    EXPORTERS["programme"](municipality=f.MUN, gebied="W1", level=None, year=None, fmt="csv", out=out)
    rows = _csv(out.getvalue())
    assert set(REQUIRED) <= set(rows[0])
    assert [r["result"] for r in rows] == ["Meer toezicht", "Betere verlichting"]
    first, second = rows
    assert (first["indicator"], first["baseline"], first["target"]) == ("g_test", "100", "80")
    assert (first["progress"], first["progress_source"]) == ("on_track", "indicator")
    assert (second["indicator"], second["progress"], second["progress_source"]) == ("", "behind", "recorded")
    assert first["goal_committed"] == "250.10"


def test_unknown_progress_is_empty():
    f.tree()
    out = io.BytesIO()
    EXPORTERS["programme"](municipality=f.MUN, gebied="W1", level=None, year=None, fmt="csv", out=out)
    assert {r["progress"] for r in _csv(out.getvalue())} == {""}


def test_xlsx_has_programme_and_budget_sheets():
    _setup()
    out = io.BytesIO()
    EXPORTERS["programme"](municipality=f.MUN, gebied="W1", level=None, year=None, fmt="xlsx", out=out)
    book = load_workbook(io.BytesIO(out.getvalue()))
    rows = list(book["programme"].values)
    assert rows[0][:4] == ("programme", "period", "area", "theme") and len(rows) == 3
    budget = list(book["budget"].values)
    assert budget[1][:5] == (2025, "safety", "1000.00", "250.10", "0.00")


def test_unknown_gebied_names_the_field():
    f.municipality()
    with pytest.raises(ValueError, match="gebied"):
        EXPORTERS["programme"](municipality=f.MUN, gebied="W7", level=None, year=None, fmt="csv", out=io.BytesIO())


def test_the_export_command(tmp_path):
    _setup()
    target = tmp_path / "programma.csv"
    call_command("export", "programme", "--municipality", f.MUN, "--gebied", "W1", "--format", "csv", "--output", str(target))
    rows = _csv(target.read_bytes())
    assert len(rows) == 2 and rows[0]["progress"] == "on_track"
