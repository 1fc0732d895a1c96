"""The whole-response cache of the public pages (web.pagecache): hits and misses, staff and
session bypass, language, no CSRF token in cached pages, and new data after an import."""

import time

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.test import Client, RequestFactory
from django.urls import reverse

from wijksturing.accounts.models import Role
from wijksturing.accounts.tests.factories import staff_user
from wijksturing.areas.models import Municipality
from wijksturing.monitor.models import ImportRun, ImportStatus, Observation
from wijksturing.monitor.services import import_file
from wijksturing.web import pagecache

PUBLIC = ["/wijk/WK999901/", "/gemeente/GM9999/", "/gemeente/GM9999/gebied/W1/?jaar=2021", "/",
          "/kaart/?gemeente=GM9999&niveau=buurt", "/kaart/data.json?gemeente=GM9999&indicator=g_woz&niveau=buurt&jaar=2024",
          "/vergelijk/?gemeente=GM9999&gebied=BU99990101&gebied=BU99990102", "/wijk/WK999901/rapport/",
          "/wijk/WK999901/rapport.pdf"]


@pytest.fixture
def long_ttl(monkeypatch):
    monkeypatch.setattr(pagecache, "VERSION_SECONDS", 60.0)


@pytest.mark.parametrize("url", PUBLIC)
def test_second_anonymous_request_is_a_hit_without_queries(client, world, long_ttl, url, django_assert_num_queries):
    first = client.get(url)
    assert first.status_code == 200 and first["X-Cache"] == "miss"
    with django_assert_num_queries(0):
        second = client.get(url)
    assert second["X-Cache"] == "hit" and second.content == first.content
    assert second["Content-Type"] == first["Content-Type"] and "Cookie" in second["Vary"]
    assert not second.cookies and b"csrfmiddlewaretoken" not in second.content


def test_query_string_and_404_are_not_mixed_up(client, world):
    assert ">2021<" not in client.get("/wijk/WK999901/?jaar=2024").content.decode().split("selected>")[1][:6]
    assert client.get("/wijk/WK999901/?jaar=2021")["X-Cache"] == "miss"
    assert "2021" in client.get("/wijk/WK999901/?jaar=2021").content.decode().split("selected>")[1][:6]
    for _ in range(2):
        response = client.get("/wijk/WK000000/")
        assert response.status_code == 404 and not response.has_header("X-Cache")


def test_staff_never_get_nor_leave_a_cached_page(client, world):
    anonymous = client.get("/wijk/WK999901/")
    assert anonymous["X-Cache"] == "miss" and "/cockpit/" not in anonymous.content.decode()
    staff = Client()
    staff.force_login(staff_user("team", role=Role.AREA_TEAM, municipality=world["municipality"], gebied_code="W1"))
    for _ in range(2):
        response = staff.get("/wijk/WK999901/")
        html = response.content.decode()
        assert not response.has_header("X-Cache") and 'href="/cockpit/"' in html
        assert f'action="{reverse("accounts:logout")}"' in html and "csrfmiddlewaretoken" in html  # their own form
    again = client.get("/wijk/WK999901/")  # staff's visits stored nothing for others
    assert again["X-Cache"] == "hit" and "/cockpit/" not in again.content.decode()
    staff.cookies.clear()
    staff.force_login(staff_user("raad", role=Role.COUNCIL, municipality=world["municipality"]))
    staff.get("/kaart/?gemeente=GM9999")
    assert client.get("/kaart/?gemeente=GM9999")["X-Cache"] == "miss"  # not filled by the council member


def test_session_or_messages_cookie_bypasses_the_cache(client, world):
    client.get("/wijk/WK999901/")
    for name in ("sessionid", "messages"):
        other = Client()
        other.cookies[name] = "something"
        assert not other.get("/wijk/WK999901/").has_header("X-Cache")


def test_language_is_part_of_the_key(client, world):
    dutch = client.get("/wijk/WK999901/")
    english = Client()
    english.cookies["django_language"] = "en"
    first, second = english.get("/wijk/WK999901/"), english.get("/wijk/WK999901/")
    assert first["X-Cache"] == "miss" and second["X-Cache"] == "hit"
    assert 'lang="en"' in second.content.decode() and "Key figures" in second.content.decode()
    again = client.get("/wijk/WK999901/")
    assert again["X-Cache"] == "hit" and again.content == dutch.content and 'lang="nl"' in again.content.decode()


def test_language_switch_needs_no_csrf_token(world):
    browser = Client(enforce_csrf_checks=True)
    page = browser.get("/wijk/WK999901/").content.decode()
    assert 'action="/taal/"' in page and "csrfmiddlewaretoken" not in page
    response = browser.post("/taal/", {"language": "en", "next": "/wijk/WK999901/"})
    assert response.status_code == 302 and response["Location"] == "/wijk/WK999901/"
    assert "Key figures" in browser.get("/wijk/WK999901/").content.decode()
    assert browser.post("/taal/", {"language": "en", "next": "https://evil.example/"})["Location"] == "/"
    assert browser.get("/taal/").status_code == 405


def test_a_page_that_used_a_csrf_token_or_wrote_the_session_is_not_stored(db):
    def form_view(request):
        return HttpResponse(f'<input name="csrfmiddlewaretoken" value="{get_token(request)}">')

    def session_view(request):
        request.session["seen"] = True
        return HttpResponse("hello")

    for view in (pagecache.public_page(form_view), pagecache.public_page(session_view)):
        for _ in range(2):
            request = RequestFactory().get("/form/")
            request.session = SessionStore()
            response = view(request)
            assert not response.has_header("X-Cache")
    plain = pagecache.public_page(lambda request: HttpResponse("hello"))
    assert [plain(RequestFactory().get("/form/"))["X-Cache"] for _ in range(2)] == ["miss", "hit"]


def test_a_new_import_changes_the_page(client, world, tmp_path, long_ttl):
    client.get("/wijk/WK999901/")
    assert client.get("/wijk/WK999901/")["X-Cache"] == "hit"
    csv = tmp_path / "woz.csv"
    csv.write_text("code,g_woz\nWK999901,777\n", encoding="utf-8")
    import_file(path=csv, year=2024, municipalities={"GM9999"})
    response = client.get("/wijk/WK999901/")
    assert response["X-Cache"] == "miss" and ">777<" in response.content.decode()


def test_another_process_import_shows_after_the_version_ttl(client, world, monkeypatch):
    """An import by another process sends no signal here: the page shows it once this process
    reads the version again (``VERSION_SECONDS``), or at once when the cache is cleared."""
    monkeypatch.setattr(pagecache, "VERSION_SECONDS", 0.3)
    client.get("/wijk/WK999901/")
    Observation.objects.filter(area=world["WK999901"], indicator__code="g_woz", year=2024).update(value=777)
    ImportRun.objects.bulk_create([ImportRun(kind="file", source="other.csv", status=ImportStatus.SUCCEEDED)])
    stale = client.get("/wijk/WK999901/")
    assert stale["X-Cache"] == "hit" and ">777<" not in stale.content.decode()
    time.sleep(0.35)
    fresh = client.get("/wijk/WK999901/")
    assert fresh["X-Cache"] == "miss" and ">777<" in fresh.content.decode()


def test_cache_cleared_shows_new_data_at_once(client, world, long_ttl):
    from django.core.cache import cache

    client.get("/wijk/WK999901/")
    Observation.objects.filter(area=world["WK999901"], indicator__code="g_woz", year=2024).update(value=777)
    ImportRun.objects.bulk_create([ImportRun(kind="file", source="other.csv", status=ImportStatus.SUCCEEDED)])
    cache.clear()
    assert ">777<" in client.get("/wijk/WK999901/").content.decode()


def test_a_theme_change_in_the_admin_renews_the_pages(client, world, long_ttl):
    assert "--wijk-colour:#154273" not in client.get("/wijk/WK999901/").content.decode()
    municipality = Municipality.objects.get(code="GM9999")
    municipality.theme_colour = "#154273"
    municipality.save()
    response = client.get("/wijk/WK999901/")
    assert response["X-Cache"] == "miss" and "--wijk-colour:#154273" in response.content.decode()


def test_a_logged_in_user_without_session_cookie_is_not_served_from_the_cache(world):
    """E.g. a user authenticated by another mechanism than the session cookie."""
    view = pagecache.public_page(lambda request: HttpResponse(f"hello {request.user}"))
    user = staff_user("analist", role=Role.ANALYST, municipality=world["municipality"])
    request = RequestFactory().get("/x/")
    request.user = user
    response = view(request)
    assert not response.has_header("X-Cache") and b"hello analist" in response.content


def test_unknown_query_parameters_do_not_make_new_cache_entries(client, world, long_ttl):
    """?x=<random> is served the cached page without it: no full render, no new entry."""
    from django.core.cache import cache

    first = client.get("/wijk/WK999901/?jaar=2021")
    assert first["X-Cache"] == "miss"
    keys_before = len(cache._cache) if hasattr(cache, "_cache") else None
    for value in ("1", "abc", "9f8e7d"):
        response = client.get(f"/wijk/WK999901/?jaar=2021&x={value}")
        assert response["X-Cache"] == "hit" and response.content == first.content
    if keys_before is not None:
        assert len(cache._cache) == keys_before
    # the parameters a page reads still make their own page
    assert client.get("/wijk/WK999901/?jaar=2024&x=1")["X-Cache"] == "miss"
    # a junk parameter first: the page stored is the one without it (nothing of it echoed)
    response = client.get("/kaart/?gemeente=GM9999&zzz=%3Cecho%3E")
    assert response["X-Cache"] == "miss" and "zzz" not in response.content.decode()
    assert client.get("/kaart/?gemeente=GM9999")["X-Cache"] == "hit"


def test_an_overlong_parameter_is_served_but_not_stored(client, world):
    response = client.get("/wijk/WK999901/?jaar=" + "9" * 300)
    assert response.status_code in (200, 400, 404) and not response.has_header("X-Cache")


def test_bulk_writes_renew_the_pages(client, world, long_ttl):
    """``bulk_update``/``.update()`` send no model signals: writers bump the data version explicitly."""
    from wijksturing import dataversion
    from wijksturing.areas.models import Area

    assert client.get("/wijk/WK999901/")["X-Cache"] == "miss"
    assert client.get("/wijk/WK999901/")["X-Cache"] == "hit"
    Area.objects.filter(code="WK999901").update(name="Nieuwe Stad")
    assert client.get("/wijk/WK999901/")["X-Cache"] == "hit"  # no signal: the page is still the old one
    dataversion.bump()
    response = client.get("/wijk/WK999901/")
    assert response["X-Cache"] == "miss" and "Nieuwe Stad" in response.content.decode()


def test_many_bumps_in_one_transaction_renew_once_and_again_after_commit(transactional_db):
    from django.core.cache import cache
    from django.db import transaction

    from wijksturing import dataversion

    tokens = []

    def listener():
        tokens.append(cache.get(dataversion.KEY))

    dataversion.on_change(listener)
    try:
        dataversion.current()
        with transaction.atomic():
            for _ in range(1000):
                dataversion.bump()
            assert len(tokens) == 1
        assert len(tokens) == 2 and tokens[0] != tokens[1]
        dataversion.current()
        with pytest.raises(ZeroDivisionError), transaction.atomic():
            dataversion.bump()
            raise ZeroDivisionError  # any error rolls the transaction back
        assert len(tokens) == 3  # renewed at once; nothing after a rollback
        dataversion.bump()  # outside a transaction: at once
        assert len(tokens) == 4
    finally:
        dataversion._listeners.remove(listener)


def test_gebieden_rebuilt_with_update_renew_the_pages(client, world, long_ttl):
    """``layout_apply_gebieden`` re-parents wijken with ``.update()`` (no model signal)."""
    from wijksturing.areas.services import layout_apply_gebieden

    assert client.get("/wijk/WK999901/")["X-Cache"] == "miss"
    assert client.get("/wijk/WK999901/")["X-Cache"] == "hit"
    layout_apply_gebieden(layout=world["layout"])
    assert client.get("/wijk/WK999901/")["X-Cache"] == "miss"
