"""Browser tests of "Mijn wijk", the thematic map, compare, the report and the cockpit.

The address search goes to a fake PDOK locatieserver: a real HTTP server on 127.0.0.1 that
serves a recorded reply. It is started when this module is imported (at collection, before the
session's ``site`` server starts) and handed to the site through WIJKSTURING_LOCATIESERVER_URL.
"""

from __future__ import annotations

import os
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest

FIXTURES = Path(__file__).resolve().parents[2] / "src" / "wijksturing" / "web" / "tests" / "fixtures"
REPLY = (FIXTURES / "locatieserver_arnhem.json").read_bytes()


class _Locatieserver(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802
        query = parse_qs(urlparse(self.path).query).get("q", [""])[0].replace(" ", "").upper()
        body = REPLY if query.startswith("6828DM") else b'{"response": {"numFound": 0, "docs": []}}'
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


_server = HTTPServer(("127.0.0.1", 0), _Locatieserver)
threading.Thread(target=_server.serve_forever, daemon=True).start()
os.environ["WIJKSTURING_LOCATIESERVER_URL"] = f"http://127.0.0.1:{_server.server_port}/free"

pytestmark = pytest.mark.browser


def test_find_area_by_postcode(page, axe_check):
    page.goto("/")
    axe_check(page, context="home")
    page.fill("#postcode", "6828 DM")
    page.fill("#huisnummer", "100")
    page.locator("form:has(#postcode) button[type=submit]").click()
    page.wait_for_url("**/buurt/BU02020211/**")
    assert "Uw adres ligt in Spijkerbuurt" in page.inner_text("main")
    page.goto("/zoek/?postcode=12&huisnummer=1")
    axe_check(page, context="search with errors")


def test_find_area_by_map_click_and_open_area_pages(page, axe_check):
    page.goto("/?gemeente=GM0202")
    page.locator('#home-map a[data-code="BU02020211"]').click()
    page.wait_for_url("**/buurt/BU02020211/")
    assert page.locator("h1").inner_text().startswith("Spijkerbuurt")
    axe_check(page, context="buurt page")
    page.get_by_role("link", name="Spijkerkwartier", exact=True).first.click()
    page.wait_for_url("**/wijk/WK020202/")
    assert "Belangrijkste cijfers" in page.inner_text("main")
    assert page.locator("table.figures tbody tr").count() >= 3
    axe_check(page, context="wijk page")
    page.goto("/gemeente/GM0202/gebied/W1/")
    axe_check(page, context="gebied page")
    page.goto("/gemeente/GM0202/")
    axe_check(page, context="gemeente page")
    # the map is usable with the keyboard: its areas are links in the tab order
    page.locator("#area-map a").first.focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/gemeente/GM0202/gebied/**")


def test_thematic_map_switch_year_and_indicator(page, axe_check):
    page.goto("/kaart/?gemeente=GM0202&niveau=wijk")
    axe_check(page, context="thematic map")
    page.select_option("#f-indicator", "a_inw")
    page.select_option("#f-jaar", "2016")
    page.locator("#map-form button[type=submit]").click()
    page.wait_for_url("**indicator=a_inw**")
    assert "Aantal inwoners, 2016" in page.inner_text("#choro-title")
    assert page.locator("#choro-map path[class*=map-fill-]").count() > 10  # coloured by class (CSP: no style attributes)
    # sort the table by value, highest first (keyboard-usable button in the heading)
    button = page.locator("#choro-table thead button", has_text="Waarde")
    button.click()
    button.click()
    values = page.locator("#choro-table tbody td.num").all_inner_texts()
    numbers = [float(v.split(" (")[0].replace(".", "").replace(",", ".")) for v in values if v != "–"]
    assert numbers == sorted(numbers, reverse=True)


def test_compare_areas(page, axe_check):
    page.goto("/vergelijk/?gemeente=GM0202")
    page.select_option("#slot-1", "WK020202")
    page.select_option("#slot-2", "WK020201")
    page.locator("form button[type=submit]", has_text="Vergelijk").click()
    page.wait_for_selector("#compare-table")
    # the figure, the two areas, the municipality of the same year, the source
    assert page.locator("#compare-table thead th").count() == 5
    axe_check(page, context="compare")


def test_download_report(page, axe_check):
    page.goto("/wijk/WK020202/rapport/")
    axe_check(page, context="report page")
    with page.expect_download() as info:
        page.locator("a", has_text="Download als pdf").click()
    path = info.value.path()
    assert Path(path).read_bytes().startswith(b"%PDF-")
    assert info.value.suggested_filename == "gebiedsanalyse-WK020202.pdf"


def test_area_team_opens_the_cockpit(page, login, axe_check):
    login(page, "gebiedsteam")
    page.goto("/cockpit/")
    page.get_by_role("link", name="Centrum, Spijkerkwartier en Arnhemse Broek (CSA)").click()
    page.wait_for_url("**/cockpit/GM0202/W1/")
    main = page.inner_text("main")
    assert "Gebieden die aandacht vragen" in main and "Achter bij de stad" in main and "Daalt snel" in main
    axe_check(page, context="cockpit")
    assert page.goto("/cockpit/GM0202/W2/").status == 403
