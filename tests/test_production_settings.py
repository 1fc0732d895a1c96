"""Production settings: DEBUG off by default, no start on the public secret key, no demo sign-in
with DEBUG off, nothing created at import time, `check --deploy` clean with the documented
production environment (docs/deploy.md), and JSON logs without personal data."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PRODUCTION_ENV = {  # the minimum of docs/deploy.md
    "DJANGO_SECRET_KEY": "k3y-" + "x7Qp2vZr9LmN4sT8wYb6Hc1Jd5Fg0KaE3iUoR" * 2,
    "DJANGO_ALLOWED_HOSTS": "wijksturing.example.nl",
    "DJANGO_CSRF_TRUSTED_ORIGINS": "https://wijksturing.example.nl",
    "DJANGO_SECURE_PROXY_SSL_HEADER": "HTTP_X_FORWARDED_PROTO,https",
    "DATABASE_URL": "postgres://wijksturing@db:5432/wijksturing",
    "CACHE_URL": "redis://redis:6379/1",
    "CELERY_BROKER_URL": "redis://redis:6379/0",
    "EMAIL_HOST": "smtp.example.nl",
}


def _run(code: str, env: dict[str, str], cwd: Path | None = None) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "WIJKSTURING_", "CACHE_", "CELERY_", "EMAIL_"))}
    clean.pop("DATABASE_URL", None)
    clean["DJANGO_SETTINGS_MODULE"] = "wijksturing.conf.settings"
    return subprocess.run([sys.executable, "-c", code], env={**clean, **env}, capture_output=True, text=True,
                          cwd=cwd or ROOT, timeout=120)


def test_debug_is_off_and_the_default_secret_key_is_refused(tmp_path):
    result = _run("import django; django.setup()", {"WIJKSTURING_VAR_DIR": str(tmp_path / "var")})
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr and "DJANGO_SECRET_KEY" in result.stderr
    with_key = _run("from django.conf import settings; print(settings.DEBUG)",
                    {"WIJKSTURING_VAR_DIR": str(tmp_path / "var"), "DJANGO_SECRET_KEY": PRODUCTION_ENV["DJANGO_SECRET_KEY"]})
    assert with_key.returncode == 0, with_key.stderr
    assert with_key.stdout.strip() == "False"


def test_importing_the_settings_creates_no_folder(tmp_path):
    var = tmp_path / "var"
    result = _run("import django; django.setup()", {"WIJKSTURING_VAR_DIR": str(var), "DJANGO_DEBUG": "true"})
    assert result.returncode == 0, result.stderr
    assert not var.exists()


def test_check_deploy_has_no_warning_with_the_documented_production_settings(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "wijksturing.cli", "check", "--deploy", "--fail-level", "WARNING"],
        env={**{k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL"))},
             **PRODUCTION_ENV, "WIJKSTURING_VAR_DIR": str(tmp_path), "DJANGO_SETTINGS_MODULE": "wijksturing.conf.settings"},
        capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_settings_use_redis_smtp_and_a_manifest(tmp_path):
    code = ("from django.conf import settings as s; import json; print(json.dumps([s.CACHES['default']['BACKEND'], "
            "s.EMAIL_BACKEND, s.STORAGES['staticfiles']['BACKEND'], s.CELERY_TASK_ALWAYS_EAGER, s.SECURE_PROXY_SSL_HEADER]))")
    result = _run(code, {**PRODUCTION_ENV, "WIJKSTURING_VAR_DIR": str(tmp_path)})
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == [
        "django.core.cache.backends.redis.RedisCache", "django.core.mail.backends.smtp.EmailBackend",
        "whitenoise.storage.CompressedManifestStaticFilesStorage", False, ["HTTP_X_FORWARDED_PROTO", "https"]]


@pytest.mark.django_db
def test_demo_users_cannot_sign_in_with_debug_off(client, settings):
    from io import StringIO

    from wijksturing.accounts.demo import load_demo
    from wijksturing.areas.models import Municipality

    Municipality.objects.create(code="GM0202", name="Arnhem")
    settings.DEBUG = True
    load_demo(stdout=StringIO())
    assert client.login(username="beheer", password="demo")
    client.logout()
    settings.DEBUG = False
    assert not client.login(username="beheer", password="demo")
    # not with another password either: the account is marked as a demo account
    from wijksturing.accounts.models import User

    user = User.objects.get(username="analist")
    user.set_password("een-ander-wachtwoord-1")
    user.save()
    assert not client.login(username="analist", password="een-ander-wachtwoord-1")
    settings.DEBUG = True
    assert client.login(username="analist", password="een-ander-wachtwoord-1")


def test_json_log_lines_without_personal_data():
    from wijksturing.accounts.logging import PersonalDataFilter
    from wijksturing.conf.logformat import JsonFormatter

    record = logging.LogRecord("wijksturing.test", logging.INFO, __file__, 1, "mail to %s failed", ("piet@example.nl",), None)
    assert PersonalDataFilter().filter(record)
    try:
        raise ValueError("bad address jan@example.nl")
    except ValueError:
        record.exc_info = sys.exc_info()
    line = JsonFormatter().format(record)
    entry = json.loads(line)
    assert entry["level"] == "INFO" and entry["logger"] == "wijksturing.test"
    assert entry["message"] == "mail to [e-mail] failed"
    assert "jan@example.nl" not in line and "ValueError" in entry["exception"]
