"""The buurtbegroting panels: the rounds of the gebied and the city-wide ones on the public area
page with what residents can do now, a count only once it is published, the managers' figures
in the cockpit panel, and publishing a result renews the cached public page."""

from __future__ import annotations

import pytest
from django.template import Context, Template

from wijksturing.accounts.models import Role
from wijksturing.accounts.tests.factories import resident, staff_user
from wijksturing.areas.models import Area
from wijksturing.participation import ballots, selectors, services
from wijksturing.participation.counting import round_count
from wijksturing.participation.models import Phase
from wijksturing.participation.tests.factories import make_round


@pytest.fixture(autouse=True)
def _empty_page_cache(empty_page_cache):
    """Every test here starts and ends with an empty page cache."""


@pytest.fixture
def rounds(arnhem):
    gemeente = Area.objects.get(code="GM0202")
    Area.objects.create(layout=gemeente.layout, level="gebied", code="W2", name="Noord", parent=gemeente)
    voting = make_round(area_code="WK020201", phase=Phase.VOTING)  # a wijk's round belongs to gebied W1
    city = make_round(area_code="GM0202", phase=Phase.PROPOSALS)
    other = make_round(area_code="W2", phase=Phase.VOTING)
    counted = make_round(area_code="W1", phase=Phase.VOTING)
    for n in range(2):
        ballots.ballot_cast(rnd=counted, choices={counted.proposals.get(title="Bankjes").pk: 1},
                            user=resident(f"voter{n}"))
    counted = services.round_transition(rnd=counted, to_phase=Phase.COUNTING)
    round_count(rnd=counted)
    return {"voting": voting, "city": city, "other": other, "counted": counted}


def test_rounds_of_a_gebied_include_its_wijken_and_the_city(rounds):
    found = selectors.round_list_for_area(municipality_code="GM0202", gebied_code="W1")
    assert {r.pk for r in found} == {rounds["voting"].pk, rounds["city"].pk, rounds["counted"].pk}
    assert all(r.public_result is None for r in found)  # counted, but not published
    assert len(selectors.round_list_for_area(municipality_code="GM0202")) == 4
    assert len(selectors.round_list_for_area(municipality_code="GM0202", limit=2)) == 2


def test_public_panel_shows_what_residents_can_do_now(client, rounds):
    html = client.get("/buurt/BU02020100/").content.decode()  # a buurt shows its gebied's rounds
    assert '<h2 id="pb-panel-heading">Buurtbegroting</h2>' in html
    assert f'<a href="/buurtbegroting/{rounds["voting"].pk}/stemmen/">Stem nu</a>' in html
    assert f'<a href="/buurtbegroting/{rounds["city"].pk}/voorstel/">Stuur uw idee in</a>' in html
    assert f'/buurtbegroting/{rounds["other"].pk}/' not in html
    # counted but not published: no numbers, no link to the result
    assert "gekozen" not in html and f'/buurtbegroting/{rounds["counted"].pk}/uitslag/' not in html


def test_publishing_the_result_shows_it_and_renews_the_cached_page(client, rounds):
    url = "/gemeente/GM0202/gebied/W1/"
    assert client.get(url)["X-Cache"] == "miss" and client.get(url)["X-Cache"] == "hit"
    services.round_transition(rnd=rounds["counted"], to_phase=Phase.PUBLISHED)
    response = client.get(url)
    html = response.content.decode()
    assert response["X-Cache"] == "miss"
    assert "1 project is gekozen, samen € 3.000." in html
    assert f'<a href="/buurtbegroting/{rounds["counted"].pk}/uitslag/">Bekijk de uitslag</a>' in html


def test_no_panel_without_rounds(client, arnhem):
    assert "pb-panel-heading" not in client.get("/gemeente/GM0202/gebied/W1/").content.decode()


def _cockpit_panel(user) -> str:
    area = Area.objects.get(code="W1")
    return Template("{% include 'participation/cockpit_panel.html' %}").render(
        Context({"area": area, "request": type("R", (), {"user": user})()}))


def test_cockpit_panel_shows_ballots_and_manage_links_to_managers_only(rounds, team):
    manager = _cockpit_panel(team["a"])
    counted = rounds["counted"].pk
    assert "2 ballots counted so far." in manager and "Counted, not yet published." in manager
    assert f'href="/buurtbegroting/beheer/{counted}/"' in manager
    for user in (team["other"], staff_user("raad", role=Role.COUNCIL, municipality=rounds["voting"].municipality)):
        html = _cockpit_panel(user)
        assert f"/buurtbegroting/{counted}/" in html  # the round itself is public
        assert "ballots counted" not in html and "not yet published" not in html and "/beheer/" not in html
