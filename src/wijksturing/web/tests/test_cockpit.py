import pytest

from wijksturing.accounts.models import Role
from wijksturing.accounts.tests.factories import staff_user
from wijksturing.monitor.models import ImportRun, ImportStatus, Observation


@pytest.fixture
def area_team(world):
    return staff_user("team", role=Role.AREA_TEAM, municipality=world["municipality"], gebied_code="W1")


def test_cockpit_needs_login(client, world):
    response = client.get("/cockpit/GM9999/W1/")
    assert response.status_code == 302 and "/accounts/inloggen/" in response["Location"]


def test_area_team_sees_its_gebied_with_flags(client, world, area_team):
    client.force_login(area_team)
    index = client.get("/cockpit/").content.decode()
    assert 'href="/cockpit/GM9999/W1/"' in index
    html = client.get("/cockpit/GM9999/W1/").content.decode()
    assert "Marktbuurt" in html and "blijft achter" in html and "daalt snel" in html
    assert "−2,5" in html  # change per year of the falling buurt
    assert 'module--signals' in html and 'module--budget' in html  # room for the later modules


def test_area_team_of_another_gebied_is_refused(client, world):
    from wijksturing.areas.models import Area, Level

    Area.objects.create(layout=world["layout"], level=Level.GEBIED, code="W2", name="West", parent=world["GM9999"])
    other = staff_user("other", role=Role.AREA_TEAM, municipality=world["municipality"], gebied_code="W2")
    client.force_login(other)
    assert client.get("/cockpit/GM9999/W1/").status_code == 403
    assert client.get("/cockpit/GM9999/W2/").status_code == 200


def test_council_sees_every_gebied_but_not_the_analyst_pages(client, world):
    client.force_login(staff_user("raad", role=Role.COUNCIL, municipality=world["municipality"]))
    assert client.get("/cockpit/GM9999/W1/").status_code == 200
    assert client.get("/cockpit/analyse/").status_code == 403


@pytest.fixture
def analyst_client(client, world, monkeypatch):
    client.force_login(staff_user("analist", role=Role.ANALYST, municipality=world["municipality"]))
    return client


def test_catalogue_and_import_history_with_errors(analyst_client, world):
    ImportRun.objects.create(kind="file", source="kapot.csv", status=ImportStatus.FAILED, message="bad",
                             errors=[{"file": "kapot.csv", "row": 7, "column": "g_woz", "message": "not a number: 'abc'"}])
    assert "g_woz" in analyst_client.get("/cockpit/analyse/").content.decode()
    html = analyst_client.get("/cockpit/analyse/imports/").content.decode()
    assert "kapot.csv, rij 7, kolom g_woz: not a number: &#x27;abc&#x27;" in html


def test_upload_an_import_and_follow_its_progress(analyst_client, world, settings, tmp_path):
    from django.core.files.uploadedfile import SimpleUploadedFile

    settings.VAR_DIR = tmp_path
    csv = b"code,g_woz\nBU99990101,222\nBU99990102,333\n"
    response = analyst_client.post("/cockpit/analyse/imports/nieuw/", {
        "file": SimpleUploadedFile("eigen.csv", csv, content_type="text/csv"), "year": "2024", "municipality": "GM9999"})
    assert response.status_code == 302, response.content.decode()[:2000]
    run = ImportRun.objects.order_by("-pk").first()
    assert response["Location"] == f"/cockpit/analyse/imports/{run.pk}/"
    status = analyst_client.get(f"/cockpit/analyse/imports/{run.pk}/status.json").json()
    assert status["status"] == "succeeded" and status["progress"] == 1.0, status
    assert Observation.objects.get(area=world["BU99990101"], indicator__code="g_woz", year=2024).value == 222
    page = analyst_client.get(response["Location"]).content.decode()
    assert '<progress id="job-progress"' in page


def test_upload_rejects_bad_input_naming_the_field(analyst_client, world):
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = analyst_client.post("/cockpit/analyse/imports/nieuw/", {
        "file": SimpleUploadedFile("x.pdf", b"%PDF"), "year": "twintig", "municipality": "GM0000"})
    html = response.content.decode()
    assert response.status_code == 400
    assert 'href="#id_file"' in html and 'href="#id_year"' in html and 'href="#id_municipality"' in html


def test_failed_import_shows_file_row_and_column(analyst_client, world, settings, tmp_path):
    from django.core.files.uploadedfile import SimpleUploadedFile

    settings.VAR_DIR = tmp_path
    csv = b"code,g_woz\nBU99990101,222\nBU99990102,veel\n"
    response = analyst_client.post("/cockpit/analyse/imports/nieuw/", {
        "file": SimpleUploadedFile("fout.csv", csv), "year": "2024", "municipality": "GM9999"})
    run = ImportRun.objects.order_by("-pk").first()
    assert run.status == ImportStatus.FAILED
    page = analyst_client.get(response["Location"]).content.decode()
    assert "rij 3" in page and "kolom g_woz" in page
    woz = Observation.objects.get(area=world["BU99990101"], indicator__code="g_woz", year=2024)
    assert woz.value == 210  # nothing half-imported


def test_a_second_recompute_while_one_runs_is_not_started_and_a_stuck_run_ends(analyst_client, world, settings):
    """No daemon threads: the recompute is a task with a lock per municipality; a run whose process
    was stopped is shown as failed once it is older than WIJKSTURING_TASK_TIMEOUT."""
    import datetime as dt

    from django.core.cache import cache
    from django.utils import timezone

    running = ImportRun.objects.create(kind="recompute", source="recompute", municipalities=["GM9999"])
    cache.add("monitor:lock:GM9999", running.pk, 60)
    response = analyst_client.post("/cockpit/analyse/herberekenen/")
    second = ImportRun.objects.order_by("-pk").first()
    assert response.status_code == 302 and second.pk != running.pk
    status = analyst_client.get(f"/cockpit/analyse/imports/{second.pk}/status.json").json()
    assert status["status"] == "failed" and f"#{running.pk}" in status["message"]
    cache.delete("monitor:lock:GM9999")
    stopped_at = timezone.now() - dt.timedelta(seconds=settings.WIJKSTURING_TASK_TIMEOUT + 1)
    ImportRun.objects.filter(pk=running.pk).update(started_at=stopped_at)
    assert analyst_client.get(f"/cockpit/analyse/imports/{running.pk}/status.json").json()["status"] == "failed"
    assert analyst_client.post("/cockpit/analyse/herberekenen/").status_code == 302
    assert ImportRun.objects.order_by("-pk").first().status == ImportStatus.SUCCEEDED
