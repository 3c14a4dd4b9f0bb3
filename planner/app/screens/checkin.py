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
from planner.app.widgets.alert_box import AlertBox
from planner.app.widgets.question_box import QuestionBox
from planner.domain.days.projection import week_words
from planner.domain.pain.warning_signs import SIGNS
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
        self._flags: tuple[str, ...] = ()

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="pain"):
            yield AlertBox(id="alert")  # at the top, so an alert is the first thing seen
            yield Static(Content.assemble(("How is your back? ", "bold"), "0 = no pain, 10 = the worst you can imagine"))
            with Horizontal(classes="row"):
                yield Label("Pain")
                yield Input(placeholder="0-10", id="score", max_length=2, restrict=r"\d*", compact=True)
                yield Select(WHEN, value=self.when, allow_blank=False, id="when", compact=True)
            yield Static(id="projection")  # "if it stays like this…", once a score is typed
            with Horizontal(classes="row"):
                yield Label("Where")
                yield Input(placeholder="optional, e.g. lower back, left side", id="where", compact=True)
            yield Static("Since your last session, have you had any of these? Tick any that apply:")
            for sign in SIGNS:
                yield QuestionBox(sign.question, id=f"flag-{sign.name}")
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

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "score":
            self._show_projection(event.value.strip())

    def _show_projection(self, text: str) -> None:
        """What the next weeks would look like if pain stayed at this score: the same projection as
        ``planner simulate``, so a person sees what the rules would do before recording anything."""
        box = self.query_one("#projection", Static)
        snapshot = self.app.snapshot  # type: ignore[attr-defined]
        if self.recorded or not text.isdigit() or not 0 <= int(text) <= 10 or snapshot is None:
            box.display = False
            return
        weeks = self.app.data.projection(snapshot, int(text))  # type: ignore[attr-defined]
        if not weeks:
            box.display = False
            return
        names = ("This week", "Next week", "In 2 weeks")
        rows = [f"{names[i] if i < len(names) else f'Week {i + 1}'}: {week_words(week)}"
                for i, week in enumerate(weeks)]
        box.update(Content.assemble((f"If it stays at {text} after every session\n", "bold"), "\n".join(rows)))
        box.display = True

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter walks on to the next question rather than recording, so no one skips the red flags.

        It passes over "when": its default is right for the usual after-session report.
        """
        if event.input.id == "score":
            self.query_one("#where", Input).focus()
        else:
            self.query_one(QuestionBox).focus()

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
        flags = tuple(s.name for s in SIGNS if self.query_one(f"#flag-{s.name}", Checkbox).value)
        data = self.app.data  # type: ignore[attr-defined]
        report = PainReport(data.today, str(self.query_one("#when", Select).value), int(text),  # type: ignore[arg-type]
                            self.query_one("#where", Input).value.strip(), (), flags)
        self._flags = flags
        self.query_one("#record", Button).disabled = True
        self.recorded = True
        self.query_one("#projection", Static).display = False  # what did change is shown below instead
        self.app.run_store(lambda: data.report_pain(report), self._show_result)  # type: ignore[attr-defined]

    def _show_result(self, outcome: Outcome) -> None:
        snapshot = outcome.snapshot
        urgent = snapshot.state.pause == "red-flag"
        alert = outcome.alert  # worked out once, by the action both faces call
        self.query_one(AlertBox).show(alert)
        result = self.query_one("#result", Static)
        lines = outcome.lines
        if alert is not None and alert.pauses:  # the alert above says it all; the reason would repeat it
            lines = ["Your program is paused: do what the alert above says."]
        result.update(Content.assemble(("What changes\n", "bold"), "\n".join(lines),
                                       "\n\nPress Escape to close."))
        result.set_class(urgent, "urgent")
        self.query_one("#close", Button).focus()
        form = self.query_one("#pain", VerticalScroll)
        # After the result is laid out, or the scroll stops short of its last line.
        self.call_after_refresh(form.scroll_home if alert is not None else form.scroll_end, animate=False)
