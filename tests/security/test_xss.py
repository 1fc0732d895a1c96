"""Issue 16: XSS payloads in every free-text field that residents and partners fill in come out
escaped in HTML, as the same text in JSON and XML (never as markup), and neutralised in CSV
(see test_spreadsheet_injection). The count of payloads × fields is the figure in docs/security.md."""

import html
import json
from xml.dom import minidom

import pytest
from django.test import Client

from wijksturing.signals.models import Category
from wijksturing.signals.services import signal_create, signal_transition
from wijksturing.signals.tests.factories import make_municipality, make_users
from wijksturing.signals.workflow import Status

pytestmark = pytest.mark.django_db
PAYLOADS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "'><svg onload=alert(1)>",
    '<a href="javascript:alert(1)">klik</a>',
    "</textarea><script>alert(1)</script>",
    "<iframe srcdoc='<script>alert(1)</script>'>",
    "{{ 7|add:7 }}{% debug %}",
    "<style>body{display:none}</style>",
]


def escaped_in(page: str, payload: str) -> bool:
    """The payload is shown as text: its escaped form is there, its raw markup is not."""
    return html.escape(payload, quote=True) in page or html.escape(payload, quote=False) in page


def no_markup(page: str, payload: str) -> bool:
    return payload not in page if "<" in payload else True


@pytest.fixture
def world(db):
    municipality = make_municipality()
    return municipality, make_users(municipality)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_signal_texts(world, payload):
    municipality, users = world
    category = Category.objects.get(municipality=municipality, slug="boom")
    signal = signal_create(category=category, description=payload, address=payload[:250], lon=5.005, lat=52.005)
    signal_transition(signal_id=signal.pk, to_status=Status.TRIAGE, by=users["admin"], note=payload)
    signal_transition(signal_id=signal.pk, to_status=Status.RESOLVED, by=users["admin"], reply=payload)
    staff = Client()
    staff.force_login(users["admin"])
    for page in (staff.get(f"/signalen/werk/{signal.pk}/").content.decode(),
                 Client().get(f"/signalen/volg/{signal.token}/").content.decode()):
        assert no_markup(page, payload) and escaped_in(page, payload)
    xml = Client().get("/open311/v2/requests.xml", {"jurisdiction_id": "GM9999"}).content
    document = minidom.parseString(xml)  # well-formed: the payload did not become markup
    assert document.getElementsByTagName("description")[0].firstChild.data == payload
    assert not document.getElementsByTagName("script") and not document.getElementsByTagName("img")
    data = json.loads(Client().get("/open311/v2/requests.json", {"jurisdiction_id": "GM9999"}).content)
    assert data[0]["description"] == payload


@pytest.mark.parametrize("payload", PAYLOADS)
def test_public_report_form_echoes_escaped(world, payload):
    page = Client().post("/signalen/melden/", {"gemeente": "GM9999", "category": "", "description": payload,
                                               "address": payload[:250], "name": payload[:150]}).content.decode()
    assert no_markup(page, payload)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_proposal_texts(db, payload, settings):
    from wijksturing.participation import services
    from wijksturing.participation.models import Phase
    from wijksturing.participation.tests.factories import make_layout, make_round

    make_layout()
    rnd = make_round(phase=Phase.PROPOSALS)
    proposal = services.proposal_submit(rnd=rnd, title=payload[:200], description=payload, estimated_cost=100)
    services.round_transition(rnd=rnd, to_phase=Phase.REVIEW)
    services.proposal_review(proposal=proposal, feasible=False, reason=payload)
    page = Client().get(f"/buurtbegroting/{rnd.pk}/").content.decode()
    assert no_markup(page, payload) and escaped_in(page, payload[:200])


@pytest.mark.parametrize("payload", PAYLOADS)
def test_initiative_texts(db, payload):
    from wijksturing.budgets.services import initiative_submit
    from wijksturing.programmes.tests import factories as f

    municipality = f.municipality()
    initiative = initiative_submit(municipality=municipality, gebied_code="W1", title=payload[:200], description=payload,
                                   location=payload[:200], amount="100", applicant_name=payload[:120])
    page = Client().get(f"/initiatieven/volg/{initiative.token}/").content.decode()
    assert no_markup(page, payload) and escaped_in(page, payload[:200])
