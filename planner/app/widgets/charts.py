"""History's charts, drawn with textual-plotext: dates along the bottom, honest fixed scales.

Each function fills one :class:`PlotextPlot` from plain numbers. The x axis is
days since the first day shown, labelled with dates, so a gap in training
shows as a gap. Pain keeps its 0–10 scale whatever the data, so a 2 then a 3
never looks like a leap. Nothing here ticks: a chart redraws only when its
data or its size changes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from textual_plotext import PlotextPlot


@dataclass
class Series:
    """Points as (date, value); ``marks`` are dates to draw a vertical line at (pain adjustments)."""

    points: list[tuple[dt.date, float]] = field(default_factory=list)
    easier: list[tuple[dt.date, float]] = field(default_factory=list)  # bars of easier weeks
    marks: list[dt.date] = field(default_factory=list)


def date_ticks(first: dt.date, last: dt.date, width: int, step_days: int = 1) -> tuple[list[float], list[str]]:
    """Evenly spaced positions (in steps of ``step_days`` from ``first``) labelled with their dates ("02 Mar"),
    as many as fit ``width``."""
    span = max((last - first).days // step_days, 1)
    count = max(2, min(6, width // 10, span + 1))
    step = max(1, -(-span // (count - 1)))
    offsets = list(range(0, span + 1, step))
    return [float(o) for o in offsets], [(first + dt.timedelta(days=o * step_days)).strftime("%d %b") for o in offsets]


def whole_ticks(top: float) -> list[int]:
    """Round numbers from 0 to ``top`` (0, 2, 4 … 10 for pain), about five of them."""
    step = next((s for s in (1, 2, 5, 10, 20, 50, 100) if top / s <= 5), 100)
    return list(range(0, int(top) + 1, step))


def _width(x: list[float], share: float = 0.5) -> float:
    """Plotext sizes bars by the gap between a series' own points: scaled here so every series' bars
    come out ``share`` of one step wide, however far apart its points are."""
    gaps = [b - a for a, b in zip(x, x[1:], strict=False) if b > a]
    return share / min(gaps) if gaps else share


def draw(plot: PlotextPlot, series: Series, first: dt.date, last: dt.date, *, kind: str, top: float,
         step_days: int = 1) -> None:
    """Clear ``plot`` and draw ``series`` between ``first`` and ``last`` as bars or a line; x counts
    ``step_days`` (7 for one bar a week)."""
    def at(day: dt.date) -> float:
        return (day - first).days / step_days

    plt = plot.plt
    plt.clear_data()
    plt.clear_figure()
    x = [at(day) for day, _ in series.points]
    y = [value for _, value in series.points]
    if kind == "bar":
        if x:
            plt.bar(x, y, width=_width(x))
        if series.easier:  # shaded, so an easier week reads without colour too
            easier_x = [at(d) for d, _ in series.easier]
            plt.bar(easier_x, [v for _, v in series.easier], width=_width(easier_x), color="yellow", marker="▒")
    elif x:
        plt.plot(x, y, marker="braille")
        plt.scatter(x, y, marker="●")
    for day in series.marks:
        plt.vline(at(day), "red")
    span = max((last - first).days // step_days, 1)
    plt.xlim(-0.6, span + 0.6)
    plt.ylim(0, top)
    plt.yticks(whole_ticks(top))
    ticks, labels = date_ticks(first, last, plot.size.width or 60, step_days)
    plt.xticks(ticks, labels)
    plot.refresh()
