"""Trend and flags of the index in the database: a wijk whose figures fall is flagged "falling
fast" (and the indicator that fell is named), a source that appears in a later year is not read as
a change, and an index on two dimensions is not published."""

import pytest

from wijksturing.areas.models import Area
from wijksturing.areas.services import layout_register
from wijksturing.monitor.index_selectors import index_carriers, index_flag_list, index_trend
from wijksturing.monitor.indexing import index_recompute
from wijksturing.monitor.models import IndexValue, Indicator, Observation

GM = "GM9998"
WIJKEN = ["WK999801", "WK999802", "WK999803", "WK999804"]


def _observe(figures: dict) -> None:
    areas = dict(Area.objects.filter(layout__municipality__code=GM).values_list("code", "pk"))
    indicators = dict(Indicator.objects.values_list("code", "pk"))
    Observation.objects.bulk_create([
        Observation(indicator_id=indicators[code], area_id=areas[area], year=year, value=value, source="test")
        for (code, year), values in figures.items() for area, value in zip([GM] + WIJKEN, values)])


@pytest.fixture
def town(catalogue):
    layout_register(municipality_code=GM, municipality_name="Teststad", year=2022,
                    regions=[(code, code) for code in WIJKEN], source="test")
    return GM


def test_falling_fast_on_the_indicators_of_both_years(town):
    _observe({
        # facilities, livelihood, safety: three dimensions in both years, the city first
        ("g_afs_hp", 2022): [1.0, 0.8, 1.0, 1.2, 1.0], ("g_afs_hp", 2024): [1.0, 0.8, 1.0, 1.2, 1.0],
        ("g_misd_1000", 2022): [50, 40, 50, 60, 50], ("g_misd_1000", 2024): [50, 40, 50, 60, 50],
        # the lowest-40 % share of the third wijk rises from 35 to 60 %: its livelihood falls 20 points
        ("p_ink_li", 2022): [40, 30, 40, 35, 50], ("p_ink_li", 2024): [45, 30, 40, 60, 50],
        # a source published in 2024 only (housing value) enters without being read as a change
        ("g_woz", 2024): [300, 400, 300, 150, 350],
    })
    index_recompute(municipality_code=GM)
    third = IndexValue.objects.get(area__code="WK999803", year=2024)
    assert third.value is not None and third.compared and "g_woz" not in third.compared
    # spread of the wijken in 2024: 30, 40, 60, 50 → sd √125; one of three dimensions, over two years
    assert third.change_per_year == pytest.approx(-10 * 25 / 125 ** 0.5 / 3 / 2, abs=0.01)
    assert third.falling and not IndexValue.objects.get(area__code="WK999801", year=2024).falling
    # the first wijk gains housing value in 2024, but its change is measured without it: zero
    assert IndexValue.objects.get(area__code="WK999801", year=2024).change_per_year == pytest.approx(0.0)
    flags = {f.area.code: f for f in index_flag_list(municipality_code=GM, only_flagged=False)}
    assert flags["WK999803"].falling
    assert [code for code, _ in flags["WK999803"].indicators_falling] == ["p_ink_li"]
    assert flags["WK999803"].indicators_falling[0][1] == pytest.approx(-10 * 25 / 125 ** 0.5 / 2, abs=0.01)
    assert not flags["WK999801"].indicators_falling
    carriers = index_carriers(area=third.area)
    livelihood = next(d for d in carriers.dimensions if d.code == "sociale_samenhang")
    assert [(i.code, i.figure_year) for i in livelihood.indicators] == [("p_ink_li", 2024)]
    assert {i.code for i in livelihood.missing} == {"p_arb_pp", "g_soz_wb_1000", "p_hh_lkk"}
    assert index_trend(area=third.area).slope == pytest.approx(third.change_per_year)


def test_no_index_on_two_dimensions(town):
    _observe({("g_afs_hp", 2024): [1.0, 0.8, 1.0, 1.2, 1.0], ("g_misd_1000", 2024): [50, 40, 50, 60, 50]})
    index_recompute(municipality_code=GM)
    value = IndexValue.objects.get(area__code="WK999801", year=2024)
    assert value.value is None and value.dimensions["voorzieningen"] is not None
    assert index_carriers(area=value.area).published is False
