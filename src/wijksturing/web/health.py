"""Health endpoints for the container platform, answered before any other middleware (no
session, no host check, no https redirect, no cache, no authentication):

- ``/healthz`` — liveness: the process answers (200 ``ok``);
- ``/readyz`` — readiness: the database answers, the cache stores and returns a value, and, when a
  broker is configured, a worker has written its heartbeat lately (``wijksturing.worker``). 200
  with a JSON object of the checks, 503 when one fails.
"""

from __future__ import annotations

import json
import time
import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import HttpRequest, HttpResponse

from wijksturing.worker import HEARTBEAT_KEY, HEARTBEAT_SECONDS

PATHS = ("/healthz", "/healthz/", "/readyz", "/readyz/")


def _database() -> bool:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        return cursor.fetchone()[0] == 1


def _cache() -> bool:
    token = uuid.uuid4().hex
    cache.set("health:probe", token, 30)
    return cache.get("health:probe") == token


def _worker() -> bool:
    beat = cache.get(HEARTBEAT_KEY)
    return beat is not None and time.time() - float(beat) < HEARTBEAT_SECONDS * 4


def readiness() -> dict[str, bool]:
    checks = {"database": _database, "cache": _cache}
    if settings.CELERY_BROKER_URL:
        checks["worker"] = _worker
    result = {}
    for name, check in checks.items():
        try:
            result[name] = bool(check())
        except Exception:  # noqa: BLE001 — any failure means not ready
            result[name] = False
    return result


def _answer(body: str, status: int, content_type: str) -> HttpResponse:
    response = HttpResponse(body, status=status, content_type=content_type)
    response["Cache-Control"] = "no-store"
    return response


class HealthMiddleware:
    """First in ``MIDDLEWARE``: probes reach the pod by its address over plain http."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path in PATHS and request.method in ("GET", "HEAD"):
            if request.path.startswith("/healthz"):
                return _answer("ok", 200, "text/plain")
            checks = readiness()
            return _answer(json.dumps(checks), 200 if all(checks.values()) else 503, "application/json")
        return self.get_response(request)
