"""An exercise's figure drawn in braille: still for a hold, moving between its poses for a rep.

The movement runs on a Textual timer at a few frames a second (set by the figure's tempo), never a
busy loop, and stops when the widget is hidden or removed; with ``animate=False`` it draws the first
key poses side by side, labelled, and schedules nothing. Drop it anywhere an exercise is shown (the library, the runner).
"""

from __future__ import annotations

from textual.widgets import Static

from planner.domain.figures.braille import render
from planner.domain.figures.skeleton import frame, key_drawings, shared_bounds
from planner.domain.figures.terminal import figure_text
from planner.domain.library.figure import Figure

FRAMES_PER_MOVE = 4  # steps from start to end: enough to read the movement, cheap on a phone


class FigureView(Static):
    """``FigureView(figure, animate=True)``: the drawing, ``columns`` x ``rows`` cells."""

    DEFAULT_CSS = "FigureView { width: auto; height: auto; color: $text; }"

    def __init__(self, figure: Figure | None = None, *, animate: bool = True, columns: int = 24, rows: int = 6,
                 name: str | None = None, id: str | None = None, classes: str | None = None) -> None:
        super().__init__("", name=name, id=id, classes=classes)
        self.figure, self.animate, self.columns, self.rows = figure, animate, columns, rows
        self.elapsed = 0.0
        self._timer = None

    @property
    def moving(self) -> bool:
        return self.animate and self.figure is not None and self.figure.hold is None

    def on_mount(self) -> None:
        self._draw()
        self._restart()

    def show_figure(self, figure: Figure | None, *, animate: bool | None = None) -> None:
        """Draw another figure (or none: the widget hides)."""
        self.figure = figure
        if animate is not None:
            self.animate = animate
        self.elapsed = 0.0
        self._draw()
        self._restart()

    def _restart(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        if self.moving and self.is_attached:
            assert self.figure is not None
            self._timer = self.set_interval(self.figure.tempo / FRAMES_PER_MOVE, self._tick)

    def _tick(self) -> None:
        assert self.figure is not None
        self.elapsed += self.figure.tempo / FRAMES_PER_MOVE
        self._draw()

    def _draw(self) -> None:
        self.display = self.figure is not None
        if self.figure is None:
            return
        if not self.moving:
            self.update("\n".join(figure_text(self.figure, self.columns, self.rows)))
            return
        drawing = frame(self.figure, self.elapsed)
        bounds = shared_bounds([d for _, d in key_drawings(self.figure)])
        self.update("\n".join(render(drawing, self.columns, self.rows, bounds)))

    def on_unmount(self) -> None:
        if self._timer is not None:
            self._timer.stop()


