"""The one table reader: encodings, byte-order mark, delimiters, gzip, Excel with formula cells,
and files that are not tables, each refused with the file (and row and column) named."""

import gzip
import io

import pytest
from openpyxl import Workbook

from wijksturing.core.tabular import TableError, read_table, sniff_delimiter


def write(tmp_path, name, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def workbook(tmp_path, rows, name="eigen.xlsx"):
    book = Workbook()
    for row in rows:
        book.active.append(row)
    path = tmp_path / name
    book.save(path)
    return path


@pytest.mark.parametrize(("text", "delimiter"), [
    ("code;naam\nW1;Zuid, oost\n", ";"),
    ("code,naam\nW1,Zuid; oost\n", ","),
    ("code\tnaam\nW1\tZuid\n", "\t"),
])
def test_the_delimiter_of_the_header_line_is_used(tmp_path, text, delimiter):
    table = read_table(write(tmp_path, "a.csv", text.encode()))
    assert table.delimiter == delimiter
    assert table.header == ["code", "naam"]
    assert table.rows[0][1]["naam"] == text.splitlines()[1].split(delimiter)[1]


def test_a_single_column_is_read_as_comma_separated():
    assert sniff_delimiter("code\nW1\n") == ","
    assert sniff_delimiter("a;b,c\n") == ","  # a tie goes to the comma


def test_utf8_with_and_without_byte_order_mark_read_the_same(tmp_path):
    text = "code;naam\nW1;Café Zuid\n"
    plain = read_table(write(tmp_path, "a.csv", text.encode("utf-8")))
    bom = read_table(write(tmp_path, "b.csv", text.encode("utf-8-sig")))
    assert plain.header == bom.header == ["code", "naam"]
    assert plain.rows == bom.rows == [(2, {"code": "W1", "naam": "Café Zuid"})]


def test_latin1_is_refused_with_file_and_row_unless_a_fallback_is_named(tmp_path):
    path = write(tmp_path, "latin.csv", "code;naam\nW1;Noord\nW2;Café\n".encode("latin-1"))
    with pytest.raises(TableError) as err:
        read_table(path)
    assert (err.value.code, err.value.file, err.value.row) == ("encoding", "latin.csv", 3)
    assert str(err.value).startswith("latin.csv: row 3: the file is not in UTF-8")
    assert read_table(path, fallback="cp1252").rows[1][1]["naam"] == "Café"


def test_a_binary_file_is_refused(tmp_path):
    with pytest.raises(TableError) as err:
        read_table(write(tmp_path, "plaatje.csv", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"))
    assert err.value.code == "binary" and str(err.value).startswith("plaatje.csv: ")


def test_gzip_is_read_and_a_truncated_gzip_refused(tmp_path):
    data = gzip.compress(("code,waarde\n" + "W1,5\n" * 200).encode())
    table = read_table(write(tmp_path, "goed.csv.gz", data))
    assert len(table.rows) == 200 and table.rows[-1] == (201, {"code": "W1", "waarde": "5"})
    with pytest.raises(TableError) as err:
        read_table(write(tmp_path, "kapot.csv.gz", data[: len(data) // 2]))
    assert (err.value.code, err.value.file) == ("truncated", "kapot.csv.gz")


def test_empty_rows_are_left_out_but_row_numbers_stay_those_of_the_file(tmp_path):
    table = read_table(write(tmp_path, "a.csv", b"code,n\nW1,1\n,\n\nW2,2\n"))
    assert table.rows == [(2, {"code": "W1", "n": "1"}), (5, {"code": "W2", "n": "2"})]


def test_rows_of_another_width(tmp_path):
    path = write(tmp_path, "a.csv", b"code,a,b\nW1,1\nW2,1,2,3\n")
    assert [row for _n, row in read_table(path).rows] == [{"code": "W1", "a": "1", "b": ""},
                                                          {"code": "W2", "a": "1", "b": "2"}]
    with pytest.raises(TableError) as err:
        read_table(path, strict_width=True)
    assert (err.value.code, err.value.row) == ("fields", 2)
    assert "has 2 fields where the header has 3" in str(err.value)


def test_an_empty_file_and_a_missing_file(tmp_path):
    with pytest.raises(TableError) as err:
        read_table(write(tmp_path, "leeg.csv", b""))
    assert err.value.code == "empty"
    with pytest.raises(TableError) as err:
        read_table(tmp_path / "nergens.csv")
    assert err.value.code == "missing"


def test_bytes_and_uploaded_file_objects_are_read_with_their_name():
    data = b"code;n\nW1;1\n"
    assert read_table(data, name="fin.csv").rows == [(2, {"code": "W1", "n": "1"})]
    upload = io.BytesIO(data)
    upload.name = "/tmp/opslag/upload-123.csv"
    assert read_table(upload).name == "upload-123.csv"
    with pytest.raises(TableError) as err:
        read_table(b"code;n\n\xe9\n", name="fin.csv")
    assert err.value.file == "fin.csv" and err.value.row == 2


def test_excel_numbers_are_read_in_machine_notation(tmp_path):
    table = read_table(workbook(tmp_path, [["code", "n", "leeg"], ["W1", 1234.5, None], [None, None, None],
                                           ["W2", 7, "x"]]))
    assert table.excel and table.header == ["code", "n", "leeg"]
    assert table.rows == [(2, {"code": "W1", "n": "1234.5", "leeg": ""}), (4, {"code": "W2", "n": "7", "leeg": "x"})]


@pytest.mark.parametrize(("cell", "column"), [("=1+1", "n"), ("=A1", "n"), ('=HYPERLINK("http://x","y")', "n")])
def test_a_formula_cell_is_refused_with_file_row_and_column(tmp_path, cell, column):
    path = workbook(tmp_path, [["code", "n"], ["W1", 5], ["W2", cell]])
    with pytest.raises(TableError) as err:
        read_table(path)
    assert (err.value.code, err.value.file, err.value.row, err.value.column) == ("formula", "eigen.xlsx", 3, column)
    assert str(err.value).startswith("eigen.xlsx: row 3: column 'n': this cell holds a formula")


def test_a_formula_under_an_empty_header_is_named_by_its_letter(tmp_path):
    with pytest.raises(TableError) as err:
        read_table(workbook(tmp_path, [["code", None], ["W1", "=2*3"]]))
    assert (err.value.row, err.value.column) == (2, "B")


def test_text_that_starts_with_an_equals_sign_is_text_not_a_formula(tmp_path):
    book = Workbook()
    book.active.append(["code", "opmerking"])
    book.active.append(["W1", "x"])
    book.active["B2"].value = "=niet rekenen"
    book.active["B2"].data_type = "s"
    book.save(tmp_path / "tekst.xlsx")
    assert read_table(tmp_path / "tekst.xlsx").rows[0][1]["opmerking"] == "=niet rekenen"


def test_excel_can_be_refused_and_a_damaged_workbook_is_named(tmp_path):
    path = workbook(tmp_path, [["code"], ["W1"]])
    with pytest.raises(TableError) as err:
        read_table(path.read_bytes(), name="fin.csv", excel=False)
    assert err.value.code == "zip" and "not a CSV file" in str(err.value)
    with pytest.raises(TableError) as err:
        read_table(write(tmp_path, "kapot.xlsx", path.read_bytes()[:300]))
    assert (err.value.code, err.value.file) == ("excel", "kapot.xlsx")


def test_windows_line_breaks_are_read_as_newlines_also_inside_a_quoted_value(tmp_path):
    table = read_table(write(tmp_path, "a.csv", b'code,tekst\r\nW1,"twee\r\nregels"\r\nW2,een\r\n'))
    assert table.rows == [(2, {"code": "W1", "tekst": "twee\nregels"}), (3, {"code": "W2", "tekst": "een"})]
