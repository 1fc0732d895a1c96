import logging

import pytest
from django.test import Client

from wijksturing.accounts.logging import PersonalDataFilter, scrub
from wijksturing.accounts.models import AuditEvent, Role
from wijksturing.accounts.selectors import user_gebied_codes, user_has_role
from wijksturing.accounts.services import audit_log, membership_grant, user_create
from wijksturing.areas.models import Municipality


@pytest.fixture
def arnhem(db):
    return Municipality.objects.create(code="GM0202", name="Arnhem")


def test_roles_per_municipality_and_gebied(arnhem):
    nijmegen = Municipality.objects.create(code="GM0268", name="Nijmegen")
    team = user_create(username="team", password="a-long-password-1")
    membership_grant(user=team, municipality=arnhem, role=Role.AREA_TEAM, gebied_code="W1")
    assert user_has_role(user=team, municipality_code="GM0202", roles=[Role.AREA_TEAM], gebied_code="W1")
    assert not user_has_role(user=team, municipality_code="GM0202", roles=[Role.AREA_TEAM], gebied_code="W2")
    assert not user_has_role(user=team, municipality_code=nijmegen.code, roles=[Role.AREA_TEAM])
    assert user_gebied_codes(user=team, municipality_code="GM0202", roles=[Role.AREA_TEAM]) == {"W1"}
    assert AuditEvent.objects.filter(action="membership_grant").count() == 1


def test_admin_follows_roles(arnhem):
    admin = user_create(username="beheerder", password="a-long-password-1")
    analyst = user_create(username="analist", password="a-long-password-1")
    council = user_create(username="raadslid", password="a-long-password-1")
    membership_grant(user=admin, municipality=arnhem, role=Role.ADMINISTRATOR)
    membership_grant(user=analyst, municipality=arnhem, role=Role.ANALYST)
    membership_grant(user=council, municipality=arnhem, role=Role.COUNCIL)
    client = Client()
    client.force_login(admin)
    assert client.get("/admin/areas/gebieddefinition/").status_code == 200
    client.force_login(analyst)
    assert client.get("/admin/monitor/indicator/").status_code == 200
    assert client.get("/admin/areas/gebieddefinition/").status_code == 403
    client.force_login(council)
    assert client.get("/admin/monitor/indicator/").status_code == 302  # /admin/ is not for this role: to the login


def test_audit_events_are_append_only(arnhem):
    event = audit_log(user=None, action="test", obj=arnhem, municipality_code="GM0202")
    with pytest.raises(ValueError):
        event.save()
    with pytest.raises(ValueError):
        event.delete()


def test_personal_data_never_reaches_the_log(caplog):
    assert scrub("mail jan@example.org of bel 06-12345678, 6811 AB 12") == "mail [e-mail] of bel [telefoon], [adres]"
    logger = logging.getLogger("wijksturing.test")
    logger.addFilter(PersonalDataFilter())
    with caplog.at_level(logging.INFO):
        logger.info("melding van %s", "piet@example.org")
    assert "piet@example.org" not in caplog.text and "[e-mail]" in caplog.text
