"""The activities the person wants back (``planner function``): name them, or rate each 0-10.

Opened from the command palette (ctrl+p, "Activities you want back") and named by Today's two-weekly prompt.
One line to type: the names separated by ";" when there are none yet, else one score per activity.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from planner.app.bindings import MODAL_BINDINGS
from planner.app.data import Outcome
from planner.domain.function import SCALE, FunctionSummary


class FunctionDialog(ModalScreen[None]):
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
                yield Input(placeholder=" ".join(["5"] * len(current)), id="scores", compact=True)
            else:
                yield Static("Name up to five things your back makes hard, separated by ';'. Enter keeps them.")
                yield Input(placeholder="Putting on socks; Sitting through a film", id="names", compact=True)
            yield Static(id="function-result")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        data = self.app.data  # type: ignore[attr-defined]
        if event.input.id == "scores":
            scores = event.value.replace(",", " ").split()
            self.app.run_store(lambda: data.rate_activities(scores), self._done, self._refused)  # type: ignore[attr-defined]
        else:
            names = [n for n in event.value.split(";") if n.strip()]
            self.app.run_store(lambda: data.add_activities(names), self._done, self._refused)  # type: ignore[attr-defined]

    def _done(self, outcome: Outcome) -> None:
        self.notify(" ".join(outcome.lines))
        self.dismiss(None)

    def _refused(self, message: str) -> None:
        self.query_one("#function-result", Static).update(Content.styled(message, "bold"))

    def action_close(self) -> None:
        self.dismiss(None)
