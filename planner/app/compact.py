"""Phone-sized terminals: the sizes, and the footer that shows only the keys that fit.

From 40×16 (an SSH app or a browser on a phone in portrait) to the comfortable 60×20, Today, the pain
check-in, the session runner and the relief routine draw a single column; every other screen asks for a
wider terminal. The app sets Textual's breakpoint classes on every screen (``-narrow``/``-wide`` by
width, ``-short``/``-tall`` by height), so each screen's stylesheet says what changes.
"""

from __future__ import annotations

from dataclasses import replace

from textual.binding import ActiveBinding
from textual.screen import Screen
from textual.widgets import Footer

MIN_WIDTH, MIN_HEIGHT = 40, 16  # below this nothing is drawn: the too-small screen
COMFORTABLE_WIDTH, COMFORTABLE_HEIGHT = 60, 20  # below this the compact layout
TWO_PANE_WIDTH = 80  # from here a list and its reader sit side by side (Learn, the plan's weeks)
WIDE_WIDTH = 110  # from here a screen with three layouts (see planner.app.screens.sizes) adds a second pane
TALL_HEIGHT = 22  # from here such a screen has room for its longer text

HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (COMFORTABLE_WIDTH, "-wide")]
VERTICAL_BREAKPOINTS = [(0, "-short"), (COMFORTABLE_HEIGHT, "-tall")]

# The screens drawn in the compact layout (by class name, so this module imports none of them).
# The rest say "wider terminal needed" over themselves.
COMPACT_SCREENS = frozenset({"TodayScreen", "PainCheckIn", "SessionRunner", "ReliefScreen", "MoreMenu",
                             "NarrowScreen", "TooSmallScreen", "CommandPalette", "ConfirmResume"})


def is_compact(screen: Screen) -> bool:
    return screen.has_class("-narrow") or screen.has_class("-short")


class CompactFooterKeys(Screen):
    """A screen whose footer shows only ``COMPACT_KEYS`` (actions) in the compact layout.

    Every key still works; the footer just stops listing what does not fit in 40 columns. The bindings
    stay the one table in ``planner.app.bindings``.
    """

    COMPACT_KEYS: tuple[str, ...] = ()

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        bindings = super().active_bindings
        if not is_compact(self):
            return bindings
        return {key: active._replace(binding=replace(active.binding, show=active.binding.action in self.COMPACT_KEYS))
                for key, active in bindings.items()}

    def on_resize(self) -> None:
        """Runs before Textual's own handler sets the breakpoint classes, so the redraw waits for them."""
        self.call_later(self.layout_changed)

    def layout_changed(self) -> None:
        """The screen's size (and perhaps its breakpoint classes) changed: redraw what depends on them."""
        compact = is_compact(self)
        for footer in self.query(Footer):
            footer.compact = compact
            footer.show_command_palette = not compact  # ctrl+p is listed in help
        self.refresh_bindings()
