"""Phone-sized terminals: the sizes, and the screens that redraw when the size changes.

From 40×16 (an SSH app or a browser on a phone in portrait) to the comfortable 60×20 every screen has a
compact form: Today, the pain check-in, the session runner and the relief routine draw a single column, the
places (plan, library, history, Learn, the builder) stack their panes and wrap their rows, and every dialog
fills the screen. No path waits for a wider terminal (tests/app/test_phone.py opens each at 40×16).

The app sets Textual's breakpoint classes on every screen (``-narrow``/``-wide`` by width, ``-short``/``-tall``
by height), so each screen's stylesheet says what changes.
"""

from __future__ import annotations

from textual.screen import Screen

MIN_WIDTH, MIN_HEIGHT = 40, 16  # below this nothing is drawn: the too-small screen
COMFORTABLE_WIDTH, COMFORTABLE_HEIGHT = 60, 20  # below this the compact layout
TWO_PANE_WIDTH = 80  # from here a list and its reader sit side by side (Learn, the plan's weeks)
WIDE_WIDTH = 110  # from here a screen with three layouts (see planner.app.screens.sizes) adds a second pane
TALL_HEIGHT = 22  # from here such a screen has room for its longer text

HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (COMFORTABLE_WIDTH, "-wide")]
VERTICAL_BREAKPOINTS = [(0, "-short"), (COMFORTABLE_HEIGHT, "-tall")]



def is_compact(screen: Screen) -> bool:
    return screen.has_class("-narrow") or screen.has_class("-short")


class CompactLayout(Screen):
    """A screen with a compact layout: it redraws what depends on the size whenever that changes.

    Its footer (:class:`~planner.app.widgets.footer.FittedFooter`) picks the keys that fit by itself,
    in the order of the screen's ``FOOTER_PRIORITY``.
    """

    FOOTER_PRIORITY: tuple[str, ...] = ()

    def on_resize(self) -> None:
        """Runs before Textual's own handler sets the breakpoint classes, so the redraw waits for them."""
        self.call_later(self.layout_changed)

    def layout_changed(self) -> None:
        """The screen's size (and perhaps its breakpoint classes) changed: redraw what depends on them."""
