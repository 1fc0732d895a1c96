"""The demo loads Arnhem and Nijmegen from the real open data, and the numbers hold."""

import io

import numpy as np
import pytest
from django.core.management import call_command

from wijksturing.areas.models import Area, Level
from wijksturing.areas.selectors import area_get, area_list, area_lookup_point, gebied_get
from wijksturing.core.aggregation import check_against_published
from wijksturing.monitor.models import IndexValue, Observation, Origin, SimilarArea
from wijksturing.monitor.selectors import observation_series, observation_value


def value(code, indicator, year, **filters):
    return Observation.objects.get(area__code=code, indicator__code=indicator, year=year, **filters).value


def test_areas_and_gebieden(demo):
    assert area_list(municipality_code="GM0202", level=Level.WIJK).count() == 24
    assert area_list(municipality_code="GM0202", level=Level.BUURT).count() == 83
    assert area_list(municipality_code="GM0268", level=Level.WIJK).count() == 9
    assert area_list(municipality_code="GM0268", level=Level.BUURT).count() == 44
    csa = gebied_get(municipality_code="GM0202", code="W1")
    assert "Spijkerkwartier" in csa.name
    assert sorted(csa.children.values_list("code", flat=True)) == ["WK020201", "WK020202", "WK020203"]
    assert area_list(municipality_code="GM0202", level=Level.GEBIED).count() == 8
    assert all(a.geometry for a in area_list(municipality_code="GM0202", level=Level.GEBIED))
    # the 2016 layout is kept beside 2024, and figures know their layout
    assert area_get(code="WK020202", year=2016).layout.year == 2016
    assert Observation.objects.filter(area__layout__year=2016, year=2016).exists()


def test_point_lookup_agrees_with_the_boundaries(demo):
    from shapely.geometry import Point, shape

    rng = np.random.default_rng(1)
    buurten = list(area_list(municipality_code="GM0202", level=Level.BUURT))
    for lon, lat in zip(rng.uniform(5.85, 5.95, 40), rng.uniform(51.95, 52.02, 40)):
        found = area_lookup_point(lon=float(lon), lat=float(lat))
        inside = [b.code for b in buurten if shape(b.geometry).covers(Point(lon, lat))]
        assert (found["buurt"].code if found else None) in (inside or [None])
        if found:
            assert found["wijk"].code == "WK" + found["buurt"].code[2:8]
            assert found["gemeente"].code == "GM0202"


def test_aggregation_sums_and_ratios(demo):
    # gebied W1 = the sum of its three wijken (counts); Arnhem's published total is kept
    w1 = value("W1", "a_inw", 2024)
    assert w1 == sum(value(c, "a_inw", 2024) for c in ["WK020201", "WK020202", "WK020203"])
    assert value("GM0202", "a_inw", 2024, area__layout__year=2024) == 167632
    # a percentage of the gemeente: summed numerators over summed denominators, never a mean of %
    share = value("GM0202", "p_65_eo_jr", 2024, area__layout__year=2024)
    assert share == pytest.approx(value("GM0202", "a_65_oo", 2024, area__layout__year=2024) / 167632 * 100)
    wijk_shares = [value(a.code, "p_65_eo_jr", 2024, area__layout__year=2024)
                   for a in area_list(municipality_code="GM0202", level=Level.WIJK)]
    assert share != pytest.approx(np.mean(wijk_shares), abs=0.01)
    # crimes per 1,000 inhabitants: 2023 crimes over the inhabitants of the same year (KWB 2023 per
    # buurt: 165,785 in Arnhem's buurten), no longer over those of 1 January 2024
    rate = Observation.objects.get(area__code="GM0202", indicator__code="g_misd_1000", year=2023)
    assert rate.origin != Origin.IMPORTED and rate.value == pytest.approx(11031 / 165785 * 1000)
    buurt = Observation.objects.get(area__code="BU02020100", indicator__code="g_misd_1000", year=2023)
    assert buurt.value == pytest.approx(value("BU02020100", "a_misd", 2023) / 1575 * 1000)


def test_buurt_aggregates_reproduce_published_wijk_figures(demo):
    wijken = [*area_list(municipality_code="GM0202", level=Level.WIJK), *area_list(municipality_code="GM0268", level=Level.WIJK)]
    aggregated, published, n_children = [], [], []
    for wijk in wijken:
        buurten = [b.code for b in wijk.children.all()]
        total = sum(value(b, "a_inw", 2024) for b in buurten)
        aggregated.append(total)
        published.append(value(wijk.code, "a_inw", 2024, area__layout__year=2024))
        n_children.append(len(buurten))
    result = check_against_published(np.array(aggregated), np.array(published), np.array(n_children), method="random")
    assert result.share_within == 1.0


def test_trends_index_flags_and_similar(demo):
    series = observation_series(area=area_get(code="WK020202"), indicator_code="a_inw")
    assert [year for year, _ in series][:1] == [2016] and series[-1][0] == 2024
    assert observation_value(area=area_get(code="WK020202"), indicator_code="a_inw").value == 6880
    city = IndexValue.objects.get(area__code="GM0202", area__layout__year=2024, year=2024)
    assert city.value == pytest.approx(100.0)
    for wijk in area_list(municipality_code="GM0202", level=Level.WIJK):
        iv = IndexValue.objects.get(area=wijk, year=2024)
        assert iv.value is not None and iv.used
        assert iv.behind == (iv.value < 95)  # behind_margin: 5 points below the city (100)
        assert all(code not in ("a_inw", "p_herk_bu", "p_65_eo_jr") for code, _ in iv.used)
        assert SimilarArea.objects.filter(area=wijk).count() == 5


def test_export_commands(demo, tmp_path):
    path = tmp_path / "index.csv"
    call_command("export", "index", municipality="GM0202", level="buurt", year=2024, fmt="csv", output=str(path))
    assert path.read_text().splitlines()[1].startswith("BU02020100,Markt,2024,")
    buffer = io.BytesIO()
    from wijksturing.monitor.exports import export_index, export_observations

    export_index(municipality="GM0202", level="buurt", year=2024, fmt="csv", out=buffer)
    lines = buffer.getvalue().decode().splitlines()
    assert lines[0].startswith("code,name,year,index,wonen,")
    assert len(lines) == 84
    buffer = io.BytesIO()
    export_observations(municipality="GM0268", level="wijk", year=2024, fmt="csv", out=buffer)
    lines = buffer.getvalue().decode().splitlines()
    assert lines[0].startswith("code,name,year,a_inw")
    assert len(lines) == 10 and lines[1].startswith("WK026801,Nijmegen-Centrum,2024,12705")
    assert Area.objects.filter(level=Level.GEBIED, layout__municipality__code="GM0268").count() >= 9


def test_check_cbs_command_reports_the_matching_share(demo):
    from wijksturing.monitor.checks import aggregation_check

    checks = {c.step: c for c in aggregation_check(year=2024)}
    assert checks["buurt → wijk"].compared >= 33 * 11 and checks["buurt → wijk"].share_within == 1.0
    assert checks["wijk → gemeente"].compared >= 2 * 8 and checks["wijk → gemeente"].share_within == 1.0
    assert checks["buurt → wijk"].share_exact < 1.0  # CBS rounds: exact matches are the exception
    out = io.StringIO()
    call_command("check_cbs", year=2024, stdout=out)
    assert "within CBS rounding" in out.getvalue()
