"""The pain check-in: a score, when, where, and the red-flag questions asked plainly.

The answer comes back at once in the same dialog: what changes in the plan
and why, or, after a red flag, the urgent-care message and the pause.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.events import Key
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Label, Select, Static

from planner.app.bindings import CHECKIN_BINDINGS
from planner.app.data import Outcome
from planner.app.widgets.tick_box import TickBox
from planner.domain.pain.safety import RED_FLAG_LABELS
from planner.domain.records import PainReport

WHEN = [("after the session", "after"), ("during the session", "during"), ("the next morning", "next-morning")]


class PainCheckIn(ModalScreen[bool]):
    """Dismisses with True when a report was recorded."""

    BINDINGS = CHECKIN_BINDINGS

    def __init__(self, when: str = "after", typed_ahead: str = "") -> None:
        """``typed_ahead``: digits typed after the key that opened this, before it was up."""
        super().__init__()
        self.when = when
        self.recorded = False
        self._typed_ahead = typed_ahead

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="pain"):
            yield Static(Content.assemble(("How is your back? ", "bold"), "0 = no pain, 10 = the worst you can imagine"))
            with Horizontal(classes="row"):
                yield Label("Pain")
                yield Input(placeholder="0-10", id="score", max_length=2, restrict=r"\d*", compact=True)
                yield Select(WHEN, value=self.when, allow_blank=False, id="when", compact=True)
            with Horizontal(classes="row"):
                yield Label("Where")
                yield Input(placeholder="optional, e.g. lower back, left side", id="where", compact=True)
            yield Static("Since your last session, have you had any of these? Tick any that apply:")
            for key, label in RED_FLAG_LABELS.items():
                yield TickBox(label, id=f"flag-{key}")
            with Horizontal(id="pain-buttons"):
                yield Button("Record (ctrl+s)", variant="primary", id="record", compact=True)
                yield Button("Close", id="close", compact=True)
            yield Static(id="result")

    def on_mount(self) -> None:
        score = self.query_one("#score", Input)
        score.focus()
        for digit in self._typed_ahead:
            self._type_score(digit)

    def on_key(self, event: Key) -> None:
        """A digit sent to this screen before its field had focus goes in the field: Textual routes a key
        when it arrives, so one typed as the screen opened reaches the screen itself, even if the field
        has focus by the time it is handled. Digits typed into the field never get here (it takes them)."""
        form, score = self.query_one("#pain", VerticalScroll), self.query_one("#score", Input)
        if event.character is not None and event.character.isdigit() and self.focused in (None, form, score):
            event.stop()
            self._type_score(event.character)

    def _type_score(self, digit: str) -> None:
        score = self.query_one("#score", Input)
        score.focus()
        if len(score.value) < (score.max_length or 2):
            score.insert_text_at_cursor(digit)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter walks on to the next question rather than recording, so no one skips the red flags.

        It passes over "when": its default is right for the usual after-session report.
        """
        if event.input.id == "score":
            self.query_one("#where", Input).focus()
        else:
            self.query_one(TickBox).focus()

    def action_record(self) -> None:
        self.record()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "record":
            self.record()
        else:
            self.action_close()

    def action_close(self) -> None:
        self.dismiss(self.recorded)

    def record(self) -> None:
        if self.recorded:
            self.action_close()
            return
        text = self.query_one("#score", Input).value.strip()
        result = self.query_one("#result", Static)
        if not text.isdigit() or not 0 <= int(text) <= 10:
            result.update("Type your pain as a whole number from 0 (none) to 10 (worst), then press Enter.")
            self.query_one("#score", Input).focus()
            return
        flags = tuple(k for k in RED_FLAG_LABELS if self.query_one(f"#flag-{k}", Checkbox).value)
        data = self.app.data  # type: ignore[attr-defined]
        report = PainReport(data.today, str(self.query_one("#when", Select).value), int(text),  # type: ignore[arg-type]
                            self.query_one("#where", Input).value.strip(), (), flags)
        self.query_one("#record", Button).disabled = True
        self.recorded = True
        self.app.run_store(lambda: data.report_pain(report), self._show_result)  # type: ignore[attr-defined]

    def _show_result(self, outcome: Outcome) -> None:
        urgent = outcome.snapshot.state.pause == "red-flag"
        result = self.query_one("#result", Static)
        result.update(Content.assemble(("What changes\n", "bold"), "\n".join(outcome.lines),
                                       "\n\nPress Escape to close."))
        result.set_class(urgent, "urgent")
        self.query_one("#close", Button).focus()
        # After the next refresh, when the answer's height is known (at 60×20 the form scrolls).
        form = self.query_one("#pain", VerticalScroll)
        self.call_after_refresh(form.scroll_end, animate=False)
