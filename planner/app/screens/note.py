"""A short note kept with today's session ("left hip tight", "felt strong"): one line, Enter keeps it."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from planner.app.bindings import MODAL_BINDINGS
from planner.app.screens.dismiss_once import DismissOnce
from planner.app.widgets.text_field import TextField

MAX_NOTE = 200


class NoteDialog(DismissOnce, ModalScreen[str | None]):
    """Dismisses with the note's text (empty removes it), or None when closed without keeping."""

    BINDINGS = MODAL_BINDINGS

    def __init__(self, text: str = "") -> None:
        super().__init__()
        self.text = text

    def compose(self) -> ComposeResult:
        with Vertical(id="note-dialog"):
            yield Static(Content.assemble(("Note for this session", "bold"),
                                          " · Enter keeps it, Escape closes. It shows in history and exports."))
            yield TextField(self.text, placeholder="e.g. left hip tight on the bridge", id="note",
                            max_length=MAX_NOTE, compact=True)

    def on_mount(self) -> None:
        self.query_one("#note", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.dismiss(" ".join(event.value.split()))

    def action_close(self) -> None:
        self.dismiss(None)
