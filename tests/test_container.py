"""The container definition, checked without a container daemon: the Dockerfile builds from the
hashed lockfile as a non-root user on a slim Python 3.11 image and runs the documented gunicorn
command; docker-compose.yml has web, worker, PostgreSQL and Redis with the documented commands and
only settings that exist; docs/deploy.md and .ci/run use the same commands."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
WEB_COMMAND = ["gunicorn", "-c", "python:wijksturing.conf.gunicorn", "wijksturing.wsgi"]
WORKER_COMMAND = ["celery", "-A", "wijksturing.worker", "worker"]


def _instructions() -> list[tuple[str, str]]:
    text = (ROOT / "Dockerfile").read_text().replace("\\\n", " ")
    out = []
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            keyword, _, rest = line.partition(" ")
            out.append((keyword.upper(), rest.strip()))
    return out


def test_dockerfile_is_slim_hashed_non_root_and_runs_gunicorn():
    steps = _instructions()
    keywords = {k for k, _ in steps}
    assert keywords <= {"FROM", "ENV", "RUN", "COPY", "WORKDIR", "USER", "VOLUME", "EXPOSE", "HEALTHCHECK", "CMD", "ARG", "LABEL"}
    bases = [rest.split()[0] for k, rest in steps if k == "FROM"]
    assert bases and all(re.fullmatch(r"python:3\.11-slim(-\w+)?", b) for b in bases), bases
    runs = " ".join(rest for k, rest in steps if k == "RUN")
    assert "--require-hashes" in runs and "requirements/base.txt" in " ".join(rest for k, rest in steps if k == "COPY")
    assert "collectstatic" in runs
    users = [rest for k, rest in steps if k == "USER"]
    assert users and users[-1].split(":")[0] not in ("0", "root")
    # the USER comes after every RUN of the final stage
    final = steps[max(i for i, (k, _) in enumerate(steps) if k == "FROM"):]
    last_user = max(i for i, (k, _) in enumerate(final) if k == "USER")
    assert all(k != "RUN" for k, _ in final[last_user:])
    cmd = [rest for k, rest in steps if k == "CMD"][-1]
    assert yaml.safe_load(cmd) == WEB_COMMAND
    assert any(k == "HEALTHCHECK" and "/healthz" in rest for k, rest in steps)
    for source in (rest.split()[-2] for k, rest in steps if k == "COPY" and "--from" not in rest):
        assert (ROOT / source).exists(), source


def test_dockerignore_keeps_the_local_state_out():
    ignored = (ROOT / ".dockerignore").read_text().split()
    assert {".git", ".venv", "var"} <= set(ignored)


def _compose() -> dict:
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def test_compose_has_web_worker_postgresql_and_redis():
    services = _compose()["services"]
    assert {"web", "worker", "db", "redis", "migrate"} <= set(services)
    assert services["db"]["image"].startswith("postgres:15")
    assert services["redis"]["image"].startswith("redis:")
    assert services["web"]["command"] == WEB_COMMAND
    assert services["worker"]["command"][:4] == WORKER_COMMAND
    assert services["migrate"]["command"][-2:] == ["migrate", "--noinput"]
    for name in ("web", "worker"):
        depends = services[name]["depends_on"]
        assert depends["migrate"]["condition"] == "service_completed_successfully"
    assert "/readyz" in " ".join(services["web"]["healthcheck"]["test"])
    # a queue in the same Redis must never be evicted: only keys with an expiry may go
    assert "allkeys" not in " ".join(services["redis"]["command"])


def test_compose_sets_only_settings_that_exist_and_points_them_at_its_services():
    from wijksturing.conf.env import REGISTRY

    services = _compose()["services"]
    environment = services["web"]["environment"]
    assert environment == services["worker"]["environment"]
    unknown = set(environment) - set(REGISTRY)
    assert not unknown, f"not a setting of wijksturing: {unknown}"
    assert environment["DATABASE_URL"].startswith("postgres://") and "@db:5432/" in environment["DATABASE_URL"]
    assert environment["CACHE_URL"].startswith("redis://redis:6379/")
    assert environment["CELERY_BROKER_URL"].startswith("redis://redis:6379/")
    assert environment["CACHE_URL"] != environment["CELERY_BROKER_URL"]
    assert "DJANGO_DEBUG" not in environment  # off by default


def test_deploy_doc_and_ci_run_the_same_commands():
    deploy = (ROOT / "docs" / "deploy.md").read_text()
    ci = (ROOT / ".ci" / "run").read_text()
    assert shlex.join(WEB_COMMAND) in deploy and shlex.join(WORKER_COMMAND) in deploy
    assert "make test" in ci and "WIJKSTURING_TEST_BROKER_URL" in ci and "tests/test_worker.py" in ci
    from tests import test_worker  # starts the processes .ci/run tests, with the documented commands

    assert shlex.join(WEB_COMMAND) == test_worker.WEB and test_worker.WORKER.startswith(shlex.join(WORKER_COMMAND))
    assert test_worker.WORKER in deploy
    from wijksturing.conf.env import REGISTRY

    for name in ("DJANGO_SECRET_KEY", "DATABASE_URL", "CACHE_URL", "CELERY_BROKER_URL", "EMAIL_HOST",
                 "DJANGO_SECURE_PROXY_SSL_HEADER"):
        assert name in REGISTRY and f"`{name}`" in deploy, name


def test_gunicorn_settings_load():
    import runpy

    config = runpy.run_path(str(ROOT / "src" / "wijksturing" / "conf" / "gunicorn.py"))
    assert 1 <= config["workers"] <= 8 and config["worker_class"] == "gthread"
    assert config["max_requests"] > 0 and "%(q)s" not in config["access_log_format"]  # no query strings in the log
    assert "%(h)s" not in config["access_log_format"]  # no client addresses
