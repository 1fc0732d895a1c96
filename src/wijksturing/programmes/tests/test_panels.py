"""The programmes panels: the published programme with goal progress on the public area page
(never a draft), drafts and edit links in the cockpit by role, and a change in a programme
renews the cached public page."""

from __future__ import annotations

import pytest
from django.template import Context, Template

from wijksturing.accounts.models import Role
from wijksturing.areas.models import Area, Level
from wijksturing.programmes import selectors, services
from wijksturing.programmes.models import Goal, Programme
from wijksturing.programmes.tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _empty_page_cache(empty_page_cache):
    """Every test here starts and ends with an empty page cache."""


@pytest.fixture
def world():
    """W1 with a published programme (one goal on track, one recorded as behind) and a newer
    draft; a wijk in W1."""
    t = f.tree("W1", published=True)
    services.object_update(user=None, obj=t["goal"], recorded_status="on_track")
    services.object_create(user=None, model=Goal, theme=t["theme"], title="Meer groen", recorded_status="behind")
    draft = f.programme("W1", published=False, start_year=2026)
    services.object_update(user=None, obj=draft, title="Nieuw concept W1")
    gebied = Area.objects.get(layout__municipality__code=f.MUN, code="W1")
    Area.objects.create(layout=gebied.layout, level=Level.WIJK, code="WK999901", name="Wijk Een", parent=gebied)
    return {**t, "draft": draft, "gebied": gebied}


def test_summary_counts_goals_per_status(world):
    summary = selectors.programme_summary(municipality_code=f.MUN, area_code="W1")
    assert summary.programme == world["programme"]
    assert summary.counts == {"on_track": 1, "at_risk": 0, "behind": 1, "unknown": 0}
    assert summary.progress.status == "at_risk"  # one on track and one behind, equal weights
    assert selectors.programme_summary(municipality_code=f.MUN, area_code="W2") is None


def test_public_panel_shows_the_published_programme_of_the_gebied(client, world):
    html = client.get("/wijk/WK999901/").content.decode()  # a wijk shows its gebied's programme
    assert '<h2 id="programme-panel-heading">Plannen voor Gebied W1</h2>' in html
    assert "<strong>Programma W1</strong> (2023–2030)" in html
    assert "Het programma heeft 2 doelen." in html
    assert f'<a href="/doel/{world["goal"].pk}/">Minder misdrijven</a>: <span class="badge badge--better">op koers</span>' in html
    assert '<span class="badge badge--worse">achter</span>' in html
    assert f'href="/programma/{world["programme"].pk}/"' in html
    assert "Nieuw concept" not in html and f'/programma/{world["draft"].pk}/' not in html


def test_public_panel_without_a_published_programme(client, world):
    services.programme_publish(user=None, programme=world["programme"], published=False)
    html = client.get("/gemeente/GM9999/gebied/W1/").content.decode()
    assert "Er is nog geen gepubliceerd wijkprogramma." in html and "Nieuw concept" not in html
    # the municipality page has no city-wide programme: no panel at all
    assert "programme-panel-heading" not in client.get("/gemeente/GM9999/").content.decode()


def _cockpit_panel(user, area) -> str:
    return Template("{% include 'programmes/cockpit_panel.html' %}").render(
        Context({"area": area, "request": type("R", (), {"user": user})()}))


@pytest.mark.parametrize("role,gebied,draft,edit", [
    (Role.AREA_TEAM, "W1", True, True),
    (Role.AREA_TEAM, "W2", True, False),  # staff of the municipality read drafts, edit only their own gebied
    (Role.COUNCIL, "", True, False),
    (None, "", False, False),  # no role in this municipality: public programmes only
])
def test_cockpit_panel_follows_the_roles(world, role, gebied, draft, edit):
    user = f.user(f"u-{role}-{gebied}", role, gebied)
    html = _cockpit_panel(user, world["gebied"])
    assert ("Nieuw concept W1" in html) is draft
    assert ("Programma W1" in html) is not draft
    assert (f'/programma/{world["draft"].pk}/geschiedenis/' in html) is (draft and edit)


def test_cockpit_page_lists_goals_that_need_attention_first(client, world):
    Programme.objects.filter(pk=world["draft"].pk).delete()  # the published programme is the current one
    client.force_login(f.area_team())
    html = client.get("/cockpit/GM9999/W1/").content.decode()
    assert "Doelen: 1 op koers, 0 risico, 1 achter, 0 onbekend." in html
    assert html.index("Meer groen") < html.index("Minder misdrijven")
    assert "Doelen en resultaten bijwerken" in html


def test_a_programme_change_renews_the_cached_public_page(client, world):
    url = "/gemeente/GM9999/gebied/W1/"
    assert client.get(url)["X-Cache"] == "miss"
    assert client.get(url)["X-Cache"] == "hit"
    services.object_update(user=None, obj=world["programme"], title="Wijkprogramma W1 vernieuwd")
    response = client.get(url)
    assert response["X-Cache"] == "miss" and "Wijkprogramma W1 vernieuwd" in response.content.decode()
    assert client.get(url)["X-Cache"] == "hit"
    Programme.objects.filter(pk=world["programme"].pk).delete()
    response = client.get(url)
    assert response["X-Cache"] == "miss" and "Wijkprogramma W1 vernieuwd" not in response.content.decode()
