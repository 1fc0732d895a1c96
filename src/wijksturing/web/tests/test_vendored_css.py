"""Pages load only the NL Design System rules they use (issue 12): frontend/build.mjs trims the
vendored component CSS with PurgeCSS into web/vendor/utrecht.css, which the base templates link."""

import re
from pathlib import Path

import wijksturing

PACKAGE = Path(wijksturing.__file__).resolve().parent
VENDOR = PACKAGE / "web" / "static" / "web" / "vendor"
CLASS = re.compile(r"\butrecht-[a-z0-9]+(?:[-_][a-z0-9]+)*")


def _defined_classes(css):
    """Class names that occur as selectors (`.utrecht-x`), not as custom properties (`--utrecht-x`)."""
    return set(re.findall(r"\.(utrecht-[a-z0-9]+(?:[-_][a-z0-9]+)*)", css))


def _used_classes():
    used = set()
    for path in PACKAGE.rglob("*"):
        if path.suffix not in {".html", ".js", ".py"} or "vendor" in path.parts or "tests" in path.parts:
            continue
        used |= set(CLASS.findall(path.read_text(encoding="utf-8", errors="replace")))
    return used


def test_base_templates_link_the_trimmed_css_not_the_full_library():
    for template in (PACKAGE / "web" / "templates" / "web" / "base.html", PACKAGE / "web" / "templates" / "500.html"):
        text = template.read_text(encoding="utf-8")
        assert "web/vendor/utrecht.css" in text, template
        assert "utrecht-components.css" not in text, template
        assert "utrecht-html.css" not in text, template


def test_trimmed_css_keeps_every_library_class_the_code_uses():
    """Fails when a template starts using a utrecht-* class and `npm run build` was not re-run."""
    full = (VENDOR / "utrecht-components.css").read_text(encoding="utf-8") + (
        VENDOR / "utrecht-html.css"
    ).read_text(encoding="utf-8")
    trimmed = _defined_classes((VENDOR / "utrecht.css").read_text(encoding="utf-8"))
    needed = _used_classes() & _defined_classes(full)
    assert {"utrecht-html", "utrecht-button"} <= needed  # the scan finds what the pages use
    assert needed - trimmed == set()


def test_trimmed_css_is_a_fraction_of_the_library_and_keeps_its_tokens():
    full_size = (VENDOR / "utrecht-components.css").stat().st_size + (VENDOR / "utrecht-html.css").stat().st_size
    trimmed = (VENDOR / "utrecht.css").read_text(encoding="utf-8")
    assert len(trimmed.encode()) < full_size / 3
    assert "var(--utrecht-button-background-color" in trimmed
