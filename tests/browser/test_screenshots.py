"""``make screenshots``: PNGs of the main pages at desktop (1280) and phone (390) width in
var/screenshots/."""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

OUT = Path(__file__).resolve().parents[2] / "var" / "screenshots"
PAGES = {
    "home": "/?gemeente=GM0202",
    "gemeente": "/gemeente/GM0202/",
    "wijk": "/wijk/WK020202/",
    "buurt": "/buurt/BU02020211/",
    "kaart": "/kaart/?gemeente=GM0202&niveau=buurt&indicator=a_inw",
    "vergelijk": "/vergelijk/?gemeente=GM0202&gebied=WK020202&gebied=WK020201&gebied=WK020203",
    "rapport": "/wijk/WK020202/rapport/",
}
WIDTHS = {"desktop": 1280, "phone": 390}


@pytest.mark.parametrize("width_name", list(WIDTHS))
def test_screenshots(browser, site, login, width_name):
    OUT.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(locale="nl-NL", base_url=site, viewport={"width": WIDTHS[width_name], "height": 900})
    page = context.new_page()
    written = []
    for name, url in PAGES.items():
        assert page.goto(url).status == 200, url
        path = OUT / f"{name}-{width_name}.png"
        page.screenshot(path=str(path), full_page=True)
        written.append(path)
    login(page, "gebiedsteam")
    assert page.goto("/cockpit/GM0202/W1/").status == 200
    page.screenshot(path=str(OUT / f"cockpit-{width_name}.png"), full_page=True)
    written.append(OUT / f"cockpit-{width_name}.png")
    context.close()
    assert all(p.stat().st_size > 5000 for p in written)
