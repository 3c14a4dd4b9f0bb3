"""Width and height classes for screens whose layout changes with the terminal's size.

Textual's own breakpoints update only the screen on top when the terminal is
resized, so a screen under a dialog (or under the too-small notice) would come
back laid out for the old size. These classes are set again whenever the
screen is shown, as well as on every resize.
"""

from __future__ import annotations

from textual.events import Resize
from textual.geometry import Size
from textual.screen import Screen

from planner.app.compact import COMFORTABLE_WIDTH, TALL_HEIGHT, WIDE_WIDTH

# Below the comfortable width: a phone; from the wide width: room for two panes. The numbers live in
# planner.app.compact, the one place every size decision reads.
WIDTHS = [(0, "-narrow"), (COMFORTABLE_WIDTH, "-normal"), (WIDE_WIDTH, "-wide")]
HEIGHTS = [(0, "-short"), (TALL_HEIGHT, "-tall")]


def _pick(value: int, steps: list[tuple[int, str]]) -> str:
    return [name for low, name in steps if value >= low][-1]


class SizedScreen(Screen):
    """A screen with ``-narrow``/``-normal``/``-wide`` and ``-short``/``-tall`` classes for its CSS.

    It sets them itself, so the app-wide breakpoints (:mod:`planner.app.compact`) are switched off here.
    """

    HORIZONTAL_BREAKPOINTS = []  # noqa: RUF012  (Textual's class variable: none, this screen sets its own)
    VERTICAL_BREAKPOINTS = []  # noqa: RUF012

    def _fit(self, size: Size) -> None:
        for steps, value in ((WIDTHS, size.width), (HEIGHTS, size.height)):
            chosen = _pick(value, steps)
            for _, name in steps:
                self.set_class(name == chosen, name)
        self.size_changed(size)

    def size_changed(self, size: Size) -> None:
        """Called after the classes change; a screen can redraw text that depends on the width."""

    def on_mount(self) -> None:
        self._fit(self.app.size)

    def on_resize(self, event: Resize) -> None:
        self._fit(event.size)

    def on_screen_resume(self) -> None:
        """Shown again (a dialog or the too-small notice closed): the terminal may have been resized
        meanwhile, and the app learns its new size only after the resize that closed the notice."""
        self._fit(self.app.size)
        self.call_after_refresh(lambda: self._fit(self.app.size))
