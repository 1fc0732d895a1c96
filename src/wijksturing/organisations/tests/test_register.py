"""The register of strengths: consent (nothing public without it), staleness, permissions per
role and gebied, the review of changes with history, links to goals, initiatives and signals,
and retention."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import override_settings
from django.utils import timezone

from wijksturing.accounts.models import Role
from wijksturing.organisations import selectors, services
from wijksturing.organisations.models import ChangeStatus, Consent, Event, EventKind, Organisation, OrgStatus
from wijksturing.organisations.tests import factories as f
from wijksturing.organisations.workflow import OrganisationTransitionError
from wijksturing.programmes.tests import factories as pf

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return f.world()


def test_nothing_public_without_consent(world):
    without, _ = f.organisation("Zonder toestemming", consent=False)
    with_consent, _ = f.organisation("Met toestemming")
    public = selectors.organisation_public_list(municipality_code=f.MUN)
    assert [o.name for o in public] == ["Met toestemming"]
    with pytest.raises(Organisation.DoesNotExist):
        selectors.organisation_public_get(pk=without.pk)
    consent = Consent.objects.get(organisation=with_consent)
    assert (consent.given_by, consent.scope, consent.channel, consent.given) == ("Voorzitter Jan", "entry", "staff", True)
    assert consent.at is not None and "openbaar" in consent.statement
    services.consent_record(organisation=with_consent, scope="entry", given=False, given_by="Voorzitter Jan",
                            channel="link")
    assert selectors.organisation_public_list(municipality_code=f.MUN) == []


def test_withdrawn_consent_and_stopped_entries_leave_every_public_output(world, client):
    o, _ = f.organisation()
    assert client.get(f"/krachten/organisatie/{o.pk}/").status_code == 200
    services.organisation_set_status(user=None, organisation=o, to=OrgStatus.STOPPED)
    assert client.get(f"/krachten/organisatie/{o.pk}/").status_code == 404
    assert client.get(f"/api/v1/organisations/?municipality={f.MUN}").json()["count"] == 0
    assert client.get(f"/krachten/{f.MUN}/hsds.json").json()["organizations"] == []
    assert client.get(f"/krachten/{f.MUN}/krachten.geojson").json()["features"] == []


def test_contact_person_is_public_only_when_they_chose_so(world, client):
    o, _ = f.organisation()
    page = client.get(f"/krachten/organisatie/{o.pk}/").content.decode()
    api = client.get(f"/api/v1/organisations/{o.pk}/").json()
    hsds_doc = client.get(f"/krachten/{f.MUN}/hsds.json").json()
    assert "Sanne Voorbeeld" not in page and "sanne@example.org" not in page and "0612345678" not in page
    assert api["contact"] is None and "contacts" not in hsds_doc["organizations"][0]
    services.consent_record(organisation=o, scope="contact", given=True, given_by="Sanne Voorbeeld", channel="link")
    assert "sanne@example.org" in client.get(f"/krachten/organisatie/{o.pk}/").content.decode()
    assert client.get(f"/api/v1/organisations/{o.pk}/").json()["contact"]["name"] == "Sanne Voorbeeld"


@override_settings(ORGANISATIONS_CONFIRM_DAYS=30)
def test_entries_not_confirmed_within_the_period_are_marked_and_listed(world):
    fresh, _ = f.organisation("Vers")
    old, _ = f.organisation("Oud")
    now = timezone.now()
    Organisation.objects.filter(pk=old.pk).update(last_confirmed_at=now - timedelta(days=31))
    Organisation.objects.filter(pk=fresh.pk).update(last_confirmed_at=now - timedelta(days=29))
    old.refresh_from_db()
    fresh.refresh_from_db()
    assert selectors.organisation_is_stale(organisation=old) and not selectors.organisation_is_stale(organisation=fresh)
    team = pf.area_team()
    assert [o.name for o in selectors.organisation_staff_list(user=team, municipality_code=f.MUN, stale_only=True)] == ["Oud"]
    assert selectors.area_summary(municipality_code=f.MUN, area_codes=None)["stale"] == 1
    services.organisation_confirm(organisation=old)
    assert not selectors.organisation_is_stale(organisation=old)
    assert selectors.organisation_staff_list(user=team, municipality_code=f.MUN, stale_only=True) == []


def test_never_confirmed_entry_counts_from_its_registration(world):
    o, _ = f.organisation()
    assert o.last_confirmed_at is None and not selectors.organisation_is_stale(organisation=o)
    assert selectors.organisation_is_stale(organisation=o, now=timezone.now() + timedelta(days=400))


def test_permissions_per_role_and_gebied(world):
    team_w1, team_w2 = pf.area_team("t1", "W1"), pf.area_team("t2", "W2")
    admin = pf.user("adm", Role.ADMINISTRATOR)
    analyst = pf.user("ana", Role.ANALYST)
    partner = pf.user("par", Role.PARTNER)
    o, _ = f.organisation(user=team_w1)
    assert selectors.organisation_can_manage(user=team_w1, organisation=o)
    assert selectors.organisation_can_manage(user=admin, organisation=o)
    assert not selectors.organisation_can_manage(user=team_w2, organisation=o)
    assert not selectors.organisation_can_manage(user=analyst, organisation=o)
    with pytest.raises(PermissionDenied):
        f.organisation("In W1 door W2", user=team_w2)
    with pytest.raises(PermissionDenied):
        services.organisation_set_status(user=team_w2, organisation=o, to=OrgStatus.STOPPED)
    with pytest.raises(PermissionDenied):
        f.organisation("Partner", user=partner)
    assert selectors.organisation_staff_list(user=team_w2, municipality_code=f.MUN) == []
    assert [x.name for x in selectors.organisation_staff_list(user=analyst, municipality_code=f.MUN)] == ["Buurtgroen"]
    assert selectors.organisation_staff_list(user=partner, municipality_code=f.MUN) == []


def test_staff_pages_per_role(world, client):
    o, _ = f.organisation()
    client.force_login(pf.area_team("t2", "W2"))
    assert client.get(f"/krachten/beheer/organisatie/{o.pk}/").status_code == 200  # may read
    assert client.post(f"/krachten/beheer/organisatie/{o.pk}/", {"action": "stop"}).status_code == 403
    assert client.get(f"/krachten/{f.MUN}/beheer/nieuw/").status_code == 200  # may register in W2
    client.force_login(pf.user("par", Role.PARTNER))
    assert client.get(f"/krachten/beheer/organisatie/{o.pk}/").status_code == 403
    assert client.get(f"/krachten/{f.MUN}/beheer/nieuw/").status_code == 403


def test_change_through_the_link_is_reviewed_with_history(world, client):
    team = pf.area_team()
    o, token = f.organisation(user=team)
    assert len(token) >= 40 and o.token_hash == services.token_hash(token) and token not in o.token_hash
    assert selectors.organisation_by_token(token=token).pk == o.pk
    change = services.change_propose(organisation=o, data={"name": "Buurtgroenbedrijf", "opening_hours": "ma–za 8–18",
                                                           "description": "Groen en werk in de wijk"})
    assert change.data == {"name": "Buurtgroenbedrijf", "opening_hours": "ma–za 8–18"}
    o.refresh_from_db()
    assert o.name == "Buurtgroen" and o.last_confirmed_at is not None  # not applied before review
    with pytest.raises(ValidationError):
        services.change_decide(user=team, change=change, to=ChangeStatus.REJECTED)  # a reason is needed
    with pytest.raises(PermissionDenied):
        services.change_decide(user=pf.area_team("t2", "W2"), change=change, to=ChangeStatus.ACCEPTED)
    services.change_decide(user=team, change=change, to=ChangeStatus.ACCEPTED)
    o.refresh_from_db()
    assert o.name == "Buurtgroenbedrijf" and o.locations.first().opening_hours == "ma–za 8–18"
    with pytest.raises(OrganisationTransitionError):
        services.change_decide(user=team, change=change, to=ChangeStatus.REJECTED, reason="te laat")
    kinds = list(Event.objects.filter(organisation=o).values_list("kind", "to_status"))
    assert kinds[-2:] == [(EventKind.CHANGE, "pending"), (EventKind.CHANGE, "accepted")]
    with pytest.raises(ValueError):
        Event.objects.filter(organisation=o).first().delete()  # append-only


def test_own_link_page_confirms_and_proposes_without_an_account(world, client):
    o, token = f.organisation()
    assert client.get("/krachten/eigen/niet-geldig/").status_code == 404
    page = client.get(f"/krachten/eigen/{token}/")
    assert page.status_code == 200 and page["Cache-Control"] == "no-store"
    client.post(f"/krachten/eigen/{token}/", {"action": "confirm"})
    o.refresh_from_db()
    assert o.last_confirmed_at is not None
    data = {"action": "change", "name": "Nieuwe naam", "description": o.description, "themes": ["green"],
            "address": "Spijkerstraat 1", "postcode": "6828 AA", "opening_hours": "ma–vr 9–17", "place_name": "Werkplaats",
            "contact_name": "Sanne Voorbeeld", "contact_email": "sanne@example.org", "contact_phone": "0612345678"}
    assert client.post(f"/krachten/eigen/{token}/", data).status_code == 302
    assert o.changes.get().data == {"name": "Nieuwe naam", "themes": ["green"]}
    assert client.post(f"/krachten/eigen/{token}/", {**data, "website": "geen adres"}).status_code == 422
    new_token = services.organisation_link_renew(user=None, organisation=o)
    assert client.get(f"/krachten/eigen/{token}/").status_code == 404
    assert client.get(f"/krachten/eigen/{new_token}/").status_code == 200


def test_links_to_goals_initiatives_and_signals(world):
    from wijksturing.budgets import services as budget_services
    from wijksturing.budgets.workflow import InitiativeStatus as S

    tree = pf.tree()
    other = pf.tree("W2")
    budget_services.budget_line_set(user=None, municipality=pf.municipality(), gebied_code="W1",
                                    year=timezone.localdate().year, domain="participation", amount=Decimal("2000.00"))
    initiative = budget_services.initiative_submit(
        municipality=pf.municipality(), gebied_code="W1", title="Moestuin", description="Plan", location="Plein",
        amount=Decimal("500"), applicant_name="Fatima", applicant_email="f@example.org", applicant_phone="0611")
    o, _ = f.organisation()
    services.organisation_links_set(user=None, organisation=o, goals=[tree["goal"].pk, other["goal"].pk],
                                    initiatives=[initiative.pk])
    assert {g.pk for g in o.goals.all()} == {tree["goal"].pk, other["goal"].pk}
    public = selectors.organisation_links(organisation=o)
    assert [g.pk for g in public["goals"]] == [tree["goal"].pk, other["goal"].pk]
    assert public["initiatives"] == []  # only granted initiatives in public
    budget_services.initiative_transition(user=None, initiative=initiative, to=S.ASSESSING)
    budget_services.initiative_transition(user=None, initiative=initiative, to=S.APPROVED,
                                          amount_granted=Decimal("400"), decision_reason="Goed")
    assert [i.title for i in selectors.organisation_links(organisation=o)["initiatives"]] == ["Moestuin"]
    assert [x.pk for x in selectors.organisations_linked_to(goal_id=tree["goal"].pk)] == [o.pk]
    with pytest.raises(ValidationError):
        services.organisation_links_set(user=None, organisation=o, goals=[999999])
    assert o.goals.count() == 2  # a refused set leaves the links


def test_links_to_signals_reported_as_a_partner(world):
    from wijksturing.signals.models import Category
    from wijksturing.signals.services import signal_create
    from wijksturing.signals.tests.factories import make_municipality

    proefstad = make_municipality(code="GM9998")
    category = Category.objects.get(municipality=proefstad, slug="boom")
    signal = signal_create(category=category, lat=52.005, lon=5.005, description="Boom stuk", reporter=None)
    partner, _ = services.organisation_register(
        user=None, municipality_code=proefstad.code, name="Bewonersgroep", kind="residents_group",
        description="Let op de straat", area_codes=[f"WK{proefstad.code[2:]}01"], consent_by="Voorzitter")
    services.organisation_links_set(user=None, organisation=partner, signals=[signal.pk])
    assert selectors.organisation_links(organisation=partner)["signals"] == 1  # public: only the number
    assert selectors.organisation_links(organisation=partner, public=False)["signals"] == [signal]
    assert [o.pk for o in selectors.organisations_linked_to(signal_id=signal.pk)] == [partner.pk]
    o, _ = f.organisation()  # Teststad: a signal of Proefstad is refused
    with pytest.raises(ValidationError):
        services.organisation_links_set(user=None, organisation=o, signals=[signal.pk])
    assert o.signals.count() == 0


def test_retention_removes_the_contact_of_stopped_organisations(world):
    o, token = f.organisation()
    kept, _ = f.organisation("Actief")
    services.organisation_set_status(user=None, organisation=o, to=OrgStatus.STOPPED)
    assert services.organisations_retention_run(days=30) == 0
    Organisation.objects.filter(pk=o.pk).update(stopped_at=timezone.now() - timedelta(days=31))
    assert services.organisations_retention_run(days=30) == 1
    o.refresh_from_db()
    kept.refresh_from_db()
    assert (o.contact_name, o.contact_email, o.contact_phone, o.token_hash) == ("", "", "", "")
    assert set(o.consents.values_list("given_by", flat=True)) == {"—"}
    assert kept.contact_name == "Sanne Voorbeeld"
    with pytest.raises(Organisation.DoesNotExist):
        selectors.organisation_by_token(token=token)
    assert services.organisations_retention_run(days=30) == 0
