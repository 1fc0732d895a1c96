"""Area programme, goal and budget pages in headless Chromium, checked with axe-core."""

import pytest

pytestmark = pytest.mark.browser


def test_programme_page(page, axe_check):
    page.goto("/gemeente/GM0202/gebied/W1/programma/")
    assert "Centrum, Spijkerkwartier en Arnhemse Broek" in page.locator("h1").inner_text()
    themes = page.locator("main h2").all_inner_texts()
    assert "Integrale leefbaarheidsaanpak" in themes and "Leefklimaat / duurzaamheid" in themes
    assert page.get_by_text("meer ogen en oren op straat").count() == 1
    assert page.get_by_text("Inclusief Arnhem").count() >= 1
    axe_check(page, context="programme page")


def test_goal_page_with_chart_and_table(page, axe_check):
    page.goto("/gemeente/GM0202/programmas/")
    page.get_by_role("link", name="Verhoging sociale kwaliteit", exact=False).click()
    page.get_by_role("link", name="Bewoners werken", exact=False).click()
    assert page.locator("figure.chart svg[role=img]").count() == 1
    table = page.locator("table", has=page.locator("caption", has_text="per jaar"))
    assert table.locator("tbody tr").count() >= 3  # baseline, figures, target
    assert page.get_by_text("op koers").count() >= 1  # computed from the real vacancy figures
    axe_check(page, context="goal page")


def test_budget_page(page, axe_check):
    page.goto("/gemeente/GM0202/gebied/W1/budget/")
    assert page.get_by_text("voorbeeldbedragen").count() == 1  # illustrative, and says so
    assert page.get_by_text("Er is meer toegezegd dan het budget.").count() >= 1
    assert page.locator("tbody tr").count() >= 7
    axe_check(page, context="budget page")


def _login(page, username: str) -> None:
    # the submit button inside <main>: the header also holds a (language) submit button
    from tests.browser.conftest import DEMO_PASSWORD

    page.goto("/accounts/inloggen/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", DEMO_PASSWORD)
    page.locator("main button[type=submit]").click()
    page.wait_for_load_state()


def test_area_team_edits_its_goal(page, axe_check):
    _login(page, "gebiedsteam")
    page.goto("/gemeente/GM0202/gebied/W1/programma/")
    page.get_by_role("link", name="Laagdrempelige ontmoetingsplekken", exact=False).click()
    page.get_by_role("link", name="Doel bewerken").click()
    axe_check(page, context="goal edit form")
    page.get_by_label("voor wie", exact=False).fill("Alle bewoners van CSA en hun gasten")
    page.get_by_role("button", name="Opslaan").click()
    assert page.get_by_text("Alle bewoners van CSA en hun gasten").count() == 1
