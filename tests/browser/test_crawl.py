"""Every internal link answers (issue 14): a crawl of the demo from its home page and the area
pages, as a visitor, as the area team (``gebiedsteam``) and as the administrator (``beheer``),
that fails on any 4xx or 5xx and lists each broken link with the page that links to it.

Links are fetched with the browser context's own HTTP client (its cookies, no rendering), which
is fast enough to follow every link a visitor meets. To stay bounded (well under two minutes for
the three crawls together) a link is followed only while fewer than ``per_pattern`` links of its
pattern have been visited: the path with its numbers as ``N`` and the names (not the values) of
its query parameters, so ``/buurt/BU02020100/`` and ``/buurt/BU02680737/`` are one pattern,
``/wijk/WK020202/cijfer/a_inw/`` and ``/wijk/WK026801/cijfer/g_woz/`` another, and
``/vergelijk/?gemeente=…&gebied=…`` a third. A visitor gets a generous cap (every kind of area
page and the links on them), staff a small one. The API's own browsable pages, the admin's forms
and downloads are visited but not read for further links; the admin's sorting and filter links
are left alone.
"""

from __future__ import annotations

import re
import time
from collections import Counter
from html.parser import HTMLParser
from urllib.parse import parse_qsl, urljoin, urlsplit, urlunsplit

import pytest
from playwright.sync_api import Error as PlaywrightError

pytestmark = pytest.mark.browser

TIMEOUT_MS = 30000
#: where a crawl starts: the home page and the pages of both demo municipalities
START = ["/", "/gemeente/GM0202/", "/gemeente/GM0268/", "/gemeente/GM0202/gebied/W1/", "/wijk/WK020202/",
         "/buurt/BU02020211/"]
STAFF_START = {"gebiedsteam": ["/cockpit/"], "beheer": ["/cockpit/", "/cockpit/analyse/", "/admin/"]}
#: never followed: they change state on GET or only sign out
SKIP = re.compile(r"/(uitloggen|logout)/|/admin/.*/delete/|/i18n/|/taal/")
#: visited, but their links are not followed
LEAVES = re.compile(r"^/api/|/static/|/media/|\.(pdf|csv|json|geojson|xlsx|pb|svg|png|ico)$")


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "a" and a.get("href"):
            self.links.append(a["href"])
        elif tag in ("link", "script", "img") and (a.get("href") or a.get("src")):
            self.links.append(a.get("href") or a.get("src"))


def pattern(url: str) -> str:
    """``/wijk/*/cijfer/*/?formaat``: the path with every code (a segment holding a digit, an
    underscore or a capital: WK020202, a_inw, SD07, 17) as ``*``, and the query's names."""
    parts = urlsplit(url)
    keys = ",".join(sorted({k for k, _ in parse_qsl(parts.query, keep_blank_values=True)}))
    path = "/".join("*" if re.search(r"[\d_A-Z]", segment) else segment for segment in parts.path.split("/"))
    return re.sub(r"\d+", "N", path) + "?" + keys


def crawl(page, site: str, start: list[str], *, per_pattern: int) -> tuple[list[str], int]:
    """Follow internal links breadth first from ``start``; returns (broken links, URLs visited)."""
    api = page.context.request
    host = urlsplit(site).netloc
    queue = [(site + s, "(start)") for s in start]
    seen = {u for u, _ in queue}
    counts: Counter[str] = Counter(pattern(u) for u, _ in queue)
    broken, visited = [], 0
    while queue:
        url, referrer = queue.pop(0)
        visited += 1
        try:
            response = api.get(url, max_redirects=5, timeout=TIMEOUT_MS)
        except PlaywrightError as error:  # a page that does not answer in time is broken too
            broken.append(f"no answer in {TIMEOUT_MS // 1000} s ({type(error).__name__}) {url.removeprefix(site)}  "
                          f"(linked from {referrer.removeprefix(site)})")
            continue
        if response.status >= 400:
            broken.append(f"{response.status} {url.removeprefix(site)}  (linked from {referrer.removeprefix(site)})")
            continue
        path = urlsplit(response.url).path
        if "text/html" not in response.headers.get("content-type", "") or LEAVES.search(path):
            continue
        if path.startswith("/admin/") and len(path.strip("/").split("/")) > 3:
            continue  # the admin's index and lists are read, its forms only visited
        parser = _Links()
        parser.feed(response.text())
        for href in parser.links:
            target = urljoin(response.url, href)
            parts = urlsplit(target)
            if parts.scheme not in ("http", "https") or parts.netloc != host:
                continue
            target = urlunsplit((parts.scheme, parts.netloc, parts.path, parts.query, ""))
            if target in seen or SKIP.search(parts.path):
                continue
            if parts.path.startswith("/admin/") and parts.query:
                continue  # the admin's sorting and filter links: one list per model is enough
            key = pattern(target)
            if counts[key] >= per_pattern:
                continue
            counts[key] += 1
            seen.add(target)
            queue.append((target, url))
    return broken, visited


def test_every_link_a_visitor_meets_answers(page, site):
    started = time.monotonic()
    broken, visited = crawl(page, site, START, per_pattern=12)
    print(f"\ncrawl as a visitor: {visited} URLs in {time.monotonic() - started:.0f} s")
    assert visited > 150, f"only {visited} URLs reached: the crawl does not get far"
    assert broken == [], f"{len(broken)} of {visited} links answer with an error:\n" + "\n".join(broken)


@pytest.mark.parametrize("username", ["gebiedsteam", "beheer"])
def test_every_link_staff_meet_answers(page, site, login, username):
    login(page, username)
    assert "/accounts/inloggen/" not in page.url, f"{username} could not log in"
    started = time.monotonic()
    broken, visited = crawl(page, site, START + STAFF_START[username], per_pattern=3)
    print(f"\ncrawl as {username}: {visited} URLs in {time.monotonic() - started:.0f} s")
    assert visited > 50
    assert broken == [], f"{len(broken)} of {visited} links answer with an error for {username}:\n" + "\n".join(broken)


def test_the_crawl_reports_a_broken_link(page, site):
    """The crawl can fail: a page that links to a missing page is reported with its referrer."""
    broken, visited = crawl(page, site, ["/bestaat-niet/"], per_pattern=1)
    assert visited == 1 and broken == ["404 /bestaat-niet/  (linked from (start))"]
