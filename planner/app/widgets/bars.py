"""A two-row bar chart on a fixed scale, one bar per value, newest on the right.

Textual's Sparkline scales between the data's own minimum and maximum and
stretches a few points across the whole width, so pain of 2 then 3 would look
like 0 then 10. Pain over time must keep its 0–10 scale to tell the truth.
"""

from __future__ import annotations

from textual.content import Content
from textual.widget import Widget

BLOCKS = " ▁▂▃▄▅▆▇█"
ZERO = "·"


def bar_rows(values: list[float], scale: float, width: int, rows: int = 2) -> list[str]:
    """Text rows, top first, for the newest values that fit ``width`` (one column each, a space between)."""
    fits = max(1, (width + 1) // 2)
    shown = values[-fits:]
    steps = len(BLOCKS) - 1
    lines = [[] for _ in range(rows)]
    for value in shown:
        eighths = round(min(max(value, 0), scale) / scale * steps * rows) if scale > 0 else 0
        if value > 0:
            eighths = max(eighths, 1)
        for row in range(rows):  # row 0 is the bottom
            level = min(max(eighths - row * steps, 0), steps)
            char = ZERO if (row == 0 and value <= 0) else BLOCKS[level]
            lines[rows - 1 - row].append(char)
    return [" ".join(line) for line in lines]


class BarChart(Widget):
    """Fixed-scale bars; ``values`` and ``scale`` are set together with :meth:`show`."""

    DEFAULT_CSS = "BarChart { height: 2; width: 1fr; }"

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.values: list[float] = []
        self.scale = 1.0

    def show(self, values: list[float], scale: float) -> None:
        self.values, self.scale = list(values), scale
        self.refresh()

    def render(self) -> Content:
        rows = bar_rows(self.values, self.scale, self.size.width or 40, max(self.size.height, 1))
        return Content("\n".join(rows))
