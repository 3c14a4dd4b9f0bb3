"""Shown instead of the app when the terminal is below 40×16, so nothing is drawn cramped or crashes.

From 40×16 to 60×20 the app draws its compact layout (see ``planner.app.compact``)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.events import Key
from textual.screen import ModalScreen
from textual.widgets import Static

from planner.app.access import planner_app
from planner.app.compact import MIN_HEIGHT, MIN_WIDTH
from planner.app.screens.dismiss_once import DismissOnce

TOO_SMALL = f"Terminal too small.\nplanner needs at least {MIN_WIDTH}×{MIN_HEIGHT}."


class TooSmallScreen(DismissOnce, ModalScreen[None]):

    def compose(self) -> ComposeResult:
        yield Static(f"{TOO_SMALL}\nMake the window bigger, or press q to quit.", id="too-small")

    def on_screen_resume(self) -> None:
        """Back on top (a dialog opened above it has closed): the terminal may have grown meanwhile."""
        planner_app(self).check_size()

    async def on_key(self, event: Key) -> None:
        """Keys stop here. Left to bubble, a key reaches the app's bindings only after the app has caught up,
        and by then a resize may have closed this notice: the key would act on the screen beneath
        (x typed while too small would skip an exercise in the session). q still quits."""
        event.stop()
        event.prevent_default()
        if event.key == "q":
            await self.app.action_quit()  # the app's one way out, as the footer's and the palette's Quit
            return
        # Say why nothing happened (and a test can see the key arrived here, not on the screen beneath).
        self.query_one("#too-small", Static).update(f"{TOO_SMALL}\nKeys do nothing until the window is bigger;\nq quits.")
