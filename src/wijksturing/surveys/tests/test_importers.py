"""Importing published survey estimates (real Amsterdam and Eindhoven files when present) and the
subjective index computed from them."""

from pathlib import Path

import pytest

from wijksturing.surveys import selectors, services
from wijksturing.surveys.importers import SurveyImportError
from wijksturing.surveys.models import Estimate
from wijksturing.surveys.subjective import comparison_note, subjective_index

DATA = Path(__file__).resolve().parents[5] / "shared" / "data"
AMS = DATA / "amsterdam_bbga_enquete_gebieden_2005_2018" / "bbga_enquete_stad_stadsdelen_gebieden.csv.gz"
EHV = DATA / "eindhoven_buurt_monitor_2006_2022" / "eindhoven_buurt_recent_incl_enquete.csv.gz"
EHV_TREND = DATA / "eindhoven_buurt_monitor_2006_2022" / "eindhoven_stadsdeel_trend_2014_2021_studentbewerking.csv.gz"


@pytest.mark.skipif(not AMS.exists(), reason="Amsterdam BBGA extract not available")
def test_amsterdam_bbga(db):
    result = services.estimates_import(path=AMS)
    assert result["format"] == "amsterdam-bbga" and result["estimates"] > 500
    city = Estimate.objects.get(area_code="GM0363", year=2017, indicator_code="ams_rapportcijfer_buurt")
    assert 7.0 <= city.value <= 8.0 and city.area_level == "gemeente"
    # gebieden get the provisional names of bbga_gebieden.csv
    assert "(naam voorlopig)" in Estimate.objects.filter(area_code="DX06").first().area_name
    # importing again replaces, it does not add
    services.estimates_import(path=AMS)
    assert Estimate.objects.filter(survey__isnull=True).count() == result["estimates"]
    data = selectors.published_index(source=result["source"])
    assert data["years"][0] == 2005
    row = next(r for r in data["table"] if r["code"] == "GM0363")
    # the city is the reference in each figure's first year: in 2005 it scores exactly 100
    assert row["values"][0] == pytest.approx(100.0)
    assert "ams_veiligheidsindex" not in data["in_index"]  # mixes police figures in


@pytest.mark.skipif(not (EHV.exists() and EHV_TREND.exists()), reason="Eindhoven extract not available")
def test_eindhoven(db):
    result = services.estimates_import(path=EHV)
    assert result["format"] == "eindhoven-buurt"
    cohesion = Estimate.objects.filter(indicator_code="ehv_sociale_cohesie")
    assert cohesion.count() > 50 and all(0 < e.value <= 10 for e in cohesion)
    assert {e.year for e in cohesion} == {2022}
    trend = services.estimates_import(path=EHV_TREND)
    values = Estimate.objects.filter(source=trend["source"]).values_list("value", flat=True)
    assert values and 0.0 not in values  # the student's 0.0 means missing


def test_generic_with_margin_and_n(db, tmp_path):
    path = tmp_path / "eigen.csv"
    path.write_text("gemeente;gebiedcode;gebiedsnaam;niveau;jaar;indicator;waarde;marge;n\n"
                    "GM0202;WK020201;Centrum;wijk;2023;wp_rapportcijfer;7,4;0,3;212\n"
                    "GM0202;WK020202;Spijkerkwartier;wijk;2023;wp_rapportcijfer;7,9;;\n", encoding="utf-8")
    services.survey_indicators_ensure()
    result = services.estimates_import(path=path)
    assert result["format"] == "generic" and result["estimates"] == 2
    e = Estimate.objects.get(area_code="WK020201")
    assert (e.value, e.margin, e.n) == (7.4, 0.3, 212)
    assert Estimate.objects.get(area_code="WK020202").margin is None


def test_bad_value_names_file_row_and_column(db, tmp_path):
    path = tmp_path / "fout.csv"
    path.write_text("gemeente;gebiedcode;gebiedsnaam;niveau;jaar;indicator;waarde;marge;n\n"
                    "GM0202;WK020201;Centrum;wijk;2023;wp_rapportcijfer;zeven;;\n", encoding="utf-8")
    services.survey_indicators_ensure()
    with pytest.raises(SurveyImportError, match=r"fout.csv: row 2: column 'waarde'"):
        services.estimates_import(path=path)
    assert not Estimate.objects.exists()


def test_a_file_not_in_utf8_names_file_and_row_instead_of_a_traceback(db, tmp_path):
    path = tmp_path / "latin.csv"
    path.write_bytes(("gemeente;gebiedcode;gebiedsnaam;niveau;jaar;indicator;waarde;marge;n\n"
                      "GM0202;WK020201;Caf\u00e9;wijk;2023;wp_rapportcijfer;7;;\n").encode("latin-1"))
    with pytest.raises(SurveyImportError, match=r"^latin.csv: row 2: the file is not in UTF-8"):
        services.estimates_import(path=path)
    assert not Estimate.objects.exists()


def test_unknown_format(db, tmp_path):
    path = tmp_path / "x.csv"
    path.write_text("a;b\n1;2\n", encoding="utf-8")
    with pytest.raises(SurveyImportError, match="unknown format"):
        services.estimates_import(path=path)


def test_subjective_index_by_hand():
    from wijksturing.surveys.questions import INDICATOR_BY_CODE

    # two wijken and the city; mark 7 (city), 8 and 6: sd across the wijken is 1 (ddof 0), so
    # the wijken score 100 ± 10 on the one dimension; % unsafe 30 (city), 20 and 40 (higher is
    # worse): again +10 / −10. The index averages the dimensions: 110 and 90.
    rows = [("GM", "gemeente", 2024, "wp_rapportcijfer", 7.0), ("A", "wijk", 2024, "wp_rapportcijfer", 8.0),
            ("B", "wijk", 2024, "wp_rapportcijfer", 6.0), ("GM", "gemeente", 2024, "wp_onveilig_pct", 30.0),
            ("A", "wijk", 2024, "wp_onveilig_pct", 20.0), ("B", "wijk", 2024, "wp_onveilig_pct", 40.0)]
    index = subjective_index(rows, INDICATOR_BY_CODE)
    assert index[("A", 2024)]["value"] == pytest.approx(110.0)
    assert index[("B", 2024)]["value"] == pytest.approx(90.0)
    assert index[("GM", 2024)]["value"] == pytest.approx(100.0)


def test_comparison_note():
    assert comparison_note(105, 92) == "lower"
    assert comparison_note(95, 106) == "higher"
    assert comparison_note(100, 95) == "same"
    assert comparison_note(None, 95) == ""
