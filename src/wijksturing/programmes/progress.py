"""Progress of measures, results, goals, themes and programmes (reads; the arithmetic is in
:mod:`wijksturing.core.progress`, the figures come from ``monitor.selectors``).

Rules (also in docs/programmes.md):

* a **measure** is assessed from the public series of its indicator in its area;
* a **result**: its own measures (or else the goal-level measures) when their roll-up is known
  → source ``indicator``; else the area team's recorded status, else the latest yearly review
  (achieved yes/partly/no → on track/at risk/behind), else the roll-up of its efforts' recorded
  statuses → source ``recorded``; else unknown;
* a **goal**: its goal-level measures when known (``indicator``); else its recorded status
  (``recorded``); else the roll-up of its results (``rollup``);
* a **theme** rolls up its goals, the **programme** its themes, each by its weight.
* a **withdrawn** theme, goal or result gets the source ``withdrawn`` and is left out of the
  roll-up above it (it stays on the page).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import get_language
from django.utils.translation import gettext as _

from wijksturing.areas import selectors as areas
from wijksturing.areas.models import Area
from wijksturing.core.numbers import display
from wijksturing.core.progress import Assessment, Status, Target, assess, rollup
from wijksturing.monitor import selectors as monitor
from wijksturing.programmes.models import Goal, Measure, Programme, Result

ACHIEVED_STATUS = {"yes": Status.ON_TRACK, "partly": Status.AT_RISK, "no": Status.BEHIND}
DIRECTION_BETTER = {"higher_better": "higher", "higher_worse": "lower"}


@dataclass
class Progress:
    status: str  # on_track | at_risk | behind | unknown
    source: str = ""  # indicator | recorded | rollup | ""
    explanation: str = ""
    coverage: float | None = None

    @property
    def known(self) -> bool:
        return self.status != Status.UNKNOWN.value


UNKNOWN = Progress(Status.UNKNOWN.value)
WITHDRAWN = Progress(Status.UNKNOWN.value, "withdrawn")


def _counted(items: list) -> list:
    """Withdrawn parts stay on the page but no longer count in the roll-up."""
    return [item for item in items if not getattr(item, "withdrawn", False)]


def status_label(status: str) -> str:
    return {
        "on_track": _("on track"), "at_risk": _("at risk"), "behind": _("behind"), "unknown": _("unknown"),
    }.get(status, status)


def measure_area(*, measure: Measure, municipality_code: str):
    code = measure.area_code
    if code.startswith(("GM", "WK", "BU")):
        return areas.area_get(code=code)
    return areas.gebied_get(municipality_code=municipality_code, code=code)


def measure_series(*, measure: Measure, municipality_code: str) -> list[tuple[int, float | None]]:
    try:
        area = measure_area(measure=measure, municipality_code=municipality_code)
    except Area.DoesNotExist:
        return []
    return list(monitor.observation_series(area=area, indicator_code=measure.indicator.code, public=True))


def _fmt(value: float | None, decimals: int) -> str:
    return display(value, decimals, lang=get_language() or "nl")


def explain(measure: Measure, result: Assessment) -> str:
    d = measure.indicator.decimals
    unit = measure.indicator.unit
    args = {
        "baseline": _fmt(measure.baseline_value, d), "baseline_year": measure.baseline_year,
        "target": _fmt(measure.target_value, d), "target_year": measure.target_year,
        "year": result.year, "value": _fmt(result.value, d), "expected": _fmt(result.expected_value, d),
        "unit": unit,
    }
    if result.reason == "no_baseline":
        return _("There is no baseline figure for %(baseline_year)s, so progress cannot be computed.") % args
    if result.reason == "no_data_after_baseline":
        return _("There is no figure after the baseline year %(baseline_year)s yet, so progress is unknown.") % args
    if result.reason == "maintain":
        return _("The aim is to keep the figure at %(baseline)s %(unit)s; in %(year)s it was %(value)s.") % args
    if result.reason == "reached":
        return _("In %(year)s the figure was %(value)s %(unit)s: the target of %(target)s has been reached.") % args
    args["achieved"] = round(100 * result.achieved_share)
    args["passed"] = round(100 * result.expected_share)
    return _(
        "In %(year)s the figure was %(value)s %(unit)s. On the straight line from %(baseline)s "
        "(%(baseline_year)s) to %(target)s (%(target_year)s) it would be %(expected)s: "
        "%(achieved)s%% of the planned change has happened after %(passed)s%% of the time."
    ) % args


def measure_progress(*, measure: Measure, municipality_code: str) -> tuple[Progress, list]:
    """The progress of one measure and the series it was computed from."""
    series = measure_series(measure=measure, municipality_code=municipality_code)
    target = Target(measure.baseline_value, measure.baseline_year, measure.target_value, measure.target_year)
    better = DIRECTION_BETTER.get(measure.indicator.direction)
    result = assess(target, series, better=better)
    return Progress(result.status.value, "indicator", explain(measure, result)), series


def _rolled(items: list[tuple[Progress, float]], source: str) -> Progress:
    r = rollup([(p.status, float(w)) for p, w in items])
    return Progress(r.status.value, source if r.status is not Status.UNKNOWN else "", coverage=r.coverage)


def annotate_programme(programme: Programme) -> Programme:
    """Attach ``.progress`` to the programme and every theme, goal, result, effort and measure
    (and ``.series`` to every measure). Prefetches the whole tree in a handful of queries."""
    mun = programme.municipality.code
    themes = list(
        programme.themes.prefetch_related(
            "agenda_links__agenda", "goals__agendas", "goals__measures__indicator", "goals__results__reviews",
            "goals__results__efforts", "goals__results__measures",
        )
    )
    for theme in themes:
        goals = list(theme.goals.all())
        for goal in goals:
            _annotate_goal(goal, mun)
        theme.progress = WITHDRAWN if theme.withdrawn else _rolled([(g.progress, g.weight) for g in _counted(goals)], "rollup")
        theme.goal_list = goals
    programme.progress = _rolled([(t.progress, t.weight) for t in _counted(themes)], "rollup")
    programme.theme_list = themes
    return programme


def annotate_goal(goal: Goal) -> Goal:
    return _annotate_goal(goal, goal.theme.programme.municipality.code)


def _annotate_goal(goal: Goal, mun: str) -> Goal:
    measures = list(goal.measures.all())
    for m in measures:
        m.progress, m.series = measure_progress(measure=m, municipality_code=mun)
    goal_level = [m for m in measures if m.result_id is None]
    results = list(goal.results.all())
    for result in results:
        own = [m for m in measures if m.result_id == result.pk]
        result.progress = _result_progress(result, own or goal_level)
        result.applied_measures = own or goal_level
    indicator = _rolled([(m.progress, 1) for m in goal_level], "indicator")
    if goal.withdrawn:
        goal.progress = WITHDRAWN
    elif indicator.known:
        goal.progress = indicator
    elif goal.recorded_status:
        goal.progress = Progress(goal.recorded_status, "recorded")
    else:
        goal.progress = _rolled([(r.progress, r.weight) for r in _counted(results)], "rollup")
    goal.measure_list, goal.result_list = measures, results
    return goal


def _result_progress(result: Result, measures: list[Measure]) -> Progress:
    efforts = list(result.efforts.all())
    for e in efforts:
        e.progress = Progress(e.recorded_status, "recorded") if e.recorded_status else UNKNOWN
    result.effort_list = efforts
    if result.withdrawn:
        return WITHDRAWN
    indicator = _rolled([(m.progress, 1) for m in measures], "indicator")
    if indicator.known:
        return indicator
    if result.recorded_status:
        return Progress(result.recorded_status, "recorded")
    reviews = sorted(result.reviews.all(), key=lambda r: r.year)
    if reviews:
        latest = reviews[-1]
        return Progress(ACHIEVED_STATUS[latest.achieved].value, "recorded",
                        _("Yearly review %(year)s: %(answer)s") % {"year": latest.year, "answer": latest.get_achieved_display()})
    return _rolled([(e.progress, e.weight) for e in efforts], "recorded")
