"""Issue 16: a monitor .xlsx with formula cells (=1+1, =A1) reported success and turned
existing values NULL. Formula cells are refused with file, row and column; nothing changes."""

import pytest
from openpyxl import Workbook

from wijksturing.areas.services import layout_register
from wijksturing.monitor.importers.base import MonitorImportError
from wijksturing.monitor.models import ImportRun, ImportStatus, Observation
from wijksturing.monitor.services import import_file


@pytest.fixture
def arnhem(catalogue):
    layout_register(municipality_code="GM0202", municipality_name="Arnhem", year=2024,
                    regions=[("WK020201", "Centrum"), ("WK020202", "Spijkerkwartier")], source="test")


def workbook(tmp_path, rows, name="eigen.xlsx"):
    book = Workbook()
    for row in [["code", "a_inw", "a_woning"], *rows]:
        book.active.append(row)
    path = tmp_path / name
    book.save(path)
    return path


def stored():
    return dict(Observation.objects.filter(indicator__code="a_inw").values_list("area__code", "value"))


@pytest.mark.parametrize(("cell", "row", "column"), [
    ("=1+1", 3, "a_inw"),
    ("=A1", 3, "a_inw"),
    ("=SUM(B2:B2)", 3, "a_inw"),
    ('=HYPERLINK("http://example.org","x")', 3, "a_inw"),
])
def test_formula_cells_are_refused_with_file_row_column_and_nothing_changes(arnhem, tmp_path, cell, row, column):
    import_file(path=workbook(tmp_path, [["WK020201", 100, 10], ["WK020202", 200, 20]], "eerst.xlsx"), year=2024)
    before = stored()
    assert before == {"WK020201": 100, "WK020202": 200}
    with pytest.raises(MonitorImportError) as info:
        import_file(path=workbook(tmp_path, [["WK020201", 150, 10], ["WK020202", cell, 20]]), year=2024)
    error = info.value
    assert (error.row, error.column) == (row, column) and "eigen.xlsx" in str(error) and "formule" in str(error)
    assert stored() == before  # no value turned NULL
    assert ImportRun.objects.latest("id").status == ImportStatus.FAILED


def test_a_formula_in_the_code_column_is_refused_too(arnhem, tmp_path):
    with pytest.raises(MonitorImportError) as info:
        import_file(path=workbook(tmp_path, [["=\"WK0202\"&\"01\"", 100, 10]]), year=2024)
    assert (info.value.row, info.value.column) == (2, "code")
