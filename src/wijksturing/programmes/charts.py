"""A server-rendered SVG line chart of an indicator against its baseline and target (no
JavaScript); the page always shows the same numbers in a table next to it.

Coordinates are written for machines (``240.5``, whatever the language of the page: a Dutch
``240,5`` garbles the SVG) and labels for people (``1.234,5`` in Dutch), both by the project's one
formatter (:mod:`wijksturing.core.numbers`). The template prints them as they are."""

from __future__ import annotations

from dataclasses import dataclass

from wijksturing.core.numbers import display, machine

W, H = 640, 280
LEFT, RIGHT, TOP, BOTTOM = 64, 24, 20, 40


@dataclass
class Chart:
    width: int
    height: int
    points: list[dict]  # observed: x, y (SVG text), year, value (as shown)
    path: str
    plan: dict | None  # baseline → target line: x1, y1, x2, y2 (SVG text)
    x_ticks: list[dict]  # x (SVG text), label
    y_ticks: list[dict]  # y (SVG text), label (as shown)


def _ticks(lo: float, hi: float, n: int = 4) -> list[float]:
    if hi == lo:
        return [lo]
    step = (hi - lo) / n
    return [lo + i * step for i in range(n + 1)]


def line_chart(*, series: list[tuple[int, float | None]], baseline: tuple[int, float | None],
               target: tuple[int, float], decimals: int = 1, lang: str = "nl") -> Chart | None:
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

    def sx(year: float) -> str:
        return machine(LEFT + (year - x0) / ((x1 - x0) or 1) * (W - LEFT - RIGHT), 1)

    def sy(value: float) -> str:
        return machine(TOP + (hi - value) / ((hi - lo) or 1) * (H - TOP - BOTTOM), 1)

    def shown(value: float) -> str:
        return display(value, decimals, lang=lang)

    points = [{"x": sx(y), "y": sy(v), "year": y, "value": shown(v)} for y, v in sorted(obs)]
    path = " ".join(("M" if i == 0 else "L") + f"{p['x']},{p['y']}" for i, p in enumerate(points))
    plan = None
    if baseline[1] is not None:
        plan = {"x1": sx(baseline[0]), "y1": sy(baseline[1]), "x2": sx(target[0]), "y2": sy(target[1])}
    x_ticks = [{"x": sx(y), "label": str(y)} for y in sorted(set(years))]
    y_ticks = [{"y": sy(v), "label": shown(v)} for v in _ticks(lo, hi)]
    return Chart(W, H, points, path, plan, x_ticks, y_ticks)


def value_rows(*, series: list[tuple[int, float | None]], decimals: int = 1, lang: str = "nl") -> list[tuple[int, str]]:
    """The chart's figures for its table, rounded to the indicator's decimals as people read them
    (``188,9``, never ``188,94736842105263``); ``–`` for a missing year."""
    return [(year, display(value, decimals, lang=lang)) for year, value in series]
