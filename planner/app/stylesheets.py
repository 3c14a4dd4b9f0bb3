"""Each screen's stylesheet read when that kind of screen is first made, and the parsed rules kept.

Only the first screen's styles (and the size screen that can cover it at once) are parsed at start, so the
app draws Today without reading every place's styles. Each file's rules are scoped by its screen's type, so
reading one later restyles that screen alone. (A screen's own ``CSS_PATH`` would make Textual re-parse every
stylesheet and restyle the whole app the first time it opens.)
"""

from __future__ import annotations

import functools
from pathlib import Path

TYPE_CHECKING = False
if TYPE_CHECKING:
    from textual.screen import Screen

AT_START = ("today", "too_small")
SCREENS_PACKAGE = "planner.app.screens."


@functools.cache
def stylesheet_of(screen_type: type) -> Path | None:
    """``screens/NAME.tcss`` for a screen defined in ``planner/app/screens/NAME.py``, if there is one."""
    module = screen_type.__module__
    if not module.startswith(SCREENS_PACKAGE):
        return None
    path = Path(__file__).parent / "screens" / f"{module.removeprefix(SCREENS_PACKAGE)}.tcss"
    return path.resolve() if path.is_file() else None


class ScreenStylesheets:
    """Mix in before ``App``: a screen's stylesheet is read the first time it is made, and Textual's full
    re-parse on a restyle is skipped while the theme's variables are the same."""

    def refresh_css(self, animate: bool = True) -> None:
        """Textual re-parses every stylesheet here from scratch, twice when a place's screen is first shown
        (and on every theme change). With the same variables as the last parse (no theme change since),
        the rules come out the same: restyle, but keep the parsed rules (and the cache of parsed sources)."""
        sheet = self.stylesheet
        if sheet._variables != self.get_css_variables():  # noqa: SLF001 - a new theme: parse again
            super().refresh_css(animate)
            return
        # Textual's set_variables would also empty the cache of parsed sources, and the next widget type
        # mounted (a new DEFAULT_CSS) would then parse every source again: with the same variables it
        # would set what is already set.
        sheet.reparse = lambda: None
        sheet.set_variables = lambda _variables: None
        try:
            super().refresh_css(animate)
        finally:
            del sheet.reparse, sheet.set_variables

    def _load_screen_css(self, screen: Screen) -> None:
        """A screen's stylesheet, read the first time that kind of screen is made, and applied to it alone."""
        sheet = stylesheet_of(type(screen))
        if sheet is not None and not self.stylesheet.has_source(str(sheet), ""):
            self.stylesheet.read(sheet)
            self.stylesheet.update(screen)
        super()._load_screen_css(screen)
