"""The signals panels on the public area page and in the staff cockpit: counts of the right
gebied, no personal data in public, work-list links only for staff who handle signals."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.cache import cache
from django.utils import timezone

from wijksturing.signals import selectors, services
from wijksturing.signals.models import Signal
from wijksturing.signals.tests.conftest import IN_G2

REPORTER = {"name": "Jan Jansen", "email": "jan@example.org", "phone": "0612345678", "consent": True}


@pytest.fixture(autouse=True)
def _empty_page_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def signals_g1(make_signal, users):
    """G1: two open tree signals (one overdue), one open dumping signal, one resolved; G2: one."""
    trees = [make_signal("boom", reporter=REPORTER, description="Boom bij Jan Jansen, Dorpsstraat 3")
             for _ in range(2)]
    Signal.objects.filter(pk=trees[0].pk).update(deadline=timezone.localdate() - dt.timedelta(days=2))
    make_signal("dumping", description="Vuilniszakken")
    done = make_signal("boom", description="Tak op de weg")
    services.signal_transition(signal_id=done.pk, to_status="assigned", by=users["admin"])
    services.signal_transition(signal_id=done.pk, to_status="resolved", by=users["admin"], reply="Opgeruimd.")
    make_signal("boom", point=IN_G2, description="Boom in gebied 2")
    return trees


def test_counts_per_main_category_and_overdue(municipality, signals_g1):
    counts = selectors.signal_area_counts(municipality_code="GM9999", gebied_code="G1")
    assert (counts.open, counts.overdue, counts.to_triage) == (3, 1, 3)
    assert counts.per_category == [("Groen", 2), ("Afval", 1)]
    everywhere = selectors.signal_area_counts(municipality_code="GM9999")
    assert everywhere.open == 4 and everywhere.per_category == [("Groen", 3), ("Afval", 1)]


def test_public_panel_shows_counts_of_the_gebied_without_personal_data(client, municipality, signals_g1):
    html = client.get("/wijk/WK999901/").content.decode()  # a wijk shows the panel of its gebied
    assert '<h2 id="signals-panel-heading">Meldingen in Gebied 1</h2>' in html
    assert "Er staan 3 meldingen open." in html and "Bij 1 daarvan duurt het langer" in html
    assert '<th scope="row">Groen</th><td class="num">2</td>' in html
    assert 'href="/signalen/melden/?gemeente=GM9999"' in html
    for private in ("Jan Jansen", "jan@example.org", "0612345678", "Dorpsstraat", "Vuilniszakken"):
        assert private not in html
    other = client.get("/gemeente/GM9999/gebied/G2/").content.decode()
    assert "Er staat 1 melding open." in other and "duurt het langer" not in other
    whole = client.get("/gemeente/GM9999/").content.decode()
    assert "Meldingen in Proefstad" in whole and "Er staan 4 meldingen open." in whole


def test_public_panel_is_absent_where_signals_are_not_served(client, municipality):
    from wijksturing.signals.models import Category

    Category.objects.filter(municipality=municipality).update(is_active=False)
    assert "signals-panel-heading" not in client.get("/gemeente/GM9999/gebied/G1/").content.decode()


@pytest.mark.parametrize("who,handles", [("area_g1", True), ("admin", True), ("council", False), ("analyst", False)])
def test_cockpit_panel_links_to_the_work_list_only_for_handlers(client, users, signals_g1, who, handles):
    client.force_login(users[who])
    response = client.get("/cockpit/GM9999/G1/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<strong class="big-number">3</strong> open signalen in Gebied 1' in html
    assert "1 signaal is te laat." in html
    assert ('href="/signalen/werk/?gemeente=GM9999&amp;gebied=G1"' in html) is handles
    assert ("/signalen/werk/nieuw/" in html) is handles
    assert "Jan Jansen" not in html and "Dorpsstraat" not in html


def test_new_report_is_not_a_reason_to_renew_the_page_cache(client, municipality, make_signal):
    """Documented choice: the signals panel may be up to the cache lifetime old."""
    first = client.get("/gemeente/GM9999/gebied/G1/")
    assert first["X-Cache"] == "miss"
    make_signal("boom")
    second = client.get("/gemeente/GM9999/gebied/G1/")
    assert second["X-Cache"] == "hit" and second.content == first.content
