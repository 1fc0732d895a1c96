"""Krachten in de wijk in a real browser: the area team (demo user gebiedsteam, gebied W1 of
Arnhem) registers an organisation with consent, the organisation opens its own link without an
account, confirms and proposes a change, the area team accepts it, and a resident finds the
organisation on the area page (map and list, theme filter) and on the municipality's map.
axe-core (WCAG 2.1 A/AA) on every page."""

import re

import pytest

pytestmark = pytest.mark.browser

NAME = "Repair Café Spijkerkwartier"


def test_register_confirm_change_review_and_find(page, browser, site, login, axe_check):
    login(page, "gebiedsteam")
    page.goto("/krachten/GM0202/beheer/")
    axe_check(page, context="register list (area team)")
    assert page.locator("table").count() == 1
    with page.expect_navigation():
        page.locator("a[href$='/beheer/nieuw/']").first.click()
    axe_check(page, context="registration form")
    page.fill("#id_name", NAME + " (concept)")
    page.select_option("#id_kind", "initiative")
    page.fill("#id_description", "Bewoners repareren samen spullen, elke eerste zaterdag van de maand.")
    page.check("input[name=themes][value=green]")
    page.check("input[name=areas][value=W1]")
    page.fill("#id_place_name", "Buurtkamer")
    page.fill("#id_address", "Voorbeeldstraat 10")
    page.fill("#id_city", "Arnhem")
    page.fill("#id_lat", "51,9846")
    page.fill("#id_lon", "5,9178")
    page.fill("#id_opening_hours", "eerste zaterdag 10:00–13:00")
    page.fill("#id_contact_name", "Ria Voorbeeld")
    page.fill("#id_contact_email", "ria@repaircafe.example")
    page.fill("#id_consent_by", "Ria Voorbeeld, coördinator")
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    link = page.input_value("#own-link")
    assert re.search(r"/krachten/eigen/[A-Za-z0-9_-]{40,}/$", link)
    axe_check(page, context="link shown once")

    # the organisation, without an account
    own = browser.new_context(locale="nl-NL", base_url=site).new_page()
    own.goto(link)
    axe_check(own, context="own entry page")
    with own.expect_navigation():
        own.locator("form:has(input[value=confirm]) button[type=submit]").click()
    assert own.locator("main .alert--success").count() == 1
    own.fill("#id_name", NAME)
    own.fill("#id_opening_hours", "eerste en derde zaterdag 10:00–13:00")
    with own.expect_navigation():
        own.locator("form:has(input[value=change]) button[type=submit]").click()
    assert own.locator("main .alert--success").count() == 1
    assert own.locator("main .alert--info").count() == 1  # one change waiting
    axe_check(own, context="own entry page after proposing a change")

    # the area team reviews
    page.goto("/krachten/GM0202/beheer/")
    with page.expect_navigation():
        page.locator(f"a:text-is('{NAME} (concept)')").click()
    axe_check(page, context="manage page with a change waiting")
    assert NAME in page.content()
    with page.expect_navigation():
        page.locator("button[name=action][value=accept]").first.click()
    assert page.locator("h1").inner_text().strip() == NAME
    axe_check(page, context="manage page after accepting")

    # the cockpit of W1 shows the register's panel
    page.goto("/cockpit/GM0202/W1/")
    module = page.locator("section.module--organisations")
    assert module.locator("a[href='/krachten/GM0202/beheer/?verouderd=1']").count() == 1
    axe_check(page, context="cockpit with the strengths panel")

    # a resident finds it on the area page and the map
    resident = browser.new_context(locale="nl-NL", base_url=site).new_page()
    resident.goto("/gemeente/GM0202/gebied/W1/")
    panel = resident.locator("section.module-panel--organisations")
    assert panel.count() == 1
    assert panel.locator(f"a:text-is('{NAME}')").count() == 1
    assert panel.locator("svg circle").count() >= 1
    assert panel.locator("svg g title", has_text=NAME).count() == 1
    assert "illustratief" in panel.inner_text().lower() or "illustrative" in panel.inner_text().lower()
    axe_check(resident, context="area page with the strengths panel")
    with resident.expect_navigation():
        panel.locator("a[href='?thema=green#krachten']").click()
    filtered = resident.locator("section.module-panel--organisations")
    assert filtered.locator(f"a:text-is('{NAME}')").count() == 1
    assert filtered.locator("a:text-is('Ontmoetingsplek De Spijker (voorbeeld)')").count() == 0
    with resident.expect_navigation():
        filtered.locator(f"a:text-is('{NAME}')").click()
    assert "eerste en derde zaterdag" in resident.content() and "ria@repaircafe.example" not in resident.content()
    axe_check(resident, context="organisation page")
    resident.goto("/krachten/GM0202/")
    assert resident.locator("svg g title", has_text=NAME).count() == 1
    assert resident.locator("a:text-is('Jongereninitiatief Broek (voorbeeld, nog geen toestemming)')").count() == 0
    axe_check(resident, context="municipality's list and map")
    resident.set_viewport_size({"width": 390, "height": 844})
    resident.goto("/krachten/GM0202/")
    axe_check(resident, context="list and map at 390 px")
