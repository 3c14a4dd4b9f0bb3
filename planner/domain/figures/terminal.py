"""The figure as plain text for a terminal card: its key poses side by side in braille, labelled."""

from __future__ import annotations

from planner.domain.figures.braille import render
from planner.domain.figures.skeleton import key_drawings, shared_bounds
from planner.domain.library.figure import Figure

COLUMNS, ROWS = 22, 6
GAP = "   "


def figure_text(figure: Figure, columns: int = COLUMNS, rows: int = ROWS) -> list[str]:
    """Lines of text: a label row ("start", "end" or "hold") over each pose's drawing."""
    drawings = key_drawings(figure)
    bounds = shared_bounds([drawing for _, drawing in drawings])
    pictures = [render(drawing, columns, rows, bounds) for _, drawing in drawings]
    labels = GAP.join(f"{name:<{columns}}" for name, _ in drawings).rstrip()
    body = [GAP.join(parts).rstrip() for parts in zip(*pictures, strict=True)]
    return [labels, *body]


def figure_strip(items: list[tuple[str, Figure]], width: int, columns: int = 12, rows: int = 3) -> list[str]:
    """Small drawings of several exercises (their first key pose), named underneath, wrapped to ``width``."""
    cell = columns + 2
    per_row = max(1, (width + 2) // cell)
    lines: list[str] = []
    for start in range(0, len(items), per_row):
        chunk = items[start:start + per_row]
        pictures = [render(key_drawings(figure)[0][1], columns, rows) for _, figure in chunk]
        lines += ["  ".join(parts).rstrip() for parts in zip(*pictures, strict=True)]
        lines.append("  ".join(_fit(name, columns) for name, _ in chunk).rstrip())
    return lines


def _fit(name: str, columns: int) -> str:
    return f"{name[:columns - 1]}…" if len(name) > columns else f"{name:<{columns}}"
