"""The download path (no local copy): CBS OData and PDOK WFS, served here by a real local HTTP
server with small fixtures written for this test."""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

import pytest
from django.test import override_settings

from wijksturing.areas.models import Area, Level
from wijksturing.areas.services import boundaries_import_file
from wijksturing.monitor.importers.base import MonitorImportError
from wijksturing.monitor.importers.download import boundaries_download, kwb_download
from wijksturing.monitor.models import Observation
from wijksturing.monitor.services import import_file


def square(x, y, d=0.01):
    return {"type": "Polygon", "coordinates": [[[x, y], [x + d, y], [x + d, y + d], [x, y + d], [x, y]]]}


TYPED = {"value": [
    {"ID": 1, "WijkenEnBuurten": "GM9999  ", "Gemeentenaam_1": "Proefstad", "SoortRegio_2": "Gemeente  ",
     "Codering_3": "GM9999    ", "AantalInwoners_5": 1000, "Woningvoorraad_35": 450, "GemiddeldeWOZWaardeVanWoningen_39": 312},
    {"ID": 2, "WijkenEnBuurten": "WK999901", "Gemeentenaam_1": "Proefstad", "SoortRegio_2": "Wijk",
     "Codering_3": "WK999901  ", "AantalInwoners_5": 1000, "Woningvoorraad_35": 450, "GemiddeldeWOZWaardeVanWoningen_39": None},
], "odata.nextLink": "NEXT"}
TYPED_PAGE_2 = {"value": [
    {"ID": 3, "WijkenEnBuurten": "BU99990101", "Gemeentenaam_1": "Proefstad", "SoortRegio_2": "Buurt",
     "Codering_3": "BU99990101", "AantalInwoners_5": 600, "Woningvoorraad_35": 250, "GemiddeldeWOZWaardeVanWoningen_39": 300},
    {"ID": 4, "WijkenEnBuurten": "BU99990102", "Gemeentenaam_1": "Proefstad", "SoortRegio_2": "Buurt",
     "Codering_3": "BU99990102", "AantalInwoners_5": 400, "Woningvoorraad_35": 200, "GemiddeldeWOZWaardeVanWoningen_39": 327},
]}
NAMES = {"value": [{"Key": "GM9999  ", "Title": "Proefstad"}, {"Key": "WK999901", "Title": "Centrum"},
                   {"Key": "BU99990101", "Title": "Oost"}, {"Key": "BU99990102", "Title": "West"}]}
WFS = {"buurten": {"type": "FeatureCollection", "features": [
    {"type": "Feature", "geometry": square(5.0, 52.0),
     "properties": {"buurtcode": "BU99990101", "buurtnaam": "Oost", "gemeentecode": "GM9999", "gemeentenaam": "Proefstad"}},
    {"type": "Feature", "geometry": square(5.01, 52.0),
     "properties": {"buurtcode": "BU99990102", "buurtnaam": "West", "gemeentecode": "GM9999", "gemeentenaam": "Proefstad"}}]}}


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802
        url = urlparse(self.path)
        query = parse_qs(url.query)
        if url.path.endswith("/TypedDataSet"):
            assert "startswith(WijkenEnBuurten,'BU9999')" in query["$filter"][0]
            body = dict(TYPED, **{"odata.nextLink": f"http://127.0.0.1:{self.server.server_port}/odata/85984NED/page2"})
        elif url.path.endswith("/page2"):
            body = TYPED_PAGE_2
        elif url.path.endswith("/WijkenEnBuurten"):
            body = NAMES
        elif url.path.startswith("/wfs/2024"):
            body = WFS.get(query["typeNames"][0], {"type": "FeatureCollection", "features": []})
        else:
            self.send_error(404)
            return
        data = json.dumps(body).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


@pytest.fixture
def publisher():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}"
    with override_settings(WIJKSTURING_CBS_ODATA_URL=f"{base}/odata", WIJKSTURING_PDOK_WFS_URL=base + "/wfs/{year}"):
        yield base
    server.shutdown()


def test_download_and_import(publisher, catalogue, tmp_path):
    path = boundaries_download(year=2024, municipality_code="GM9999", level="buurten", target_dir=tmp_path)
    assert boundaries_import_file(path=path, year=2024, source="PDOK test") == 2
    csv_path = kwb_download(year=2024, municipality_code="GM9999", target_dir=tmp_path)
    run = import_file(path=csv_path, year=2024, municipalities={"GM9999"})
    assert run.observations == 4 * 3
    # the WOZ value CBS did not publish is kept as 'not published', never as a number
    assert Observation.objects.get(area__code="WK999901", indicator__code="g_woz").value is None
    oost = Area.objects.get(code="BU99990101")
    assert oost.name == "Oost" and oost.level == Level.BUURT and oost.geometry["type"] == "Polygon"
    assert oost.parent.code == "WK999901" and oost.parent.name == "Centrum"
    assert Observation.objects.get(area=oost, indicator__code="g_woz").value == 300
    assert Observation.objects.get(area__code="GM9999", indicator__code="a_inw").value == 1000


def test_download_errors_are_clear(publisher, tmp_path):
    with pytest.raises(MonitorImportError, match="no CBS Kerncijfers table known for 1990"):
        kwb_download(year=1990, municipality_code="GM9999", target_dir=tmp_path)
    with pytest.raises(MonitorImportError, match="PDOK returned no wijken"):
        boundaries_download(year=2024, municipality_code="GM9999", level="wijken", target_dir=tmp_path)
    with (
        override_settings(WIJKSTURING_CBS_ODATA_URL="http://127.0.0.1:9/odata"),
        pytest.raises(MonitorImportError, match="download failed"),
    ):
        kwb_download(year=2024, municipality_code="GM9999", target_dir=tmp_path)
