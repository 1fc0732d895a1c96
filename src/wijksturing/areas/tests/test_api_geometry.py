"""/api/v1/areas/: lists carry simplified boundaries (full ones on request), and a page is at most
1000 areas."""

import math

import pytest

from wijksturing.areas.models import Area, Layout, Level, Municipality


def _circle(points: int) -> dict:
    ring = [[5.9 + 0.01 * math.cos(2 * math.pi * i / points), 51.98 + 0.01 * math.sin(2 * math.pi * i / points)]
            for i in range(points)]
    return {"type": "Polygon", "coordinates": [ring + [ring[0]]]}


@pytest.fixture
def detailed(db):
    municipality = Municipality.objects.create(code="GM9998", name="Detailstad")
    layout = Layout.objects.create(municipality=municipality, year=2024)
    return Area.objects.create(layout=layout, level=Level.GEMEENTE, code="GM9998", name="Detailstad", geometry=_circle(2000))


def _points(geometry: dict) -> int:
    return sum(len(ring) for ring in geometry["coordinates"])


def test_lists_have_simplified_boundaries_and_full_ones_on_request(client, detailed):
    listed = client.get("/api/v1/areas/", {"municipality": "GM9998"}).json()["results"][0]["geometry"]
    assert listed["type"] == "Polygon" and 4 <= _points(listed) < 2001 / 4
    # still the same shape: every point of the simplified ring lies on the circle (within the tolerance)
    assert all(abs(math.hypot(x - 5.9, y - 51.98) - 0.01) < 0.0001 for x, y in listed["coordinates"][0])
    full = client.get("/api/v1/areas/", {"municipality": "GM9998", "geometry": "full"}).json()["results"][0]["geometry"]
    assert _points(full) == 2001
    assert client.get("/api/v1/areas/", {"municipality": "GM9998", "geometry": "none"}).json()["results"][0]["geometry"] is None
    assert _points(client.get("/api/v1/areas/GM9998/").json()["geometry"]) == 2001  # one area: full by default
    assert client.get("/api/v1/areas/", {"geometry": "fijn"}).status_code == 400


def test_a_page_is_at_most_1000_rows(client, detailed):
    body = client.get("/api/v1/areas/", {"limit": 100000, "geometry": "none"}).json()
    assert body["count"] == 1
    from wijksturing.api.pagination import Pagination

    assert Pagination.max_limit == 1000


def test_the_total_is_counted_on_the_first_page_and_kept_for_the_next(client, detailed, django_assert_num_queries):
    from django.core.cache import cache

    cache.clear()
    Area.objects.create(layout=detailed.layout, level=Level.WIJK, code="WK999801", name="Wijk", parent=detailed)
    assert client.get("/api/v1/areas/", {"limit": 1, "geometry": "none"}).json()["count"] == 2
    with django_assert_num_queries(1):  # the page, no count
        body = client.get("/api/v1/areas/", {"limit": 1, "offset": 1, "geometry": "none"}).json()
    assert body["count"] == 2 and len(body["results"]) == 1
    Area.objects.create(layout=detailed.layout, level=Level.WIJK, code="WK999802", name="Wijk 2", parent=detailed)
    assert client.get("/api/v1/areas/", {"limit": 1, "geometry": "none"}).json()["count"] == 3  # the first page counts afresh


def test_simplify_asks_a_coarser_boundary_for_a_zoomed_out_map(client, detailed):
    fine = client.get("/api/v1/areas/", {"municipality": "GM9998"}).json()["results"][0]["geometry"]
    coarse = client.get("/api/v1/areas/", {"municipality": "GM9998", "simplify": "0.002"}).json()["results"][0]["geometry"]
    assert 4 <= _points(coarse) < _points(fine)
    one = client.get("/api/v1/areas/GM9998/", {"simplify": "0.002"}).json()["geometry"]
    assert _points(one) == _points(coarse)
    for bad in ("0", "-1", "0.5", "fijn"):
        assert client.get("/api/v1/areas/", {"simplify": bad}).status_code == 400
