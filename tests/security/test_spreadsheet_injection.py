"""Issue 16: CSV and Excel exports must not carry live formulas (a cell starting with = + - @ is
neutralised in CSV and stored as text in .xlsx), across the exports that hold free text."""

import csv
import io

import pytest
from openpyxl import load_workbook

from wijksturing.core.cells import csv_safe
from wijksturing.monitor.exports import write_table

PAYLOADS = ["=1+1", "=HYPERLINK(\"http://evil.example\",\"klik\")", "+SUM(A1:A9)", "-2+3+cmd|' /C calc'!A0",
            "@SUM(1,1)", "\t=1+1", "\r=1+1", "=cmd|' /C notepad'!'A1'"]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_csv_cells_that_would_start_a_formula_get_an_apostrophe(payload):
    assert csv_safe(payload) == "'" + payload


@pytest.mark.parametrize("plain", ["-12", "+3,5", "-0.01", "1e5", "Bomen", "", "a=b", "12-2024"])
def test_numbers_and_ordinary_text_stay_as_they_are(plain):
    assert csv_safe(plain) == plain


def test_non_text_values_pass_unchanged():
    assert csv_safe(-3) == -3 and csv_safe(None) is None and csv_safe(2.5) == 2.5


# (a bare carriage return inside a field is not quoted by Python's csv module with "\n" line
# ends, so it cannot be read back by a CSV reader at all; it is neutralised all the same)
@pytest.mark.parametrize("payload", [p for p in PAYLOADS if "\r" not in p])
def test_monitor_export_in_csv_and_xlsx(payload):
    rows = [["WK020201", payload, -4, 12.5]]
    out = io.BytesIO()
    write_table(header=["code", "name", "delta", "value"], rows=rows, geometries=None, fmt="csv", out=out)
    read = list(csv.reader(io.StringIO(out.getvalue().decode(), newline="")))
    assert read[1] == ["WK020201", "'" + payload, "-4", "12.5"]
    out = io.BytesIO()
    write_table(header=["code", "name", "delta", "value"], rows=rows, geometries=None, fmt="xlsx", out=out)
    sheet = load_workbook(io.BytesIO(out.getvalue())).active
    cell = sheet["B2"]
    assert cell.data_type == "s" and cell.value == payload  # text, exactly as written, never a formula
    assert sheet["C2"].value == -4 and sheet["D2"].value == 12.5


@pytest.mark.django_db
@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_programme_export_neutralises_free_text(fmt):
    from wijksturing.programmes.exports import EXPORTERS
    from wijksturing.programmes.tests import factories as f

    t = f.tree()
    from wijksturing.programmes import services

    services.object_update(user=None, obj=t["results"][0], text="=HYPERLINK(\"http://evil.example\",\"x\")")
    services.object_update(user=None, obj=t["goal"], title="@SUM(1,1)")
    out = io.BytesIO()
    EXPORTERS["programme"](municipality=f.MUN, gebied="W1", level=None, year=None, fmt=fmt, out=out)
    if fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(out.getvalue().decode())))
        assert rows[0]["result"].startswith("'=") and rows[0]["goal"] == "'@SUM(1,1)"
    else:
        book = load_workbook(io.BytesIO(out.getvalue()))
        cells = [c for row in book["programme"].iter_rows() for c in row]
        assert not [c for c in cells if c.data_type == "f"]
        assert any(c.value == "=HYPERLINK(\"http://evil.example\",\"x\")" and c.data_type == "s" for c in cells)
