"""SVG written by the site's helpers keeps machine numbers under the Dutch locale (the defect of
the goal charts in issue 14, guarded here for the sparklines and figures too)."""

import re

from django.utils import translation

from wijksturing.web.templatetags.web import format_number, sparkline

MACHINE = r"-?\d+(?:\.\d+)?"


def test_sparkline_coordinates_under_the_dutch_locale():
    with translation.override("nl"):
        svg = str(sparkline([(2020, 1234.5), (2021, 188.94736842105263), (2022, 0.25)], decimals=1))
    points = re.search(r'points="([^"]*)"', svg).group(1).split()
    assert len(points) == 3 and all(re.fullmatch(f"{MACHINE},{MACHINE}", p) for p in points), points
    for name in ("cx", "cy"):
        assert re.fullmatch(MACHINE, re.search(f'{name}="([^"]*)"', svg).group(1))
    assert "1.234,5" in svg and "188,9" in svg  # the accessible name is for people


def test_numbers_for_people_follow_the_language():
    with translation.override("nl"):
        assert format_number(1234.5, 1) == "1.234,5"
    with translation.override("en"):
        assert format_number(1234.5, 1) == "1,234.5"
