"""HSDS 3.0: the export validates against the schema written from the published field
definitions, and imports again to the same entries (JSON and the CSV tables); GeoJSON with OSM tags."""

from __future__ import annotations

import copy
import io
import json
import zipfile

import pytest
from django.core.exceptions import ValidationError

from wijksturing.organisations import hsds, services
from wijksturing.organisations.models import Organisation
from wijksturing.organisations.tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def register():
    f.world()
    a, _ = f.organisation("Buurtgroen")
    services.consent_record(organisation=a, scope="contact", given=True, given_by="Sanne Voorbeeld", channel="link")
    services.organisation_confirm(organisation=a)
    b, _ = f.organisation("Buurthuis De Spijker", kind="meeting_place", themes=["meeting"], areas=("W1", "BU99990101"),
                          website="https://despijker.example", email="info@despijker.example", phone="026 000 0000",
                          illustrative=True)
    f.organisation("Geen toestemming", consent=False)
    return [a, b]


def _snapshot() -> list[tuple]:
    return sorted(
        (o.name, o.kind, o.description, tuple(o.themes), o.website, o.email, o.phone, o.contact_public,
         o.contact_name if o.contact_public else "(not exported)",
         o.illustrative, tuple(sorted(a.area_code for a in o.areas.all())),
         tuple((loc.name, loc.address, loc.postcode, loc.city, loc.lat, loc.lon, loc.opening_hours)
               for loc in o.locations.all()))
        for o in Organisation.objects.filter(consent_given=True))


def test_export_validates_and_leaves_out_what_is_not_public(register):
    doc = hsds.export_document(municipality_code=f.MUN)
    assert hsds.validate(doc) == []
    assert sorted(o["name"] for o in doc["organizations"]) == ["Buurtgroen", "Buurthuis De Spijker"]
    by_name = {o["name"]: o for o in doc["organizations"]}
    assert by_name["Buurtgroen"]["contacts"][0]["name"] == "Sanne Voorbeeld"
    assert "contacts" not in by_name["Buurthuis De Spijker"]
    spijker = next(loc for loc in doc["locations"] if loc["organization_id"] == by_name["Buurthuis De Spijker"]["id"])
    assert spijker["addresses"][0]["country"] == "NL" and spijker["schedules"][0]["description"] == "ma–vr 9–17"
    assert spijker["attributes"][0]["taxonomy_term"]["code"] == "amenity=community_centre"


def test_the_schema_refuses_what_hsds_does_not_allow(register):
    doc = hsds.export_document(municipality_code=f.MUN)
    broken = copy.deepcopy(doc)
    del broken["organizations"][0]["description"]
    broken["services"][0]["status"] = "open"
    broken["locations"][0]["addresses"][0]["country"] = "Nederland"
    broken["locations"][0]["id"] = "not-a-uuid"
    errors = hsds.validate(broken)
    paths = {e.split(":")[0] for e in errors}
    assert paths == {"organizations/0", "services/0/status", "locations/0/addresses/0/country", "locations/0/id"}
    assert any("'description' is a required property" in e for e in errors)
    assert hsds.validate(doc) == []


def test_export_imports_again_to_the_same_entries(register):
    doc = hsds.export_document(municipality_code=f.MUN)
    before = _snapshot()
    Organisation.objects.all().delete()
    result = hsds.import_document(municipality_code=f.MUN, document=json.loads(json.dumps(doc)), source="test.json")
    assert result == {"created": 2, "updated": 0}
    assert _snapshot() == before
    assert hsds.export_document(municipality_code=f.MUN) == doc
    again = hsds.import_document(municipality_code=f.MUN, document=doc, source="test.json")
    assert again == {"created": 0, "updated": 2} and Organisation.objects.count() == 2
    assert hsds.export_document(municipality_code=f.MUN) == doc


def test_csv_tables_import_again_to_the_same_entries(register):
    doc = hsds.export_document(municipality_code=f.MUN)
    data = hsds.document_to_csv_zip(doc)
    read = hsds.csv_zip_to_document(data, source="test.zip")
    assert hsds.validate(read) == []
    before = _snapshot()
    Organisation.objects.all().delete()
    hsds.import_document(municipality_code=f.MUN, document=read, source="test.zip")
    assert _snapshot() == before
    assert hsds.export_document(municipality_code=f.MUN) == doc


def test_a_csv_table_not_in_utf8_is_refused_naming_zip_table_and_row():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("organizations.csv", "id,name\nA,Buurthuis\nB,Caf\u00e9 De Hoek\n".encode("latin-1"))
    with pytest.raises(ValidationError) as err:
        hsds.csv_zip_to_document(buffer.getvalue(), source="register.zip")
    assert "register.zip: organizations.csv: row 3: the file is not in UTF-8" in str(err.value)


def test_import_refuses_an_invalid_document_and_unknown_areas(register):
    doc = hsds.export_document(municipality_code=f.MUN)
    bad = copy.deepcopy(doc)
    bad["services"][0]["service_areas"][0]["extent"] = "WK00000000"
    Organisation.objects.all().delete()
    with pytest.raises(ValidationError):
        hsds.import_document(municipality_code=f.MUN, document=bad, source="bad.json")
    with pytest.raises(ValidationError, match="bad.json"):
        hsds.import_document(municipality_code=f.MUN, document={"organizations": [{"id": "x"}]}, source="bad.json")
    assert Organisation.objects.count() == 0


def test_geojson_points_with_osm_tags(register, client):
    data = client.get(f"/krachten/{f.MUN}/krachten.geojson").json()
    assert len(data["features"]) == 2
    spijker = next(x for x in data["features"] if x["properties"]["name"] == "Buurthuis De Spijker")
    assert spijker["geometry"] == {"type": "Point", "coordinates": [5.915, 51.98]}
    assert spijker["properties"]["amenity"] == "community_centre"
    groen = next(x for x in data["features"] if x["properties"]["name"] == "Buurtgroen")
    assert groen["properties"]["amenity"] == "social_facility"
    only_meeting = client.get(f"/krachten/{f.MUN}/krachten.geojson?thema=meeting").json()
    assert [x["properties"]["name"] for x in only_meeting["features"]] == ["Buurthuis De Spijker"]
