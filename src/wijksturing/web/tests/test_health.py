"""/healthz and /readyz: no login, no cache, no host check, a failing check answers 503."""

import json

import pytest

from wijksturing.web import health


def test_liveness_needs_nothing(client):
    response = client.get("/healthz", HTTP_HOST="10.0.0.7")  # probes use the pod's address
    assert response.status_code == 200 and response.content == b"ok"
    assert response["Cache-Control"] == "no-store"


@pytest.mark.django_db
def test_readiness_checks_database_and_cache(client):
    response = client.get("/readyz")
    assert response.status_code == 200
    assert json.loads(response.content) == {"database": True, "cache": True}
    assert "Set-Cookie" not in response and response["Cache-Control"] == "no-store"


@pytest.mark.django_db
def test_readiness_fails_without_a_worker_when_a_broker_is_configured(client, settings):
    from django.core.cache import cache

    from wijksturing.worker import HEARTBEAT_KEY

    settings.CELERY_BROKER_URL = "redis://127.0.0.1:1/0"
    cache.delete(HEARTBEAT_KEY)
    response = client.get("/readyz")
    assert response.status_code == 503 and json.loads(response.content)["worker"] is False
    import time

    cache.set(HEARTBEAT_KEY, time.time(), 60)
    assert client.get("/readyz").status_code == 200


@pytest.mark.django_db
def test_readiness_fails_when_the_database_does_not_answer(client, monkeypatch):
    def down():
        raise OSError("connection refused")

    monkeypatch.setattr(health, "_database", down)
    response = client.get("/readyz")
    assert response.status_code == 503 and json.loads(response.content)["database"] is False
