"""A photo chosen on the report form, kept on the server while the form goes back and forth.

Without JavaScript a click on the map submits the form, and a browser never fills a file field
again: the photo would be lost without a word. So a photo that arrives with a map click (or with
a form that still has an error) is checked, kept in a private folder under a random token, and
the token travels in a hidden field. Only the browser session that sent it can use the token.
Kept photos are removed once the report is sent, and after ``KEEP_SECONDS`` in any case."""

from __future__ import annotations

import json
import re
import secrets
import time
from pathlib import Path

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile

KEEP_SECONDS = 2 * 3600
SESSION_KEY = "signals_kept_photos"
_TOKEN = re.compile(r"^[A-Za-z0-9_-]{20,64}$")


def _folder() -> Path:
    folder = Path(settings.VAR_DIR) / "signal-photos-pending"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _sweep(folder: Path) -> None:
    limit = time.time() - KEEP_SECONDS
    for path in folder.iterdir():
        try:
            if path.stat().st_mtime < limit:
                path.unlink()
        except FileNotFoundError:  # removed by another request meanwhile
            pass


def photo_keep(*, request, upload) -> str:
    """Keep an (already checked) upload for this session; returns its token."""
    folder = _folder()
    _sweep(folder)
    token = secrets.token_urlsafe(24)
    upload.seek(0)
    (folder / f"{token}.bin").write_bytes(upload.read())
    upload.seek(0)
    meta = {"name": Path(upload.name or "foto").name[:100], "content_type": getattr(upload, "content_type", "") or ""}
    (folder / f"{token}.json").write_text(json.dumps(meta), encoding="utf-8")
    tokens = [t for t in request.session.get(SESSION_KEY, []) if (folder / f"{t}.bin").exists()]
    request.session[SESSION_KEY] = tokens + [token]
    return token


def photo_kept(*, request, token: str) -> SimpleUploadedFile | None:
    """The photo kept under ``token`` by this session, as an upload; None when unknown or gone."""
    if not token or not _TOKEN.match(token) or token not in request.session.get(SESSION_KEY, []):
        return None
    folder = _folder()
    try:
        content = (folder / f"{token}.bin").read_bytes()
        meta = json.loads((folder / f"{token}.json").read_text(encoding="utf-8"))
    except (FileNotFoundError, ValueError):
        return None
    return SimpleUploadedFile(meta.get("name") or "foto", content, content_type=meta.get("content_type") or None)


def photo_name(*, request, token: str) -> str | None:
    kept = photo_kept(request=request, token=token)
    return kept.name if kept is not None else None


def photo_forget(*, request, token: str) -> None:
    """Remove a kept photo (after the report is sent, or when the resident removes it)."""
    if not token or not _TOKEN.match(token):
        return
    folder = _folder()
    for suffix in (".bin", ".json"):
        (folder / f"{token}{suffix}").unlink(missing_ok=True)
    tokens = request.session.get(SESSION_KEY, [])
    if token in tokens:
        request.session[SESSION_KEY] = [t for t in tokens if t != token]
