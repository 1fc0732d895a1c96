"""Figures a council can trust (issue 11) and one default year (issue 14): every number with its
publisher and the day or year it describes, the city's figure of the same year beside it, a
comparison that says something, the index by its parts, and no stray year as the default."""

import datetime as dt
import io

import pytest

from wijksturing.accounts.models import Role
from wijksturing.accounts.tests.factories import staff_user
from wijksturing.areas.models import Area, Level
from wijksturing.monitor.models import Aggregation, Direction, IndexValue, Indicator, Observation
from wijksturing.web.tests import htmlparse

IMPORT_DAY = dt.date(2025, 6, 1)  # the day the world's figures were imported (factories)


@pytest.fixture
def low_income(world):
    """A share of households with a low income, published for the two buurten in 2021 only (as
    the real 2021 buurt extract): the wijk and the city have no figure of their own."""
    indicator = Indicator.objects.create(
        code="p_hh_lkk", name_nl="Huishoudens met een laag inkomen (%)", name_en="Low-income households (%)",
        source="CBS", unit="%", decimals=1, theme="inkomen", aggregation=Aggregation.RATIO,
        direction=Direction.HIGHER_WORSE, denominator=Indicator.objects.get(code="a_inw"), scale=100)
    for code, value in (("BU99990101", 10.0), ("BU99990102", 20.0)):
        Observation.objects.create(indicator=indicator, area=world[code], year=2021, value=value,
                                   source="CBS Kerncijfers wijken en buurten", source_date=IMPORT_DAY)
    return indicator


def test_every_figure_carries_its_reference_date_not_the_import_date(client, world):
    html = client.get("/buurt/BU99990101/?jaar=2024").content.decode()
    figures = htmlparse.table(html, cls="figures")
    # inhabitants are counted on 1 January; the WOZ value describes the whole year
    assert htmlparse.cell(figures, "Aantal inwoners", "Bron") == "CBS Kerncijfers, 1 januari 2024"
    assert htmlparse.cell(figures, "Gemiddelde WOZ-waarde", "Bron") == "CBS Kerncijfers, 2024"
    sources = htmlparse.texts(html, "sources")[0]
    assert "CBS Kerncijfers, 2024, 1 januari 2024" in sources
    for page in (html, client.get("/buurt/BU99990101/rapport/?jaar=2024").content.decode()):
        assert "1 juni 2025" not in page and "2025-06-01" not in page


def test_exports_carry_source_and_reference_per_figure(world):
    from wijksturing.monitor.exports import export_index, export_observations

    out = io.BytesIO()
    export_observations(municipality="GM9999", level="buurt", year=2024, fmt="csv", out=out)
    lines = out.getvalue().decode().splitlines()
    header = lines[0].split(",")
    first = dict(zip(header, lines[1].split(",")))
    assert first["a_inw"] == "1100.0" and first["a_inw_source"] == "CBS Kerncijfers"
    assert first["a_inw_reference"] == "2024-01-01" and first["g_woz_reference"] == "2024"
    assert "2025-06-01" not in out.getvalue().decode()
    out = io.BytesIO()
    export_index(municipality="GM9999", level="buurt", year=None, fmt="csv", out=out)
    header, *rows = out.getvalue().decode().splitlines()
    assert header.split(",")[-3:] == ["dimensions_scored", "source", "reference"]
    assert rows[0].startswith("BU99990101,Marktbuurt,2024,86") and rows[0].endswith(",3,"
                                                                                  "wijksturing leefbaarheidsindex "
                                                                                  "(berekend uit cijfers van CBS en "
                                                                                  "Politie),2024")


def test_the_city_figure_of_the_same_year_stands_beside_an_older_figure(client, world, low_income):
    html = client.get("/buurt/BU99990101/?jaar=2024").content.decode()
    figures = htmlparse.table(html, cls="figures")
    label = "Huishoudens met een laag inkomen (%)"
    assert htmlparse.cell(figures, label, "Marktbuurt") == "10,0 (2021)"
    # the city has no 2021 figure stored: (10 × 1,000 + 20 × 2,000) / 3,000 inhabitants of 2021
    assert htmlparse.cell(figures, label, "Teststad") == "16,7 (2021) berekend uit 2 van de 2 buurten"
    assert htmlparse.cell(figures, label, "Vergeleken met de gemeente") == (
        "beter 6,7 procentpunt lager dan Teststad; dat is gunstig")
    assert htmlparse.cell(figures, label, "Bron") == "CBS Kerncijfers wijken en buurten, 2021"


def test_comparison_cells_say_something(client, world):
    Observation.objects.filter(area=world["BU99990102"], indicator__code="g_woz", year=2024).update(value=660)
    html = client.get("/buurt/BU99990102/?jaar=2024").content.decode()
    figures = htmlparse.table(html, cls="figures")
    assert htmlparse.cell(figures, "Gemiddelde WOZ-waarde", "Vergeleken met de gemeente") == (
        "beter 2,2 keer zo hoog als Teststad; dat is gunstig")
    assert htmlparse.cell(figures, "Aantal inwoners", "Vergeleken met de gemeente") == "67 % van Teststad"
    assert "geen oordeel" not in html


def test_a_stray_2025_file_does_not_become_the_default_year(client, world):
    """An analyst's small file with a few 2025 figures: 2024 stays the default year everywhere,
    with its index (issue 14)."""
    from wijksturing.web import data

    second = Area.objects.create(layout=world["layout"], level=Level.WIJK, code="WK999902", name="Nieuwe Wijk",
                                 parent=world["W1"], geometry=world["WK999901"].geometry)
    Observation.objects.create(indicator=Indicator.objects.get(code="a_inw"), area=second, year=2024, value=500)
    IndexValue.objects.create(area=second, year=2024, base_year=2024, value=95,
                              dimensions={"wonen": 95, "voorzieningen": 95, "veiligheid": 95})
    for area, code, value in ((world["WK999901"], "a_inw", 3350), (world["BU99990101"], "g_woz", 230)):
        Observation.objects.create(indicator=Indicator.objects.get(code=code), area=area, year=2025, value=value,
                                   source="eigen-telling.csv")
    for url in ("/gemeente/GM9999/", "/wijk/WK999901/", "/buurt/BU99990101/"):
        html = client.get(url).content.decode()
        assert "<option selected>2024</option>" in html, url
        assert "Er is geen index voor dit gebied in dit jaar." not in html, url
    assert 'class="big-number">86<' in client.get("/buurt/BU99990101/").content.decode()
    # the year stays available on request
    assert "<option selected>2025</option>" in client.get("/wijk/WK999901/?jaar=2025").content.decode()
    # one rule, asked by pages, reports and exports alike
    assert data.default_year(municipality_code="GM9999") == 2024

    from wijksturing.monitor.selectors import year_default

    assert year_default(municipality_code="GM9999") == 2024


def test_a_complete_new_year_does_become_the_default(world):
    from wijksturing.monitor.selectors import year_default

    Observation.objects.create(indicator=Indicator.objects.get(code="a_inw"), area=world["WK999901"], year=2025,
                               value=3350)
    IndexValue.objects.create(area=world["WK999901"], year=2025, base_year=2024, value=101,
                              dimensions={"wonen": 101, "voorzieningen": 101, "veiligheid": 101})
    assert year_default(municipality_code="GM9999") == 2025


def test_an_index_on_fewer_than_three_dimensions_is_shown_as_its_parts(client, world):
    IndexValue.objects.filter(area=world["BU99990101"]).update(dimensions={"wonen": 86, "voorzieningen": 90,
                                                                           "veiligheid": None})
    html = client.get("/buurt/BU99990101/?jaar=2024").content.decode()
    assert 'class="big-number"' not in html
    assert "niet als één getal gepubliceerd: maar 2 van de 3 delen hebben cijfers" in html
    parts = htmlparse.table(html, cls="index-parts")
    assert htmlparse.cell(parts, "Wonen", "Marktbuurt") == "86"
    assert htmlparse.cell(parts, "Wonen", "Berekend uit") == "Gemiddelde WOZ-waarde (2024)"
    assert htmlparse.cell(parts, "Overlast en veiligheid", "Berekend uit") == "geen cijfers: dit deel telt niet mee"
    trend = htmlparse.table(html, cls="index-trend")
    assert htmlparse.row(trend, "2024")[1:3] == ["niet gepubliceerd", "2 / 3"]


def test_the_index_trend_is_on_the_area_page(client, world):
    IndexValue.objects.create(area=world["BU99990101"], year=2021, base_year=2024, value=92,
                              dimensions={"wonen": 92, "voorzieningen": 92, "veiligheid": 92})
    html = client.get("/buurt/BU99990101/?jaar=2024").content.decode()
    assert 'class="trend-chart"' in html and 'aria-label="Leefbaarheidsindex: 2021: 92; 2024: 86"' in html
    trend = htmlparse.table(html, cls="index-trend")
    assert [r[:3] for r in trend[1:]] == [["2021", "92", "3 / 3"], ["2024", "86", "3 / 3"]]
    assert htmlparse.row(trend, "2024")[3] == "−2,5"


def test_compare_page_has_year_markers_units_once_and_a_city_column(client, world, low_income):
    url = ("/vergelijk/?gemeente=GM9999&jaar=2024&gebied=BU99990101&gebied=BU99990102"
           "&indicator=g_woz&indicator=p_hh_lkk")
    html = client.get(url).content.decode()
    rows = htmlparse.table(html, id="compare-table")
    assert rows[0] == ["Cijfer", "Marktbuurt", "Havenbuurt", "Teststad", "Bron"]
    assert htmlparse.row(rows, "Gemiddelde WOZ-waarde (x 1 000 euro)")[1:4] == ["210", "345", "300"]
    assert htmlparse.row(rows, "Huishoudens met een laag inkomen (%)")[1:4] == [
        "10,0 (2021)", "20,0 (2021)", "16,7 (2021) berekend uit 2 van de 2 buurten"]
    assert htmlparse.row(rows, "Leefbaarheidsindex")[1:4] == ["86", "108", "100"]
    assert "(%) (%)" not in html


def test_cockpit_lists_behind_the_city_and_falling_fast(client, world):
    client.force_login(staff_user("team", role=Role.AREA_TEAM, municipality=world["municipality"], gebied_code="W1"))
    html = client.get("/cockpit/GM9999/W1/?jaar=2024").content.decode()
    behind = html[html.index('id="behind-heading"'):html.index('id="falling-heading"')]
    falling = html[html.index('id="falling-heading"'):html.index('id="index-heading"')]
    assert "Marktbuurt" in behind and "Havenbuurt" not in behind and "index 86, Teststad 100" in behind
    assert "Marktbuurt" in falling and "−2,5 per jaar" in falling


def test_the_api_gives_each_figure_its_reference(client, world):
    rows = client.get("/api/v1/observations/", {"area": "BU99990101", "year": 2024}).json()["results"]
    by_code = {r["indicator"]: r for r in rows}
    assert by_code["a_inw"]["reference"] == "2024-01-01" and by_code["g_woz"]["reference"] == "2024"
    assert by_code["a_inw"]["source"] == "CBS Kerncijfers"


def test_the_municipality_page_is_not_compared_with_itself(client, world, low_income):
    html = client.get("/gemeente/GM9999/?jaar=2024").content.decode()
    figures = htmlparse.table(html, cls="figures")
    assert figures[0] == ["Cijfer", "Teststad", "Verloop", "Bron"]
    # the city has no 2021 figure of its own: computed from its buurten, saying so
    assert htmlparse.cell(figures, "Huishoudens met een laag inkomen (%)", "Teststad") == (
        "16,7 (2021) berekend uit 2 van de 2 buurten")
    assert "Cijfers van de gemeente Teststad, jaar 2024." in html
