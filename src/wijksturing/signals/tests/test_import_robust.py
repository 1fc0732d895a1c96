"""Issue 16 (low): import_signals says what is wrong with a truncated .gz, a Latin-1 or a binary
file (file, row), without a traceback; importing the same file twice does not double the signals."""

import gzip
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from wijksturing.signals.importer import SignalImportError, signals_import
from wijksturing.signals.models import Signal
from wijksturing.signals.tests.test_import_feed import GOOD

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("name", "data", "needle"), [
    ("kapot.csv.gz", gzip.compress(GOOD.encode())[:-12], "damaged or truncated"),
    ("latin.csv", (GOOD + "boom,2025-07-01,52.005,5.005,open,,\nboom,2025-07-02,,,open,,Café\n").encode("latin-1"),
     "row 6: the file is not in UTF-8"),
    ("plaatje.csv", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary data"),
    ("leeg.csv.gz", b"\x1f\x8b\x08\x00", "damaged or truncated"),
])
def test_bad_files_are_refused_with_file_and_row(tmp_path, municipality, name, data, needle):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(SignalImportError) as err:
        signals_import(path=path, municipality_code=municipality.code, progress=False)
    assert str(err.value).startswith(name) and needle in str(err.value)
    with pytest.raises(CommandError, match=needle):
        call_command("import_signals", str(path), "--municipality", municipality.code, "--no-progress", stdout=StringIO())
    assert not Signal.objects.exists()


def test_importing_the_same_file_twice_adds_nothing_the_second_time(tmp_path, municipality):
    path = tmp_path / "signalen.csv"
    path.write_text(GOOD + "boom,2025-03-03T10:00:00+01:00,52.005,5.005,closed,2025-03-05,\n")  # a repeated row
    assert signals_import(path=path, municipality_code=municipality.code, progress=False) == 3
    assert signals_import(path=path, municipality_code=municipality.code, progress=False) == 0
    assert Signal.objects.count() == 3


def test_external_ids_decide_when_present(tmp_path, municipality):
    path = tmp_path / "met-id.csv"
    path.write_text("id,category,date\nA-1,boom,2025-01-01\nA-2,boom,2025-01-01\n")
    assert signals_import(path=path, municipality_code=municipality.code, progress=False) == 2
    path.write_text("id,category,date\nA-1,boom,2025-01-01\nA-3,boom,2025-01-02\n")
    assert signals_import(path=path, municipality_code=municipality.code, progress=False) == 1
    assert sorted(Signal.objects.values_list("external_id", flat=True)) == ["A-1", "A-2", "A-3"]
