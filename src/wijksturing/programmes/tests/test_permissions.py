"""Who may read and edit: area team its own gebied only, council reads, public sees published."""

import pytest
from django.core.exceptions import PermissionDenied

from wijksturing.accounts.models import Role
from wijksturing.programmes import services
from wijksturing.programmes.models import ChangeRecord
from wijksturing.programmes.tests import factories as f

pytestmark = pytest.mark.django_db


def test_area_team_edits_only_its_own_gebied(client):
    own, other = f.tree("W1"), f.tree("W2")
    team = f.area_team()
    services.object_update(user=team, obj=own["goal"], owner="Team W1")
    with pytest.raises(PermissionDenied):
        services.object_update(user=team, obj=other["goal"], owner="Team W1")
    client.force_login(team)
    assert client.get(f"/doel/{own['goal'].pk}/bewerken/").status_code == 200
    assert client.get(f"/doel/{other['goal'].pk}/bewerken/").status_code == 403
    response = client.post(f"/doel/{other['goal'].pk}/bewerken/", {"title": "x", "weight": "1"})
    assert response.status_code == 403
    other["goal"].refresh_from_db()
    assert other["goal"].title == "Minder misdrijven"


def test_council_reads_drafts_but_cannot_edit(client):
    draft = f.tree("W1", published=False)
    council = f.user("raadslid", Role.COUNCIL)
    client.force_login(council)
    assert client.get(f"/programma/{draft['programme'].pk}/").status_code == 200
    assert client.get(f"/doel/{draft['goal'].pk}/bewerken/").status_code == 403
    with pytest.raises(PermissionDenied):
        services.object_update(user=council, obj=draft["goal"], title="anders")
    assert client.post(f"/programma/{draft['programme'].pk}/publiceren/", {"published": "1"}).status_code == 403


def test_public_sees_only_published(client):
    draft = f.tree("W1", published=False)
    published = f.tree("W2", published=True)
    assert client.get(f"/programma/{draft['programme'].pk}/").status_code == 404
    assert client.get(f"/doel/{draft['goal'].pk}/").status_code == 404
    assert client.get(f"/programma/{draft['programme'].pk}/export.csv").status_code == 404
    assert client.get(f"/gemeente/{f.MUN}/gebied/W1/programma/").status_code == 404
    assert client.get(f"/gemeente/{f.MUN}/gebied/W2/programma/").status_code == 200
    api = client.get("/api/v1/programmes/").json()
    assert [p["id"] for p in api["results"]] == [published["programme"].pk]
    assert client.get(f"/api/v1/goals/{draft['goal'].pk}/").status_code == 404
    assert client.get(f"/api/v1/goals/{published['goal'].pk}/").json()["progress"]["status"] == "unknown"


def test_other_municipality_staff_do_not_see_drafts(client):
    from wijksturing.accounts.models import Membership
    from wijksturing.areas.models import Municipality

    draft = f.tree("W1", published=False)
    elsewhere = Municipality.objects.create(code="GM0001", name="Elders")
    stranger = f.user("elders")
    Membership.objects.create(user=stranger, municipality=elsewhere, role=Role.COUNCIL)
    client.force_login(stranger)
    assert client.get(f"/programma/{draft['programme'].pk}/").status_code == 404


def test_history_keeps_every_change_and_is_append_only(client):
    t = f.tree()
    team = f.area_team()
    client.force_login(team)
    response = client.post(f"/doel/{t['goal'].pk}/bewerken/", {
        "title": "Minder misdrijven in W1", "why": "Hoog cijfer", "for_whom": "Bewoners", "deadline": "2030", "owner": "Team",
        "qualitative": "", "recorded_status": "", "weight": "1",
    })
    assert response.status_code == 302
    record = ChangeRecord.objects.filter(object_type="Goal", action="update").get()
    assert record.user == team
    assert record.changes["title"] == ["Minder misdrijven", "Minder misdrijven in W1"]
    assert record.changes["deadline"] == [None, 2030]
    with pytest.raises(ValueError):
        record.save()
    with pytest.raises(ValueError):
        record.delete()
    page = client.get(f"/programma/{t['programme'].pk}/geschiedenis/")
    assert "Minder misdrijven in W1" in page.content.decode()
    from wijksturing.accounts.models import AuditEvent

    assert AuditEvent.objects.filter(action="programme_update", user=team).exists()


def test_review_per_year_keeps_earlier_years(client):
    t = f.tree()
    team = f.area_team()
    result = t["results"][0]
    services.review_record(user=team, result=result, year=2024, achieved="partly", account="Half")
    services.review_record(user=team, result=result, year=2025, achieved="yes", account="Klaar")
    services.review_record(user=team, result=result, year=2025, achieved="no", account="Toch niet")
    assert [(r.year, r.achieved) for r in result.reviews.order_by("year")] == [(2024, "partly"), (2025, "no")]
    change = ChangeRecord.objects.filter(object_type="Review", action="update").get()
    assert change.changes["achieved"] == ["yes", "no"]


def test_add_measure_fills_the_baseline_from_the_monitor(client):
    t = f.tree()
    ind = f.indicator()
    f.observe("W1", ind, {2021: 123.4})
    client.force_login(f.area_team())
    url = f"/doel/{t['goal'].pk}/indicator-toevoegen/"
    data = {"indicator": ind.pk, "area_code": "W1", "baseline_year": 2021, "baseline_value": "", "target_value": "100",
            "target_year": 2030, "rationale": "Test"}
    assert client.post(url, data).status_code == 302
    assert t["goal"].measures.get().baseline_value == 123.4
    response = client.post(url, dict(data, area_code="W9"))
    assert response.status_code == 200 and "W9" in response.content.decode()
    response = client.post(url, dict(data, target_year=2020))
    assert response.status_code == 200 and t["goal"].measures.count() == 1


def test_team_adds_and_changes_an_effort_with_history(client):
    t = f.tree()
    other = f.tree("W2")
    client.force_login(f.area_team())
    result = t["results"][0]
    data = {"title": "Buurtpreventie", "owner": "Team W1", "partners": "Politie", "start_year": 2024, "end_year": 2026,
            "status": "planned", "recorded_status": "", "weight": "1"}
    assert client.post(f"/resultaat/{result.pk}/inspanning/", data).status_code == 302
    effort = result.efforts.get()
    assert client.post(f"/resultaat/{result.pk}/inspanning/{effort.pk}/", dict(data, status="running")).status_code == 302
    effort.refresh_from_db()
    assert effort.status == "running"
    assert ChangeRecord.objects.filter(object_type="Effort", action="update").get().changes["status"] == ["planned", "running"]
    assert client.post(f"/resultaat/{other['results'][0].pk}/inspanning/", data).status_code == 403
