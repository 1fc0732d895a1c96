"""Issue 16 (high): a photo upload must never become a page. Content-checked, re-encoded with
Pillow (EXIF and GPS gone), stored under a random name, served only as an image."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from wijksturing.signals.models import Category, Signal
from wijksturing.signals.services import signal_create
from wijksturing.signals.tests.conftest import IN_G1
from wijksturing.signals.tests.factories import image_bytes

pytestmark = pytest.mark.django_db
FORM = {"gemeente": "GM9999", "category": "boom", "description": "Omgevallen boom", "address": "Parkweg"}
HTML_WITH_JPEG_MAGIC = b"\xff\xd8\xff\xe0" + b"<html><script>fetch('/api/v1/signals/1')</script></html>"
SVG = b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>'


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.mark.parametrize(("name", "content"), [
    ("foto.html", HTML_WITH_JPEG_MAGIC),
    ("foto.jpg", HTML_WITH_JPEG_MAGIC),
    ("foto.svg", SVG),
    ("foto.png", b"\x89PNG\r\n\x1a\n" + b"0" * 100),  # PNG magic, no image
    ("foto.gif", b"GIF89a\x01\x00\x01\x00\x00\x00\x00;"),
    ("foto.jpg", image_bytes("JPEG")[:60]),  # truncated JPEG
])
def test_the_public_form_refuses_anything_that_is_not_a_whole_jpeg_or_png(client, municipality, name, content):
    page = client.post("/signalen/melden/", {**FORM, "photo": SimpleUploadedFile(name, content, content_type="image/jpeg")})
    assert page.status_code == 200 and "photo" in page.context["form"].errors
    assert not Signal.objects.exists()


def test_the_service_itself_refuses_a_forged_photo(municipality):
    category = Category.objects.get(municipality=municipality, slug="boom")
    with pytest.raises(ValidationError):
        signal_create(category=category, description="x", lon=IN_G1[0], lat=IN_G1[1],
                      photo=ContentFile(HTML_WITH_JPEG_MAGIC, name="foto.html"))
    assert not Signal.objects.exists()


def test_a_photo_is_reencoded_without_exif_under_a_random_name(client, municipality, tmp_path):
    original = image_bytes("JPEG", exif_gps=True)
    assert Image.open(io.BytesIO(original)).getexif().get_ifd(0x8825)  # the fixture really carries GPS
    client.post("/signalen/melden/", {**FORM, "photo": SimpleUploadedFile("IMG_1234 thuis.jpg", original)})
    signal = Signal.objects.get()
    stored = (tmp_path / signal.photo.name).read_bytes()
    assert "IMG_1234" not in signal.photo.name and signal.photo.name.endswith(".jpg")
    assert len(signal.photo.name.rsplit("/", 1)[-1]) == len("0123456789abcdef0123456789abcdef.jpg")
    image = Image.open(io.BytesIO(stored))
    assert image.format == "JPEG" and image.size == (8, 6)
    assert not image.getexif() and b"Proefcamera" not in stored and b"Exif" not in stored


def test_the_photo_is_served_as_an_image_only(client, make_signal, users):
    signal = make_signal(photo=SimpleUploadedFile("b.png", image_bytes("PNG")))
    client.force_login(users["admin"])
    response = client.get(f"/signalen/werk/{signal.pk}/foto/")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"] == f'inline; filename="melding-{signal.pk}.png"'
    assert "sandbox" in response["Content-Security-Policy"]
    assert Image.open(io.BytesIO(b"".join(response.streaming_content))).format == "PNG"


def test_a_forged_file_stored_before_the_fix_is_not_served(client, make_signal, users, tmp_path):
    signal = make_signal()
    for name in ("signals/2026/01/foto.html", "signals/2026/01/foto.jpg"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(HTML_WITH_JPEG_MAGIC)
        Signal.objects.filter(pk=signal.pk).update(photo=name)
        client.force_login(users["admin"])
        assert client.get(f"/signalen/werk/{signal.pk}/foto/").status_code == 404


def test_media_is_not_served_even_with_debug(client, make_signal, settings):
    settings.DEBUG = True
    signal = make_signal(photo=SimpleUploadedFile("b.png", image_bytes("PNG")))
    assert client.get(f"/media/{signal.photo.name}").status_code == 404
