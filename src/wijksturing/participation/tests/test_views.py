"""The pages and the API through Django's test client: a round from proposal to result."""

import re

import pytest
from django.test import Client

from wijksturing.accounts.tests.factories import resident
from wijksturing.participation.models import Ballot, Phase, Round
from wijksturing.participation.tests.factories import make_round


@pytest.fixture
def clients(team):
    a, b = Client(), Client()
    a.force_login(team["a"])
    b.force_login(team["b"])
    return a, b


def test_walk_through_pages(arnhem, team, clients):
    a, b = clients
    resident = Client()
    r = a.post("/buurtbegroting/beheer/", {"title": "Buurtbegroting Centrum", "area_code": "GM0202|W1", "period": "2025",
                                           "budget": "10000", "ballot_type": "approval", "min_choices": "1", "rule": "mes-add1",
                                           "tie_break": "reference", "leftover": "keep", "paper_weight": "1",
                                           "residents_only": "on"})
    assert r.status_code == 302, r.content.decode()[:3000]
    rnd = Round.objects.get()
    for title, cost in (("Bankjes", "3000"), ("Speeltuin", "6000")):
        r = resident.post(f"/buurtbegroting/{rnd.pk}/voorstel/", {"title": title, "description": "Mooi", "estimated_cost": cost,
                                                                 "lat": "51.985", "lon": "5.905"})
        assert r.status_code == 302
    r = resident.post(f"/buurtbegroting/{rnd.pk}/voorstel/", {"title": "X", "description": "Y", "estimated_cost": "99999"})
    assert r.status_code == 200 and "budget" in r.content.decode()
    a.post(f"/buurtbegroting/beheer/{rnd.pk}/", {"to_phase": "review"})
    for p in rnd.proposals.all():
        response = a.post(f"/buurtbegroting/beheer/{rnd.pk}/voorstel/{p.pk}/", {"feasible": "yes", "reason": "Kan"})
        assert response.status_code == 302
    a.post(f"/buurtbegroting/beheer/{rnd.pk}/", {"to_phase": "voting"})
    rnd.refresh_from_db()
    assert rnd.phase == Phase.VOTING
    page = a.post(f"/buurtbegroting/beheer/{rnd.pk}/codes/", {"count": "2", "buurt_code": "BU02020100"}).content.decode()
    codes = re.findall(r'class="pb-code">([A-Z0-9]{5}-[A-Z0-9]{5})<', page)
    assert len(codes) == 2
    first = rnd.proposals.order_by("id").first()
    form = {"how": "code", "code": codes[0], f"p{first.pk}": "1"}
    preview = resident.post(f"/buurtbegroting/{rnd.pk}/stemmen/", form)
    assert preview.status_code == 200 and "Bankjes" in preview.content.decode() and not Ballot.objects.exists()
    r = resident.post(f"/buurtbegroting/{rnd.pk}/stemmen/", {**form, "confirm": "1"})
    assert r.status_code == 302 and Ballot.objects.count() == 1
    again = resident.post(f"/buurtbegroting/{rnd.pk}/stemmen/", {**form, "confirm": "1"})
    assert again.status_code == 422 and Ballot.objects.count() == 1
    # paper ballot: entered by A, checked by B
    a.post(f"/buurtbegroting/beheer/{rnd.pk}/papier/", {"paper_ref": "7", f"p{first.pk}": "1"})
    ballot = Ballot.objects.get(channel="paper")
    a.post(f"/buurtbegroting/beheer/{rnd.pk}/papier/{ballot.pk}/", {"accept": "1"})
    ballot.refresh_from_db()
    assert ballot.status == "entered"
    b.post(f"/buurtbegroting/beheer/{rnd.pk}/papier/{ballot.pk}/", {"accept": "1"})
    ballot.refresh_from_db()
    assert ballot.status == "confirmed"
    assert resident.get(f"/buurtbegroting/{rnd.pk}/uitslag/").status_code == 404
    a.post(f"/buurtbegroting/beheer/{rnd.pk}/", {"to_phase": "counting"})
    a.post(f"/buurtbegroting/beheer/{rnd.pk}/tellen/")
    a.post(f"/buurtbegroting/beheer/{rnd.pk}/", {"to_phase": "published"})
    rnd.refresh_from_db()
    assert rnd.phase == Phase.PUBLISHED
    page = resident.get(f"/buurtbegroting/{rnd.pk}/uitslag/").content.decode()
    assert "Bankjes" in page and "<svg" in page
    assert resident.get(f"/buurtbegroting/{rnd.pk}/").status_code == 200
    assert resident.get("/buurtbegroting/").status_code == 200
    export = a.get(f"/buurtbegroting/beheer/{rnd.pk}/export.pb").content.decode()
    assert "VOTES" in export and codes[0] not in export


def test_staff_pages_need_the_right_team(arnhem, team):
    rnd = make_round()
    other = Client()
    other.force_login(team["other"])
    assert other.get(f"/buurtbegroting/beheer/{rnd.pk}/").status_code == 403
    assert other.post(f"/buurtbegroting/beheer/{rnd.pk}/codes/", {"count": "5"}).status_code == 403
    assert Client().get(f"/buurtbegroting/beheer/{rnd.pk}/").status_code == 302  # to the login page
    citizen = Client()
    citizen.force_login(resident("bewoner"))
    assert citizen.get("/buurtbegroting/beheer/").status_code == 403


def test_login_vote_needs_eligibility(arnhem):
    rnd = make_round(min_age=16)
    voter = Client()
    voter.force_login(resident("bewoner"))
    p = rnd.proposals.first()
    r = voter.post(f"/buurtbegroting/{rnd.pk}/stemmen/", {"how": "login", f"p{p.pk}": "1", "confirm": "1"})
    assert r.status_code == 422 and not Ballot.objects.exists()
    r = voter.post(f"/buurtbegroting/{rnd.pk}/stemmen/", {"how": "login", f"p{p.pk}": "1", "confirm": "1", "eligible": "1",
                                                          "buurt": "BU02020101"})
    assert r.status_code == 302 and Ballot.objects.get().buurt_code == "BU02020101"


def test_api_is_read_only_and_has_no_ballots(arnhem, team):
    from wijksturing.participation import services

    rnd = make_round(proposals=[("A", 100)])
    services.proposal_submit  # noqa: B018
    rnd.proposals.update(contact_email="iemand@example.org")
    c = Client()
    rounds = c.get("/api/v1/participation/rounds/").json()
    assert rounds["results"][0]["title"] == "Test round"
    proposals = c.get(f"/api/v1/participation/proposals/?round={rnd.pk}").content.decode()
    assert "iemand@example.org" not in proposals and "contact" not in proposals
    assert c.get("/api/v1/participation/results/").json()["results"] == []  # nothing published
    assert c.get("/api/v1/participation/proposals/?round=x").status_code == 400
    assert c.post("/api/v1/participation/rounds/", {}).status_code in (401, 403, 405)
    assert c.get("/api/v1/participation/ballots/").status_code == 404
