"""A small braille line renderer: segments drawn with Bresenham's line on a 2x4 dot grid per cell.

Unicode braille (U+2800..U+28FF) gives each character cell 8 dots, so a 24x10-cell card has a 48x40
dot canvas: enough for a stick figure anywhere text goes (a terminal, tmux, SSH, a web page of text).
Written here rather than taken from drawille, which is AGPL-3.0.
"""

from __future__ import annotations

import math

from planner.domain.figures.skeleton import Drawing

# Bit for the dot at (column, row) inside one cell, as Unicode numbers the braille dots.
_DOT = ((0x01, 0x08), (0x02, 0x10), (0x04, 0x20), (0x40, 0x80))
BLANK = chr(0x2800)


class Canvas:
    def __init__(self, columns: int, rows: int) -> None:
        self.columns, self.rows = columns, rows
        self.width, self.height = columns * 2, rows * 4
        self.cells = [[0] * columns for _ in range(rows)]

    def dot(self, x: int, y: int) -> None:
        if 0 <= x < self.width and 0 <= y < self.height:
            self.cells[y // 4][x // 2] |= _DOT[y % 4][x % 2]

    def line(self, x0: int, y0: int, x1: int, y1: int) -> None:
        """Bresenham: every dot on the line from (x0, y0) to (x1, y1), ends included."""
        dx, dy = abs(x1 - x0), -abs(y1 - y0)
        sx, sy = (1 if x0 < x1 else -1), (1 if y0 < y1 else -1)
        error = dx + dy
        while True:
            self.dot(x0, y0)
            if x0 == x1 and y0 == y1:
                return
            double = 2 * error
            if double >= dy:
                error += dy
                x0 += sx
            if double <= dx:
                error += dx
                y0 += sy

    def rows_text(self) -> list[str]:
        return ["".join(chr(0x2800 + cell) for cell in row) for row in self.cells]


def render(drawing: Drawing, columns: int, rows: int,
           bounds: tuple[float, float, float, float] | None = None) -> list[str]:
    """``drawing`` scaled to fit ``columns`` x ``rows`` cells (aspect kept; braille dots are about square).

    ``bounds`` (left, bottom, right, top) fixes the scale, so the poses of one figure share it."""
    canvas = Canvas(columns, rows)
    left, bottom, right, top = bounds or drawing.bounds()
    scale = min((canvas.width - 1) / max(right - left, 1e-6), (canvas.height - 1) / max(top - bottom, 1e-6))
    off_x = (canvas.width - 1 - (right - left) * scale) / 2
    off_y = (canvas.height - 1 - (top - bottom) * scale) / 2

    def at(x: float, y: float) -> tuple[int, int]:
        return round(off_x + (x - left) * scale), round(canvas.height - 1 - off_y - (y - bottom) * scale)

    for segment in drawing.segments:
        canvas.line(*at(segment.x1, segment.y1), *at(segment.x2, segment.y2))
    for circle in drawing.circles:
        steps = max(8, int(circle.r * scale * 6))
        ring = [at(circle.x + circle.r * math.cos(2 * math.pi * i / steps),
                   circle.y + circle.r * math.sin(2 * math.pi * i / steps)) for i in range(steps + 1)]
        for (x0, y0), (x1, y1) in zip(ring, ring[1:], strict=False):
            canvas.line(x0, y0, x1, y1)
    return canvas.rows_text()
