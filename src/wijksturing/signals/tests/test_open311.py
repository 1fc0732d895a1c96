"""Open311 GeoReport v2 against the specification's documents and examples."""

import datetime as dt
import json
from xml.etree import ElementTree as ET

import pytest
from django.utils import timezone

from wijksturing.signals.models import Signal, Source
from wijksturing.signals.services import api_key_create, api_key_revoke, signal_transition
from wijksturing.signals.tests.conftest import IN_G1
from wijksturing.signals.tests.factories import CODE, make_municipality
from wijksturing.signals.workflow import Status

pytestmark = pytest.mark.django_db
BASE = "/open311/v2"
REQUEST_FIELDS = {"service_request_id", "status", "status_notes", "service_name", "service_code", "description",
                  "agency_responsible", "service_notice", "requested_datetime", "updated_datetime",
                  "expected_datetime", "address", "address_id", "zipcode", "lat", "long", "media_url"}


@pytest.fixture
def key(municipality):
    return api_key_create(municipality_code=CODE, name="Test app")[1]


def post(client, key, **data):
    payload = {"api_key": key, "jurisdiction_id": CODE, "service_code": "boom", "lat": str(IN_G1[1]),
               "long": str(IN_G1[0]), "description": "Tak op het fietspad", **data}
    return client.post(f"{BASE}/requests.json", {k: v for k, v in payload.items() if v is not None})


def test_services_json_lists_subcategories(client, municipality):
    response = client.get(f"{BASE}/services.json", {"jurisdiction_id": CODE})
    assert response.status_code == 200 and response["Content-Type"].startswith("application/json")
    services = response.json()
    assert {s["service_code"] for s in services} == {"dumping", "boom", "zorg-om-buurtbewoner"}
    assert set(services[0]) == {"service_code", "service_name", "description", "metadata", "type", "keywords", "group"}
    assert all(s["type"] == "realtime" and s["metadata"] is False for s in services)


def test_services_xml_has_spec_root_and_elements(client, municipality):
    response = client.get(f"{BASE}/services.xml", {"jurisdiction_id": CODE})
    assert response["Content-Type"].startswith("application/xml")
    root = ET.fromstring(response.content)
    assert root.tag == "services"
    service = root.find("service")
    assert service.find("service_code") is not None and service.find("metadata").text in ("true", "false")


def test_service_definition(client, municipality):
    definition = client.get(f"{BASE}/services/boom.json", {"jurisdiction_id": CODE}).json()
    assert definition == {"service_code": "boom", "attributes": []}
    root = ET.fromstring(client.get(f"{BASE}/services/boom.xml", {"jurisdiction_id": CODE}).content)
    assert root.tag == "service_definition" and root.findtext("service_code") == "boom"
    assert root.find("attributes") is not None
    missing = client.get(f"{BASE}/services/nope.json", {"jurisdiction_id": CODE})
    assert missing.status_code == 404 and missing.json()[0]["code"] == 404


def test_post_creates_a_placed_routed_signal(client, key):
    response = post(client, key, email="melder@example.org", first_name="Anna", last_name="Jansen", phone="0612345678")
    assert response.status_code == 200, response.content
    body = response.json()
    assert isinstance(body, list) and set(body[0]) == {"service_request_id", "service_notice", "account_id"}
    signal = Signal.objects.get(pk=int(body[0]["service_request_id"]))
    assert signal.source == Source.OPEN311 and signal.buurt_code == "BU99990101" and signal.gebied_code == "G1"
    assert signal.team.code == "area-g1" and signal.reporter.email == "melder@example.org"
    assert signal.reporter.name == "Anna Jansen"


def test_post_xml_response(client, key):
    response = client.post(f"{BASE}/requests.xml", {"api_key": key, "jurisdiction_id": CODE, "service_code": "dumping",
                                                    "address_string": "Stationsplein"})
    root = ET.fromstring(response.content)
    assert response.status_code == 200 and root.tag == "service_requests"
    assert root.find("request/service_request_id").text and root.find("request/account_id") is not None


@pytest.mark.parametrize(("data", "code", "needle"), [
    ({"api_key": "wrong"}, 403, "api_key"),
    ({"service_code": None}, 400, "service_code"),
    ({"service_code": "unknown"}, 400, "service_code"),
    ({"lat": None, "long": None}, 400, "location"),
    ({"lat": "abc"}, 400, "lat"),
    ({"lat": "95"}, 400, "lat"),
    ({"lat": "nan"}, 400, "lat"),  # read by the one number parser: no NaN, no exponent
    ({"lat": "5e1"}, 400, "lat"),
    ({"email": "not-an-address"}, 400, "email"),
    ({"jurisdiction_id": "GM0000"}, 404, "jurisdiction_id"),
    ({"description": "x" * 3001}, 400, "description"),
    ({"media_url": "not a url"}, 400, "media_url"),
])
def test_post_errors_use_the_spec_format(client, key, data, code, needle):
    response = post(client, key, **data)
    assert response.status_code == code
    body = response.json()
    assert isinstance(body, list) and set(body[0]) == {"code", "description"} and body[0]["code"] == code
    assert needle in body[0]["description"]


def test_error_xml_format(client, key):
    response = client.post(f"{BASE}/requests.xml", {"api_key": "wrong", "jurisdiction_id": CODE})
    root = ET.fromstring(response.content)
    assert root.tag == "errors" and root.findtext("error/code") == "403" and root.findtext("error/description")


def test_revoked_key_and_key_of_other_municipality_are_refused(client, key, municipality):
    make_municipality(code="GM9998", name="Anderstad", lon0=6.0)
    other_key = api_key_create(municipality_code="GM9998", name="Other")[1]
    assert post(client, other_key).status_code == 403
    from wijksturing.signals.models import ApiKey

    api_key_revoke(api_key=ApiKey.objects.get(name="Test app"))
    assert post(client, key).status_code == 403


def test_jurisdiction_optional_with_one_municipality_required_with_two(client, municipality):
    assert client.get(f"{BASE}/services.json").status_code == 200
    make_municipality(code="GM9998", name="Anderstad", lon0=6.0)
    response = client.get(f"{BASE}/services.json")
    assert response.status_code == 400 and "jurisdiction_id" in response.json()[0]["description"]


def test_get_requests_has_spec_fields_and_no_contact_details(client, key, users):
    post(client, key, email="melder@example.org", phone="0612345678", first_name="Anna",
         description="Bel mij op 0612345678", address_string="Dorpsstraat 12")
    response = client.get(f"{BASE}/requests.json", {"jurisdiction_id": CODE})
    body = response.json()
    assert len(body) == 1 and set(body[0]) == REQUEST_FIELDS
    text = response.content.decode()
    assert "melder@example.org" not in text and "0612345678" not in text and "Anna" not in text
    assert body[0]["address"] == "Dorpsstraat" and body[0]["status"] == "open"
    signal_id = body[0]["service_request_id"]
    signal_transition(signal_id=int(signal_id), to_status=Status.TRIAGE, by=users["admin"])
    signal_transition(signal_id=int(signal_id), to_status=Status.RESOLVED, by=users["admin"], reply="Boom gesnoeid.")
    one = client.get(f"{BASE}/requests/{signal_id}.json", {"jurisdiction_id": CODE}).json()
    assert one[0]["status"] == "closed" and one[0]["status_notes"] == "Boom gesnoeid."
    xml = ET.fromstring(client.get(f"{BASE}/requests/{signal_id}.xml", {"jurisdiction_id": CODE}).content)
    assert xml.tag == "service_requests" and xml.findtext("request/status") == "closed"
    assert client.get(f"{BASE}/requests/999999.json", {"jurisdiction_id": CODE}).json()[0]["code"] == 404


def test_get_requests_filters_and_90_day_window(client, key):
    ids = [post(client, key, service_code=code).json()[0]["service_request_id"] for code in ("boom", "dumping", "boom")]
    Signal.objects.filter(pk=ids[0]).update(created_at=timezone.now() - dt.timedelta(days=120))

    def get(**params):
        return client.get(f"{BASE}/requests.json", {"jurisdiction_id": CODE, **params})

    assert {r["service_request_id"] for r in get().json()} == set(ids[1:])  # default: last 90 days
    assert [r["service_request_id"] for r in get(service_code="dumping").json()] == [ids[1]]
    assert get(status="closed").json() == [] and len(get(status="open,closed").json()) == 2
    assert [r["service_request_id"] for r in get(service_request_id=ids[0]).json()] == [ids[0]]  # overrides dates
    start = (timezone.now() - dt.timedelta(days=150)).strftime("%Y-%m-%dT%H:%M:%SZ")
    end = (timezone.now() - dt.timedelta(days=70)).strftime("%Y-%m-%dT%H:%M:%SZ")
    assert [r["service_request_id"] for r in get(start_date=start, end_date=end).json()] == [ids[0]]
    too_long = get(start_date="2026-01-01T00:00:00Z", end_date="2026-06-01T00:00:00Z")
    assert too_long.status_code == 400 and "90 days" in too_long.json()[0]["description"]
    assert get(start_date="gisteren").status_code == 400
    assert get(status="pending").status_code == 400


def test_open311_post_is_not_blocked_by_csrf(key, municipality):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    assert post(client, key).status_code == 200


def test_json_body_is_accepted_and_bad_types_give_400(client, key):
    payload = {"api_key": key, "jurisdiction_id": CODE, "service_code": "boom", "lat": 52.005, "long": 5.005}
    assert client.post(f"{BASE}/requests.json", json.dumps(payload), content_type="application/json").status_code == 200
    payload["description"] = {"nested": True}
    response = client.post(f"{BASE}/requests.json", json.dumps(payload), content_type="application/json")
    assert response.status_code == 400 and response.json()[0]["code"] == 400
    payload["description"] = "nul\x00byte"
    assert client.post(f"{BASE}/requests.json", json.dumps(payload), content_type="application/json").status_code == 400
