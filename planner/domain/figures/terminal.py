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
