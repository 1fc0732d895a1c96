"""Where a signal goes: its place (buurt, wijk, gebied) and its responsible team, and by when it
must be handled (working days, Dutch public holidays respected)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

import holidays

from wijksturing.areas import selectors as area_selectors
from wijksturing.signals.models import Category, RoutingRule, Team, TeamKind


@dataclass(frozen=True)
class Place:
    buurt_code: str = ""
    wijk_code: str = ""
    gebied_code: str = ""

    @property
    def smallest(self) -> str:
        return self.buurt_code or self.wijk_code or self.gebied_code


PLACEMENT_TTL = 60.0  # seconds the areas' buurt index is used before it is checked for new boundaries


def place_point(*, lon: float | None, lat: float | None, municipality_code: str) -> Place:
    """The buurt, wijk and gebied containing the point; an empty :class:`Place` when there is
    no point or no boundary contains it. Uses the areas' one cached buurt index, checked for
    new boundaries every PLACEMENT_TTL seconds, so that placing a signal costs no query (intake
    at hundreds of signals per second)."""
    if lon is None or lat is None:
        return Place()
    entry = area_selectors.buurt_index(municipality_code=municipality_code, max_age=PLACEMENT_TTL)
    code = entry.index.lookup_one(lon, lat)
    if code is None:
        return Place()
    wijk_code, gebied_code = entry.parents[code]
    return Place(code, wijk_code, gebied_code)


def placement_has_boundaries(*, municipality_code: str) -> bool:
    """True when the municipality has buurt boundaries, so that a point outside them is outside
    the municipality (without boundaries a point cannot be checked)."""
    return bool(area_selectors.buurt_index(municipality_code=municipality_code, max_age=PLACEMENT_TTL).pks)


def placement_reset() -> None:
    """Forget the cached index (after loading new boundaries, and in tests)."""
    area_selectors.buurt_index_reset()


def place_wijk(*, wijk_code: str, municipality_code: str) -> Place:
    """Place by wijk code (for historic data without boundaries): the wijk and its gebied."""
    try:
        wijk = area_selectors.area_get(code=wijk_code)
    except Exception:  # noqa: BLE001 - unknown code: keep the code, no gebied
        return Place(wijk_code=wijk_code)
    parent = wijk.parent
    gebied = parent.code if parent is not None and parent.level == "gebied" else ""
    return Place(wijk_code=wijk.code, gebied_code=gebied)


def route(*, category: Category, gebied_code: str) -> Team | None:
    """The responsible team. Rules for the subcategory beat rules for its main category; a rule
    for the signal's gebied beats a rule for the whole municipality. Without a rule, the
    category's team kind decides: the area (or social) team of the gebied, else the
    municipality-wide team of that kind, else the category's department. A signal for the social
    team always gets one: without a gebied (no place given, as for 'Zorg om een buurtbewoner')
    it goes to the municipality's social team, created when the municipality has none yet, so
    that the promise made to the resident is kept by someone whose work list shows it. An area
    team signal without a gebied stays without a team: every area team sees it for triage."""
    categories = [category.pk] + ([category.parent_id] if category.parent_id else [])
    rules = {(r.category_id, r.gebied_code): r for r in RoutingRule.objects.filter(
        category_id__in=categories, gebied_code__in=[gebied_code, ""]).select_related("team")}
    for cat in categories:
        for gebied in ([gebied_code] if gebied_code else []) + [""]:
            if (cat, gebied) in rules:
                return rules[(cat, gebied)].team
    teams = Team.objects.filter(municipality_id=category.municipality_id, kind=category.team_kind)
    if category.team_kind == TeamKind.DEPARTMENT:
        department = category.department or (category.parent.department if category.parent_id else "")
        return teams.filter(name=department).first() or teams.first()
    team = (teams.filter(gebied_code=gebied_code).first() if gebied_code else None) or teams.filter(gebied_code="").first()
    if team is None and category.team_kind == TeamKind.SOCIAL_TEAM:
        team = municipality_social_team(municipality=category.municipality)
    return team


MUNICIPALITY_SOCIAL_TEAM = "social-team-gemeente"


def municipality_social_team(*, municipality) -> Team:
    """The municipality-wide social team (for signals about a person without a place)."""
    team, _created = Team.objects.get_or_create(
        municipality=municipality, code=MUNICIPALITY_SOCIAL_TEAM,
        defaults={"name": f"Sociaal wijkteam {municipality.name}", "kind": TeamKind.SOCIAL_TEAM, "gebied_code": ""})
    return team


@lru_cache(maxsize=64)
def _holidays(year: int) -> holidays.HolidayBase:
    return holidays.country_holidays("NL", years=year)


def is_workday(day: dt.date) -> bool:
    return day.weekday() < 5 and day not in _holidays(day.year)


def add_workdays(start: dt.date, days: int) -> dt.date:
    """The date ``days`` working days after ``start`` (weekends and Dutch public holidays skipped)."""
    day = start
    remaining = days
    while remaining > 0:
        day += dt.timedelta(days=1)
        if is_workday(day):
            remaining -= 1
    return day


def workdays_between(start: dt.date, end: dt.date) -> int:
    """Working days after ``start`` up to and including ``end`` (0 when end ≤ start)."""
    count, day = 0, start
    while day < end:
        day += dt.timedelta(days=1)
        count += is_workday(day)
    return count
