"""Every key the app answers to, in one table: footer, help screen and command palette read it."""

from __future__ import annotations

from textual.binding import Binding

APP_BINDINGS = [
    Binding("question_mark", "help", "Help", key_display="?"),
    Binding("n", "new_plan", "New plan"),
    Binding("q", "quit", "Quit"),
]

TODAY_BINDINGS = [
    Binding("space", "toggle", "Check off"),
    Binding("d", "all_done", "All done"),
    Binding("r", "pain", "Report pain"),
]

BUILDER_BINDINGS = [
    Binding("ctrl+s", "create", "Create plan"),
    Binding("escape", "cancel", "Cancel"),
]

MODAL_BINDINGS = [Binding("escape", "close", "Close")]
