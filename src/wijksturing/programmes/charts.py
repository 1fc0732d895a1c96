"""A server-rendered SVG line chart of an indicator against its baseline and target (no
JavaScript); the page always shows the same numbers in a table next to it."""

from __future__ import annotations

from dataclasses import dataclass

W, H = 640, 280
LEFT, RIGHT, TOP, BOTTOM = 64, 24, 20, 40


@dataclass
class Chart:
    width: int
    height: int
    points: list[dict]  # observed: x, y, year, value
    path: str
    plan: dict | None  # baseline → target line: x1, y1, x2, y2
    x_ticks: list[dict]
    y_ticks: list[dict]


def _ticks(lo: float, hi: float, n: int = 4) -> list[float]:
    if hi == lo:
        return [lo]
    step = (hi - lo) / n
    return [lo + i * step for i in range(n + 1)]


def line_chart(*, series: list[tuple[int, float | None]], baseline: tuple[int, float | None],
               target: tuple[int, float], decimals: int = 1) -> Chart | None:
    obs = [(y, v) for y, v in series if v is not None]
    years = [y for y, _ in obs] + [baseline[0], target[0]]
    values = [v for _, v in obs] + [target[1]] + ([baseline[1]] if baseline[1] is not None else [])
    if not obs and baseline[1] is None:
        return None
    x0, x1 = min(years), max(years)
    lo, hi = min(values), max(values)
    pad = (hi - lo) * 0.1 or abs(hi) * 0.1 or 1.0
    lo, hi = lo - pad, hi + pad
    if lo < 0 <= min(values):
        lo = 0.0

    def sx(year: float) -> float:
        return LEFT + (year - x0) / ((x1 - x0) or 1) * (W - LEFT - RIGHT)

    def sy(value: float) -> float:
        return TOP + (hi - value) / ((hi - lo) or 1) * (H - TOP - BOTTOM)

    points = [{"x": round(sx(y), 1), "y": round(sy(v), 1), "year": y, "value": round(v, decimals)} for y, v in sorted(obs)]
    path = " ".join(("M" if i == 0 else "L") + f"{p['x']},{p['y']}" for i, p in enumerate(points))
    plan = None
    if baseline[1] is not None:
        plan = {"x1": round(sx(baseline[0]), 1), "y1": round(sy(baseline[1]), 1),
                "x2": round(sx(target[0]), 1), "y2": round(sy(target[1]), 1)}
    x_ticks = [{"x": round(sx(y), 1), "label": y} for y in sorted(set(years))]
    y_ticks = [{"y": round(sy(v), 1), "label": round(v, decimals)} for v in _ticks(lo, hi)]
    return Chart(W, H, points, path, plan, x_ticks, y_ticks)
