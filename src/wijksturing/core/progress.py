"""Progress of a goal towards its target, and the roll-up of progress, in plain Python.

A goal is measured by an indicator with a **baseline** (value, year) and a **target** (value,
deadline year). The planned path is the straight line from the baseline to the target. For the
latest observed year after the baseline we compare two shares of the planned change:

* ``expected`` — the share of the time from baseline to deadline that has passed
  (``(year - baseline_year) / (deadline - baseline_year)``, clipped to 0..1);
* ``achieved`` — the share of the planned change that has happened
  (``(value - baseline) / (target - baseline)``; negative when the figure moved the wrong way,
  above 1 when it went further than the target).

Status (the defaults are municipal choices, documented in docs/programmes.md):

* ``on_track``  when ``achieved >= expected - on_track_margin`` (default 0.10: at most a tenth
  of the planned change behind the line);
* ``at_risk``   when ``achieved >= expected - at_risk_margin`` (default 0.25);
* ``behind``    otherwise;
* ``unknown``   when the baseline is missing or there is no observation after the baseline year.

The direction follows from the target: a target above the baseline asks for an increase, below
for a decrease, so "higher is worse" indicators need no special case. A target equal to the
baseline means "keep it at this level": the deviation is measured relative to the baseline
(``|baseline|``, or 1 when the baseline is 0) and only deviation in the unwanted direction
(``better="higher"`` or ``"lower"``; both directions when ``better`` is None) counts against it,
with the same two margins.

Roll-up (efforts → results → goals → themes → programme): each known child scores
on_track = 1, at_risk = 0.5, behind = 0, weighted by its weight (default 1). Unknown children
are left out and reported as lower ``coverage``; the weighted mean score gives on_track at
``>= 0.75``, at_risk at ``>= 0.4``, else behind. All children unknown → unknown.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

__all__ = ["Assessment", "Rollup", "Status", "Target", "assess", "expected_value", "rollup"]

ON_TRACK_MARGIN = 0.10
AT_RISK_MARGIN = 0.25
SCORES = {"on_track": 1.0, "at_risk": 0.5, "behind": 0.0}
ROLLUP_ON_TRACK = 0.75
ROLLUP_AT_RISK = 0.4


class Status(StrEnum):
    ON_TRACK = "on_track"
    AT_RISK = "at_risk"
    BEHIND = "behind"
    UNKNOWN = "unknown"


RANK = {Status.BEHIND: 0, Status.AT_RISK: 1, Status.ON_TRACK: 2}


@dataclass(frozen=True)
class Target:
    baseline_value: float | None
    baseline_year: int
    target_value: float
    target_year: int

    def __post_init__(self) -> None:
        if self.target_year <= self.baseline_year:
            raise ValueError(
                f"target_year ({self.target_year}) must be after baseline_year ({self.baseline_year})"
            )
        if not _finite(self.target_value):
            raise ValueError("target_value must be a finite number")

    @property
    def direction(self) -> str:
        """``increase``, ``decrease`` or ``maintain``; ``unknown`` without a baseline."""
        if not _finite(self.baseline_value):
            return "unknown"
        if self.target_value > self.baseline_value:
            return "increase"
        if self.target_value < self.baseline_value:
            return "decrease"
        return "maintain"


@dataclass(frozen=True)
class Assessment:
    status: Status
    reason: str  # no_baseline | no_data_after_baseline | on_the_path | maintain | reached
    year: int | None = None
    value: float | None = None
    expected_value: float | None = None
    expected_share: float | None = None
    achieved_share: float | None = None
    projected_value: float | None = None  # value at the deadline if the pace so far continues


@dataclass(frozen=True)
class Rollup:
    status: Status
    score: float | None
    coverage: float  # share of the total weight whose status is known (0..1)
    counts: dict[str, int]


def _finite(x: float | None) -> bool:
    return x is not None and isinstance(x, (int, float)) and math.isfinite(x)


def expected_value(target: Target, year: int) -> float | None:
    """The value on the straight line from baseline to target in ``year`` (clipped to the ends)."""
    if not _finite(target.baseline_value):
        return None
    share = min(max((year - target.baseline_year) / (target.target_year - target.baseline_year), 0.0), 1.0)
    return target.baseline_value + share * (target.target_value - target.baseline_value)


def _band(gap: float, on_track_margin: float, at_risk_margin: float) -> Status:
    # ``gap`` = how far behind the line, as a share of the planned change (<= 0 is ahead)
    if gap <= on_track_margin + 1e-12:
        return Status.ON_TRACK
    if gap <= at_risk_margin + 1e-12:
        return Status.AT_RISK
    return Status.BEHIND


def assess(
    target: Target,
    series: Iterable[tuple[int, float | None]],
    *,
    better: str | None = None,
    on_track_margin: float = ON_TRACK_MARGIN,
    at_risk_margin: float = AT_RISK_MARGIN,
) -> Assessment:
    """Assess ``series`` (``(year, value)`` pairs, any order, ``None``/``nan`` = missing)."""
    if not 0 <= on_track_margin <= at_risk_margin:
        raise ValueError("margins must satisfy 0 <= on_track_margin <= at_risk_margin")
    if better not in (None, "higher", "lower"):
        raise ValueError("better must be 'higher', 'lower' or None")
    if not _finite(target.baseline_value):
        return Assessment(Status.UNKNOWN, "no_baseline")
    after = sorted((int(y), float(v)) for y, v in series if _finite(v) and int(y) > target.baseline_year)
    if not after:
        return Assessment(Status.UNKNOWN, "no_data_after_baseline")
    year, value = after[-1]
    base = float(target.baseline_value)
    span = target.target_year - target.baseline_year
    expected_share = min((year - target.baseline_year) / span, 1.0)
    expected = expected_value(target, year)
    if target.direction == "maintain":
        scale = abs(base) or 1.0
        deviation = (value - base) / scale  # positive = went up
        if better == "higher":
            gap = -deviation
        elif better == "lower":
            gap = deviation
        else:
            gap = abs(deviation)
        return Assessment(_band(gap, on_track_margin, at_risk_margin), "maintain", year, value, expected,
                          expected_share, None, None)
    achieved_share = (value - base) / (target.target_value - base)
    projected = base + (value - base) * span / (year - target.baseline_year)
    status = _band(expected_share - achieved_share, on_track_margin, at_risk_margin)
    reason = "reached" if achieved_share >= 1.0 else "on_the_path"
    return Assessment(status, reason, year, value, expected, expected_share, achieved_share, projected)


def rollup(children: Sequence[tuple[Status | str, float]]) -> Rollup:
    """Combine ``(status, weight)`` pairs (weights >= 0) into one status; see the module text."""
    counts = {s.value: 0 for s in Status}
    total = known = weighted = 0.0
    for status, weight in children:
        status = Status(status)
        if not _finite(weight) or weight < 0:
            raise ValueError(f"weight must be a finite number >= 0, got {weight!r}")
        counts[status.value] += 1
        total += weight
        if status is Status.UNKNOWN or weight == 0:
            continue
        known += weight
        weighted += weight * SCORES[status.value]
    coverage = known / total if total > 0 else 0.0
    if known == 0:
        return Rollup(Status.UNKNOWN, None, coverage, counts)
    score = weighted / known
    if score >= ROLLUP_ON_TRACK - 1e-12:
        status = Status.ON_TRACK
    elif score >= ROLLUP_AT_RISK - 1e-12:
        status = Status.AT_RISK
    else:
        status = Status.BEHIND
    return Rollup(status, score, coverage, counts)
