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


def test_area_team_builds_a_theme_with_a_goal_and_an_intended_result(page, axe_check):
    _login(page, "gebiedsteam")
    page.goto("/gemeente/GM0202/gebied/W1/programma/")
    page.get_by_role("link", name="Thema toevoegen").click()
    axe_check(page, context="theme form")
    page.get_by_role("button", name="Opslaan").click()  # empty: the errors are named per field
    assert page.locator("#error-summary").count() == 1
    assert page.locator("#id_title_error").inner_text() == "Vul dit in."
    axe_check(page, context="theme form with errors")

    page.get_by_label("Naam van het thema").fill("Samen aan de slag in het Broek")
    page.get_by_label("Waar gaat het over?").fill("Bewoners willen meer samen doen in het Arnhemse Broek.")
    page.get_by_label("Inclusief Arnhem", exact=True).check()
    page.get_by_label("Hoe draagt dit thema bij aan “Inclusief Arnhem”?").fill("Iedereen kan meedoen.")
    page.get_by_role("button", name="Opslaan").click()
    theme = page.locator("section.programme-theme", has=page.get_by_role("heading", name="Samen aan de slag in het Broek"))
    assert theme.get_by_text("Iedereen kan meedoen.").count() == 1

    theme.get_by_role("link", name="Doel toevoegen").click()
    axe_check(page, context="goal form")
    page.get_by_label("Wat wilt u bereiken?").fill("Meer bewoners van het Broek doen mee in hun buurt")
    page.get_by_label("Waarom is dit nodig?").fill("Bewoners kennen elkaar weinig.")
    page.get_by_label("Voor wie?").fill("Bewoners van het Arnhemse Broek")
    page.get_by_label("Wie is verantwoordelijk?").fill("Team leefomgeving CSA")
    page.get_by_role("button", name="Opslaan").click()
    assert page.locator("h1").inner_text() == "Meer bewoners van het Broek doen mee in hun buurt"

    page.get_by_role("link", name="Beoogd resultaat toevoegen").click()
    axe_check(page, context="intended result form")
    page.get_by_label("Beoogd resultaat").fill("Elke maand een buurtmaaltijd in het Broek")
    page.get_by_role("button", name="Opslaan").click()
    assert page.get_by_role("heading", name="Elke maand een buurtmaaltijd in het Broek").count() == 1

    page.goto("/gemeente/GM0202/gebied/W1/programma/")
    theme = page.locator("section.programme-theme", has=page.get_by_role("heading", name="Samen aan de slag in het Broek"))
    assert theme.get_by_role("link", name="Meer bewoners van het Broek doen mee in hun buurt", exact=True).count() == 1
    assert theme.get_by_text("Elke maand een buurtmaaltijd in het Broek").count() == 1
    axe_check(page, context="programme page for the area team")
