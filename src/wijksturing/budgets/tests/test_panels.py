"""The budgets panels: this year's totals of the gebied with the over-commitment warning, decided
initiatives without the applicant in public, waiting initiatives and entry links in the cockpit
for the area team only, and a new entry renews the cached public page."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.utils import timezone

from wijksturing.accounts.models import Role
from wijksturing.areas.models import Area, Level
from wijksturing.budgets import selectors, services
from wijksturing.budgets.tests.factories import budget_line, submitted_initiative
from wijksturing.budgets.workflow import InitiativeStatus as S
from wijksturing.programmes.tests import factories as f

pytestmark = pytest.mark.django_db
YEAR = timezone.localdate().year


@pytest.fixture(autouse=True)
def _empty_page_cache(empty_page_cache):
    """Every test here starts and ends with an empty page cache."""


_line = budget_line


def _initiative(title: str, **kwargs):
    return submitted_initiative(title, "500", description="Plan", applicant_name="Fatima de Vries",
                      applicant_email="fatima@example.org", applicant_phone="0611122233", **kwargs)


@pytest.fixture
def world():
    """W1 this year: green 10 000 (11 000 committed: over-committed), sport 5 000; last year 99 000;
    one approved and one just submitted initiative; a wijk in W1."""
    green, _ = _line("green", "10000.00"), _line("sport", "5000.00")
    _line("participation", "2000.00")
    _line("green", "99000.00", year=YEAR - 1)
    services.entry_add(user=None, line=green, kind="commitment", amount=Decimal("11000.00"),
                       entry_date=date(YEAR, 1, 2), description="Bomen")
    services.entry_add(user=None, line=green, kind="spending", amount=Decimal("4000.00"),
                       entry_date=date(YEAR, 2, 2), description="Bomen (deel)")
    approved = _initiative("Buurtfeest op het plein")
    services.initiative_transition(user=None, initiative=approved, to=S.ASSESSING)
    services.initiative_transition(user=None, initiative=approved, to=S.APPROVED, amount_granted=Decimal("400"),
                                   decision_reason="Goed plan")
    waiting = _initiative("Moestuin achter de school")
    gebied = Area.objects.get(layout__municipality__code=f.MUN, code="W1")
    Area.objects.create(layout=gebied.layout, level=Level.WIJK, code="WK999901", name="Wijk Een", parent=gebied)
    return {"approved": approved, "waiting": waiting, "green": green}


def test_summary_of_this_year_with_warnings(world):
    s = selectors.budget_summary(municipality_code=f.MUN, gebied_code="W1")
    assert s.year == YEAR and s.total.budget == Decimal("17000.00")
    assert s.total.committed == Decimal("11400.00") and s.total.spent == Decimal("4000.00")
    assert s.total.warnings == () and [(line.domain, w) for line, w in s.domain_warnings] == [("green", ("over_committed",))]
    assert [i.title for i in s.initiatives] == ["Buurtfeest op het plein"] and s.initiatives_waiting is None
    assert selectors.budget_summary(municipality_code=f.MUN, gebied_code="W1", user=f.area_team()).initiatives_waiting == 1


def test_summary_falls_back_to_the_latest_earlier_year():
    _line("green", "1234.00", year=YEAR - 2)
    s = selectors.budget_summary(municipality_code=f.MUN, gebied_code="W1")
    assert s.year == YEAR - 2 and s.total.budget == Decimal("1234.00")
    empty = selectors.budget_summary(municipality_code=f.MUN, gebied_code="W2")
    assert empty.year == YEAR and empty.total is None and empty.initiatives == []


def test_public_panel_shows_totals_and_decided_initiatives_without_the_applicant(client, world):
    html = client.get("/wijk/WK999901/").content.decode()  # a wijk shows its gebied's budget
    assert '<h2 id="budget-panel-heading">Geld voor Gebied W1</h2>' in html
    assert f"In {YEAR} heeft de gemeenteraad € 17.000 voor dit gebied beschikbaar gesteld." in html
    assert "Al toegezegd: € 11.400. Al betaald: € 4.000." in html and "Nog vrij: € 5.600." in html
    assert "Er is meer geld toegezegd" not in html  # the total is not over-committed
    assert "Buurtfeest op het plein: € 400" in html
    assert "Moestuin" not in html  # not decided yet
    for private in ("Fatima", "fatima@example.org", "0611122233"):
        assert private not in html
    assert 'href="/gemeente/GM9999/gebied/W1/initiatieven/aanvragen/"' in html


def test_public_panel_warns_when_more_is_promised_than_the_budget(client, world):
    services.entry_add(user=None, line=world["green"], kind="commitment", amount=Decimal("6000.00"),
                       entry_date=date(YEAR, 3, 1), description="Speeltoestel")
    html = client.get("/gemeente/GM9999/gebied/W1/").content.decode()
    assert "Er is meer geld toegezegd dan er in het budget zit." in html
    assert "Nog vrij" not in html
    assert "budget-panel-heading" not in client.get("/gemeente/GM9999/").content.decode()


@pytest.mark.parametrize("role,gebied,team", [(Role.AREA_TEAM, "W1", True), (Role.ADMINISTRATOR, "", True),
                                              (Role.COUNCIL, "", False), (Role.ANALYST, "", False)])
def test_cockpit_panel_shows_waiting_initiatives_to_the_area_team_only(client, world, role, gebied, team):
    client.force_login(f.user(f"u-{role}", role, gebied))
    html = client.get("/cockpit/GM9999/W1/").content.decode()
    assert f"<caption>Wijkbudget {YEAR}</caption>" in html
    assert '<th scope="row">Over</th><td class="num">€ 5.600</td>' in html
    assert "Groenonderhoud: meer toegezegd dan het budget" in html
    assert ("1 bewonersinitiatief wacht op een besluit." in html) is team
    assert ('href="/gemeente/GM9999/gebied/W1/budget/boeking/"' in html) is team
    assert "Fatima" not in html


def test_a_new_entry_renews_the_cached_public_page(client, world):
    url = "/gemeente/GM9999/gebied/W1/"
    assert client.get(url)["X-Cache"] == "miss" and client.get(url)["X-Cache"] == "hit"
    services.entry_add(user=None, line=world["green"], kind="spending", amount=Decimal("1000.00"),
                       entry_date=date(YEAR, 4, 1), description="Snoeien")
    response = client.get(url)
    assert response["X-Cache"] == "miss" and "Al betaald: € 5.000." in response.content.decode()
