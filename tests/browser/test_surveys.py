"""Wijkpeiling in a real browser: the analyst prints a letter file, a resident answers the
questionnaire with the code from that letter on a phone-sized screen (390 px) and on a desktop,
the code cannot be used twice; axe-core (WCAG 2.1 A/AA) on every page, the error state and the
panel on the area page."""

import csv
import io
import re
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

ANSWERS = {
    "q_rapportcijfer": "7", "q_onveilig": "3", "q_overlast": "2", "q_cohesie_kennen": "2", "q_cohesie_omgang": "4",
    "q_cohesie_gezellig": "4", "q_cohesie_thuis": "5", "q_contact_buren": "2", "q_tevreden_groen": "4",
    "q_tevreden_voorzieningen": "3", "q_meedoen": "2",
}


def axe_on(page, selector: str, context: str) -> None:
    """axe-core on one part of a page (the panel on an area page that other modules share)."""
    from pathlib import Path

    import axe_playwright_python

    page.evaluate((Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text())
    result = page.evaluate(
        "async ([sel, tags]) => await axe.run(document.querySelector(sel), {runOnly: {type: 'tag', values: tags}})",
        [selector, ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]])
    assert not result["violations"], f"{context}: " + "; ".join(v["id"] for v in result["violations"])


def letter_codes(page, survey_id: int, count: int) -> list[str]:
    page.goto(f"/wijkpeiling/{survey_id}/beheer/")
    first = page.locator("input[type=number]").first
    first.fill(str(count))
    with page.expect_download() as download:
        page.locator("form:has(input[value=letters]) button[type=submit]").click()
    text = Path(download.value.path()).read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(text), delimiter=";"))
    assert len(rows) == count and all(re.fullmatch(r"[A-Z0-9]{5}-[A-Z0-9]{5}", r["code"]) for r in rows)
    return [r["code"] for r in rows]


def answer(resident, survey_id: int, code: str) -> None:
    resident.goto(f"/wijkpeiling/{survey_id}/vragenlijst/")
    resident.fill("#code", code)
    for name, value in ANSWERS.items():
        resident.locator(f"label[for='{name}-{value}']").click()  # tap the label, as on a phone
    resident.locator("label[for='age-2']").click()
    resident.locator("label[for='sex-2']").click()
    resident.locator("main form button[type=submit]").click()
    resident.wait_for_load_state()


def test_resident_answers_with_a_code(page, browser, site, login, axe_check):
    # the demo peiling of Arnhem is open and illustrative
    page.goto("/wijkpeiling/")
    axe_check(page, context="public: surveys")
    link = page.locator("main a[href^='/wijkpeiling/']").filter(has_text="Arnhem").first
    survey_id = int(re.search(r"/wijkpeiling/(\d+)/", link.get_attribute("href")).group(1))
    page.goto(f"/wijkpeiling/{survey_id}/")
    axe_check(page, context="public: survey figures")
    assert "llustratie" in page.content()  # "Illustratief" / "Illustrative"

    login(page, "analist")
    page.goto(f"/wijkpeiling/{survey_id}/beheer/")
    axe_check(page, context="staff: manage survey")
    phone_code, desktop_code = letter_codes(page, survey_id, 2)

    # a resident on a phone (390 px wide), Dutch
    phone = browser.new_context(locale="nl-NL", base_url=site, viewport={"width": 390, "height": 844},
                                is_mobile=True, has_touch=True).new_page()
    phone.goto(f"/wijkpeiling/{survey_id}/vragenlijst/")
    axe_check(phone, context="questionnaire at 390 px")
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"the questionnaire scrolls sideways on a phone ({width} px)"
    answer(phone, survey_id, phone_code)
    assert phone.url.endswith("/bedankt/"), phone.content()[:2000]
    axe_check(phone, context="thanks at 390 px")

    # the same code cannot answer twice; the error is announced and linked to the field
    answer(phone, survey_id, phone_code)
    assert "/bedankt/" not in phone.url
    alert = phone.locator("[role=alert]")
    assert alert.count() == 1 and alert.locator("a[href='#code']").count() == 1
    axe_check(phone, context="questionnaire with an error at 390 px")

    # a resident on a desktop, in English
    desktop = browser.new_context(locale="en-GB", base_url=site).new_page()
    desktop.goto("/")
    desktop.context.add_cookies([{"name": "django_language", "value": "en", "url": site}])
    answer(desktop, survey_id, desktop_code)
    assert desktop.url.endswith("/bedankt/")
    axe_check(desktop, context="thanks (desktop)")


def test_panel_on_the_area_page(page, axe_check):
    page.goto("/wijk/WK020207/")
    panel = page.locator(".module-panel--survey")
    assert panel.count() == 1
    assert "±" in panel.inner_text()
    axe_on(page, ".module-panel--survey", "wijkpeiling panel on the area page")
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto("/wijk/WK020207/")
    axe_on(page, ".module-panel--survey", "wijkpeiling panel at 390 px")


def test_published_figures_page(page, axe_check):
    page.goto("/wijkpeiling/gepubliceerd/")
    axe_check(page, context="published survey figures")
