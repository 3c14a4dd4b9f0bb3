"""Shown instead of the app when the terminal is below 60×20, so nothing is drawn cramped or crashes."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import ModalScreen
from textual.widgets import Static


class TooSmallScreen(ModalScreen[None]):

    def compose(self) -> ComposeResult:
        yield Static("Terminal too small.\nplanner needs at least 60×20.\nMake the window bigger, or press q to quit.",
                     id="too-small")

    def on_screen_resume(self) -> None:
        """Back on top (a dialog opened above it has closed): the terminal may have grown meanwhile."""
        self.app._check_size()  # type: ignore[attr-defined]
