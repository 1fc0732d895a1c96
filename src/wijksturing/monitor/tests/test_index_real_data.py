"""The real open data in ``../shared/data`` mapped onto the catalogue in the year each file
describes (KWB 2022 per wijk and gemeente, KWB 2023 per buurt), the year rules of the index, and
the index itself on the demo: dimensions per wijk, earlier years, the check (Spearman)."""

import io

import numpy as np
import pytest
from django.core.management import call_command

from wijksturing.areas.models import Layout
from wijksturing.monitor.importers.base import read_table
from wijksturing.monitor.importers.formats import column_map, detect
from wijksturing.monitor.indexing import reference_city_values
from wijksturing.monitor.models import IndexValue, Indicator, Observation
from wijksturing.monitor.tests.conftest import DATA

WIJKEN_2022 = DATA / "kwb_wijk_2022_nl" / "kwb_2022_wijken_nl.csv.gz"
GEMEENTEN_2022 = DATA / "kwb_wijk_2022_nl" / "kwb_2022_gemeenten_nl.csv.gz"
BUURTEN_2023 = DATA / "kwb_buurt_2023_bevolking" / "kwb_2023_buurt_bevolking_oppervlakte_arnhem_nijmegen.csv.gz"
needs_data = pytest.mark.skipif(not WIJKEN_2022.exists(), reason=f"no local open data in {DATA}")


def value(code, indicator, year):
    return Observation.objects.get(area__code=code, indicator__code=indicator, year=year).value


@needs_data
def test_kwb_2022_columns_map_onto_the_catalogue(catalogue):
    table = read_table(WIJKEN_2022)
    fmt = detect(table.header)
    assert fmt.name == "tmap"
    mapping = column_map(fmt, table.header, {i.code: i.keys for i in Indicator.objects.all()})
    assert mapping == {
        "population": "a_inw", "dwelling_total": "a_woning", "dwelling_value": "g_woz", "dwelling_ownership": "p_koopw",
        "employment_rate": "p_arb_pp", "income_low": "p_ink_li", "income_high": "p_ink_hi", "edu_appl_sci": "p_opl_hg",
        "area": "a_opp_ha", "pop_0_14": "p_00_14_jr", "pop_15_24": "p_15_24_jr", "pop_25_44": "p_25_44_jr",
        "pop_45_64": "p_45_64_jr", "pop_65plus": "p_65_eo_jr",
    }
    assert detect(read_table(GEMEENTEN_2022).header).name == "tmap"
    assert detect(read_table(BUURTEN_2023).header).name == "cbs-buurt"


@needs_data
def test_kwb_2022_wijken_join_the_division_with_their_codes(catalogue):
    from wijksturing.monitor.services import import_file

    # Arnhem's 2016 wijken are loaded: the 2022 wijk figures join that division (same codes)
    import_file(path=DATA / "cbs" / "wijkbuurtkaart_2016_wijken.csv.gz", year=2016, municipalities={"GM0202"})
    import_file(path=WIJKEN_2022, year=2022, municipalities={"GM0202", "GM0014"})
    assert sorted(Layout.objects.filter(municipality__code="GM0202").values_list("year", flat=True)) == [2016]
    geitenkamp = Observation.objects.get(area__code="WK020210", indicator__code="g_woz", year=2022)
    assert geitenkamp.area.layout.year == 2016 and geitenkamp.value == 194  # x 1,000 euro, as in the catalogue
    assert value("WK020210", "p_koopw", 2022) == 11 and value("WK020210", "p_ink_li", 2022) == pytest.approx(57.5)
    assert value("WK020212", "g_woz", 2022) == 502 and value("WK020212", "p_arb_pp", 2022) == 68
    assert value("WK020201", "a_opp_ha", 2022) == pytest.approx(127)  # 1.27 km² in the file
    assert value("WK020224", "a_inw", 2022) == 14085
    # suppressed by CBS: an empty cell, not a zero
    assert value("WK020213", "g_woz", 2022) is None
    # a municipality without a loaded division gets the 2022 one, registered from the file
    assert list(Layout.objects.filter(municipality__code="GM0014").values_list("year", flat=True)) == [2022]
    assert value("WK001400", "g_woz", 2022) == 244


@needs_data
def test_kwb_2023_buurt_inhabitants_in_the_2024_division(catalogue):
    from wijksturing.monitor.services import import_file

    import_file(path=DATA / "cbs" / "kwb_2024_bevolking.csv.gz", year=2024, municipalities={"GM0202"})
    import_file(path=BUURTEN_2023, year=2023, municipalities={"GM0202"}, layout_year=2024)
    markt = Observation.objects.get(area__code="BU02020100", indicator__code="a_inw", year=2023)
    assert markt.value == 1575 and markt.area.layout.year == 2024
    assert value("BU02020100", "a_lan_ha", 2023) == 33
    assert Observation.objects.filter(indicator__code="a_inw", year=2023, area__code__startswith="BU0202").count() == 83


def test_year_rule_city_yardstick_of_the_same_year_as_the_areas():
    """The city value an indicator is scored against comes from the year of the areas' figures:
    a newer gemeente-only figure (KWB per gemeente 2025) is no yardstick for 2022 wijk figures."""
    series = {("GM1", "g_woz"): [(2022, 242.0), (2024, 350.0)], ("GM1", "p_x"): [(2024, 10.0)]}
    base_values = np.array([[200.0, 8.0], [300.0, 12.0], [np.nan, 14.0]])
    base_years = np.array([[2022, 2021], [2022, 2021], [0, 2021]])
    city, years = reference_city_values(series, "GM1", ["g_woz", "p_x"], base_values, base_years, 2024, 3)
    assert city[0] == 242.0 and years[0] == 2022
    # the city has no figure of 2021 (its buurten were incomplete): the areas' mean stands in
    assert city[1] == pytest.approx(34 / 3) and years[1] == 2021


def test_index_on_the_demo(demo):
    wijken = IndexValue.objects.filter(area__layout__municipality__code="GM0202", area__level="wijk")
    y2024 = list(wijken.filter(year=2024))
    assert len(y2024) == 24
    dims = [sum(v is not None for v in iv.dimensions.values()) for iv in y2024]
    assert sum(n >= 4 for n in dims) >= 20
    assert all(iv.value is not None for iv, n in zip(y2024, dims) if n >= 3)
    # an earlier year is published, and no index anywhere rests on fewer than three dimensions
    assert wijken.filter(year__lt=2024, value__isnull=False).count() >= 20
    for iv in IndexValue.objects.filter(area__layout__municipality__code__in=["GM0202", "GM0268"]):
        assert (iv.value is None) == (sum(v is not None for v in iv.dimensions.values()) < 3)
    # origin, age and household type never carry it
    context = set(Indicator.objects.filter(context=True).values_list("code", flat=True))
    assert not {code for iv in y2024 for code, _ in iv.used} & context
    # every figure that carried it is of a year within three years before the index year
    assert all(iv.year - 3 <= year <= iv.year for iv in wijken for _, year in iv.used)


def test_index_check_and_flags_on_the_demo(demo):
    from wijksturing.areas.selectors import area_get
    from wijksturing.monitor.checks import index_check
    from wijksturing.monitor.index_selectors import index_carriers, index_flag_list, index_trend

    check = index_check(municipality_code="GM0202", year=2024)
    rho = {key: r for key, (r, _) in check.rho.items()}
    # plain sense: the index is lower where more people have a low income and where more crime is registered
    assert rho[("index", "p_ink_li")] < -0.5 and rho[("index", "g_misd_1000")] < -0.3
    assert rho[("overlast_veiligheid", "g_misd_1000")] == pytest.approx(-1.0)
    assert check.coverage["index"] == 24
    out = io.StringIO()
    call_command("check_index", "--municipality", "GM0202", "--year", "2024", "--markdown", stdout=out)
    assert "| sociale_samenhang |" in out.getvalue()
    # the city centre: close to everything, and the most registered crime per inhabitant
    centrum = index_carriers(area=area_get(code="WK020201"))
    dims = {d.code: d for d in centrum.dimensions}
    assert dims["overlast_veiligheid"].behind and dims["overlast_veiligheid"].indicators[0].figure_year == 2023
    assert centrum.published and centrum.n_dimensions == 5
    flagged = {f.area.code for f in index_flag_list(municipality_code="GM0202") if f.behind}
    assert {"WK020201", "WK020218"} <= flagged and "WK020212" not in flagged
    trend = index_trend(area=area_get(code="WK020202"))
    assert [y for y, _ in trend.series] == [2022, 2023, 2024] and trend.slope is not None
    # Arnhemse Broek: 2 of its 6 buurten are missing in the 2021 extract, so its 2021 income is not
    # summed, and that is said; the 2022 index uses CBS's own wijk figure instead
    from wijksturing.areas.models import Area
    from wijksturing.monitor.index_selectors import figure_gaps

    # the 2021 division comes from a file that names its regions by code only: names from 2024
    assert Area.objects.get(code="WK020202", layout__year=2021).name == "Spijkerkwartier"
    gaps = {g.indicator_code: g for g in figure_gaps(area=Area.objects.get(code="WK020203", layout__year=2021), year=2021)}
    assert (gaps["p_ink_li"].with_figure, gaps["p_ink_li"].children) == (4, 6)
    assert not figure_gaps(area=Area.objects.get(code="WK020202", layout__year=2021), year=2021)
    broek = index_carriers(area=area_get(code="WK020203"), year=2022)
    assert ("p_ink_li", 2022) in [(i.code, i.figure_year) for d in broek.dimensions for i in d.indicators]


@needs_data
def test_kwb_per_gemeente_2020_2025_woz_value(catalogue):
    from wijksturing.monitor.services import import_file

    import_file(path=DATA / "cbs" / "kwb_2024_kerncijfers_gemeente_wijk.csv.gz", year=2024, municipalities={"GM0202"})
    import_file(path=DATA / "kwb_gemeente_2020_2025" / "kwb_gemeente_wonen_2020_2025.csv.gz", municipalities={"GM0202"})
    woz = dict(Observation.objects.filter(area__code="GM0202", indicator__code="g_woz").values_list("year", "value"))
    # g_wozbag is in euros in this file, x 1,000 euro in the catalogue (as KWB 2022: 265 for 2022)
    assert woz == {2020: 221, 2021: 240, 2022: 265, 2023: 322, 2024: 335, 2025: 350}
    assert value("GM0202", "p_koopw", 2025) == 43
