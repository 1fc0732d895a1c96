"""Without JavaScript a click on the map submits the form; the photo chosen before must not be
dropped silently (issue 14): it is kept on the server and sent with the report."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from wijksturing.signals.maps import frame_for
from wijksturing.signals.models import Signal
from wijksturing.signals.tests.factories import image_bytes

pytestmark = pytest.mark.django_db
FORM = {"gemeente": "GM9999", "category": "boom", "description": "Omgevallen boom", "address": ""}


@pytest.fixture(autouse=True)
def _folders(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.VAR_DIR = tmp_path / "var"


def _click(client, **extra):
    x, y = frame_for(municipality_code="GM9999").xy(5.015, 52.005)
    return client.post("/signalen/melden/", {**FORM, "map.x": str(x), "map.y": str(y), **extra})


def _send(client, page, **extra):
    form = page.context["form"]
    data = {**FORM, "lon": form.initial["lon"], "lat": form.initial["lat"],
            "photo_token": form.initial.get("photo_token", ""), **extra}
    return client.post("/signalen/melden/", data)


def test_photo_chosen_before_the_map_click_is_sent_with_the_report(client, municipality):
    page = _click(client, photo=SimpleUploadedFile("boom.png", image_bytes("PNG")))
    html = page.content.decode()
    assert page.status_code == 200 and not Signal.objects.exists()
    assert "Uw foto boom.png is bewaard" in html  # the resident sees the photo is kept
    response = _send(client, page)
    assert response.status_code == 302
    signal = Signal.objects.get()
    assert signal.photo and signal.buurt_code == "BU99990201"


def test_a_kept_photo_can_be_left_out(client, municipality):
    page = _click(client, photo=SimpleUploadedFile("boom.png", image_bytes("PNG")))
    _send(client, page, photo_remove="on")
    assert not Signal.objects.get().photo


def test_another_session_cannot_use_the_token(client, municipality, django_user_model):
    page = _click(client, photo=SimpleUploadedFile("boom.png", image_bytes("PNG")))
    token = page.context["form"].initial["photo_token"]
    assert token
    from django.test import Client

    other = Client()
    other.post("/signalen/melden/", {**FORM, "address": "Parkweg", "photo_token": token})
    assert not Signal.objects.get().photo


def test_a_bad_photo_with_a_map_click_is_said_not_dropped_silently(client, municipality):
    page = _click(client, photo=SimpleUploadedFile("x.png", b"GIF89a...."))
    html = page.content.decode()
    assert "JPEG" in html and "PNG" in html  # the reason, on the page
    assert not page.context["form"].initial.get("photo_token")


def test_a_photo_survives_a_form_error(client, municipality):
    page = client.post("/signalen/melden/", {**FORM, "description": "", "address": "Parkweg",
                                             "photo": SimpleUploadedFile("boom.png", image_bytes("PNG"))})
    assert page.status_code == 200 and "description" in page.context["form"].errors
    token = page.context["form"].data["photo_token"]
    assert token and "boom.png" in page.content.decode()
    client.post("/signalen/melden/", {**FORM, "address": "Parkweg", "photo_token": token})
    assert Signal.objects.get().photo
