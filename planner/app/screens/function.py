"""The activities the person wants back (``planner function``): name them, or rate each 0-10.

Opened from the command palette (ctrl+p, "Activities you want back") and named by Today's two-weekly prompt.
One line to type: the names separated by ";" when there are none yet, else one score per activity.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from planner.app import messages
from planner.app.bindings import MODAL_BINDINGS
from planner.app.screens.dismiss_once import DismissOnce
from planner.app.widgets.text_field import TextField
from planner.domain.function import SCALE, FunctionSummary


class FunctionDialog(DismissOnce, ModalScreen[None]):
    BINDINGS = MODAL_BINDINGS

    def __init__(self, summary: FunctionSummary) -> None:
        super().__init__()
        self.summary = summary

    def compose(self) -> ComposeResult:
        current = self.summary.current
        with Vertical(id="function-dialog"):
            yield Static(Content.styled("Activities you want back", "bold"))
            if current:
                lines = [f"{n}. {a.name}: " + (" → ".join(str(r.score) for r in a.ratings) or "not rated yet")
                         for n, a in enumerate(current, 1)]
                yield Static("\n".join(lines))
                yield Static(f"Rate each in order, {SCALE}; Enter keeps them, Escape closes.")
                yield TextField(placeholder=" ".join(["5"] * len(current)), id="scores", compact=True)
            else:
                yield Static("Name up to five things your back makes hard, separated by ';'. Enter keeps them.")
                yield TextField(placeholder="Putting on socks; Sitting through a film", id="names", compact=True)
            yield Static(id="function-result")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "scores":
            self.post_message(messages.RateActivities(self, event.value.replace(",", " ").split()))
        else:
            self.post_message(messages.AddActivities(self, [n for n in event.value.split(";") if n.strip()]))

    @on(messages.Done)
    def _done(self, event: messages.Done) -> None:
        self.notify(" ".join(event.outcome.lines))
        self.dismiss(None)

    @on(messages.Refused)
    def _refused(self, event: messages.Refused) -> None:
        self.query_one("#function-result", Static).update(Content.styled(event.reason, "bold"))

    def action_close(self) -> None:
        self.dismiss(None)
