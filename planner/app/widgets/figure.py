"""An exercise's figure drawn in braille: still for a hold, moving between its poses for a rep.

The movement runs on a Textual timer at a few frames a second (set by the figure's tempo), never a
busy loop, and stops when the widget is hidden or removed; with ``animate=False`` it draws the first
key poses side by side, labelled, and schedules nothing. Drop it anywhere an exercise is shown (the library, the runner).

The session runner moves its figure only while a set of reps is counted (``play``, at the set's own tempo)
and otherwise holds it still in one pose (``hold_still``): no timer runs while nothing is counted.
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
        self.playing = True  # False: a moving figure holds still at ``elapsed`` (the runner between counts)
        self.tempo: float | None = None  # seconds from start to end; None: the figure's own tempo
        self._timer = None

    @property
    def moving(self) -> bool:
        return self.animate and self.playing and self.figure is not None and self.figure.hold is None

    @property
    def _tempo(self) -> float:
        assert self.figure is not None
        return self.tempo or self.figure.tempo

    def play(self, tempo: float | None = None) -> None:
        """Move between the poses, ``tempo`` seconds each way (a rep is there and back)."""
        if self.playing and self.tempo == tempo and (self._timer is not None or not self.moving):
            return
        self.playing, self.tempo = True, tempo
        self._draw()
        self._restart()

    def hold_still(self, *, at_end: bool = False) -> None:
        """Stop the movement and draw one pose: the start (or, ``at_end``, the end: the pose a hold keeps)."""
        elapsed = self._tempo if at_end and self.figure is not None else 0.0
        if not self.playing and self.elapsed == elapsed and self._timer is None:
            return
        self.playing, self.elapsed = False, elapsed
        self._restart()
        self._draw()

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
            self._timer = self.set_interval(self._tempo / FRAMES_PER_MOVE, self._tick)

    def _tick(self) -> None:
        assert self.figure is not None
        self.elapsed += self._tempo / FRAMES_PER_MOVE
        self._draw()

    def _draw(self) -> None:
        self.display = self.figure is not None
        if self.figure is None:
            return
        if not self.animate or self.figure.hold is not None:
            self.update("\n".join(figure_text(self.figure, self.columns, self.rows)))
            return
        drawing = frame(self.figure, self.elapsed * self.figure.tempo / self._tempo)
        bounds = shared_bounds([d for _, d in key_drawings(self.figure)])
        self.update("\n".join(render(drawing, self.columns, self.rows, bounds)))

    def on_unmount(self) -> None:
        if self._timer is not None:
            self._timer.stop()


