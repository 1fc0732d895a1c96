"""The programme history in Dutch sentences, not raw diffs like "title: [None, '…']" (issue 14)."""

from __future__ import annotations

import pytest

from wijksturing.accounts.models import Role
from wijksturing.programmes import services
from wijksturing.programmes.models import Goal
from wijksturing.programmes.tests import factories as f

pytestmark = pytest.mark.django_db


def test_history_page_speaks_dutch_sentences(client):
    f.tree()
    goal = Goal.objects.get(title="Minder misdrijven")
    services.object_update(user=None, obj=goal, title="Minder inbraken", for_whom="Bewoners van W1")
    client.force_login(f.user("analist", Role.ANALYST))
    html = client.get(f"/programma/{goal.theme.programme.pk}/geschiedenis/").content.decode()
    assert "[None," not in html and "title:" not in html
    assert f"Doel {goal.pk} toegevoegd" in html
    assert "Wat: “Minder misdrijven”" in html
    assert f"Doel {goal.pk} gewijzigd" in html
    assert "Wat gewijzigd van “Minder misdrijven” in “Minder inbraken”" in html
    assert "Voor wie gewijzigd van leeg in “Bewoners van W1”" in html
