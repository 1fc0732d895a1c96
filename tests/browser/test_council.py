"""The council's view in headless Chromium with axe-core (issue 10): a council member follows
gebied W1 of Arnhem, reads the latest published gebiedsrapportage (which shows what changed
since the first), asks the area team a question; the area team answers on the record; the
answer shows on the public report."""

import re

import pytest

pytestmark = pytest.mark.browser

GEBIED_REPORTS = "/gemeente/GM0202/gebied/W1/gebiedsrapportages/"
QUESTION = "Hoeveel bewoners bereikt de nieuwe ontmoetingsplek in het Spijkerkwartier?"
ANSWER = "Naar verwachting 150 bewoners per maand; we rapporteren het aantal in de volgende rapportage."


def _latest_report(page) -> str:
    page.goto(GEBIED_REPORTS)
    links = page.locator("section[aria-labelledby=g-reports] ul li a[href^='/gebiedsrapportage/']")
    assert links.count() == 2  # the demo's two published reports of W1
    return links.first.get_attribute("href")


def test_council_follows_asks_and_area_team_answers(page, axe_check, login):
    login(page, "raad")
    page.goto(GEBIED_REPORTS)
    axe_check(page, context="the reports of a gebied (council member)")
    page.get_by_role("button", name=re.compile(r"volgen$")).click()
    assert page.get_by_text("U volgt Centrum").count() == 1
    assert page.get_by_role("button", name=re.compile(r"niet meer volgen$")).count() == 1
    href = _latest_report(page)
    page.goto(href)
    assert "Gebiedsrapportage" in page.locator("h1").inner_text()
    # the second report shows what changed since the first: a goal's status and a budget shift
    changed = page.locator("section", has=page.locator("h2", has_text="Wat is er veranderd"))
    assert changed.get_by_text("Doelen waarvan de status veranderde").count() == 1
    assert changed.get_by_text("welzijn").count() == 1
    axe_check(page, context="published area report (council member)")
    page.get_by_label("Uw vraag aan het gebiedsteam").fill(QUESTION)
    page.get_by_role("button", name="Vraag stellen aan het gebiedsteam").click()
    assert page.get_by_text(QUESTION).count() == 1
    assert page.get_by_text("Nog niet beantwoord.").count() == 1
    page.goto("/raad/")
    assert page.get_by_role("link", name=re.compile("Centrum, Spijkerkwartier")).count() >= 1
    axe_check(page, context="council member's own page")

    page.context.clear_cookies()
    login(page, "gebiedsteam")
    page.goto(GEBIED_REPORTS)  # the area team's forms: new draft, commitments, taakvelden of the budget lines
    assert page.get_by_role("button", name="Concept maken").count() == 1
    assert page.get_by_text("6.1 Samenkracht en burgerparticipatie").count() >= 1
    axe_check(page, context="the reports of a gebied (area team)")
    page.goto(href)
    page.get_by_label("Antwoord (openbaar vastgelegd)").fill(ANSWER)
    axe_check(page, context="area report with an answer form (area team)")
    page.get_by_role("button", name="Antwoord (openbaar vastgelegd)").click()
    assert page.get_by_text("Het antwoord is vastgelegd.").count() == 1

    page.context.clear_cookies()
    page.goto(href)  # the public sees the question with its answer, without names
    question = page.locator("article.question", has_text=QUESTION)
    assert question.get_by_text(ANSWER).count() == 1
    assert page.get_by_text("raad", exact=True).count() == 0
    axe_check(page, context="published area report (public)")


def test_overview_and_pdf(page, axe_check):
    page.goto("/gemeente/GM0202/gebiedsrapportages/")
    assert page.locator("tbody tr").count() >= 5  # every gebied of Arnhem side by side
    assert page.get_by_text("6.1 Samenkracht en burgerparticipatie").count() >= 1
    axe_check(page, context="city-wide overview of area reports")
    href = _latest_report(page)
    response = page.request.get(href + "rapportage.pdf")
    assert response.ok and response.headers["content-type"] == "application/pdf"
    assert response.body().startswith(b"%PDF-")
