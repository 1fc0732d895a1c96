"""Bad input gets a clear error naming file, row and column, and nothing is written."""

import gzip

import pytest

from wijksturing.areas.services import layout_register
from wijksturing.monitor.importers.base import MonitorImportError
from wijksturing.monitor.models import ImportRun, ImportStatus, Observation
from wijksturing.monitor.services import import_file

HEADER = "code,a_inw,a_woning\n"


@pytest.fixture
def arnhem(catalogue):
    layout_register(municipality_code="GM0202", municipality_name="Arnhem", year=2024,
                    regions=[("WK020201", "Centrum"), ("WK020202", "Spijkerkwartier"), ("BU02020100", "Markt")], source="test")


def write(tmp_path, text, name="eigen.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def attempt(path, **kwargs):
    before = Observation.objects.count()
    with pytest.raises(MonitorImportError) as info:
        import_file(path=path, year=2024, **kwargs)
    assert Observation.objects.count() == before, "a failed import must leave the database as it was"
    run = ImportRun.objects.latest("id")
    assert run.status == ImportStatus.FAILED and run.errors
    return info.value


def test_good_file_imports(arnhem, tmp_path):
    run = import_file(path=write(tmp_path, HEADER + "WK020201,7465,4000\nWK020202,6880,3500\n"), year=2024)
    assert run.observations == 4
    assert Observation.objects.get(area__code="WK020202", indicator__code="a_woning").value == 3500


def test_non_numeric_value(arnhem, tmp_path):
    error = attempt(write(tmp_path, HEADER + "WK020201,7465,4000\nWK020202,veel,3500\n"))
    assert (error.file, error.row, error.column) == ("eigen.csv", 3, "a_inw")
    assert str(error) == "eigen.csv: rij 3: kolom 'a_inw': 'veel' is geen getal"  # Dutch, for the analyst's page


def test_unknown_area_code(arnhem, tmp_path):
    error = attempt(write(tmp_path, HEADER + "WK020201,7465,4000\nWK020299,10,5\n"))
    assert error.row == 3 and error.column == "code" and "WK020299" in str(error)


def test_duplicate_row(arnhem, tmp_path):
    error = attempt(write(tmp_path, HEADER + "WK020201,7465,4000\nWK020201,7465,4000\n"))
    assert error.row == 3 and "dubbele rij" in str(error) and "ook op rij 2" in str(error)


def test_wrong_columns(arnhem, tmp_path):
    error = attempt(write(tmp_path, "gebiedscode,inwoners\nWK020201,7465\n"))
    assert error.row == 1 and "gebiedscodes" in str(error)
    error = attempt(write(tmp_path, "code,inwoners\nWK020201,7465\n", name="b.csv"))
    assert "geen kolom past bij een indicator" in str(error)


def test_truncated_files(arnhem, tmp_path):
    error = attempt(write(tmp_path, HEADER + "WK020201,7465,4000\nWK020202,6880\n"))
    assert error.row == 3 and "onvolledig" in str(error)
    data = gzip.compress((HEADER + "WK020201,7465,4000\n" * 50).encode())
    path = tmp_path / "kapot.csv.gz"
    path.write_bytes(data[: len(data) // 2])
    error = attempt(path)
    assert error.file == "kapot.csv.gz" and "onvolledig" in str(error)


def test_error_halfway_leaves_nothing(arnhem, tmp_path):
    import_file(path=write(tmp_path, HEADER + "WK020201,1,1\n"), year=2024)
    rows = "".join(f"WK02020{i},{i},{i}\n" for i in (1, 2)) + "BU02020100,abc,1\n"
    attempt(write(tmp_path, HEADER + rows, name="c.csv"))
    assert Observation.objects.get(area__code="WK020201", indicator__code="a_inw").value == 1


def test_excel_of_own_indicators_and_long_format(arnhem, tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["code", "year", "a_inw", "a_woning"])
    book.active.append(["WK020201", 2025, 7500, 4100])
    book.active.append(["WK020202", 2025, None, 3600])
    book.save(tmp_path / "eigen.xlsx")
    run = import_file(path=tmp_path / "eigen.xlsx")
    assert run.observations == 4
    assert Observation.objects.get(area__code="WK020201", indicator__code="a_inw", year=2025).value == 7500
    long = write(tmp_path, "code,indicator,year,value\nWK020201,a_misd,2024,12\nWK020201,a_inw,2024,7465\n", name="lang.csv")
    assert import_file(path=long).observations == 2
    error = attempt(write(tmp_path, "code,indicator,year,value\nWK020201,geluk,2024,8\n", name="lang2.csv"))
    assert error.column == "indicator" and "geluk" in str(error)


def test_errors_in_english_for_an_english_page(arnhem, tmp_path):
    from django.utils import translation

    with translation.override("en"):
        error = attempt(write(tmp_path, HEADER + "WK020201,7465,4000\nWK020202,veel,3500\n"))
    assert str(error) == "eigen.csv: row 3: column 'a_inw': 'veel' is not a number"


def test_import_message_counts_in_dutch(arnhem, tmp_path):
    from wijksturing.monitor.models import ImportRun

    import_file(path=write(tmp_path, HEADER + "WK020201,7465,4000\n"), year=2024)
    assert ImportRun.objects.latest("id").message.endswith(": 2 indicatoren, 1 rij")
