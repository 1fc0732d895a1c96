"""Production processes end to end (`.ci/run`): gunicorn and a Celery worker started from the
documented commands (docs/deploy.md) against the database and Redis. Two gunicorn servers share
the page cache; an import started through the web page is completed by the separate worker
process, and invalidates the cached pages of both servers.

Skipped unless ``WIJKSTURING_TEST_BROKER_URL`` is set (`.ci/run` sets it, with Redis database
numbers of its own); ``WIJKSTURING_TEST_CACHE_URL`` is the shared cache. The processes use the
database of ``DATABASE_URL`` with ``_worker`` appended on PostgreSQL, a SQLite file otherwise.
"""

from __future__ import annotations

import http.cookies
import os
import re
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
import uuid
from pathlib import Path

import pytest

BROKER = os.environ.get("WIJKSTURING_TEST_BROKER_URL", "")
CACHE = os.environ.get("WIJKSTURING_TEST_CACHE_URL", "")
pytestmark = [pytest.mark.worker,
              pytest.mark.skipif(not BROKER, reason="WIJKSTURING_TEST_BROKER_URL not set (.ci/run sets it)")]

BIN = Path(sys.executable).parent
WEB = "gunicorn -c python:wijksturing.conf.gunicorn wijksturing.wsgi"  # docs/deploy.md
WORKER = "celery -A wijksturing.worker worker --loglevel INFO --concurrency 2 --max-tasks-per-child 50"
PASSWORD = "ci-" + uuid.uuid4().hex
SETUP = f"""
from wijksturing.web.tests.factories import make_world
from wijksturing.accounts.models import Role, User
from wijksturing.accounts.services import membership_grant
from wijksturing.areas.models import Municipality
make_world()
user = User.objects.create_user("ci-analist", password={PASSWORD!r}, is_staff=True)
membership_grant(user=user, municipality=Municipality.objects.get(code="GM9999"), role=Role.ANALYST)
"""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _database_url(tmp: Path) -> str:
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith("postgres"):
        import psycopg

        base, _, name = url.rpartition("/")
        target = f"{name}_worker"
        with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{target}" WITH (FORCE)')
            conn.execute(f'CREATE DATABASE "{target}"')
        return f"{base}/{target}"
    return f"sqlite:///{tmp / 'worker.sqlite3'}"


def _wait(url: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2).read()
            return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"{url} did not answer")


@pytest.fixture(scope="module")
def servers():
    import redis

    for url in (BROKER, CACHE):
        redis.Redis.from_url(url).flushdb()
    tmp = Path(tempfile.mkdtemp(prefix="wijksturing-worker-"))
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "WIJKSTURING_", "CELERY_"))}
    env.update(
        DJANGO_SETTINGS_MODULE="wijksturing.conf.settings", DJANGO_SECRET_KEY=uuid.uuid4().hex * 2,
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost", DJANGO_SECURE_PROXY_SSL_HEADER="HTTP_X_FORWARDED_PROTO,https",
        DATABASE_URL=_database_url(tmp), CACHE_URL=CACHE, CELERY_BROKER_URL=BROKER,
        WIJKSTURING_VAR_DIR=str(tmp / "var"), DJANGO_STATIC_ROOT=str(tmp / "static"), WIJKSTURING_LOG_FORMAT="json",
        DJANGO_SECURE_HSTS_SECONDS="0",
    )
    cli = [sys.executable, "-m", "wijksturing.cli"]
    subprocess.run(cli + ["migrate", "--noinput", "-v0"], env=env, check=True)
    subprocess.run(cli + ["collectstatic", "--noinput", "-v0"], env=env, check=True)
    subprocess.run(cli + ["shell", "-c", SETUP], env=env, check=True)
    logs = []
    processes = []

    def start(command: str, *extra: str) -> subprocess.Popen:
        log = open(tmp / f"log{len(processes)}.txt", "w+")  # noqa: SIM115 — closed below
        logs.append(log)
        args = shlex.split(command)
        args[0] = str(BIN / args[0])
        process = subprocess.Popen(args + list(extra), env=env, stdout=log, stderr=subprocess.STDOUT,
                                   start_new_session=True)
        processes.append(process)
        return process

    ports = [_free_port(), _free_port()]
    for port in ports:  # two servers of one process each: which one answers is known
        start(WEB, "--bind", f"127.0.0.1:{port}", "--workers", "1")
    start(WORKER, "--hostname", f"ci-{uuid.uuid4().hex[:6]}@%h")
    urls = [f"http://127.0.0.1:{port}" for port in ports]
    try:
        for url in urls:
            _wait(url + "/healthz")
        yield {"urls": urls, "env": env, "tmp": tmp}
    finally:
        for process in processes:
            with_group = os.getpgid(process.pid)
            os.killpg(with_group, signal.SIGTERM)
        for process in processes:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(os.getpgid(process.pid), signal.SIGKILL)
        for log in logs:
            log.seek(0)
            tail = log.read()[-3000:]
            if tail.strip():
                print(f"--- {log.name}\n{tail}")
            log.close()
        shutil.rmtree(tmp, ignore_errors=True)


# one site name for both servers, as behind a load balancer that ends TLS
HOST = {"Host": "localhost", "X-Forwarded-Proto": "https"}


def _get(url: str) -> tuple[int, dict, str]:
    with urllib.request.urlopen(urllib.request.Request(url, headers=HOST), timeout=20) as response:
        return response.status, dict(response.headers), response.read().decode()


class _Browser:
    """Signs in through the login form and keeps its cookies (secure cookies: the site is https
    behind the proxy, so a cookie jar for http://127.0.0.1 would drop them)."""

    def __init__(self, base: str):
        self.base = base
        self.cookies: dict[str, str] = {}
        self.opener = urllib.request.build_opener(_NoRedirect)

    def _open(self, request: urllib.request.Request) -> tuple[int, str, str]:
        request.add_header("Cookie", "; ".join(f"{k}={v}" for k, v in self.cookies.items()))
        try:
            response = self.opener.open(request, timeout=60)
        except urllib.error.HTTPError as error:  # a redirect (see _NoRedirect) or an error
            response = error
        for header in response.headers.get_all("Set-Cookie") or []:
            morsel = http.cookies.SimpleCookie(header)
            self.cookies.update({name: m.value for name, m in morsel.items()})
        return response.status, response.headers.get("Location", ""), response.read().decode()

    def get(self, path: str) -> str:
        status, _, body = self._open(urllib.request.Request(self.base + path, headers=HOST))
        assert status == 200, (path, status)
        return body

    def csrf(self) -> str:
        return self.cookies["csrftoken"]

    def post(self, path: str, body: bytes, content_type: str) -> tuple[int, str]:
        request = urllib.request.Request(self.base + path, data=body, method="POST", headers={
            "Content-Type": content_type, "X-CSRFToken": self.csrf(), "Referer": "https://localhost" + path, **HOST})
        status, location, _ = self._open(request)
        return status, location

    def login(self, username: str, password: str) -> None:
        self.get("/accounts/inloggen/")
        body = urllib.parse.urlencode({"username": username, "password": password,
                                       "csrfmiddlewaretoken": self.csrf()}).encode()
        status, _ = self.post("/accounts/inloggen/", body, "application/x-www-form-urlencoded")
        assert status == 302 and "sessionid" in self.cookies, f"sign-in failed ({status})"


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def _multipart(fields: dict[str, str], file_field: str, filename: str, content: bytes) -> tuple[bytes, str]:
    boundary = uuid.uuid4().hex
    parts = [f'--{boundary}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n'.encode() for k, v in fields.items()]
    parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{file_field}"; filename="{filename}"\r\n'
                 f"Content-Type: text/csv\r\n\r\n".encode() + content + b"\r\n")
    return b"".join(parts) + f"--{boundary}--\r\n".encode(), f"multipart/form-data; boundary={boundary}"


def test_readiness_sees_database_cache_and_worker(servers):
    deadline = time.monotonic() + 60
    while True:
        try:
            status, _, body = _get(servers["urls"][0] + "/readyz")
            break
        except urllib.error.HTTPError as error:  # 503 until the worker's first heartbeat
            if time.monotonic() > deadline:
                raise AssertionError(error.read().decode()) from None
            time.sleep(1)
    assert status == 200 and '"worker": true' in body


def test_two_servers_share_the_page_cache_and_an_import_by_the_worker_renews_both(servers):
    a, b = servers["urls"]
    page = "/buurt/BU99990101/?jaar=2024"
    assert _get(a + page)[1]["X-Cache"] == "miss"
    assert _get(a + page)[1]["X-Cache"] == "hit"
    assert _get(b + page)[1]["X-Cache"] == "hit"  # stored by the other process
    assert _get(b + page + "&x=" + uuid.uuid4().hex)[1]["X-Cache"] == "hit"  # an unknown parameter changes nothing

    browser = _Browser(a)
    browser.login("ci-analist", PASSWORD)
    body, content_type = _multipart({"year": "2024", "municipality": "GM9999", "csrfmiddlewaretoken": browser.csrf()},
                                    "file", "eigen.csv", b"code,g_woz\nBU99990101,777\nBU99990102,888\n")
    status, location = browser.post("/cockpit/analyse/imports/nieuw/", body, content_type)
    assert status == 302, status
    run = int(re.search(r"/imports/(\d+)/", location).group(1))
    # the web process only queued it: the worker process does the import
    deadline = time.monotonic() + 90
    while True:
        state = browser.get(f"/cockpit/analyse/imports/{run}/status.json")
        if '"status": "running"' not in state:
            break
        assert time.monotonic() < deadline, state
        time.sleep(0.5)
    assert '"status": "succeeded"' in state and '"progress": 1.0' in state, state
    worker_log = (servers["tmp"] / "log2.txt").read_text()
    assert re.search(r"Task monitor\.import_file\[[\w-]+\] succeeded", worker_log), worker_log[-2000:]

    # both servers build the page anew (each reads the data version at most every few seconds)
    for server in (a, b):
        deadline = time.monotonic() + 15
        while True:
            _, headers, html = _get(server + page)
            if "777" in html:
                break
            assert time.monotonic() < deadline, f"{server} still serves the old page"
            time.sleep(0.5)
    assert _get(b + page)[1]["X-Cache"] == "hit"
