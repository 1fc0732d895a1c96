"""A municipality's theme: name, logo and colour, with WCAG contrast guaranteed.

The colour comes from ``Municipality.theme_colour``; it is used for the header, links and
buttons. A colour too light for white text (contrast below 4.5:1, WCAG 2.1 AA) is darkened
step by step until it passes, so an administrator cannot make the site unreadable.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

DEFAULT_COLOUR = "#154273"
HEX = re.compile(r"^#[0-9a-fA-F]{6}$")


@dataclass(frozen=True)
class Theme:
    site_name: str
    colour: str
    colour_dark: str
    on_colour: str
    logo_url: str
    gebied_label: str


def _channel(c: float) -> float:
    c = c / 255
    return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4


def luminance(hex_colour: str) -> float:
    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def contrast(a: str, b: str) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def darken(hex_colour: str, factor: float) -> str:
    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return "#" + "".join(f"{max(0, min(255, round(c * factor))):02x}" for c in (r, g, b))


def accessible_colour(hex_colour: str | None, *, minimum: float = 4.5) -> str:
    """``hex_colour`` (or the default), darkened until white text on it reaches ``minimum``."""
    colour = hex_colour if hex_colour and HEX.match(hex_colour) else DEFAULT_COLOUR
    colour = colour.lower()
    while contrast(colour, "#ffffff") < minimum:
        colour = darken(colour, 0.9)
    return colour


def theme_for(municipality) -> Theme:
    """The theme of a municipality, or the neutral default when there is none."""
    if not hasattr(municipality, "theme_colour"):  # no municipality in the page's context
        return Theme("Mijn wijk", DEFAULT_COLOUR, darken(DEFAULT_COLOUR, 0.75), "#ffffff", "", "gebied")
    colour = accessible_colour(municipality.theme_colour)
    return Theme(
        site_name=f"Mijn wijk {municipality.name}",
        colour=colour,
        colour_dark=darken(colour, 0.75),
        on_colour="#ffffff",
        logo_url=municipality.logo_url,
        gebied_label=municipality.gebied_label or "gebied",
    )
