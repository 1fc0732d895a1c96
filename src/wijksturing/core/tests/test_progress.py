"""Progress rules and roll-up (wijksturing.core.progress), examples and properties."""

import math

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from wijksturing.core.progress import RANK, Status, Target, assess, expected_value, rollup

# A decrease target: 80 crimes per 1,000 in 2023 down to 60 in 2031 (2.5 a year).
DOWN = Target(baseline_value=80.0, baseline_year=2023, target_value=60.0, target_year=2031)
UP = Target(baseline_value=40.0, baseline_year=2020, target_value=60.0, target_year=2030)


def test_on_the_line_is_on_track():
    result = assess(DOWN, [(2023, 80.0), (2027, 70.0)])
    assert result.status is Status.ON_TRACK
    assert result.expected_share == pytest.approx(0.5)
    assert result.achieved_share == pytest.approx(0.5)
    assert result.expected_value == pytest.approx(70.0)
    assert result.projected_value == pytest.approx(60.0)


@pytest.mark.parametrize(
    "value, status",
    [(71.0, Status.ON_TRACK),  # achieved 0.45, 0.05 behind the line
     (73.0, Status.AT_RISK),  # achieved 0.35, 0.15 behind
     (76.0, Status.BEHIND),  # achieved 0.20, 0.30 behind
     (85.0, Status.BEHIND),  # went the wrong way
     (55.0, Status.ON_TRACK)],  # beyond the target
)
def test_decrease_bands(value, status):
    assert assess(DOWN, [(2027, value)]).status is status


@pytest.mark.parametrize(
    "value, status", [(49.0, Status.ON_TRACK), (47.0, Status.AT_RISK), (44.0, Status.BEHIND), (38.0, Status.BEHIND)]
)
def test_increase_bands(value, status):
    # 2025 is half-way: expected 50
    assert assess(UP, [(2025, value)]).status is status


def test_latest_year_after_baseline_is_used_and_order_does_not_matter():
    series = [(2027, 70.0), (2021, 99.0), (2025, 90.0), (2023, 80.0)]
    result = assess(DOWN, series)
    assert (result.year, result.value) == (2027, 70.0)


def test_missing_data_is_unknown():
    assert assess(DOWN, []).status is Status.UNKNOWN
    only_before = assess(DOWN, [(2021, 70.0), (2023, 80.0)])
    assert (only_before.status, only_before.reason) == (Status.UNKNOWN, "no_data_after_baseline")
    gaps = assess(DOWN, [(2024, None), (2025, float("nan"))])
    assert gaps.status is Status.UNKNOWN
    no_base = assess(Target(None, 2023, 60.0, 2031), [(2027, 70.0)])
    assert (no_base.status, no_base.reason) == (Status.UNKNOWN, "no_baseline")


def test_missing_latest_year_falls_back_to_last_known():
    result = assess(DOWN, [(2025, 75.0), (2027, None)])
    assert result.year == 2025


def test_after_the_deadline_the_full_change_is_expected():
    late = assess(DOWN, [(2033, 62.0)])
    assert late.expected_share == 1.0
    assert late.status is Status.ON_TRACK  # 0.9 achieved, within the 0.10 margin
    assert assess(DOWN, [(2033, 64.0)]).status is Status.AT_RISK  # 0.8 achieved


def test_reached_target():
    assert assess(DOWN, [(2025, 59.0)]).reason == "reached"


def test_maintain_target_both_ways():
    keep = Target(10.0, 2020, 10.0, 2030)
    assert assess(keep, [(2024, 10.5)]).status is Status.ON_TRACK
    assert assess(keep, [(2024, 12.0)]).status is Status.AT_RISK  # 20 % away, either way
    assert assess(keep, [(2024, 8.0)]).status is Status.AT_RISK
    assert assess(keep, [(2024, 14.0)]).status is Status.BEHIND
    # only the unwanted direction counts when one direction is better
    assert assess(keep, [(2024, 14.0)], better="higher").status is Status.ON_TRACK
    assert assess(keep, [(2024, 14.0)], better="lower").status is Status.BEHIND
    assert assess(keep, [(2024, 6.0)], better="lower").status is Status.ON_TRACK


def test_bad_input_names_the_field():
    with pytest.raises(ValueError, match="target_year"):
        Target(1.0, 2030, 2.0, 2030)
    with pytest.raises(ValueError, match="target_value"):
        Target(1.0, 2020, float("nan"), 2030)
    with pytest.raises(ValueError, match="better"):
        assess(DOWN, [], better="up")
    with pytest.raises(ValueError, match="weight"):
        rollup([(Status.ON_TRACK, -1)])


def test_expected_value_is_clipped():
    assert expected_value(DOWN, 2000) == 80.0
    assert expected_value(DOWN, 2040) == 60.0


def test_rollup_examples():
    assert rollup([]).status is Status.UNKNOWN
    assert rollup([(Status.UNKNOWN, 1.0)]).status is Status.UNKNOWN
    mixed = rollup([(Status.ON_TRACK, 1), (Status.BEHIND, 1), (Status.UNKNOWN, 2)])
    assert mixed.status is Status.AT_RISK and mixed.score == 0.5 and mixed.coverage == 0.5
    heavy = rollup([(Status.ON_TRACK, 3), (Status.BEHIND, 1)])
    assert heavy.status is Status.ON_TRACK and heavy.score == 0.75
    assert rollup([(Status.AT_RISK, 1), (Status.BEHIND, 1)]).status is Status.BEHIND  # 0.25
    assert rollup([("on_track", 1), ("at_risk", 1)]).counts["on_track"] == 1


# ---- properties ------------------------------------------------------------------------------

values = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False, allow_infinity=False)
years = st.integers(min_value=2000, max_value=2040)


@st.composite
def targets(draw):
    base_year = draw(st.integers(2000, 2030))
    span = draw(st.integers(1, 12))
    base = draw(values)
    change = draw(st.floats(min_value=0.01, max_value=1e5))
    sign = draw(st.sampled_from([-1, 1]))
    return Target(base, base_year, base + sign * change, base_year + span)


@given(targets(), st.integers(1, 15), st.floats(min_value=-3, max_value=3))
def test_mirrored_targets_get_the_same_status(target, after, share):
    """Asking for a decrease is the mirror image of asking for an increase."""
    year = target.baseline_year + after
    value = target.baseline_value + share * (target.target_value - target.baseline_value)
    mirrored = Target(-target.baseline_value, target.baseline_year, -target.target_value, target.target_year)
    a, b = assess(target, [(year, value)]), assess(mirrored, [(year, -value)])
    assert a.status == b.status


@given(targets(), st.integers(1, 15), st.floats(-3, 3), st.floats(0, 2))
def test_a_better_value_never_gives_a_worse_status(target, after, share, extra):
    year = target.baseline_year + after
    delta = target.target_value - target.baseline_value
    worse = assess(target, [(year, target.baseline_value + share * delta)])
    better = assess(target, [(year, target.baseline_value + (share + extra) * delta)])
    assert RANK[better.status] >= RANK[worse.status]


@given(targets(), st.lists(st.tuples(years, values), max_size=6))
def test_no_observation_after_baseline_is_unknown(target, series):
    before = [(y, v) for y, v in series if y <= target.baseline_year]
    assert assess(target, before).status is Status.UNKNOWN


@given(targets(), st.integers(1, 15))
def test_the_planned_path_is_on_track(target, after):
    year = target.baseline_year + after
    value = expected_value(target, year)
    assume(math.isfinite(value))
    assert assess(target, [(year, value)]).status is Status.ON_TRACK


statuses = st.sampled_from(list(Status))
children = st.lists(st.tuples(statuses, st.floats(min_value=0.1, max_value=10)), max_size=8)


@given(children, st.randoms())
def test_rollup_does_not_depend_on_order(kids, rnd):
    shuffled = list(kids)
    rnd.shuffle(shuffled)
    a, b = rollup(kids), rollup(shuffled)
    assert a.status == b.status
    assert a.coverage == pytest.approx(b.coverage)


@given(children, st.integers(0, 5))
def test_unknown_children_do_not_change_the_status(kids, n):
    base = rollup(kids)
    more = rollup(kids + [(Status.UNKNOWN, 1.0)] * n)
    assert more.status == base.status
    assert more.coverage <= base.coverage + 1e-12 or not kids


@given(st.lists(st.floats(min_value=0.1, max_value=10), min_size=1, max_size=8), statuses)
def test_all_children_alike_give_that_status(weights, status):
    assert rollup([(status, w) for w in weights]).status == status


@given(children, st.floats(min_value=0.1, max_value=10))
def test_improving_a_child_never_worsens_the_rollup(kids, weight):
    worse = rollup(kids + [(Status.BEHIND, weight)])
    better = rollup(kids + [(Status.ON_TRACK, weight)])
    assert RANK[better.status] >= RANK[worse.status]
