"""The read-only API: filters, GeoJSON boundaries, point lookup, published figures only for the
public, suppressed values empty, and clear errors for bad parameters."""

import pytest
from rest_framework.test import APIClient

from wijksturing.accounts.services import user_create
from wijksturing.areas.services import boundaries_import
from wijksturing.monitor.models import Indicator
from wijksturing.monitor.services import import_file, recompute


def square(x, y, d=0.01):
    return {"type": "Polygon", "coordinates": [[[x, y], [x + d, y], [x + d, y + d], [x, y + d], [x, y]]]}


@pytest.fixture
def city(catalogue, tmp_path):
    features = [
        {"type": "Feature", "properties": {"statcode": "BU99990101", "statnaam": "Oost", "gemeentenaam": "Proefstad"},
         "geometry": square(5.0, 52.0)},
        {"type": "Feature", "properties": {"statcode": "BU99990102", "statnaam": "West", "gemeentenaam": "Proefstad"},
         "geometry": square(5.01, 52.0)},
    ]
    boundaries_import(features=features, year=2024, source="test")
    path = tmp_path / "cijfers.csv"
    path.write_text("code,a_inw,a_65_oo,a_soz_wb\nBU99990101,600,120,40\nBU99990102,400,100,5\n")
    import_file(path=path, year=2024)
    recompute()


def test_areas_with_boundaries_and_lookup(city):
    client = APIClient()
    data = client.get("/api/v1/areas/", {"municipality": "GM9999", "level": "buurt"}).json()
    assert [a["code"] for a in data["results"]] == ["BU99990101", "BU99990102"]
    assert data["results"][0]["geometry"]["type"] == "Polygon" and data["results"][0]["parent"] == "WK999901"
    found = client.get("/api/v1/lookup/", {"lon": 5.015, "lat": 52.005}).json()
    assert found["buurt"]["code"] == "BU99990102" and found["gemeente"]["code"] == "GM9999"
    assert client.get("/api/v1/lookup/", {"lon": 4.0, "lat": 50.0}).status_code == 404
    bad = client.get("/api/v1/areas/", {"year": "twintig"})
    assert bad.status_code == 400 and bad.json() == {"errors": [{"field": "year", "message": "'twintig' is not a whole number"}]}
    assert client.get("/api/v1/areas/", {"year": "99999999999999999999"}).status_code == 400


def test_aggregates_and_suppression_in_the_api(city):
    client = APIClient()
    rows = client.get("/api/v1/observations/", {"area": "WK999901", "year": 2024}).json()["results"]
    values = {r["indicator"]: r for r in rows}
    assert values["a_inw"]["value"] == 1000 and values["a_inw"]["origin"] == "aggregated"
    assert values["p_65_eo_jr"]["value"] == pytest.approx(22.0)  # 220 / 1000, not the mean of 20% and 25%
    west = {r["indicator"]: r for r in client.get("/api/v1/observations/", {"area": "BU99990102"}).json()["results"]}
    assert west["a_soz_wb"]["suppressed"] is True and west["a_soz_wb"]["value"] is None  # 5 < 10


def test_unpublished_indicators_only_for_staff(city):
    Indicator.objects.filter(code="a_65_oo").update(published=False)
    anonymous = APIClient()
    codes = {r["indicator"] for r in anonymous.get("/api/v1/observations/", {"area": "BU99990101"}).json()["results"]}
    assert "a_65_oo" not in codes and "a_inw" in codes
    assert anonymous.get("/api/v1/indicators/a_65_oo/").status_code == 404
    staff = APIClient()
    staff.force_authenticate(user_create(username="analist", password="x-very-secret-1"))
    codes = {r["indicator"] for r in staff.get("/api/v1/observations/", {"area": "BU99990101"}).json()["results"]}
    assert "a_65_oo" in codes
