"""Issue 15: a page per figure and area with definition, source, reference date, the series as
chart and table beside the municipality and similar areas, and CSV/Excel download."""

import csv
import io

import pytest
from openpyxl import load_workbook

from wijksturing.areas.models import Area
from wijksturing.monitor.models import Indicator, Observation, SimilarArea

pytestmark = pytest.mark.django_db


def test_figure_page_has_meaning_series_city_and_similar(client, world):
    Indicator.objects.filter(code="a_inw").update(definition="Inwoners op 1 januari.")
    bu1, bu2 = Area.objects.get(code="BU99990101"), Area.objects.get(code="BU99990102")
    SimilarArea.objects.create(area=bu1, other=bu2, distance=0.5, rank=1, year=2024)
    response = client.get("/buurt/BU99990101/cijfer/a_inw/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Inwoners op 1 januari." in html and "CBS Kerncijfers" in html
    assert "1 januari 2024" in html  # a stock: counted on 1 January
    assert "<svg class=\"figure-chart\"" in html
    page = response.context["page"]
    assert [s.kind for s in page.series] == ["area", "city", "similar"]
    assert response.context["rows"] == [[2021, 1000, 3000, 2000], [2024, 1100, 3300, 2200]]
    assert "style=" not in html.split("<main", 1)[-1]  # strict CSP: no style attributes


def test_csv_and_excel_downloads_neutralise_formulas(client, world):
    Area.objects.filter(code="GM9999").update(name="=HYPERLINK(1)")
    data = client.get("/buurt/BU99990101/cijfer/a_inw/", {"formaat": "csv"})
    assert data["Content-Type"].startswith("text/csv") and "attachment" in data["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(data.content.decode())))
    assert rows[0][0] == "jaar" and rows[0][2] == "'=HYPERLINK(1)"
    assert rows[1][0] == "2021" and [float(v) for v in rows[1][1:3]] == [1000, 3000]
    book = load_workbook(io.BytesIO(client.get("/buurt/BU99990101/cijfer/a_inw/", {"formaat": "xlsx"}).content))
    header = list(book.active[1])
    assert header[0].value == "jaar" and header[2].data_type == "s"  # text, not a formula
    assert client.get("/buurt/BU99990101/cijfer/a_inw/", {"formaat": "pdf"}).status_code == 404


def test_hidden_values_stay_hidden_and_unknown_figures_404(client, world):
    Observation.objects.filter(area__code="BU99990101", indicator__code="g_woz", year=2024).update(suppressed=True)
    response = client.get("/buurt/BU99990101/cijfer/g_woz/")
    assert response.context["rows"][-1][1] is None
    assert client.get("/buurt/BU99990101/cijfer/nope/").status_code == 404
    Indicator.objects.filter(code="g_woz").update(published=False)
    assert client.get("/buurt/BU99990101/cijfer/g_woz/").status_code == 404


def test_area_page_links_each_figure_to_its_page(client, world):
    html = client.get("/wijk/WK999901/").content.decode()
    assert 'href="/wijk/WK999901/cijfer/a_inw/"' in html or 'href="/wijk/WK999901/cijfer/g_woz/"' in html
    assert client.get("/gemeente/GM9999/gebied/W1/cijfer/g_woz/").status_code == 200
    assert client.get("/gemeente/GM9999/cijfer/g_woz/").status_code == 200
