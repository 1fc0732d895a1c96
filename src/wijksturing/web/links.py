"""Stable addresses of areas, built from their codes only, so links in reports and e-mails
never break: /gemeente/GM0202/, /gemeente/GM0202/gebied/W1/, /wijk/WK020202/, /buurt/BU02020100/."""

from __future__ import annotations

from wijksturing.areas.models import Area, Level


def _municipality_code(area: Area) -> str:
    return area.layout.municipality.code


def area_url(area: Area, *, suffix: str = "") -> str:
    """The page of the area; ``suffix`` ``"rapport.pdf"`` or ``"rapport/"`` for its report."""
    if area.level == Level.GEMEENTE:
        base = f"/gemeente/{area.code}/"
    elif area.level == Level.GEBIED:
        base = f"/gemeente/{_municipality_code(area)}/gebied/{area.code}/"
    elif area.level == Level.WIJK:
        base = f"/wijk/{area.code}/"
    else:
        base = f"/buurt/{area.code}/"
    return base + suffix
