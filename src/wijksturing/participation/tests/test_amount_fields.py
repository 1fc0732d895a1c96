"""A proposal's cost and place are read by the project's one number parser: the Dutch way,
or refused when ambiguous; never stored as another number (issue 14)."""

from decimal import Decimal

import pytest
from django.test import Client

from wijksturing.participation.models import Phase, Proposal
from wijksturing.participation.tests.factories import make_round


@pytest.mark.parametrize(("typed", "stored"), [("1.250,50", Decimal("1250.50")), ("1250,50", Decimal("1250.50")),
                                               ("€ 1.250", Decimal("1250.00"))])
def test_proposal_cost_as_typed(arnhem, typed, stored):
    rnd = make_round(phase=Phase.PROPOSALS, proposals=[])
    r = Client().post(f"/buurtbegroting/{rnd.pk}/voorstel/", {"title": "Bankje", "description": "Mooi",
                                                             "estimated_cost": typed, "lat": "51,985", "lon": "5,905"})
    assert r.status_code == 302, r.content.decode()[:2000]
    proposal = Proposal.objects.get(title="Bankje")
    assert proposal.estimated_cost == stored and (proposal.lat, proposal.lon) == (51.985, 5.905)


def test_ambiguous_cost_is_refused(arnhem):
    rnd = make_round(phase=Phase.PROPOSALS, proposals=[])
    r = Client().post(f"/buurtbegroting/{rnd.pk}/voorstel/", {"title": "Bankje", "description": "Mooi",
                                                             "estimated_cost": "1,250"})
    assert r.status_code == 200 and not Proposal.objects.filter(title="Bankje").exists()
    assert "We kunnen niet zien welk bedrag u bedoelt" in r.content.decode()
