"""Buurtbegroting in a real browser: a round from proposal to published result, with a paper
voting code and a four-eyes paper ballot; axe-core on every public page."""

import re

import pytest

pytestmark = pytest.mark.browser


def change_phase(page, round_id: int, phase: str) -> None:
    page.goto(f"/buurtbegroting/beheer/{round_id}/")
    page.select_option("#id_to_phase", phase)
    page.get_by_role("button", name="Fase wijzigen").click()
    page.wait_for_load_state()
    assert "De fase is nu" in page.content(), page.content()[:2000]


def test_round_from_proposal_to_result(page, browser, site, login, axe_check):
    # the area team of W1 opens a round
    login(page, "gebiedsteam")
    page.goto("/buurtbegroting/beheer/")
    axe_check(page, context="staff: rounds")
    page.fill("#id_title", "Browsertest buurtbegroting")
    page.select_option("#id_area_code", "GM0202|W1")
    page.fill("#id_period", "2030")
    page.fill("#id_budget", "10000")
    page.get_by_role("button", name="Ronde aanmaken").click()
    page.wait_for_load_state()
    round_id = int(re.search(r"/beheer/(\d+)/", page.url).group(1))

    # a resident (no login) sends in two ideas
    resident = browser.new_context(locale="nl-NL", base_url=site).new_page()
    resident.goto("/buurtbegroting/")
    axe_check(resident, context="public: rounds")
    resident.goto(f"/buurtbegroting/{round_id}/")
    axe_check(resident, context="public: round in proposals phase")
    for title, cost in (("Bankjes bij de kerk", "3000"), ("Schommel op het plein", "9000")):
        resident.get_by_role("link", name="Idee indienen").click()
        axe_check(resident, context="public: propose")
        resident.fill("#id_title", title)
        resident.fill("#id_description", "Goed voor jong en oud.")
        resident.fill("#id_estimated_cost", cost)
        resident.get_by_role("button", name="Idee versturen").click()
        resident.wait_for_load_state()
        assert "Bedankt" in resident.content()

    # the area team reviews both and opens voting
    change_phase(page, round_id, "review")
    for title in ("Bankjes bij de kerk", "Schommel op het plein"):
        page.goto(f"/buurtbegroting/beheer/{round_id}/")
        page.get_by_role("link", name=f"Beoordeling {title}").click()
        page.check("#id_feasible_0")
        page.fill("#id_reason", "Kan worden uitgevoerd.")
        page.get_by_role("button", name="Beoordeling opslaan").click()
        page.wait_for_load_state()
    change_phase(page, round_id, "voting")
    page.goto(f"/buurtbegroting/beheer/{round_id}/codes/")
    page.fill("#id_count", "1")
    page.get_by_role("button", name="Codes maken").click()
    code = page.locator(".pb-code").first.inner_text()
    assert re.fullmatch(r"[A-Z0-9]{5}-[A-Z0-9]{5}", code)

    # the resident votes with the paper code, sees the ballot, confirms
    resident.goto(f"/buurtbegroting/{round_id}/")
    resident.get_by_role("link", name="Stemmen", exact=True).click()
    axe_check(resident, context="public: vote")
    resident.fill("#code", code)
    resident.get_by_label(re.compile("Bankjes bij de kerk")).check()
    resident.get_by_role("button", name="Verder: mijn stem nakijken").click()
    assert "Dit is uw stembiljet" in resident.content()
    axe_check(resident, context="public: check your vote")
    resident.get_by_role("button", name="Mijn stem bevestigen").click()
    resident.wait_for_load_state()
    assert "Bedankt voor uw stem" in resident.content()
    axe_check(resident, context="public: voted")
    # the same code cannot vote twice
    resident.goto(f"/buurtbegroting/{round_id}/stemmen/")
    resident.fill("#code", code)
    resident.get_by_label(re.compile("Schommel")).check()
    resident.get_by_role("button", name="Verder: mijn stem nakijken").click()
    assert "al gestemd" in resident.content()

    # a paper ballot: entered by the area team, checked by someone else
    page.goto(f"/buurtbegroting/beheer/{round_id}/papier/")
    page.fill("#paper_ref", "A-1")
    page.get_by_label(re.compile("Bankjes bij de kerk")).check()
    page.get_by_role("button", name="Stembiljet invoeren").click()
    assert "Een collega moet dit biljet controleren" in page.content()
    checker = browser.new_context(locale="nl-NL", base_url=site).new_page()
    login(checker, "beheer")
    checker.goto(f"/buurtbegroting/beheer/{round_id}/papier/")
    checker.get_by_role("button", name="Klopt met het papier A-1").click()
    assert "Er wacht niets op controle" in checker.content()

    # count and publish
    change_phase(page, round_id, "counting")
    page.get_by_role("button", name="Stemmen tellen").click()
    page.wait_for_load_state()
    assert "Geteld" in page.content()
    change_phase(page, round_id, "published")

    resident.goto(f"/buurtbegroting/{round_id}/uitslag/")
    content = resident.content()
    assert "Bankjes bij de kerk" in content and "2 stembiljetten zijn geteld" in content
    winners = resident.get_by_role("table", name="Gekozen projecten en het geld dat ze krijgen").inner_text()
    assert "Bankjes bij de kerk" in winners and "Schommel" not in winners
    axe_check(resident, context="public: result")
    resident.goto(f"/buurtbegroting/{round_id}/")
    axe_check(resident, context="public: round with result")


def test_demo_results_are_accessible(page, axe_check):
    page.goto("/buurtbegroting/")
    for link in page.get_by_role("link", name=re.compile("Assen|CSA 2025")).all()[:2]:
        href = link.get_attribute("href")
        page.goto(href + "uitslag/")
        assert "Zo zijn de winnaars gekozen" in page.content()
        axe_check(page, context=f"demo result {href}")
        page.goto("/buurtbegroting/")
