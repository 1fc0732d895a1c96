"""Contact details: only the responsible team and administrators; never in Open311, the
public API, the public pages, audit events or logs."""

import logging

import pytest

from wijksturing.accounts.models import AuditEvent
from wijksturing.signals.selectors import reporter_visible, signal_work_list
from wijksturing.signals.tests.conftest import IN_G1

pytestmark = pytest.mark.django_db
EMAIL, PHONE = "geheim.melder@example.org", "0687654321"
CONTACT = {"name": "Geheime Melder", "email": EMAIL, "phone": PHONE, "consent": True}

# (signal's category, user) -> may see the contact details
CASES = [
    ("boom", "admin", True), ("boom", "area_g1", True), ("boom", "area_g2", False), ("boom", "social", False),
    ("boom", "analyst", False), ("boom", "council", False), ("boom", "cleaner", False),
    ("dumping", "cleaner", True), ("dumping", "area_g1", False), ("dumping", "admin", True),
    ("zorg-om-buurtbewoner", "social", True), ("zorg-om-buurtbewoner", "area_g1", False),
]


@pytest.mark.parametrize(("slug", "who", "visible"), CASES)
def test_contact_details_per_role(client, make_signal, users, slug, who, visible):
    signal = make_signal(slug=slug, reporter=CONTACT)
    assert reporter_visible(user=users[who], signal=signal) is visible
    client.force_login(users[who])
    page = client.get(f"/signalen/werk/{signal.pk}/")
    api = client.get(f"/api/v1/signals/{signal.pk}/")
    if visible:
        assert EMAIL in page.content.decode() and PHONE in page.content.decode()
        assert api.json()["reporter"]["email"] == EMAIL
    else:
        assert page.status_code == 403 and EMAIL not in page.content.decode()
        assert api.status_code == 403 and EMAIL not in api.content.decode()


@pytest.mark.parametrize("who", ["area_g2", "analyst", "council"])
def test_work_list_shows_only_own_signals(make_signal, users, municipality, who):
    make_signal(reporter=CONTACT)
    assert not signal_work_list(user=users[who], municipality_code=municipality.code).exists()


def test_work_list_of_the_responsible_team(client, make_signal, users, municipality):
    signal = make_signal(reporter=CONTACT)
    client.force_login(users["area_g1"])
    page = client.get("/signalen/werk/", {"gemeente": municipality.code})
    assert page.status_code == 200 and f'value="{signal.pk}"' in page.content.decode()
    assert EMAIL not in page.content.decode()  # the list never shows contact details


def test_never_in_public_outputs_audit_or_logs(client, make_signal, users, municipality, caplog):
    with caplog.at_level(logging.DEBUG):
        signal = make_signal(reporter=CONTACT)
    client.force_login(users["admin"])
    outputs = [
        client.get("/open311/v2/requests.json", {"jurisdiction_id": municipality.code}),
        client.get("/open311/v2/requests.xml", {"jurisdiction_id": municipality.code}),
        client.get(f"/open311/v2/requests/{signal.pk}.json", {"jurisdiction_id": municipality.code}),
        client.get("/api/v1/signals/", {"municipality": municipality.code}),
        client.get(f"/signalen/volg/{signal.token}/"),
        client.get("/api/v1/signals/statistics/", {"municipality": municipality.code}),
    ]
    for response in outputs:
        assert response.status_code == 200
        text = response.content.decode()
        assert EMAIL not in text and PHONE not in text and "Geheime Melder" not in text
    audit = " ".join(str(e.changes) for e in AuditEvent.objects.all())
    assert EMAIL not in audit and PHONE not in audit
    assert EMAIL not in caplog.text and PHONE not in caplog.text


def test_anonymous_cannot_reach_staff_pages_or_api(client, make_signal):
    signal = make_signal(point=IN_G1, reporter=CONTACT)
    assert client.get(f"/signalen/werk/{signal.pk}/").status_code == 302
    assert client.get(f"/api/v1/signals/{signal.pk}/").status_code in (401, 403)
    assert client.get("/api/v1/signals/", {"municipality": "GM9999"}).status_code in (401, 403)
