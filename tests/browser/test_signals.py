"""The public report form in real headless Chromium, with axe-core (WCAG 2.1 A/AA), and the
staff work list after login."""

import pytest

pytestmark = pytest.mark.browser


def test_report_form_is_accessible_and_works(page, axe_check):
    page.goto("/signalen/melden/?gemeente=GM0202")
    assert page.locator("h1").inner_text()
    axe_check(page, context="report form")
    page.select_option("#id_category", index=1)
    page.fill("#id_description", "Er ligt een omgevallen boom op het pad.")
    page.click("button[type=submit]")  # no place given: the form names the field
    assert page.locator(".form-field__error").count() >= 1
    axe_check(page, context="report form with errors")
    page.fill("#id_address", "Bij de speeltuin")
    page.fill("#id_email", "melder@example.org")
    page.check("#id_consent")
    page.click("button[type=submit]")
    page.wait_for_url("**/signalen/volg/**")
    assert "melder@example.org" not in page.content()
    axe_check(page, context="follow page")


def test_map_click_without_javascript(browser, site):
    context = browser.new_context(base_url=site, java_script_enabled=False, locale="nl-NL")
    page = context.new_page()
    page.goto("/signalen/melden/?gemeente=GM0202")
    page.select_option("#id_category", index=1)
    page.fill("#id_description", "Kapotte lantaarnpaal")
    image = page.locator("input[name=map]")
    image.scroll_into_view_if_needed()
    box = image.bounding_box()
    assert box["width"] > 100, "the map image did not load"
    with page.expect_navigation():
        image.click(position={"x": box["width"] / 2, "y": box["height"] / 2})
    assert page.locator("#id_lat").input_value() and page.locator("#id_lon").input_value()
    page.click("button[type=submit]")
    page.wait_for_url("**/signalen/volg/**")
    context.close()


def test_staff_work_list(page, login, axe_check):
    login(page, "gebiedsteam")
    page.goto("/signalen/werk/?gemeente=GM0202")
    assert page.locator("table.work-list").count() == 1
    axe_check(page, context="work list")
