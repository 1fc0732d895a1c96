"""Dutch plurals and numbers on the buurtbegroting pages (issue 14)."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from wijksturing.participation import services
from wijksturing.participation.ballots import ballot_validate
from wijksturing.participation.counting import round_count
from wijksturing.participation.models import Phase, Result
from wijksturing.participation.tests.factories import make_round


@pytest.mark.parametrize("least, text", [(1, "Kies minstens 1 project."), (2, "Kies minstens 2 projecten.")])
def test_choose_at_least_in_proper_dutch(arnhem, least, text):
    rnd = make_round(min_choices=least)
    with translation.override("nl"), pytest.raises(ValidationError) as refused:
        ballot_validate(rnd=rnd, choices={})
    assert refused.value.message_dict["choices"] == [text]
    assert "(en)" not in text


def test_turnout_share_with_a_decimal_comma(arnhem, client):
    rnd = make_round(phase=Phase.COUNTING)
    round_count(rnd=rnd)
    services.round_transition(rnd=rnd, to_phase=Phase.PUBLISHED)
    Result.objects.filter(round=rnd).update(turnout={"rows": [
        {"buurt_code": "BU02020100", "name": "Binnenstad", "ballots": 37, "codes": 40, "share": "92.5", "suppressed": False}]})
    html = client.get(f"/buurtbegroting/{rnd.pk}/uitslag/").content.decode()
    assert "92,5%" in html and "92.5%" not in html
