import json
import re
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
from django.test import override_settings

from wijksturing.web.tests import htmlparse

FIXTURE = (Path(__file__).parent / "fixtures" / "locatieserver_6811aa_1.json").read_bytes()


@pytest.fixture
def locatieserver():
    """A real HTTP server on 127.0.0.1 that answers like PDOK's locatieserver (recorded reply)."""
    seen = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            query = parse_qs(urlparse(self.path).query)
            seen.append(query)
            known = "9999AA" in query.get("q", [""])[0].replace(" ", "")
            body = FIXTURE if known else b'{"response": {"numFound": 0, "docs": []}}'
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    with override_settings(WIJKSTURING_LOCATIESERVER_URL=f"http://127.0.0.1:{server.server_port}/free",
                           WIJKSTURING_ADDRESS_DIR="/nonexistent"):
        yield seen
    server.shutdown()


def test_home_lists_municipality_and_map_links(client, world):
    response = client.get("/")
    html = response.content.decode()
    assert response.status_code == 200
    assert 'href="/buurt/BU99990101/"' in html and 'aria-label="Marktbuurt"' in html
    assert 'href="/wijk/WK999901/"' in html
    assert 'class="skip-link' in html and 'lang="nl"' in html


@pytest.mark.parametrize("url, name", [
    ("/gemeente/GM9999/", "Teststad"),
    ("/gemeente/GM9999/gebied/W1/", "Centrum-Oost"),
    ("/wijk/WK999901/", "Oude Stad"),
    ("/buurt/BU99990101/", "Marktbuurt"),
])
def test_area_pages(client, world, url, name):
    response = client.get(url)
    html = response.content.decode()
    assert response.status_code == 200, html[:500]
    assert f"<h1>{name}" in html
    # a figure's source with the day it describes (inhabitants: 1 January), never the day of the import
    assert "Gemiddelde WOZ-waarde" in html and "CBS Kerncijfers, 1 januari 2024" in html
    assert "1 juni 2025" not in html
    assert 'class="sparkline"' in html and "2021: " in html  # trend with its numbers as text
    assert ("Sanne de Vries" in html) == (name != "Teststad")  # the gebied's team, also on the pages below it
    assert url + "rapport.pdf" in html


def test_buurt_page_figures_comparison_and_flags(client, world):
    html = client.get("/buurt/BU99990101/?jaar=2024").content.decode()
    figures = htmlparse.table(html, cls="figures")
    assert figures[0] == ["Cijfer", "Marktbuurt", "Verloop", "Teststad", "Vergeleken met de gemeente", "Bron"]
    # own figure and the city's, in Dutch notation, each in its own cell
    assert htmlparse.cell(figures, "Aantal inwoners", "Marktbuurt") == "1.100"
    assert htmlparse.cell(figures, "Aantal inwoners", "Teststad") == "3.300"
    assert htmlparse.cell(figures, "Gemiddelde WOZ-waarde", "Marktbuurt") == "210"
    assert htmlparse.cell(figures, "Gemiddelde WOZ-waarde", "Teststad") == "300"
    # WOZ 210 < 300 and higher is better: how much lower, and that it is unfavourable
    assert htmlparse.cell(figures, "Gemiddelde WOZ-waarde", "Vergeleken met de gemeente") == (
        "slechter 90 (30 %) lager dan Teststad; dat is ongunstig")
    # a count is compared as a share of the city, with no judgement
    assert htmlparse.cell(figures, "Aantal inwoners", "Vergeleken met de gemeente") == "33 % van Teststad"
    # index 86 (< 90) is flagged as lagging behind
    assert "Dit gebied blijft achter bij de rest van de gemeente." in htmlparse.texts(html, "alert")
    assert 'href="/wijk/WK999901/"' in html  # up the hierarchy
    html_2021 = client.get("/buurt/BU99990101/?jaar=2021").content.decode()
    assert htmlparse.cell(htmlparse.table(html_2021, cls="figures"), "Aantal inwoners", "Marktbuurt") == "1.000"
    assert "jaar 2021" in html_2021


def test_unknown_area_and_wrong_level_are_404(client, world):
    assert client.get("/wijk/WK000000/").status_code == 404
    assert client.get("/wijk/BU99990101/").status_code == 404
    assert client.get("/gemeente/GM9999/gebied/W9/").status_code == 404


def test_suppressed_figure_is_hidden(client, world):
    from wijksturing.monitor.models import Observation

    Observation.objects.filter(area=world["BU99990102"], indicator__code="g_woz", year=2024).update(suppressed=True)
    html = client.get("/buurt/BU99990102/").content.decode()
    assert "345" not in html and "verborgen" in html


def test_thematic_map_classes_and_json(client, world):
    html = client.get("/kaart/?gemeente=GM9999&indicator=g_woz&niveau=buurt&jaar=2024").content.decode()
    assert "Gemiddelde WOZ-waarde, 2024" in html
    assert 'id="choro-table"' in html and 'data-value="345.0"' in html
    data = client.get("/kaart/data.json?gemeente=GM9999&indicator=g_woz&niveau=buurt&jaar=2024").json()
    assert data["breaks"] == [210.0, 210.0, 345.0]
    assert {a["code"]: a["class"] for a in data["areas"]} == {"BU99990101": 0, "BU99990102": 1}
    # the source with the year the figure describes (the WOZ value: the whole year), not the import day
    assert data["areas"][0]["source"] == "CBS Kerncijfers" and data["areas"][0]["reference"] == 2024
    assert "2025-06-01" not in json.dumps(data)
    inhabitants = client.get("/kaart/data.json?gemeente=GM9999&indicator=a_inw&niveau=buurt&jaar=2024").json()
    assert inhabitants["areas"][0]["reference"] == "2024-01-01"  # counted on 1 January
    assert "CBS Kerncijfers, 1 januari 2024" in client.get(
        "/kaart/?gemeente=GM9999&indicator=a_inw&niveau=buurt&jaar=2024").content.decode()
    index = client.get("/kaart/data.json?gemeente=GM9999&niveau=buurt&jaar=2024").json()
    assert index["indicator"] == "index" and sorted(a["value"] for a in index["areas"]) == [86, 108]
    older = client.get("/kaart/data.json?gemeente=GM9999&indicator=g_woz&niveau=buurt&jaar=2021").json()
    assert sorted(a["value"] for a in older["areas"]) == [200, 275]


def test_compare(client, world):
    url = "/vergelijk/?gemeente=GM9999&jaar=2024&gebied=BU99990101&gebied=BU99990102&indicator=g_woz"
    html = client.get(url).content.decode()
    rows = htmlparse.table(html, id="compare-table")
    assert rows[0][:3] == ["Cijfer", "Marktbuurt", "Havenbuurt"]
    assert htmlparse.row(rows, "Gemiddelde WOZ-waarde")[1:3] == ["210", "345"]
    assert htmlparse.row(rows, "Leefbaarheidsindex")[1:3] == ["86", "108"]
    response = client.get("/vergelijk/?gemeente=GM9999&gebied=BU99990101")
    assert response.status_code == 400 and "minstens twee" in response.content.decode()


def test_search_by_postcode_through_the_locatieserver(client, world, locatieserver):
    response = client.get("/zoek/?postcode=9999 aa&huisnummer=1")
    assert response.status_code == 302 and response["Location"] == "/buurt/BU99990101/?gevonden=1"
    assert locatieserver[0]["q"] == ["9999AA 1"] and locatieserver[0]["fq"] == ["type:adres"]
    page = client.get(response["Location"]).content.decode()
    assert "Uw adres ligt in Marktbuurt" in page
    listing = client.get("/zoek/?adres=Marktstraat 1 9999AA&lijst=1").content.decode()
    assert "Marktstraat 1, 9999AA Teststad" in listing and 'href="/wijk/WK999901/"' in listing
    none = client.get("/zoek/?postcode=1234AB&huisnummer=5").content.decode()
    assert "niet vinden" in none


@override_settings(WIJKSTURING_LOCATIESERVER_URL="http://127.0.0.1:9/free", WIJKSTURING_ADDRESS_DIR="/nonexistent")
def test_search_offline_says_so(client, world):
    response = client.get("/zoek/?postcode=6811AA&huisnummer=1")
    assert response.status_code == 200
    assert "adresservice niet bereikbaar" in response.content.decode()


def test_search_rejects_bad_input_naming_the_field(client, world):
    response = client.get("/zoek/?postcode=12&huisnummer=x")
    html = response.content.decode()
    assert response.status_code == 400
    assert 'href="#postcode"' in html and 'href="#huisnummer"' in html and 'aria-invalid="true"' in html


def test_search_uses_the_municipality_own_address_file(client, world, tmp_path):
    (tmp_path / "GM9999.csv").write_text(
        "postcode;huisnummer;straat;woonplaats;lon;lat\n9999AB;7;Havenweg;Teststad;5.915;51.985\n"
    )
    with override_settings(WIJKSTURING_ADDRESS_DIR=str(tmp_path), WIJKSTURING_LOCATIESERVER_URL="http://127.0.0.1:9/"):
        response = client.get("/zoek/?postcode=9999AB&huisnummer=7")
    assert response.status_code == 302 and response["Location"].startswith("/buurt/BU99990102/")


def test_english_is_switchable(client, world):
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    html = client.get("/wijk/WK999901/").content.decode()
    assert 'lang="en"' in html and "Key figures" in html and "Average WOZ value" in html


def test_area_page_is_cached_until_the_data_changes(client, world, django_assert_max_num_queries):
    client.get("/wijk/WK999901/")
    with django_assert_max_num_queries(12):
        client.get("/wijk/WK999901/")
    from wijksturing.monitor.models import ImportRun, ImportStatus, Observation

    Observation.objects.filter(area=world["WK999901"], indicator__code="g_woz", year=2024).update(value=777)
    assert ">777<" not in client.get("/wijk/WK999901/").content.decode()  # still cached
    ImportRun.objects.create(kind="file", source="new.csv", status=ImportStatus.SUCCEEDED)  # a new import
    assert ">777<" in client.get("/wijk/WK999901/").content.decode()


def test_theme_colour_is_made_accessible(client, world):
    from wijksturing.web.theme import accessible_colour, contrast

    html = client.get("/wijk/WK999901/").content.decode()
    colour = accessible_colour("#ffcc00")
    assert f"--wijk-colour:{colour}" in html and contrast(colour, "#ffffff") >= 4.5
    assert accessible_colour("#154273") == "#154273" and accessible_colour("not a colour") == "#154273"
    # #ffcc00 on white has a contrast of 1.6; the colour is darkened to the first one that reaches 4.5
    assert colour != "#ffcc00" and contrast("#ffcc00", "#ffffff") < 4.5
    assert re.fullmatch(r"#[0-9a-f]{6}", colour)
    r, g, b = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    assert b == 0 and abs(r / g - 255 / 204) < 0.05  # the same yellow hue, only darker
