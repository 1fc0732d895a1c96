"""/adres.json: the street map's address search (issue 15)."""

import pytest

from wijksturing.web.geocode import Address, GeocodeUnavailableError
from wijksturing.web.views import mapdata


def test_empty_query_gives_no_results(client, db):
    assert client.get("/adres.json").json() == {"results": []}


def test_postcode_with_number_and_free_text_are_searched(client, db, monkeypatch):
    asked = []

    def search(**kwargs):
        asked.append(kwargs)
        return [Address("Markt 1, Arnhem", 5.91, 51.98)]

    monkeypatch.setattr(mapdata, "address_search", search)
    data = client.get("/adres.json", {"q": "6811 AA 1"}).json()
    assert data["results"] == [{"label": "Markt 1, Arnhem", "lon": 5.91, "lat": 51.98}]
    assert asked[-1] == {"postcode": "6811AA", "number": "1"}
    client.get("/adres.json", {"q": "Markt Arnhem"})
    assert asked[-1] == {"text": "Markt Arnhem"}


def test_unreachable_service_is_503(client, db, monkeypatch):
    def down(**kwargs):
        raise GeocodeUnavailableError("offline")

    monkeypatch.setattr(mapdata, "address_search", down)
    response = client.get("/adres.json", {"q": "Markt"})
    assert response.status_code == 503 and response.json()["unavailable"] is True


@pytest.mark.parametrize("method", ["post", "put"])
def test_only_get(client, db, method):
    assert getattr(client, method)("/adres.json").status_code == 405
