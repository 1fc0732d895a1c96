"""Progress from real observations in the database, recorded fallbacks and the roll-up."""

import pytest

from wijksturing.programmes import services
from wijksturing.programmes.models import Effort, Review
from wijksturing.programmes.progress import annotate_goal, annotate_programme
from wijksturing.programmes.tests import factories as f

pytestmark = pytest.mark.django_db


def test_goal_progress_is_computed_from_the_monitor():
    t = f.tree()
    f.measure(t["goal"])  # 100 (2020) -> 80 (2030), higher is worse
    f.observe("W1", f.indicator(), {2020: 100.0, 2025: 90.0})  # exactly on the line
    goal = annotate_goal(t["goal"])
    assert goal.progress.status == "on_track"
    assert goal.progress.source == "indicator"
    # the results inherit the goal-level measure
    assert [r.progress.status for r in goal.result_list] == ["on_track", "on_track"]
    assert "2025" in goal.measure_list[0].progress.explanation


def test_wrong_direction_is_behind():
    t = f.tree()
    f.measure(t["goal"])
    f.observe("W1", f.indicator(), {2025: 104.0})
    assert annotate_goal(t["goal"]).progress.status == "behind"


def test_no_figure_after_baseline_is_unknown_and_falls_back_to_recorded():
    t = f.tree()
    f.measure(t["goal"], baseline=(2023, 100.0))
    f.observe("W1", f.indicator(), {2021: 90.0, 2023: 100.0})
    goal = annotate_goal(t["goal"])
    assert goal.measure_list[0].progress.status == "unknown"
    assert goal.progress.status == "unknown"  # nothing recorded either
    services.object_update(user=None, obj=t["results"][0], recorded_status="at_risk")
    goal = annotate_goal(type(t["goal"]).objects.get(pk=t["goal"].pk))
    first, second = goal.result_list
    assert (first.progress.status, first.progress.source) == ("at_risk", "recorded")
    assert second.progress.status == "unknown"
    assert (goal.progress.status, goal.progress.source) == ("at_risk", "rollup")


def test_suppressed_figures_are_not_used():
    t = f.tree()
    f.measure(t["goal"])
    f.observe("W1", f.indicator(), {2025: 90.0}, suppressed={2025})
    assert annotate_goal(t["goal"]).progress.status == "unknown"


def test_measure_in_another_area_uses_that_area():
    t = f.tree()
    f.measure(t["goal"], area_code="W2")
    f.observe("W1", f.indicator(), {2025: 90.0})
    f.observe("W2", f.indicator(), {2025: 99.0})
    assert annotate_goal(t["goal"]).progress.status == "behind"


def test_review_and_efforts_feed_result_progress():
    t = f.tree()
    first, second = t["results"]
    services.object_create(user=None, model=Review, result=first, year=2024, achieved="no")
    services.object_create(user=None, model=Review, result=first, year=2025, achieved="yes")
    services.object_create(user=None, model=Effort, result=second, title="A", recorded_status="on_track")
    services.object_create(user=None, model=Effort, result=second, title="B", recorded_status="behind", weight=3)
    goal = annotate_goal(t["goal"])
    r1, r2 = goal.result_list
    assert r1.progress.status == "on_track"  # the latest year's answer counts
    assert r2.progress.status == "behind"  # (1*1 + 3*0) / 4 = 0.25
    assert goal.progress.status == "at_risk"  # (1 + 0) / 2


def test_result_measure_overrides_the_goal_measure():
    t = f.tree()
    f.measure(t["goal"])
    other = f.indicator("g_other", direction="higher_better")
    f.measure(t["goal"], result=t["results"][1], ind=other, baseline=(2020, 10.0), target=(2030, 20.0))
    f.observe("W1", f.indicator(), {2025: 90.0})
    f.observe("W1", other, {2025: 11.0})
    goal = annotate_goal(t["goal"])
    assert [r.progress.status for r in goal.result_list] == ["on_track", "behind"]
    assert [m.indicator.code for m in goal.result_list[1].applied_measures] == ["g_other"]


def test_programme_rolls_up_themes_by_weight():
    t = f.tree()
    f.measure(t["goal"])
    f.observe("W1", f.indicator(), {2025: 90.0})
    from wijksturing.programmes.models import Goal, Theme

    theme2 = services.object_create(user=None, model=Theme, programme=t["programme"], title="Groen", weight=3)
    services.object_create(user=None, model=Goal, theme=theme2, title="Meer groen", recorded_status="behind")
    programme = annotate_programme(t["programme"])
    assert [th.progress.status for th in programme.theme_list] == ["on_track", "behind"]
    assert programme.progress.status == "behind"  # (1*1 + 3*0) / 4


def test_bad_measure_names_the_field():
    from django.core.exceptions import ValidationError

    t = f.tree()
    with pytest.raises(ValidationError) as err:
        f.measure(t["goal"], baseline=(2030, 1.0), target=(2030, 2.0))
    assert "target_year" in err.value.message_dict
