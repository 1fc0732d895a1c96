import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command

from wijksturing.signals.maps import frame_for
from wijksturing.signals.models import ApiKey, Signal, Source, StatusChange
from wijksturing.signals.selectors import api_key_lookup
from wijksturing.signals.tests.factories import image_bytes

pytestmark = pytest.mark.django_db
PNG = image_bytes("PNG")
FORM = {"gemeente": "GM9999", "category": "boom", "description": "Omgevallen boom", "address": "Parkweg"}


def test_public_form_without_javascript(client, municipality, settings, tmp_path, django_capture_on_commit_callbacks):
    settings.MEDIA_ROOT = tmp_path
    assert client.get("/signalen/melden/").status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/signalen/melden/", {**FORM, "email": "m@example.org", "consent": "on",
                                                     "photo": SimpleUploadedFile("b.png", PNG)})
    signal = Signal.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/signalen/volg/{signal.token}/"
    assert signal.source == Source.PUBLIC_FORM and signal.photo and signal.reporter.email == "m@example.org"
    assert len(mail.outbox) == 1 and signal.token in mail.outbox[0].body
    follow = client.get(response["Location"])
    assert follow.status_code == 200 and "m@example.org" not in follow.content.decode()


def test_map_click_sets_the_place(client, municipality):
    frame = frame_for(municipality_code="GM9999")
    x, y = frame.xy(5.015, 52.005)
    page = client.post("/signalen/melden/", {**FORM, "address": "", "map.x": str(x), "map.y": str(y)})
    assert page.status_code == 200 and not Signal.objects.exists()
    form = page.context["form"]
    lon, lat = form.initial["lon"], form.initial["lat"]
    assert lon == pytest.approx(5.015, abs=1e-4) and lat == pytest.approx(52.005, abs=1e-4)
    client.post("/signalen/melden/", {**FORM, "address": "", "lon": lon, "lat": lat})
    assert Signal.objects.get().buurt_code == "BU99990201"


@pytest.mark.parametrize(("extra", "field"), [
    ({"photo": SimpleUploadedFile("x.png", b"GIF89a....")}, "photo"),
    ({"photo": SimpleUploadedFile("x.png", b"\x89PNG\r\n\x1a\n" + b"0" * (5 * 1024 * 1024))}, "photo"),
    ({"address": ""}, "address"),
    ({"email": "m@example.org"}, "consent"),
    ({"category": ""}, "category"),
])
def test_form_errors_name_the_field(client, municipality, extra, field):
    page = client.post("/signalen/melden/", {**FORM, **extra})
    assert page.status_code == 200 and field in page.context["form"].errors and not Signal.objects.exists()


def test_no_location_is_allowed(client, municipality):
    client.post("/signalen/melden/", {**FORM, "address": "", "no_location": "on", "category": "zorg-om-buurtbewoner"})
    assert Signal.objects.get().lat is None


def test_staff_work_list_filters_bulk_assign_and_detail(client, make_signal, users, municipality):
    a, b = make_signal(), make_signal(slug="boom")
    client.force_login(users["admin"])
    page = client.get("/signalen/werk/", {"gemeente": "GM9999", "te_laat": "1"})
    assert page.status_code == 200 and not page.context["signals"]
    page = client.get("/signalen/werk/", {"gemeente": "GM9999", "sorteer": "termijn"})
    assert {s.pk for s in page.context["signals"]} == {a.pk, b.pk} and "<svg" in page.content.decode()
    team = municipality.signal_teams.get(code="area-g2")
    response = client.post("/signalen/werk/toewijzen/", {"gemeente": "GM9999", "team": team.pk, "signals": [a.pk, b.pk]})
    assert response.status_code == 302
    assert set(Signal.objects.values_list("status", flat=True)) == {"assigned"}
    assert set(Signal.objects.values_list("team__code", flat=True)) == {"area-g2"}
    response = client.post(f"/signalen/werk/{a.pk}/", {"to_status": "resolved", "reply": ""})
    assert response.status_code == 200 and "reply" in response.content.decode()
    client.post(f"/signalen/werk/{a.pk}/", {"to_status": "resolved", "reply": "Opgelost"})
    assert Signal.objects.get(pk=a.pk).status == "resolved"
    assert StatusChange.objects.filter(signal=a, by=users["admin"]).count() == 2  # assigned, resolved


def test_staff_intake_and_statistics(client, users, municipality):
    client.force_login(users["area_g1"])
    response = client.post("/signalen/werk/nieuw/", {**FORM, "phone": "0612345678", "consent": "on"})
    signal = Signal.objects.get()
    assert response.status_code == 302 and signal.source == Source.STAFF
    page = client.get("/signalen/statistiek/", {"gemeente": "GM9999"})
    assert page.status_code == 200 and "Boom" in page.content.decode()
    stats = client.get("/api/v1/signals/statistics/", {"municipality": "GM9999"}).json()
    assert stats[-1]["category"] is None and stats[-1]["signals"] == 1


def test_open311_key_command(capsys, municipality):
    call_command("open311-key", "--municipality", "GM9999", "--name", "FixMyStreet")
    key = capsys.readouterr().out.strip()
    assert api_key_lookup(key=key).name == "FixMyStreet" and ApiKey.objects.get().key_hash != key


def test_api_transition(client, make_signal, users):
    signal = make_signal()
    client.force_login(users["area_g1"])
    ok = client.post(f"/api/v1/signals/{signal.pk}/transition/", {"status": "triage"}, content_type="application/json")
    assert ok.status_code == 200 and ok.json()["status"] == "triage"
    bad = client.post(f"/api/v1/signals/{signal.pk}/transition/", {"status": "closed"}, content_type="application/json")
    assert bad.status_code == 400 and bad.json()["errors"][0]["field"] == "status"
