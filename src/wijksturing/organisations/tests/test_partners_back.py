"""The way back (issue 9): the goal page, the initiative pages, the buurtbegroting's proposals
and the signal's staff page show the organisations linked to them as partners. Public pages
show only entries with consent; staff pages also the others, marked as not public."""

from __future__ import annotations

from decimal import Decimal

import pytest

from wijksturing.accounts.tests.factories import administrator
from wijksturing.organisations import selectors, services
from wijksturing.organisations.tests import factories as f
from wijksturing.programmes.tests import factories as pf

pytestmark = pytest.mark.django_db
NOT_PUBLIC = "niet openbaar: geen toestemming, of gestopt"  # Dutch, the default language


@pytest.fixture
def world():
    w = f.world()
    w["open"], _ = f.organisation("Buurtgroen Open")
    w["closed"], _ = f.organisation("Geheime Club", consent=False)
    w["unlinked"], _ = f.organisation("Niet Gekoppeld")
    return w


def _link(w, **links):
    for o in (w["open"], w["closed"]):
        services.organisation_links_set(user=None, organisation=o, **links)


def test_goal_page_shows_public_partners_of_the_goal_and_its_efforts(world, client):
    tree = pf.tree()
    _link(world, goals=[tree["goal"].pk])
    html = client.get(f"/doel/{tree['goal'].pk}/").content.decode()
    assert "Buurtgroen Open" in html and f"/krachten/organisatie/{world['open'].pk}/" in html
    assert "Geheime Club" not in html and "Niet Gekoppeld" not in html
    # a staff user on the public page still sees only the public entries
    client.force_login(pf.area_team())
    assert "Geheime Club" not in client.get(f"/doel/{tree['goal'].pk}/").content.decode()


def test_a_partner_in_an_effort_is_a_partner_of_the_goal(world):
    from wijksturing.programmes.models import Effort
    tree = pf.tree()
    effort = Effort.objects.filter(result__goal=tree["goal"]).first()
    if effort is None:
        effort = Effort.objects.create(result=tree["results"][0], title="Snoeien", owner="Gebiedsteam")
    services.organisation_links_set(user=None, organisation=world["open"], efforts=[effort.pk])
    assert [o.name for o in selectors.organisations_linked_to(goal_id=tree["goal"].pk)] == ["Buurtgroen Open"]
    assert selectors.organisations_linked_to() == []  # nothing asked, nothing shown


def _initiative():
    from wijksturing.budgets import services as budget_services
    return budget_services.initiative_submit(
        municipality=pf.municipality(), gebied_code="W1", title="Moestuin", description="Plan", location="Plein",
        amount=Decimal("500"), applicant_name="Fatima", applicant_email="f@example.org", applicant_phone="0611")


def test_initiative_pages_show_partners(world, client):
    initiative = _initiative()
    _link(world, initiatives=[initiative.pk])
    follow = client.get(f"/initiatieven/volg/{initiative.token}/").content.decode()
    assert "Buurtgroen Open" in follow and "Geheime Club" not in follow and "Niet Gekoppeld" not in follow
    client.force_login(pf.area_team())
    manage = client.get(f"/initiatieven/{initiative.pk}/").content.decode()
    assert "Buurtgroen Open" in manage and "Geheime Club" in manage and NOT_PUBLIC in manage
    assert f"/krachten/beheer/organisatie/{world['closed'].pk}/" in manage and "Niet Gekoppeld" not in manage


def test_buurtbegroting_pages_show_the_organisation_behind_a_proposal(world, client):
    from wijksturing.participation import services as pb
    rnd = pb.round_create(municipality_code=f.MUN, area_code="W1", title="Buurtbudget", period="2026",
                          budget=Decimal("10000"))
    proposal = pb.proposal_submit(rnd=rnd, title="Bankjes", description="Bij het plein", estimated_cost=Decimal("3000"))
    _link(world, proposals=[proposal.pk])
    public = client.get(f"/buurtbegroting/{rnd.pk}/").content.decode()
    assert "Buurtgroen Open" in public and "Geheime Club" not in public and "Niet Gekoppeld" not in public
    client.force_login(pf.area_team())
    review = client.get(f"/buurtbegroting/beheer/{rnd.pk}/voorstel/{proposal.pk}/").content.decode()
    assert "Buurtgroen Open" in review and "Geheime Club" in review and NOT_PUBLIC in review


def test_signal_staff_page_shows_the_partners_that_reported_it(client):
    from wijksturing.signals.models import Category
    from wijksturing.signals.services import signal_create
    from wijksturing.signals.tests.factories import make_municipality

    proefstad = make_municipality(code="GM9998")
    signal = signal_create(category=Category.objects.get(municipality=proefstad, slug="boom"), lat=52.005, lon=5.005,
                           description="Boom stuk", reporter=None)
    rows = {}
    for name, consent in (("Bewonersgroep", "Voorzitter"), ("Stille Groep", "")):
        rows[name], _ = services.organisation_register(
            user=None, municipality_code=proefstad.code, name=name, kind="residents_group", description="Straat",
            area_codes=["WK999801"], consent_by=consent)
        services.organisation_links_set(user=None, organisation=rows[name], signals=[signal.pk])
    assert [o.name for o in selectors.organisations_linked_to(signal_id=signal.pk)] == ["Bewonersgroep"]
    client.force_login(administrator(proefstad, username="admin_proefstad"))
    html = client.get(f"/signalen/werk/{signal.pk}/").content.decode()
    assert "Bewonersgroep" in html and "Stille Groep" in html and NOT_PUBLIC in html
