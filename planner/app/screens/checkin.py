"""The pain check-in: a score, when, where, and the red-flag questions asked plainly."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Select, Static

from planner.app.bindings import MODAL_BINDINGS
from planner.domain.records import PainReport
from planner.domain.safety import RED_FLAG_LABELS


class PainCheckIn(ModalScreen[bool]):
    BINDINGS = MODAL_BINDINGS

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="pain"):
            yield Static("[b]How is your back?[/b]  Pain from 0 (none) to 10 (worst)")
            yield Input(placeholder="0-10", id="score", max_length=2)
            yield Select([("after the session", "after"), ("during the session", "during"),
                          ("the next morning", "next-morning")], value="after", allow_blank=False, id="when")
            yield Input(placeholder="where (optional), e.g. lower back", id="where")
            yield Static("Since the session, have you had any of these?")
            for key, label in RED_FLAG_LABELS.items():
                yield Checkbox(label, id=f"flag-{key}")
            with Horizontal(id="pain-buttons"):
                yield Button("Record", variant="primary", id="record")
                yield Button("Close", id="close")
            yield Static(id="result")

    def on_mount(self) -> None:
        self.query_one("#score", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.record()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "record":
            self.record()
        else:
            self.dismiss(False)

    def action_close(self) -> None:
        self.dismiss(False)

    def record(self) -> None:
        text = self.query_one("#score", Input).value.strip()
        if not text.isdigit() or not 0 <= int(text) <= 10:
            self.query_one("#result", Static).update("Enter a whole number from 0 to 10.")
            return
        flags = tuple(k for k in RED_FLAG_LABELS if self.query_one(f"#flag-{k}", Checkbox).value)
        data = self.app.data  # type: ignore[attr-defined]
        report = PainReport(data.today, str(self.query_one("#when", Select).value), int(text),  # type: ignore[arg-type]
                            self.query_one("#where", Input).value.strip(), (), flags)
        lines = data.report_pain(report)
        result = self.query_one("#result", Static)
        result.update("\n".join(lines))
        result.set_class(bool(flags), "urgent")
        self.query_one("#record", Button).disabled = True
