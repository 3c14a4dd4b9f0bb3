"""Confirm a resume: says what resuming means before the pause is lifted (``planner resume --confirm``)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from planner.app.bindings import RESUME_BINDINGS
from planner.app.screens.dismiss_once import DismissOnce
from planner.domain.pain.warning_signs import RESUME_MEANS


class ConfirmResume(DismissOnce, ModalScreen[bool]):
    """Dismisses with True when the person confirms a professional has assessed them."""

    BINDINGS = RESUME_BINDINGS

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="resume"):
            yield Static(Content.styled("Resume (after a professional has assessed you)", "bold"))
            yield Static(RESUME_MEANS, id="resume-means")
            with Horizontal(id="resume-buttons"):
                yield Button("I was assessed: resume (ctrl+s)", variant="warning", id="confirm", compact=True)
                yield Button("Not yet (Esc)", id="close", compact=True)

    def on_mount(self) -> None:
        self.query_one("#close", Button).focus()  # the safe choice is the one Enter presses

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "confirm")

    def action_confirm(self) -> None:
        self.dismiss(True)

    def action_close(self) -> None:
        self.dismiss(False)
