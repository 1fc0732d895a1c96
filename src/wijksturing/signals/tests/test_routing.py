import datetime as dt

import pytest
from django.utils import timezone

from wijksturing.signals.models import Category, RoutingRule, Team
from wijksturing.signals.routing import add_workdays, place_point, route, workdays_between
from wijksturing.signals.tests.conftest import IN_G1, IN_G2


def test_workdays_skip_weekends_and_dutch_holidays():
    assert add_workdays(dt.date(2026, 4, 24), 1) == dt.date(2026, 4, 28)  # Fri → Tue: Koningsdag Mon 27 April
    assert add_workdays(dt.date(2025, 12, 24), 1) == dt.date(2025, 12, 29)  # Christmas 25+26, weekend
    assert add_workdays(dt.date(2026, 5, 13), 1) == dt.date(2026, 5, 15)  # Ascension Day Thu 14 May
    assert add_workdays(dt.date(2026, 6, 1), 5) == dt.date(2026, 6, 8)
    assert workdays_between(dt.date(2026, 4, 24), dt.date(2026, 4, 28)) == 1


@pytest.mark.django_db
def test_place_point_by_boundary(municipality):
    place = place_point(lon=IN_G2[0], lat=IN_G2[1], municipality_code=municipality.code)
    assert (place.buurt_code, place.wijk_code, place.gebied_code) == ("BU99990201", "WK999902", "G2")
    assert place_point(lon=4.0, lat=51.0, municipality_code=municipality.code).smallest == ""
    assert place_point(lon=None, lat=None, municipality_code=municipality.code).smallest == ""


@pytest.mark.django_db
def test_default_routes_by_team_kind(municipality):
    boom = Category.objects.get(municipality=municipality, slug="boom")
    assert route(category=boom, gebied_code="G2").code == "area-g2"
    zorg = Category.objects.get(municipality=municipality, slug="zorg-om-buurtbewoner")
    assert route(category=zorg, gebied_code="G1").code == "social-g1"
    dumping = Category.objects.get(municipality=municipality, slug="dumping")
    assert route(category=dumping, gebied_code="G1").code == "reiniging"


@pytest.mark.django_db
def test_rules_most_specific_wins(municipality):
    boom = Category.objects.get(municipality=municipality, slug="boom")
    special = Team.objects.create(municipality=municipality, code="bomen", name="Bomenteam", kind="department")
    g2 = Team.objects.create(municipality=municipality, code="bomen-g2", name="Bomen G2", kind="department")
    RoutingRule.objects.create(municipality=municipality, category=boom.parent, team=special)
    assert route(category=boom, gebied_code="G1") == special  # rule on the main category
    RoutingRule.objects.create(municipality=municipality, category=boom, gebied_code="G2", team=g2)
    assert route(category=boom, gebied_code="G2") == g2  # subcategory + gebied beats main
    assert route(category=boom, gebied_code="G1") == special


@pytest.mark.django_db
def test_signal_gets_place_team_and_deadline(make_signal):
    signal = make_signal(slug="boom", point=IN_G1)
    assert signal.gebied_code == "G1" and signal.team.code == "area-g1"
    assert signal.deadline == add_workdays(timezone.localdate(signal.created_at), 5)
    unplaced = make_signal(slug="boom", point=None, address="Ergens")
    assert unplaced.gebied_code == "" and unplaced.team is None  # no municipality-wide area team: triage
