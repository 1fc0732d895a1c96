"""Browser tests: a real server process with the demo loaded once per session, driven by
Debian's Chromium through Playwright, with axe-core checking WCAG 2.1 A/AA.

Fixtures for every app's browser tests:
- ``site``: the base URL of the running server (demo of Arnhem and Nijmegen loaded,
  demo users present, see accounts/demo.py);
- ``page``: a fresh Playwright page (Dutch locale) per test;
- ``axe_check(page)``: fails with a readable list when axe finds WCAG 2.1 A/AA violations;
- ``login(page, username)``: logs a demo user in through the login form.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("WIJKSTURING_CHROMIUM", "/usr/bin/chromium")
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
DEMO_PASSWORD = "demo-wachtwoord"



def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _database_url(tmp: Path) -> str:
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith("postgres"):
        import psycopg

        base, _, _name = url.rpartition("/")
        with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
            conn.execute("DROP DATABASE IF EXISTS wijksturing_browser WITH (FORCE)")
            conn.execute("CREATE DATABASE wijksturing_browser")
        return f"{base}/wijksturing_browser"
    return f"sqlite:///{tmp / 'browser.sqlite3'}"


def _missing() -> str | None:
    """Why the browser tests cannot run here, or None."""
    if not Path(CHROMIUM).exists():
        return f"no Chromium at {CHROMIUM} (apt-get install chromium, or set WIJKSTURING_CHROMIUM)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "Playwright is not installed (pip install -r requirements/dev.txt)"
    return None


_SKIPPED: list[str] = []


def pytest_collection_modifyitems(config, items):
    """Without Chromium the browser tests are left out and reported in one line at the end."""
    reason = _missing()
    if reason is None:
        return
    here = Path(__file__).parent
    browser_items = [item for item in items if here in Path(str(item.fspath)).parents]
    if browser_items:
        items[:] = [item for item in items if item not in browser_items]
        config.hook.pytest_deselected(items=browser_items)
        _SKIPPED.append(f"{len(browser_items)} browser tests skipped: {reason}")


def pytest_terminal_summary(terminalreporter):
    for line in _SKIPPED:
        terminalreporter.write_line(line, yellow=True)


@pytest.fixture(scope="session")
def chromium() -> str:
    """Skips every browser test, reported as one line, when there is no Chromium (`make test`
    installs Debian's when it runs as root)."""
    reason = _missing()
    if reason:
        pytest.skip(f"browser tests skipped: {reason}")
    return CHROMIUM


@pytest.fixture(scope="session")
def site(chromium):
    tmp = Path(tempfile.mkdtemp(prefix="wijksturing-browser-"))
    env = dict(os.environ)
    env.update(
        WIJKSTURING_VAR_DIR=str(tmp),
        DATABASE_URL=_database_url(tmp),
        WIJKSTURING_DEMO_PASSWORD=DEMO_PASSWORD,
        DJANGO_DEBUG="true",
        DJANGO_SETTINGS_MODULE="wijksturing.conf.settings",
    )
    cli = [sys.executable, "-m", "wijksturing.cli"]
    subprocess.run(cli + ["migrate", "--noinput", "-v0"], env=env, check=True)
    subprocess.run(cli + ["demo", "--offline"], env=env, check=True, stdout=subprocess.DEVNULL)
    port = _free_port()
    server = subprocess.Popen(
        cli + ["runserver", f"127.0.0.1:{port}", "--noreload"],
        # the request log goes to a file: a pipe nobody reads fills up after a few hundred
        # requests (the crawl makes more) and then blocks the server
        env=env, stdout=subprocess.DEVNULL, stderr=(tmp / "server.log").open("wb"),
    )
    url = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(url + "/", timeout=2)
            break
        except OSError:
            time.sleep(0.2)
    else:
        server.kill()
        raise RuntimeError("the test server did not start")
    yield url
    server.terminate()
    server.wait(timeout=10)
    shutil.rmtree(tmp, ignore_errors=True)


@pytest.fixture(scope="session")
def browser(chromium):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium,
            args=["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(site, browser):
    context = browser.new_context(locale="nl-NL", base_url=site, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15000)
    yield page
    context.close()


@pytest.fixture
def axe_check():
    import axe_playwright_python

    source = (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text()

    def check(page, *, context: str = "") -> None:
        page.evaluate(source)
        result = page.evaluate(
            "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS
        )
        violations = result["violations"]

        def targets(violation) -> str:
            nodes = violation["nodes"][:5]
            return "; ".join(n["target"][0] if isinstance(n["target"][0], str) else str(n["target"]) for n in nodes)

        lines = [f"{v['id']} ({v['impact']}): {v['help']} — " + targets(v) for v in violations]
        assert not violations, f"axe found WCAG violations on {context or page.url}:\n" + "\n".join(lines)

    return check


@pytest.fixture
def login():
    def do_login(page, username: str, password: str = DEMO_PASSWORD) -> None:
        page.goto("/accounts/inloggen/")
        page.fill("input[name=username]", username)
        page.fill("input[name=password]", password)
        page.click("main button[type=submit]")
        page.wait_for_load_state()

    return do_login
