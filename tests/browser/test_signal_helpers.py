"""Issue 15 in real headless Chromium (axe-core, WCAG 2.1 A/AA; desktop and 390 px): the report
form's street-map pin keeps everything typed and chosen, the photo included, without a reload;
the category suggestion with its reason; "is dit dezelfde melding?" with a counted "me too";
reopening a handled report from its follow link. The same paths with JavaScript off.

Map tiles come from PDOK: when they cannot be reached (offline CI) the street map drops them and
keeps the boundaries, and the pin works the same — so these tests pass either way."""

from __future__ import annotations

import io
import re

import pytest
from PIL import Image
from playwright.sync_api import expect

pytestmark = pytest.mark.browser
FORM = "/signalen/melden/?gemeente=GM0202"
TEXT = "De lantaarnpaal bij de speeltuin is kapot en brandt niet"


def _png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (40, 30), (200, 80, 40)).save(out, "PNG")
    return out.getvalue()


PHOTO = {"name": "lamp.png", "mimeType": "image/png", "buffer": _png()}


def _tile() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (256, 256), (235, 235, 235)).save(out, "PNG")
    return out.getvalue()


def _context(browser, site, *, width: int = 1280, js: bool = True):
    return browser.new_context(base_url=site, locale="nl-NL", java_script_enabled=js,
                               viewport={"width": width, "height": 900})


def _submit(page):
    with page.expect_navigation():
        page.click("#signal-form > button[type=submit]")


def _report_id(page) -> int:
    return int(re.search(r"\d+", page.locator("h1").inner_text()).group())


def _resolve(browser, site, pk: int, login) -> None:
    context = _context(browser, site)
    staff = context.new_page()
    login(staff, "beheer")
    for status, reply in (("triage", ""), ("resolved", "De lamp is vervangen.")):
        staff.goto(f"/signalen/werk/{pk}/")
        staff.select_option("#id_to_status", status)
        if reply:
            staff.fill("#id_reply", reply)
        with staff.expect_navigation():
            staff.click("form.card:has(#id_to_status) button[type=submit]")
    context.close()


def _axe_without_scripts(browser, site, url: str, axe_check, context: str) -> None:
    """axe needs JavaScript; it runs in a page whose own scripts are blocked, which is what a
    browser without JavaScript renders (a context with JavaScript off cannot run axe)."""
    ctx = _context(browser, site, width=390)
    page = ctx.new_page()
    page.route("**/*.js", lambda route: route.abort())
    page.goto(url)
    axe_check(page, context=context)
    ctx.close()


def _reopen(page, follow_url: str, axe_check=None) -> None:
    page.goto(follow_url)
    assert page.locator(".signal-feedback").count() == 1
    assert "De lantaarnpaal" in page.locator(".signal-repeat").inner_text()  # the report is repeated
    if axe_check is not None:
        axe_check(page, context="follow page after handling")
    page.check("#satisfied-no")
    page.check("#id_reopen")
    page.fill("#id_comment", "Hij brandt nog steeds niet.")
    with page.expect_navigation():
        page.click(".signal-feedback__form button[type=submit]")
    assert "Heropend" in page.locator("dl.card").first.inner_text()
    assert page.locator(".signal-feedback form").count() == 0  # the report is open again: no question


def _map_ready(page):
    page.wait_for_selector("#signal-streetmap")
    expect(page.locator("#signal-streetmap path.leaflet-interactive").first).to_be_attached()
    page.wait_for_timeout(300)  # the fit to the boundaries has settled
    box = page.locator("#signal-streetmap").bounding_box()
    assert box["width"] > 200 and box["height"] > 200


def _click_map_centre(page):
    street = page.locator("#signal-streetmap")
    street.scroll_into_view_if_needed()
    box = street.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)


def _tiles(context, served: bool) -> None:
    """PDOK's tiles served by the test (a grey square) or unreachable (offline CI)."""
    pdok = "https://service.pdok.nl/brt/achtergrondkaart/**"
    if served:
        tile = _tile()
        context.route(pdok, lambda route: route.fulfill(status=200, content_type="image/png", body=tile))
    else:
        context.route(pdok, lambda route: route.abort())


@pytest.mark.parametrize(("width", "tiles"), [(1280, True), (390, False)])
def test_street_map_pin_keeps_the_form_and_finds_the_same_report(browser, site, axe_check, login, width, tiles):
    context = _context(browser, site, width=width)
    _tiles(context, tiles)
    page = context.new_page()
    page.set_default_timeout(20000)
    page.goto(FORM)
    _map_ready(page)
    assert not page.locator("input[name=map]").is_visible()  # the image map gave way to the street map
    if not tiles:  # offline: the boundaries stay, the resident is told, the pin works the same
        expect(page.locator("#signal-map-status")).to_contain_text("niet bereikbaar")
    page.set_input_files("#id_photo", files=[PHOTO])
    page.fill("#id_description", TEXT)
    suggestion = page.locator(".signal-suggestion")
    suggestion.wait_for()
    assert "Straatverlichting" in suggestion.inner_text() and "lantaarnpaal" in suggestion.inner_text()
    page.click(".js-use-category[data-category=straatverlichting]")
    assert page.locator("#id_category").input_value() == "straatverlichting"
    url = page.url
    _click_map_centre(page)
    expect(page.locator("#id_lat")).not_to_have_value("")
    assert page.url == url  # no page round trip
    assert page.locator("#id_description").input_value() == TEXT
    assert page.eval_on_selector("#id_photo", "e => e.files.length") == 1  # the photo stays chosen
    assert page.locator("#id_category").input_value() == "straatverlichting"
    axe_check(page, context=f"report form with street map ({width} px)")
    _submit(page)
    assert "/signalen/volg/" in page.url
    first, follow_url = _report_id(page), page.url

    # a neighbour reports the same lamp: the form shows the open report, "me too" counts
    page.goto(FORM)
    _map_ready(page)
    page.select_option("#id_category", "straatverlichting")
    page.fill("#id_description", "Straatlamp kapot")
    _click_map_centre(page)
    nearby = page.locator(".signal-nearby")
    nearby.wait_for()
    assert f"Melding {first}" in nearby.inner_text()
    axe_check(page, context=f"report form with a nearby report ({width} px)")
    with page.expect_navigation():
        page.click(f"button[formaction='/signalen/{first}/ik-ook/']")
    row = page.locator(f"#melding-{first}")
    assert row.count() == 1 and row.locator("td").last.inner_text().strip() == "1"
    axe_check(page, context="open reports")

    _resolve(browser, site, first, login)
    _reopen(page, follow_url, axe_check)
    context.close()


def test_the_same_paths_without_javascript(browser, site, axe_check, login):
    context = _context(browser, site, js=False, width=390)
    page = context.new_page()
    page.set_default_timeout(20000)
    _axe_without_scripts(browser, site, FORM, axe_check, "report form without scripts")
    page.goto(FORM)
    page.fill("#id_description", TEXT)
    with page.expect_navigation():
        page.click("button[name=check]")  # suggestion without JavaScript: a round trip
    assert "Straatverlichting" in page.locator(".signal-suggestion").inner_text()
    with page.expect_navigation():
        page.click("button[name=use_category][value=straatverlichting]")
    assert page.locator("#id_category").input_value() == "straatverlichting"
    assert page.locator("#id_description").input_value() == TEXT
    page.set_input_files("#id_photo", files=[PHOTO])
    image = page.locator("input[name=map]")
    image.scroll_into_view_if_needed()
    box = image.bounding_box()
    with page.expect_navigation():
        image.click(position={"x": box["width"] * 0.4, "y": box["height"] * 0.45})
    assert page.locator("#id_lat").input_value()
    assert "lamp.png" in page.locator(".signal-photo-kept").inner_text()  # the photo is kept on the server
    _submit(page)
    first, follow_url = _report_id(page), page.url

    page.goto(FORM)
    page.select_option("#id_category", "straatverlichting")
    page.fill("#id_description", "Straatlamp kapot")
    image = page.locator("input[name=map]")
    image.scroll_into_view_if_needed()
    with page.expect_navigation():
        image.click(position={"x": box["width"] * 0.4, "y": box["height"] * 0.45})
    assert f"Melding {first}" in page.locator(".signal-nearby").inner_text()
    with page.expect_navigation():
        page.click(f"button[formaction='/signalen/{first}/ik-ook/']")
    assert page.locator(f"#melding-{first} td").last.inner_text().strip() == "1"

    _resolve(browser, site, first, login)
    _axe_without_scripts(browser, site, follow_url, axe_check, "follow page after handling, without scripts")
    _reopen(page, follow_url)
    context.close()


@pytest.mark.parametrize(("width", "tiles"), [(1280, True), (390, True), (1280, False)])
def test_area_page_street_map_or_its_svg_fallback(browser, site, axe_check, width, tiles):
    """With tiles (served here by the test in PDOK's place) the street map replaces the SVG map
    and its areas are links named on focus; when PDOK cannot be reached the SVG map comes back."""
    context = _context(browser, site, width=width)
    _tiles(context, tiles)
    page = context.new_page()
    page.set_default_timeout(20000)
    page.goto("/gemeente/GM0202/")
    street = page.locator("#area-streetmap")
    page.wait_for_load_state("networkidle")  # the first tiles answered or failed
    assert street.count() == (1 if tiles else 0)
    if tiles:
        link = page.locator("#area-streetmap path[role=link]").first
        expect(link).to_be_attached()
        link.focus()
        expect(page.locator(".leaflet-tooltip")).to_have_text(link.get_attribute("aria-label"))
        assert not page.locator("#area-map").is_visible()
    else:
        assert page.locator("#area-map").is_visible()
    axe_check(page, context=f"area page with map ({width} px)")
    context.close()
