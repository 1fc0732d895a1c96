"""The staff area cockpit: per gebied the figures, the index, the buurten that fall behind or
fall fast, and room for the later modules (signals, goals, budget, organisations)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from wijksturing.accounts.models import Role
from wijksturing.accounts.selectors import user_gebied_codes, user_has_role, user_municipality_codes
from wijksturing.areas import selectors as areas
from wijksturing.areas.models import Level
from wijksturing.reports.selectors import area_analysis
from wijksturing.web import data, pages
from wijksturing.web.links import area_url

COCKPIT_ROLES = (Role.ADMINISTRATOR, Role.ANALYST, Role.AREA_TEAM, Role.SOCIAL_TEAM, Role.COUNCIL)
WIDE_ROLES = (Role.ADMINISTRATOR, Role.ANALYST, Role.SOCIAL_TEAM, Role.COUNCIL)


# The modules shown in the cockpit of a gebied; each brings its own panel with its own links.
MODULES = ["signals", "goals", "budget", "participation", "organisations"]


def visible_gebieden(*, user, municipality_code: str) -> list:
    """The gebieden of a municipality the user may open in the cockpit."""
    all_gebieden = list(areas.area_list(municipality_code=municipality_code, level=Level.GEBIED))
    if user_has_role(user=user, municipality_code=municipality_code, roles=WIDE_ROLES):
        return all_gebieden
    codes = user_gebied_codes(user=user, municipality_code=municipality_code, roles=[Role.AREA_TEAM])
    return all_gebieden if codes is None else [g for g in all_gebieden if g.code in codes]


@login_required
@require_GET
def index(request: HttpRequest) -> HttpResponse:
    blocks = []
    for code in user_municipality_codes(user=request.user):
        gebieden = visible_gebieden(user=request.user, municipality_code=code)
        if gebieden:
            blocks.append((areas.municipality_get(code=code), [(g, f"/cockpit/{code}/{g.code}/") for g in gebieden]))
    is_analyst = any(
        user_has_role(user=request.user, municipality_code=m.code, roles=[Role.ANALYST, Role.ADMINISTRATOR])
        for m, _ in blocks
    ) or request.user.is_superuser
    return render(request, "web/cockpit/index.html", {"blocks": blocks, "is_analyst": is_analyst})


def buurt_flags(*, gebied, year: int | None) -> list[dict]:
    """Every buurt of the gebied with its index, change per year and flags, worst first."""
    buurten = areas.area_descendants(area=gebied, level=Level.BUURT)
    index = data.index_rows(areas=buurten, year=year)
    rows = []
    for buurt in buurten:
        iv = index.get(buurt.code)
        rows.append({
            "area": buurt, "url": area_url(buurt), "index": iv.value if iv else None,
            "change": iv.change_per_year if iv else None,
            "behind": bool(iv and iv.behind), "falling": bool(iv and iv.falling),
        })
    rows.sort(key=lambda r: (not (r["behind"] or r["falling"]), r["index"] if r["index"] is not None else 1e9))
    return rows


def index_flag_lists(*, gebied, year: int | None) -> tuple[list[dict], list[dict]]:
    """The wijken and buurten of the gebied whose index is behind the city, and those whose index
    falls fast (monitor's ``index_flag_list``: only indexes published as one number)."""
    m_code = gebied.layout.municipality.code
    behind, falling = [], []
    for level in (Level.WIJK, Level.BUURT):
        inside = {a.code for a in areas.area_descendants(area=gebied, level=level)}
        for flag in data.index_flag_list(municipality_code=m_code, level=level, year=year):
            if flag.area.code not in inside or flag.value is None:
                continue
            item = {"area": flag.area, "url": area_url(flag.area), "level": flag.area.get_level_display(),
                    "index": flag.value, "city": flag.city_value, "change": flag.change_per_year}
            if flag.behind:
                behind.append(item)
            if flag.falling:
                falling.append(item)
    behind.sort(key=lambda r: r["index"])
    falling.sort(key=lambda r: r["change"] if r["change"] is not None else 0)
    return behind, falling


@login_required
@require_GET
def gebied(request: HttpRequest, municipality: str, code: str) -> HttpResponse:
    area = pages.area_or_404(level=Level.GEBIED, code=code, municipality=municipality)
    m_code = area.layout.municipality.code
    if not user_has_role(user=request.user, municipality_code=m_code, roles=COCKPIT_ROLES, gebied_code=area.code) or (
        area not in visible_gebieden(user=request.user, municipality_code=m_code)
    ):
        raise PermissionDenied("Not your gebied")
    years = data.years(municipality_code=m_code)
    try:
        year = int(request.GET.get("jaar", ""))
    except ValueError:
        year = None
    year = year if year in years else data.default_year(municipality_code=m_code)
    analysis = area_analysis(area=area, year=year)
    flags = pages.cached(f"flags:{area.pk}:{year}", lambda: buurt_flags(gebied=area, year=year))
    behind, falling = pages.cached(f"indexflags:{area.pk}:{year}", lambda: index_flag_lists(gebied=area, year=year))
    return render(request, "web/cockpit/gebied.html", {
        "a": analysis, "area": area, "municipality": area.layout.municipality, "flags": flags,
        "flagged": [f for f in flags if f["behind"] or f["falling"]], "years": years, "year": year,
        "behind": behind, "falling": falling,
        "public_url": area_url(area), "report_pdf": area_url(area, suffix="rapport.pdf"), "modules": MODULES,
        "svgmap": pages.area_map(area=area),
    })
