"""Initiative history with the statuses in words, and no link to a programme that is not there
(issue 14)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.utils import timezone

from wijksturing.budgets import services
from wijksturing.budgets.workflow import InitiativeStatus as S
from wijksturing.programmes.tests import factories as f

pytestmark = pytest.mark.django_db


def test_initiative_history_shows_status_labels(client):
    services.budget_line_set(user=None, municipality=f.municipality(), gebied_code="W1", year=timezone.localdate().year,
                             domain="participation", amount=Decimal("5000.00"))
    initiative = services.initiative_submit(
        municipality=f.municipality(), gebied_code="W1", title="Buurtmaaltijd", description="Samen koken",
        location="Plein", amount=Decimal("1500.00"), applicant_name="Jan", applicant_email="jan@example.org")
    team = f.area_team()
    services.initiative_transition(user=team, initiative=initiative, to=S.ASSESSING)
    client.force_login(team)
    html = client.get(f"/initiatieven/{initiative.pk}/").content.decode()
    assert "submitted → assessing" not in html and "→ submitted" not in html
    assert "ingediend → wordt beoordeeld" in html


def test_budget_page_links_the_programme_only_when_there_is_one(client):
    f.municipality()
    page = "/gemeente/{}/gebied/{}/budget/"
    assert "/programma/" not in client.get(page.format(f.MUN, "W2")).content.decode()
    f.programme("W2")
    html = client.get(page.format(f.MUN, "W2")).content.decode()
    assert f'href="/gemeente/{f.MUN}/gebied/W2/programma/"' in html
    assert client.get(f"/gemeente/{f.MUN}/gebied/W2/programma/").status_code == 200
