"""'Zorg om een buurtbewoner' without a place: the resident is told the social team looks at it,
so it must land in the municipality's social team and on that team's work list (issue 14)."""

import pytest

from wijksturing.signals.models import Signal, TeamKind
from wijksturing.signals.selectors import signal_work_list

pytestmark = pytest.mark.django_db
FORM = {"gemeente": "GM9999", "category": "zorg-om-buurtbewoner", "description": "Mijn buurman is al dagen niet gezien",
        "address": "", "no_location": "on"}


def test_a_worry_without_a_place_goes_to_the_municipalitys_social_team(client, users):
    client.post("/signalen/melden/", FORM)
    signal = Signal.objects.get()
    assert signal.gebied_code == "" and signal.team is not None
    assert (signal.team.kind, signal.team.gebied_code) == (TeamKind.SOCIAL_TEAM, "")
    assert signal in signal_work_list(user=users["social"], municipality_code="GM9999")
    assert signal in signal_work_list(user=users["admin"], municipality_code="GM9999")
    assert signal not in signal_work_list(user=users["area_g1"], municipality_code="GM9999")
    client.force_login(users["social"])
    page = client.get("/signalen/werk/", {"gemeente": "GM9999"})
    assert signal in page.context["signals"]


def test_the_municipalitys_social_team_is_made_once(make_signal, municipality):
    first = make_signal(slug="zorg-om-buurtbewoner", point=None, address="")
    second = make_signal(slug="zorg-om-buurtbewoner", point=None, address="")
    assert first.team == second.team
    assert municipality.signal_teams.filter(kind=TeamKind.SOCIAL_TEAM, gebied_code="").count() == 1


def test_a_worry_with_a_place_still_goes_to_the_social_team_of_its_gebied(make_signal):
    assert make_signal(slug="zorg-om-buurtbewoner").team.code == "social-g1"


def test_an_area_signal_without_a_place_stays_for_triage(make_signal):
    assert make_signal(slug="boom", point=None, address="Ergens").team is None
