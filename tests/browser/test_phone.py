"""The main pages on a phone (390 px wide) and keyboard focus you can see (issue 14).

- Every main page, public and staff, at 390 × 844: the page itself must not scroll sideways
  (``document.documentElement.scrollWidth > clientWidth``); a wide table scrolls inside its own
  focusable region instead. axe checks each page at that width too.
- Keyboard focus on the header links, in each municipality's colours: the focus indicator differs
  from the header's background by at least 3:1 (WCAG 2.1 AA, 1.4.11) and the focused text keeps
  4.5:1 on its own background (1.4.3) — computed from the styles the browser applies, and checked
  by axe while the link has focus.
"""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}

PUBLIC = [
    "/",
    "/gemeente/GM0202/",
    "/gemeente/GM0202/gebied/W1/",
    "/gemeente/GM0268/gebied/SD03/",
    "/wijk/WK020202/",
    "/buurt/BU02020211/",
    "/wijk/WK020202/rapport/",
    "/kaart/?gemeente=GM0202",
    "/vergelijk/?gemeente=GM0202&gebied=WK020201&gebied=WK020202",
    "/gemeente/GM0202/programmas/",
    "/gemeente/GM0202/gebied/W1/programma/",
    "/gemeente/GM0202/gebied/W1/budget/",
    "/gemeente/GM0202/gebied/W1/initiatieven/",
    "/gemeente/GM0202/gebied/W1/initiatieven/aanvragen/",
    "/buurtbegroting/",
    "/signalen/melden/",
    "/signalen/statistiek/?gemeente=GM0202",
    "/bestaat-niet/",
]
STAFF = [
    "/cockpit/",
    "/cockpit/GM0202/W1/",
    "/signalen/werk/?gemeente=GM0202",
    "/gemeente/GM0202/veranderopgaven/",
]
#: pages found by following a link, since their numbers depend on the demo: (page, link pattern)
FOUND = [
    ("/buurtbegroting/", r"^/buurtbegroting/\d+/$"),
    ("/gemeente/GM0202/gebied/W1/programma/", r"^/doel/\d+/$"),
]
FOUND_STAFF = [
    ("/gemeente/GM0202/gebied/W1/programma/", r"^/programma/\d+/geschiedenis/$"),
    ("/signalen/werk/?gemeente=GM0202", r"^/signalen/werk/\d+/$"),
]


@pytest.fixture
def phone(browser, site):
    context = browser.new_context(locale="nl-NL", base_url=site, viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.set_default_timeout(15000)
    yield page
    context.close()


def overflow(page) -> str:
    """"" when the page fits the screen, else how wide it is and which elements stick out."""
    width, client, culprits = page.evaluate("""() => {
        const client = document.documentElement.clientWidth;
        const out = [];
        for (const e of document.querySelectorAll('body *')) {
            const r = e.getBoundingClientRect();
            const parent = e.parentElement && e.parentElement.getBoundingClientRect();
            if (r.right > client + 1 && !(parent && parent.right > client + 1)) {
                const classes = e.className && typeof e.className === 'string'
                    ? '.' + e.className.trim().split(/\\s+/).join('.') : '';
                out.push(`${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}${classes} (to ${Math.round(r.right)} px)`);
            }
        }
        return [document.documentElement.scrollWidth, client, out.slice(0, 4)];
    }""")
    return "" if width <= client else f"{width} px wide on a {client} px screen: " + ", ".join(culprits)


def found_urls(page, pairs) -> list[str]:
    urls = []
    for start, wanted in pairs:
        page.goto(start)
        hrefs = page.eval_on_selector_all("main a[href]", "els => els.map(e => e.getAttribute('href'))")
        match = next((h for h in hrefs if re.match(wanted, h.split("?")[0])), None)
        assert match, f"no link like {wanted} on {start}"
        urls.append(match)
    return urls


def walk(page, urls, axe_check) -> dict[str, str]:
    problems = {}
    for url in urls:
        response = page.goto(url)
        assert response is not None and (response.status < 400 or url == "/bestaat-niet/"), f"{url}: {response.status}"
        page.wait_for_load_state("load")
        if problem := overflow(page):
            problems[url] = problem
        axe_check(page, context=f"{url} at 390 px")
    return problems


def test_public_pages_fit_a_phone(phone, axe_check):
    urls = PUBLIC + found_urls(phone, FOUND)
    problems = walk(phone, urls, axe_check)
    assert problems == {}, "pages wider than the phone:\n" + "\n".join(f"{u}: {p}" for u, p in problems.items())


def test_staff_pages_fit_a_phone(phone, login, axe_check):
    login(phone, "beheer")
    urls = STAFF + found_urls(phone, FOUND_STAFF)
    problems = walk(phone, urls, axe_check)
    assert problems == {}, "pages wider than the phone:\n" + "\n".join(f"{u}: {p}" for u, p in problems.items())


def test_the_width_check_can_fail(phone):
    phone.goto("/")
    phone.evaluate("() => { const d = document.createElement('div'); d.style.width = '900px'; d.textContent = 'x';"
                   " document.querySelector('main').append(d); }")  # through the CSSOM: the CSP forbids inline styles
    assert overflow(phone).startswith("9")


# --- focus you can see ----------------------------------------------------------------------


def _rgb(css: str) -> tuple[float, float, float, float]:
    numbers = [float(n) for n in re.findall(r"[\d.]+", css)]
    return (numbers + [1.0])[:4] if len(numbers) >= 3 else (0, 0, 0, 0)  # type: ignore[return-value]


def _luminance(rgb) -> float:
    def channel(c: float) -> float:
        c = c / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = rgb[:3]
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(a, b) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def focus_problems(page) -> list[str]:
    """Tab through the header of a page just loaded; for each focused link or button: its focus
    indicator (the background it gets, or its outline) against the header's colour, and its text
    on its own background. Returns what falls short."""
    header_bg = _rgb(page.eval_on_selector(".site-header", "e => getComputedStyle(e).backgroundColor"))
    problems, seen = [], set()
    for _ in range(15):
        page.keyboard.press("Tab")
        info = page.evaluate("""() => {
            const e = document.activeElement;
            if (!e || !e.closest('.site-header')) return null;
            const s = getComputedStyle(e);
            return {name: (e.innerText || e.value || '').trim().slice(0, 30), color: s.color, bg: s.backgroundColor,
                    outline: s.outlineColor, outlineStyle: s.outlineStyle, outlineWidth: parseFloat(s.outlineWidth),
                    visible: e.matches(':focus-visible')};
        }""")
        if info is None:
            if seen:
                break
            continue
        if info["name"] in seen:
            break
        seen.add(info["name"])
        bg = _rgb(info["bg"])
        own_bg = bg if bg[3] > 0.5 else header_bg
        text = contrast(_rgb(info["color"]), own_bg)
        indicator = max(
            contrast(bg, header_bg) if bg[3] > 0.5 else 1.0,
            contrast(_rgb(info["outline"]), header_bg)
            if info["outlineStyle"] not in ("none", "") and info["outlineWidth"] >= 2 else 1.0,
        )
        if not info["visible"]:
            problems.append(f"{info['name']!r}: not :focus-visible after Tab")
        if indicator < 3:
            problems.append(f"{info['name']!r}: focus indicator {indicator:.1f}:1 against the header (needs 3:1)")
        if text < 4.5:
            problems.append(f"{info['name']!r}: focused text {text:.1f}:1 on {info['bg']} (needs 4.5:1)")
    assert seen, "no header link took the keyboard focus"
    return problems


@pytest.mark.parametrize("url", ["/", "/gemeente/GM0202/", "/gemeente/GM0268/"])
def test_header_focus_is_visible_with_enough_contrast(page, axe_check, url):
    page.goto(url)
    assert focus_problems(page) == []
    # and axe, while a header link has the focus (its colour contrast rule sees the focus style)
    page.goto(url)
    page.keyboard.press("Tab")  # the skip link
    page.keyboard.press("Tab")  # the site's name in the header
    assert page.evaluate("document.activeElement.closest('.site-header') !== null")
    axe_check(page, context=f"{url} with a header link focused")


def test_the_focus_check_finds_white_on_yellow(page):
    """The NL Design System's old link focus in the header: white text on yellow (≈ 1.3:1)."""
    page.goto("/gemeente/GM0202/")
    page.evaluate("""() => { const sheet = [...document.styleSheets].find(s => s.href && s.href.includes('site'));
        sheet.insertRule('.wijksturing-theme.utrecht-html .site-header a:focus-visible '
                         + '{ color: #fff !important; background-color: #ffdd00 !important; }', sheet.cssRules.length); }""")
    problems = focus_problems(page)
    assert any("focused text 1." in p for p in problems), problems
