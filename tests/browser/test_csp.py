"""Issue 16: the strict Content-Security-Policy breaks nothing. Chromium reports every blocked
script, style or image as a console error "… violates the following Content Security Policy
directive …"; on the pages of each kind, anonymous and as staff, there is none, and the theme
colour (an inline <style> allowed by its hash) is applied."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

PUBLIC = ["/", "/?gemeente=GM0202", "/gemeente/GM0202/", "/kaart/?gemeente=GM0202", "/vergelijk/?gemeente=GM0202",
          "/signalen/melden/?gemeente=GM0202", "/buurtbegroting/", "/accounts/inloggen/", "/api/v1/", "/bestaat-niet/"]
STAFF = ["/cockpit/", "/signalen/werk/", "/admin/", "/cockpit/analyse/"]


def visit(page, url: str) -> list[str]:
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if "Content Security Policy" in m.text else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.goto(url)
    page.wait_for_load_state("networkidle")
    return problems


@pytest.mark.parametrize("url", PUBLIC)
def test_no_csp_violation_on_public_pages(page, url):
    assert visit(page, url) == []


def test_the_theme_colour_is_applied(page):
    visit(page, "/gemeente/GM0202/")
    colour = page.evaluate("getComputedStyle(document.body).getPropertyValue('--wijk-colour').trim()")
    assert colour.startswith("#") and len(colour) in (4, 7)


def test_no_csp_violation_on_staff_pages(page, login):
    login(page, "beheer")
    for url in STAFF:
        assert visit(page, url) == [], url


def test_map_colours_from_the_hashed_style_element_are_applied(page):
    assert visit(page, "/kaart/?gemeente=GM0202&indicator=a_inw&niveau=wijk") == []
    fills = page.evaluate("[...document.querySelectorAll('#choro-map path[class*=map-fill-]')]"
                          ".map(p => getComputedStyle(p).fill)")
    assert len(fills) > 10 and len(set(fills)) > 2 and "rgb(223, 230, 239)" not in fills  # not the default grey
