"""Issue 16: Open311 input that would break requests.xml, points outside the municipality, and
the api_key kept out of URLs."""

from xml.dom import minidom
from xml.parsers.expat import ExpatError

import pytest

from wijksturing.signals.models import Signal
from wijksturing.signals.services import api_key_create
from wijksturing.signals.tests.conftest import IN_G1
from wijksturing.signals.tests.factories import CODE, make_municipality

pytestmark = pytest.mark.django_db
BASE = "/open311/v2"
TEXT_FIELDS = ["description", "address_string", "address_id", "first_name", "last_name", "phone", "device_id",
               "media_url", "email", "service_code", "jurisdiction_id"]
CONTROLS = ["\x0b", "\x00", "\x1b", "\x7f", "\x85"]


@pytest.fixture
def key(municipality):
    return api_key_create(municipality_code=CODE, name="Test app")[1]


def payload(key, **data):
    body = {"api_key": key, "jurisdiction_id": CODE, "service_code": "boom", "lat": str(IN_G1[1]),
            "long": str(IN_G1[0]), "description": "Tak op het fietspad", **data}
    return {k: v for k, v in body.items() if v is not None}


def well_formed(client) -> minidom.Document:
    """Parse requests.xml with a real XML parser (expat): raises on an ill-formed document."""
    return minidom.parseString(client.get(f"{BASE}/requests.xml", {"jurisdiction_id": CODE}).content)


@pytest.mark.parametrize("field", TEXT_FIELDS)
@pytest.mark.parametrize("control", CONTROLS)
def test_a_control_character_in_any_text_field_is_refused_naming_the_field(client, key, field, control):
    value = {"email": f"a{control}b@example.org", "service_code": f"bo{control}om",
             "jurisdiction_id": f"GM{control}9999"}.get(field, f"voor{control}na")
    response = client.post(f"{BASE}/requests.json", payload(key, **{field: value}))
    assert response.status_code == 400, (field, response.content)
    assert field in response.json()[0]["description"]
    assert not Signal.objects.exists()
    well_formed(client)


def test_tab_and_newlines_stay_allowed_and_the_document_stays_well_formed(client, key):
    response = client.post(f"{BASE}/requests.json", payload(key, description="regel 1\nregel\t2\r\n"))
    assert response.status_code == 200
    document = well_formed(client)
    assert "regel 1" in document.getElementsByTagName("description")[0].firstChild.data


def test_text_stored_before_the_check_does_not_break_the_document(client, key):
    client.post(f"{BASE}/requests.json", payload(key))
    Signal.objects.update(description="kapot\x0bstuk\x01")  # as stored by an older version
    raw = client.get(f"{BASE}/requests.xml", {"jurisdiction_id": CODE}).content
    document = minidom.parseString(raw)
    assert document.getElementsByTagName("description")[0].firstChild.data == "kapotstuk"
    with pytest.raises(ExpatError):  # the check is real: the same text unescaped is ill-formed
        minidom.parseString(b"<a>kapot\x0bstuk</a>")


def test_the_public_form_refuses_control_characters_too(client, municipality):
    page = client.post("/signalen/melden/", {"gemeente": CODE, "category": "boom", "description": "boom\x0bom",
                                             "address": "Parkweg"})
    assert page.status_code == 200 and "description" in page.context["form"].errors
    assert not Signal.objects.exists()


@pytest.mark.parametrize(("lat", "lon", "where"), [
    ("48.8566", "2.3522", "Paris"),
    ("52.005", "6.005", "another municipality"),
    ("0", "0", "the sea"),
])
def test_a_point_outside_the_municipality_is_refused_naming_the_field(client, key, lat, lon, where):
    make_municipality("GM9998", "Andersdorp", lon0=6.0)
    response = client.post(f"{BASE}/requests.json", payload(key, lat=lat, long=lon))
    assert response.status_code == 400, where
    description = response.json()[0]["description"]
    assert description.startswith("lat:") and "Proefstad" in description
    assert not Signal.objects.exists()


def test_a_point_inside_is_placed(client, key):
    response = client.post(f"{BASE}/requests.json", payload(key))
    assert response.status_code == 200 and Signal.objects.get().buurt_code == "BU99990101"


def test_api_key_in_the_query_string_is_refused(client, key):
    body = payload(key)
    del body["api_key"]
    response = client.post(f"{BASE}/requests.json?api_key={key}", body)
    assert response.status_code == 400 and "URL" in response.json()[0]["description"]
    assert not Signal.objects.exists()
    response = client.post(f"{BASE}/requests.json", body, HTTP_X_API_KEY=key)
    assert response.status_code == 200 and Signal.objects.count() == 1
    response = client.post(f"{BASE}/requests.json", payload(key))
    assert response.status_code == 200 and Signal.objects.count() == 2
