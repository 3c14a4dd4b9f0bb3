"""Shown over a screen that needs more room than a phone gives (below 60×20, from 40×16 up).

Today, the pain check-in, the session runner and the relief routine have a compact layout; the plan
calendar, the builder, the library, history, help and the dialogs do not, and drawn squeezed they would
be unreadable. Escape goes back: from a place to Today, from a dialog to the screen under it.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from planner.app.access import planner_app
from planner.app.compact import COMFORTABLE_HEIGHT, COMFORTABLE_WIDTH
from planner.app.screens.dismiss_once import DismissOnce


class NarrowScreen(DismissOnce, ModalScreen[None]):
    BINDINGS = [Binding("escape", "back", "Back")]

    def compose(self) -> ComposeResult:
        snapshot = planner_app(self).snapshot
        if snapshot is not None and snapshot.plan is None:  # the plan builder, on a first run
            after = ("No plan yet. Build one in a wider window, or from the shell:\n"
                     "planner plan new --program core-flexibility\n\nEscape: the relief routine; q quits.")
        else:
            after = "Turn the phone sideways or widen the window.\n\nEscape goes back; q quits."
        with Vertical(id="narrow-box"):
            yield Static(f"Wider terminal needed for this screen ({COMFORTABLE_WIDTH}×{COMFORTABLE_HEIGHT}).\n\n"
                         f"{after}", id="narrow")
            with Center():
                yield Button("Back", id="back", compact=True)  # a phone's browser keyboard has no Escape

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.action_back()

    def action_back(self) -> None:
        planner_app(self).go_back_from_narrow()
