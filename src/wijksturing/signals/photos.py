"""Photos sent with a signal: checked by their content, re-encoded, stored under a random name.

An upload is accepted only when Pillow decodes it completely as a JPEG or PNG image (the first
bytes alone prove nothing: a ``foto.html`` that starts with JPEG magic bytes is not an image).
What is stored is not the upload but a new JPEG or PNG written from the decoded pixels, so
nothing else in the file survives: no EXIF (camera, time, GPS position), no comments, no
trailing HTML or script. The stored name is random; the name the reporter's device gave is
never used. Photos are served only by the staff photo view, as ``image/jpeg`` or ``image/png``
with ``X-Content-Type-Options: nosniff`` and a sandboxing Content-Security-Policy.
"""

from __future__ import annotations

import io
import secrets
import warnings

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext as _
from PIL import Image, ImageOps

MAX_PHOTO_BYTES = 5 * 1024 * 1024
MAX_PIXELS = 40_000_000  # a 5 MB file that unpacks to more than this is a decompression bomb
FORMATS = {"JPEG": ("jpg", "image/jpeg"), "PNG": ("png", "image/png")}
CONTENT_TYPES = {ext: content_type for ext, content_type in FORMATS.values()}


def photo_decode(upload) -> Image.Image:
    """Decode ``upload`` fully; raise ValidationError unless it is a JPEG or PNG image."""
    size = getattr(upload, "size", None)
    if size is not None and size > MAX_PHOTO_BYTES:
        raise ValidationError(_("The photo is larger than 5 MB. Choose a smaller photo."), code="too_large")
    upload.seek(0)
    data = upload.read(MAX_PHOTO_BYTES + 1)
    upload.seek(0)
    if len(data) > MAX_PHOTO_BYTES:
        raise ValidationError(_("The photo is larger than 5 MB. Choose a smaller photo."), code="too_large")
    refused = ValidationError(_("The photo must be a JPEG or PNG image."), code="not_an_image")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data), formats=list(FORMATS))
            if image.width * image.height > MAX_PIXELS:
                raise refused
            image.load()  # decodes every pixel: a truncated or forged file fails here
    except ValidationError:
        raise
    except Exception as exc:  # Pillow raises many kinds on bad input; all mean "not an image"
        raise refused from exc
    if image.format not in FORMATS:
        raise refused
    return image


def photo_reencode(upload) -> ContentFile:
    """The photo as a new file with a random name: JPEG stays JPEG, PNG stays PNG, metadata gone.
    The EXIF orientation is applied to the pixels first, so the photo still stands upright."""
    image = photo_decode(upload)
    fmt = image.format
    image = ImageOps.exif_transpose(image)
    extension, _content_type = FORMATS[fmt]
    out = io.BytesIO()
    if fmt == "JPEG":
        if image.mode not in ("RGB", "L"):
            image = image.convert("RGB")
        clean = Image.new(image.mode, image.size)
        clean.paste(image)
        clean.save(out, format="JPEG", quality=85, optimize=True)
    else:
        if image.mode not in ("RGB", "RGBA", "L", "LA"):
            image = image.convert("RGBA")
        clean = Image.new(image.mode, image.size)
        clean.paste(image)
        clean.save(out, format="PNG", optimize=True)
    return ContentFile(out.getvalue(), name=f"{secrets.token_hex(16)}.{extension}")


def photo_content_type(name: str) -> str | None:
    """The content type a stored photo is served with, or None for anything that is not one."""
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    return CONTENT_TYPES.get(extension)
