"""Small builders for programme and budget tests: a municipality with two gebieden, an
indicator with observations, users per role, and a programme tree."""

from __future__ import annotations

from wijksturing.accounts.models import Role, User
from wijksturing.accounts.tests.factories import staff_user
from wijksturing.areas.models import Area, Layout, Level, Municipality
from wijksturing.monitor.models import Aggregation, Direction, Indicator, Observation
from wijksturing.programmes import services
from wijksturing.programmes.models import Goal, Measure, Programme, Result, Theme

MUN = "GM9999"


def municipality() -> Municipality:
    mun, _ = Municipality.objects.get_or_create(code=MUN, defaults={"name": "Teststad"})
    layout, _ = Layout.objects.get_or_create(municipality=mun, year=2024)
    gemeente, _ = Area.objects.get_or_create(layout=layout, code=MUN, defaults={"level": Level.GEMEENTE, "name": "Teststad"})
    for code in ("W1", "W2"):
        Area.objects.get_or_create(layout=layout, code=code, defaults={"level": Level.GEBIED, "name": f"Gebied {code}",
                                                                       "parent": gemeente})
    return mun


def indicator(code: str = "g_test", direction: str = Direction.HIGHER_WORSE) -> Indicator:
    ind, _ = Indicator.objects.get_or_create(
        code=code, defaults={"name_nl": "Testcijfer", "name_en": "Test figure", "source": "test", "theme": "veiligheid",
                             "direction": direction, "aggregation": Aggregation.NONE, "unit": "per 1 000", "decimals": 1},
    )
    return ind


def observe(area_code: str, ind: Indicator, values: dict[int, float], suppressed: set[int] = frozenset()) -> None:
    area = Area.objects.get(layout__municipality__code=MUN, code=area_code)
    for year, value in values.items():
        Observation.objects.update_or_create(indicator=ind, area=area, year=year,
                                             defaults={"value": value, "suppressed": year in suppressed})


def user(username: str, role: str | None = None, gebied: str = "", superuser: bool = False) -> User:
    return staff_user(username, role=role, municipality=municipality() if role else None, gebied_code=gebied,
                      superuser=superuser)


def area_team(username: str = "team_w1", gebied: str = "W1") -> User:
    return user(username, Role.AREA_TEAM, gebied)


def programme(area_code: str = "W1", published: bool = True, start_year: int = 2023) -> Programme:
    return services.object_create(user=None, model=Programme, municipality=municipality(), area_code=area_code,
                                  title=f"Programma {area_code}", start_year=start_year, end_year=2030, published=published)


def tree(area_code: str = "W1", published: bool = True) -> dict:
    """A programme with one theme, one goal, two results; the goal measured by ``g_test``."""
    p = programme(area_code, published)
    theme = services.object_create(user=None, model=Theme, programme=p, title="Veilig")
    goal = services.object_create(user=None, model=Goal, theme=theme, title="Minder misdrijven")
    results = [services.object_create(user=None, model=Result, goal=goal, text=t)
               for t in ("Meer toezicht", "Betere verlichting")]
    return {"programme": p, "theme": theme, "goal": goal, "results": results}


def measure(goal: Goal, *, area_code: str = "W1", baseline=(2020, 100.0), target=(2030, 80.0), result=None,
            ind: Indicator | None = None) -> Measure:
    return services.object_create(user=None, model=Measure, goal=goal, result=result, indicator=ind or indicator(),
                                  area_code=area_code, baseline_year=baseline[0], baseline_value=baseline[1],
                                  target_year=target[0], target_value=target[1])
