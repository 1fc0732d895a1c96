"""Issue 16 (high): an administrator of one municipality sees and changes only that municipality
in /admin/, cannot raise anyone's rights, and every admin change is audited."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.utils import timezone

from wijksturing.accounts.models import AuditEvent, Membership, Role
from wijksturing.accounts.services import audit_log, membership_grant, user_create
from wijksturing.monitor.models import ImportRun
from wijksturing.signals.models import ApiKey, Category, Team
from wijksturing.signals.services import signal_create
from wijksturing.signals.tests.factories import make_municipality

pytestmark = pytest.mark.django_db
User = get_user_model()


@pytest.fixture
def world(db):
    nijmegen = make_municipality("GM0268", "Nijmegen", lon0=5.0)
    arnhem = make_municipality("GM0202", "Arnhem", lon0=6.0)
    admin = user_create(username="beheer-nijmegen", password="a-long-password-1")
    membership_grant(user=admin, municipality=nijmegen, role=Role.ADMINISTRATOR)
    colleague = user_create(username="collega-nijmegen", password="a-long-password-1")
    membership_grant(user=colleague, municipality=nijmegen, role=Role.AREA_TEAM)
    other = user_create(username="beheer-arnhem", password="a-long-password-1")
    membership_grant(user=other, municipality=arnhem, role=Role.ADMINISTRATOR)
    both = user_create(username="beide", password="a-long-password-1")
    membership_grant(user=both, municipality=nijmegen, role=Role.ANALYST)
    membership_grant(user=both, municipality=arnhem, role=Role.ANALYST)
    signals = {}
    for m, lon in ((nijmegen, 5.005), (arnhem, 6.005)):
        category = Category.objects.get(municipality=m, slug="boom")
        signals[m.code] = signal_create(category=category, description=f"Boom in {m.name}", lon=lon, lat=52.005)
    keys = {m.code: ApiKey.objects.create(municipality=m, name=f"app {m.code}", prefix=m.code[:8], key_hash=m.code * 10)
            for m in (nijmegen, arnhem)}
    audit_log(user=None, action="test_event", obj=arnhem, municipality_code="GM0202")
    client = Client()
    client.force_login(admin)
    return {"client": client, "admin": admin, "colleague": colleague, "other": other, "both": both,
            "signals": signals, "keys": keys, "nijmegen": nijmegen, "arnhem": arnhem}


@pytest.mark.parametrize(("url", "own", "foreign"), [
    ("/admin/signals/signal/", "Boom", None),
    ("/admin/accounts/user/", "collega-nijmegen", "beheer-arnhem"),
    ("/admin/signals/apikey/", "app GM0268", "app GM0202"),
    ("/admin/accounts/auditevent/", "GM0268", "test_event"),
    ("/admin/signals/team/", "Gebiedsteam 1", None),
    ("/admin/areas/municipality/", "Nijmegen", "Arnhem"),
])
def test_lists_show_only_the_own_municipality(world, url, own, foreign):
    page = world["client"].get(url)
    assert page.status_code == 200
    text = page.content.decode()
    assert own in text
    if foreign:
        assert foreign not in text
    rows = page.context["cl"].result_list
    for row in rows:
        code = getattr(row, "municipality_code", None) or getattr(getattr(row, "municipality", None), "code", None) \
            or getattr(row, "code", None)
        if code:
            assert code == "GM0268", (url, row)


def test_objects_of_another_municipality_cannot_be_opened(world):
    client = world["client"]
    arnhem_signal, arnhem_key = world["signals"]["GM0202"], world["keys"]["GM0202"]
    team = Team.objects.get(municipality=world["arnhem"], code="area-g1")
    for url in (f"/admin/signals/signal/{arnhem_signal.pk}/change/", f"/admin/signals/apikey/{arnhem_key.pk}/change/",
                f"/admin/accounts/user/{world['other'].pk}/change/", f"/admin/signals/team/{team.pk}/change/",
                f"/admin/accounts/user/{world['other'].pk}/password/", f"/admin/signals/team/{team.pk}/delete/"):
        assert client.get(url).status_code in (302, 403, 404), url
    # a user with a role in both municipalities is visible, but not changeable (their Arnhem role)
    assert client.get(f"/admin/accounts/user/{world['both'].pk}/password/").status_code == 403
    page = client.post(f"/admin/accounts/user/{world['both'].pk}/password/",
                       {"password1": "Overgenomen-123", "password2": "Overgenomen-123"})
    assert page.status_code == 403 and not User.objects.get(pk=world["both"].pk).check_password("Overgenomen-123")


def test_foreign_key_choices_stay_in_the_municipality(world):
    page = world["client"].get("/admin/signals/apikey/add/")
    choices = [str(c[0]) for c in page.context["adminform"].form.fields["municipality"].choices if c[0]]
    assert choices == ["GM0268"] or [c for c in choices] == [str(world["nijmegen"].pk)]
    page = world["client"].post("/admin/signals/apikey/add/", {"municipality": world["arnhem"].pk, "name": "stiekem"})
    assert page.status_code == 200 and "municipality" in page.context["adminform"].form.errors
    assert not ApiKey.objects.filter(name="stiekem").exists()
    team = Team.objects.get(municipality=world["nijmegen"], code="area-g1")
    page = world["client"].get(f"/admin/signals/team/{team.pk}/change/")
    members = set(page.context["adminform"].form.fields["members"].queryset)
    assert world["other"] not in members and world["colleague"] in members


def test_a_municipal_administrator_cannot_make_anyone_superuser(world):
    client, admin, colleague = world["client"], world["admin"], world["colleague"]
    for target in (admin, colleague):
        page = client.get(f"/admin/accounts/user/{target.pk}/change/")
        assert page.status_code == 200
        form = page.context["adminform"].form
        assert "is_superuser" not in form.fields and "is_staff" not in form.fields
        post = {"username": target.username, "first_name": "", "last_name": "", "email": "", "is_active": "on",
                "is_superuser": "on", "is_staff": "on",
                "memberships-TOTAL_FORMS": "1", "memberships-INITIAL_FORMS": "0",
                "memberships-MIN_NUM_FORMS": "0", "memberships-MAX_NUM_FORMS": "1000",
                "memberships-0-municipality": world["arnhem"].pk, "memberships-0-role": Role.ADMINISTRATOR,
                "memberships-0-gebied_code": ""}
        client.post(f"/admin/accounts/user/{target.pk}/change/", post)
        target.refresh_from_db()
        assert not target.is_superuser
        assert not Membership.objects.filter(user=target, municipality=world["arnhem"]).exists()
    assert client.get("/admin/accounts/user/add/").status_code == 403


def test_a_superuser_still_manages_everything(world):
    root = User.objects.create(username="root", is_staff=True, is_superuser=True)
    client = Client()
    client.force_login(root)
    assert "beheer-arnhem" in client.get("/admin/accounts/user/").content.decode()
    assert client.get(f"/admin/signals/apikey/{world['keys']['GM0202'].pk}/change/").status_code == 200


def test_admin_is_only_for_administrators_and_analysts(world):
    client = Client()
    client.force_login(world["colleague"])  # area team, is_staff
    assert client.get("/admin/").status_code == 302
    assert client.get("/admin/signals/signal/").status_code == 302


def test_every_admin_change_is_audited(world):
    client = world["client"]
    team = Team.objects.get(municipality=world["nijmegen"], code="area-g1")
    before = AuditEvent.objects.count()
    page = client.post(f"/admin/signals/team/{team.pk}/change/", {
        "municipality": world["nijmegen"].pk, "code": "area-g1", "name": "Gebiedsteam Oost", "kind": "area_team",
        "gebied_code": "G1", "email": "", "members": [world["colleague"].pk]})
    assert page.status_code == 302, page.context["adminform"].form.errors if page.context else page
    event = AuditEvent.objects.filter(action="admin_change").get()
    assert event.user == world["admin"] and event.municipality_code == "GM0268" and event.object_id == str(team.pk)
    assert "name" in event.changes["fields"] and "Gebiedsteam Oost" not in str(event.changes)
    client.post(f"/admin/signals/team/{team.pk}/delete/", {"post": "yes"})
    assert AuditEvent.objects.filter(action="admin_delete", object_id=str(team.pk)).exists()
    assert AuditEvent.objects.count() == before + 2


def test_import_runs_only_of_the_own_municipality_without_server_paths(world):
    ImportRun.objects.create(kind="file", source="/srv/wijksturing/var/uploads/geheim/nijmegen.csv",
                             municipalities=["GM0268"], finished_at=timezone.now())
    ImportRun.objects.create(kind="file", source="/srv/wijksturing/var/uploads/arnhem.csv", municipalities=["GM0202"])
    client = Client()
    analyst = user_create(username="analist-nijmegen", password="a-long-password-1")
    membership_grant(user=analyst, municipality=world["nijmegen"], role=Role.ANALYST)
    client.force_login(analyst)
    for url in ("/admin/monitor/importrun/",):
        text = client.get(url).content.decode()
        assert "nijmegen.csv" in text and "arnhem.csv" not in text and "/srv/" not in text
    assert client.get("/cockpit/analyse/imports/").status_code == 200
    text = client.get("/cockpit/analyse/imports/").content.decode()
    assert "nijmegen.csv" in text and "arnhem.csv" not in text and "/srv/" not in text
    foreign = ImportRun.objects.order_by("pk").last()  # the Arnhem run
    assert client.get(f"/cockpit/analyse/imports/{foreign.pk}/").status_code == 404
    assert client.get(f"/cockpit/analyse/imports/{foreign.pk}/status.json").status_code == 404
