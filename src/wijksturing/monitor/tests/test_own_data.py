"""A municipality's own file (generic format): numbers read by the one parser with the file's
convention, unknown columns and area codes refused with the uploaded file's name, row and
column, nothing written (issue 14)."""

import pytest

from wijksturing.areas.services import layout_register
from wijksturing.monitor.importers.base import MonitorImportError
from wijksturing.monitor.models import ImportRun, ImportStatus, Observation
from wijksturing.monitor.services import import_file


@pytest.fixture
def arnhem(catalogue):
    layout_register(municipality_code="GM0202", municipality_name="Arnhem", year=2024,
                    regions=[("WK020201", "Centrum"), ("WK020202", "Spijkerkwartier")], source="test")


def write(tmp_path, text, name="9f3366aa.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def refused(path, **kwargs) -> MonitorImportError:
    with pytest.raises(MonitorImportError) as info:
        import_file(path=path, year=2024, **kwargs)
    assert not Observation.objects.exists(), "a refused file writes nothing"
    assert ImportRun.objects.latest("id").status == ImportStatus.FAILED
    return info.value


def value(code: str, indicator: str = "a_inw") -> float:
    return Observation.objects.get(area__code=code, indicator__code=indicator).value


def test_unknown_column_is_refused_with_the_uploaded_name(arnhem, tmp_path):
    error = refused(write(tmp_path, "code,a_inw,bewoners_extra\nWK020201,7465,3\n"),
                    municipality="GM0202", municipalities={"GM0202"}, name="mijn cijfers.csv")
    assert (error.file, error.row, error.column) == ("mijn cijfers.csv", 1, "bewoners_extra")
    assert "9f3366aa" not in str(error)


def test_unknown_area_code_of_another_municipality_is_refused(arnhem, tmp_path):
    """WK999999 was silently left out, and the upload said 'gelukt'."""
    error = refused(write(tmp_path, "code,a_inw\nWK020201,7465\nWK999999,12\n"),
                    municipality="GM0202", municipalities={"GM0202"}, name="eigen.csv")
    assert (error.file, error.row, error.column) == ("eigen.csv", 3, "code")
    assert "WK999999" in str(error)


def test_unknown_area_code_of_the_municipality_is_refused(arnhem, tmp_path):
    error = refused(write(tmp_path, "code,a_inw\nWK020201,7465\nWK020299,12\n"),
                    municipality="GM0202", municipalities={"GM0202"}, name="eigen.csv")
    assert (error.file, error.row, error.column) == ("eigen.csv", 3, "code")


def test_run_and_errors_name_the_upload_not_the_stored_file(arnhem, tmp_path):
    refused(write(tmp_path, "code,a_inw\nWK020201,veel\n"), name="eigen.csv")
    run = ImportRun.objects.latest("id")
    assert run.errors[0]["file"] == "eigen.csv" and "9f3366aa" not in run.message


def test_dutch_thousands_in_a_semicolon_file(arnhem, tmp_path):
    import_file(path=write(tmp_path, "code;a_inw\nWK020201;7.465\nWK020202;6880\n"), year=2024)
    assert value("WK020201") == 7465  # was 7.465


def test_the_files_own_values_settle_an_ambiguous_number(arnhem, tmp_path):
    import_file(path=write(tmp_path, 'code,a_inw,a_woning\nWK020201,"1.234","3,5"\nWK020202,6880,2\n'), year=2024)
    assert value("WK020201") == 1234 and value("WK020201", "a_woning") == 3.5
    import_file(path=write(tmp_path, "code,a_inw,a_woning\nWK020201,1.234,3.5\n", name="b.csv"), year=2024)
    assert value("WK020201") == 1.234


def test_an_ambiguous_number_without_a_convention_is_refused(arnhem, tmp_path):
    error = refused(write(tmp_path, "code,a_inw\nWK020201,1.234\n"), name="eigen.csv")
    assert (error.row, error.column) == (2, "a_inw") and "1234" in str(error)


def test_an_ambiguous_number_in_a_file_of_mixed_notation_is_refused(arnhem, tmp_path):
    """Each unambiguous value is read as written; an ambiguous one needs one convention."""
    import_file(path=write(tmp_path, 'code,a_inw,a_woning\nWK020201,"2,5",1\nWK020202,3.5,1\n'), year=2024)
    assert (value("WK020201"), value("WK020202")) == (2.5, 3.5)
    Observation.objects.all().delete()
    error = refused(write(tmp_path, 'code,a_inw,a_woning\nWK020201,"2,5",1\nWK020202,3.5,1.234\n', name="b.csv"),
                    name="eigen.csv")
    assert (error.row, error.column) == (3, "a_inw")


def test_excel_numbers_are_read_as_numbers(arnhem, tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["code", "a_inw", "a_woning"])
    sheet.append(["WK020201", 1.234, 1234])
    path = tmp_path / "eigen.xlsx"
    book.save(path)
    import_file(path=path, year=2024)
    assert (value("WK020201"), value("WK020201", "a_woning")) == (1.234, 1234)
