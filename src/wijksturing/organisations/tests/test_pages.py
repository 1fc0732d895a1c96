"""The area page's panel (public entries of the area and the areas above and below it, map
with list, theme filter), the cockpit panel for staff, and the API."""

from __future__ import annotations

import pytest

from wijksturing.organisations import selectors, services
from wijksturing.organisations.tests import factories as f
from wijksturing.programmes.tests import factories as pf

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    w = f.world()
    f.organisation("Buurtgroen")                                             # works in the wijk
    f.organisation("Buurthuis", kind="meeting_place", themes=["meeting"], areas=("W1",))
    f.organisation("Geheim", consent=False)
    f.organisation("Elders", areas=("W2",), locations=[])
    return w


def test_area_panel_shows_public_entries_of_the_area_with_a_map(world):
    panel = selectors.area_panel(area=world["buurt"])
    assert [o.name for o in panel["organisations"]] == ["Buurtgroen", "Buurthuis"]  # wijk below, gebied above
    assert [(code, n) for code, _label, n in panel["themes"]] == [("meeting", 1), ("green", 1), ("work", 1)]
    only = selectors.area_panel(area=world["buurt"], theme="meeting")
    assert [o.name for o in only["organisations"]] == ["Buurthuis"] and only["total"] == 2
    assert selectors.area_panel(area=world["w2"], theme=None)["organisations"][0].name == "Elders"


def test_area_page_has_the_panel_map_and_filter(world, client):
    html = client.get("/wijk/WK999901/").content.decode()
    assert 'id="krachten"' in html and "Buurtgroen" in html and "Geheim" not in html
    assert "<circle" in html and "?thema=meeting#krachten" in html


def test_cockpit_panel_counts_for_staff(world, client):
    client.force_login(pf.area_team())
    html = client.get(f"/cockpit/{f.MUN}/W1/").content.decode()
    assert "module-organisations" in html and f"/krachten/{f.MUN}/beheer/?verouderd=1" in html
    assert "This module is not available yet" not in html
    summary = selectors.area_summary(municipality_code=f.MUN, area_codes=selectors.area_codes_around(area=world["w1"]))
    assert summary["public"] == 2 and summary["without_consent"] == 1


def test_api_lists_public_entries_with_filters(world, client):
    data = client.get(f"/api/v1/organisations/?municipality={f.MUN}").json()
    assert sorted(r["name"] for r in data["results"]) == ["Buurtgroen", "Buurthuis", "Elders"]
    assert all(r["contact"] is None for r in data["results"])
    w1 = client.get(f"/api/v1/organisations/?municipality={f.MUN}&area=W1&theme=meeting").json()
    assert [r["name"] for r in w1["results"]] == ["Buurthuis"]
    assert client.get("/api/v1/organisations/").status_code == 400
    hsds_doc = client.get(f"/api/v1/organisations/hsds/?municipality={f.MUN}").json()
    assert len(hsds_doc["organizations"]) == 3


def test_register_page_records_consent_and_shows_the_link_once(world, client):
    client.force_login(pf.area_team())
    response = client.post(f"/krachten/{f.MUN}/beheer/nieuw/", {
        "name": "Taalcafé", "kind": "volunteer_organisation", "description": "Nederlands oefenen", "areas": ["WK999901"],
        "themes": ["language"], "address": "Plein 1", "lat": "51,98", "lon": "5,915", "consent_by": "Secretaris Ali"})
    assert response.status_code == 200
    url = response.context["url"]
    assert "/krachten/eigen/" in url
    o = selectors.organisation_by_token(token=url.rstrip("/").rsplit("/", 1)[1])
    assert o.name == "Taalcafé" and o.consent_given and o.locations.get().lat == pytest.approx(51.98)
    assert o.aanspreekpunt.username == "team_w1"
    assert client.post(f"/krachten/{f.MUN}/beheer/nieuw/", {"name": "", "kind": "x"}).status_code == 422
    services.organisation_link_renew(user=None, organisation=o)
    assert client.get(url).status_code == 404


def test_administrators_import_an_hsds_file(world, client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from wijksturing.accounts.models import Role
    from wijksturing.organisations import hsds
    from wijksturing.organisations.models import Organisation

    doc = hsds.export_document(municipality_code=f.MUN)
    client.force_login(pf.area_team())
    assert client.get(f"/krachten/{f.MUN}/beheer/import/").status_code == 403
    client.force_login(pf.user("adm", Role.ADMINISTRATOR))
    bad = client.post(f"/krachten/{f.MUN}/beheer/import/", {"file": SimpleUploadedFile("x.json", b"{nope")})
    assert bad.status_code == 422 and "x.json" in bad.content.decode()
    Organisation.objects.filter(consent_given=True).delete()
    import json

    ok = client.post(f"/krachten/{f.MUN}/beheer/import/",
                     {"file": SimpleUploadedFile("krachten.json", json.dumps(doc).encode())})
    assert ok.status_code == 302
    assert sorted(o.name for o in selectors.organisation_public_list(municipality_code=f.MUN)) == [
        "Buurtgroen", "Buurthuis", "Elders"]


def test_gebiedsanalyse_has_a_strengths_section(world, client):
    html = client.get("/buurt/BU99990101/rapport/").content.decode()
    assert 'id="report-krachten"' in html and "Buurtgroen" in html and "Geheim" not in html


def test_retention_command_includes_stopped_organisations(world):
    import io
    from datetime import timedelta

    from django.core.management import call_command
    from django.utils import timezone

    from wijksturing.organisations.models import Organisation

    o = Organisation.objects.get(name="Buurtgroen")
    services.organisation_set_status(user=None, organisation=o, to="stopped")
    Organisation.objects.filter(pk=o.pk).update(stopped_at=timezone.now() - timedelta(days=400))
    out = io.StringIO()
    call_command("retention", "--days", "365", stdout=out)
    assert "1 organisations that stopped" in out.getvalue()
    o.refresh_from_db()
    assert o.contact_email == "" and o.personal_data_removed_at is not None


def test_area_team_edits_an_entry_directly_within_its_gebied(world, client):
    from wijksturing.organisations.models import Organisation

    o = Organisation.objects.get(name="Buurtgroen")
    client.force_login(pf.area_team("t2", "W2"))
    assert client.get(f"/krachten/beheer/organisatie/{o.pk}/bewerken/").status_code == 403
    client.force_login(pf.area_team())
    data = {"name": "Buurtgroenbedrijf", "kind": "social_enterprise", "description": "Groen en werk", "themes": ["green"],
            "areas": ["WK999901", "BU99990101"], "opening_hours": "ma–za"}
    assert client.post(f"/krachten/beheer/organisatie/{o.pk}/bewerken/", data).status_code == 302
    o.refresh_from_db()
    assert o.name == "Buurtgroenbedrijf" and sorted(a.area_code for a in o.areas.all()) == ["BU99990101", "WK999901"]
    assert o.locations.get().opening_hours == "ma–za" and o.changes.count() == 0
    assert client.post(f"/krachten/beheer/organisatie/{o.pk}/bewerken/", {**data, "areas": ["W2"]}).status_code == 422


def test_a_new_public_entry_renews_the_cached_area_page(world, client):
    first = client.get("/wijk/WK999901/")
    assert "Taalcafé" not in first.content.decode()
    assert client.get("/wijk/WK999901/")["X-Cache"] == "hit"
    f.organisation("Taalcafé", kind="volunteer_organisation", themes=["language"])
    again = client.get("/wijk/WK999901/")
    assert "Taalcafé" in again.content.decode()
