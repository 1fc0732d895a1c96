import gzip
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from wijksturing.monitor.models import Indicator, Observation
from wijksturing.signals.importer import SignalImportError, signals_import
from wijksturing.signals.models import Signal, StatusChange
from wijksturing.signals.services import signal_feed_monitor
from wijksturing.signals.workflow import Status

pytestmark = pytest.mark.django_db
GOOD = """category,date,lat,lon,status,closed,wijk_code
boom,2025-03-03T10:00:00+01:00,52.005,5.005,closed,2025-03-05,
dumping,2025-03-04,52.005,5.015,open,,
Boom,2025-06-01,,,closed,2025-06-20,WK999902
"""


def write(tmp_path, text, name="signals.csv", gz=False):
    path = tmp_path / (name + (".gz" if gz else ""))
    path.write_bytes(gzip.compress(text.encode()) if gz else text.encode())
    return path


def test_import_places_by_boundary_or_wijk_code(tmp_path, municipality):
    assert signals_import(path=write(tmp_path, GOOD, gz=True), municipality_code=municipality.code, progress=False) == 3
    first, second, third = Signal.objects.order_by("created_at")
    assert (first.buurt_code, first.gebied_code, first.status) == ("BU99990101", "G1", Status.CLOSED)
    assert (second.buurt_code, second.status, second.closed_at) == ("BU99990201", Status.RECEIVED, None)
    assert (third.buurt_code, third.wijk_code, third.gebied_code) == ("", "WK999902", "G2")  # by wijk code
    assert StatusChange.objects.filter(signal=first).count() == 2


@pytest.mark.parametrize(("text", "needle"), [
    ("date,lat\n2025-01-01,52\n", "column 'category' is missing"),
    ("category,date,lat,lon\nboom,gisteren,52,5\n", "row 2: column 'date'"),
    ("category,date,lat,lon\nboom,2025-01-01,52,5\nfiets,2025-01-01,52,5\n",
     "row 3: column 'category': unknown category 'fiets'"),
    ("category,date,lat,lon\nboom,2025-01-01,north,5\n", "row 2: column 'lat'"),
    ("category,date,status\nboom,2025-01-01,lost\n", "row 2: column 'status'"),
])
def test_bad_rows_name_file_row_and_column_and_import_nothing(tmp_path, municipality, text, needle):
    with pytest.raises(SignalImportError) as error:
        signals_import(path=write(tmp_path, text), municipality_code=municipality.code, progress=False)
    assert needle in str(error.value) and "signals.csv" in str(error.value)
    assert not Signal.objects.exists()


def test_command(tmp_path, municipality):
    out = StringIO()
    call_command("import_signals", str(write(tmp_path, GOOD)), "--municipality", municipality.code, "--no-progress", stdout=out)
    assert "3 signals imported" in out.getvalue()
    with pytest.raises(CommandError, match="row 2"):
        call_command("import_signals", str(write(tmp_path, "category,date\nx,2025-01-01\n", "bad.csv")),
                     "--municipality", municipality.code, "--no-progress")


def test_feed_writes_indicators_per_area(tmp_path, municipality):
    population = Indicator.objects.create(code="a_inw", name_nl="Inwoners", name_en="Inhabitants", source="CBS",
                                          theme="bevolking", aggregation="sum")
    g1 = municipality.layouts.get().areas.get(code="G1")
    Observation.objects.create(indicator=population, area=g1, year=2024, value=2000)
    signals_import(path=write(tmp_path, GOOD), municipality_code=municipality.code, progress=False)
    assert signal_feed_monitor(municipality_code=municipality.code, year=2025) > 0

    def value(code, area):
        return Observation.objects.get(indicator__code=code, area__code=area, year=2025)

    assert value("sig_n", "GM9999").value == 3 and value("sig_n", "G1").value == 1
    assert value("sig_p1000", "G1").value == pytest.approx(0.5)  # 1 signal / 2,000 inhabitants × 1,000
    assert value("sig_groen_n", "G2").value == 1 and value("sig_afval_n", "BU99990201").value == 1
    assert value("sig_median_days", "GM9999").value == pytest.approx((1.5 + 19) / 2, abs=0.2)
    assert value("sig_handled_n", "GM9999").value == 2
    assert Observation.objects.filter(indicator__code="sig_n", origin="imported", source="wijksturing signalen").exists()
    assert signal_feed_monitor(municipality_code=municipality.code, year=2025) == signal_feed_monitor(
        municipality_code=municipality.code, year=2025)  # replaces, never duplicates


def test_coordinates_with_a_decimal_comma(tmp_path, municipality):
    """Read by the project's one parser: a Dutch export writes 52,005 (quoted in a comma file)."""
    text = 'category,date,lat,lon\nboom,2025-03-03,"52,005","5,005"\n'
    assert signals_import(path=write(tmp_path, text), municipality_code=municipality.code, progress=False) == 1
    assert Signal.objects.get().buurt_code == "BU99990101"
