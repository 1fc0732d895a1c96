"""Figures and index values are paged by primary key through a cursor (issue 12), in the shape of
the offset pages (count, next, previous, results); ``offset`` still works."""


from django.core.cache import cache
from rest_framework.test import APIClient

from wijksturing.monitor.models import Observation
from wijksturing.monitor.tests.test_api import city  # noqa: F401 — fixture


def _walk(client, url, params):
    rows, pages, first = [], 0, None
    data = client.get(url, params).json()
    first = data
    while True:
        pages += 1
        rows += data["results"]
        if not data["next"]:
            return first, rows, pages
        assert "offset" not in data["next"] and "cursor=" in data["next"]
        data = client.get(data["next"]).json()


def test_cursor_pages_walk_the_whole_list_once(city):  # noqa: F811
    client = APIClient()
    total = Observation.objects.filter(indicator__published=True).count()
    assert total > 10
    first, rows, pages = _walk(client, "/api/v1/observations/", {"limit": 4})
    assert set(first) == {"count", "next", "previous", "results"} and first["count"] == total
    assert first["previous"] is None and len(first["results"]) == 4
    assert len(rows) == total and pages == -(-total // 4)
    keys = [(r["indicator"], r["area"], r["year"]) for r in rows]
    assert len(set(keys)) == total  # no row twice, none left out
    expected = list(Observation.objects.filter(indicator__published=True).order_by("pk")
                    .values_list("indicator__code", "area__code", "year"))
    assert keys == expected  # in primary-key order


def test_count_of_a_later_page_comes_from_the_first(city):  # noqa: F811
    client = APIClient()
    first = client.get("/api/v1/observations/", {"limit": 2, "area": "BU99990101"}).json()
    assert first["count"] == Observation.objects.filter(area__code="BU99990101", indicator__published=True).count()
    second = client.get(first["next"]).json()
    assert second["count"] == first["count"] and second["previous"]
    cache.clear()
    assert client.get(first["next"]).json()["count"] is None


def test_offset_still_pages_in_the_same_order(city):  # noqa: F811
    client = APIClient()
    cursor_rows = _walk(client, "/api/v1/index/", {"limit": 1})[1]
    offset_page = client.get("/api/v1/index/", {"limit": 1, "offset": 1}).json()
    assert offset_page["count"] == len(cursor_rows) >= 2
    assert offset_page["results"] == cursor_rows[1:2]
    assert "offset=2" in offset_page["next"]


def test_a_bad_cursor_is_a_clear_error(city):  # noqa: F811
    response = APIClient().get("/api/v1/observations/", {"cursor": "nonsense"})
    assert response.status_code == 404
