"""The safety questions before a plan is built: the same warning signs as ``planner screen``, asked once.

Each sign is a No and a Yes (:class:`~planner.app.widgets.questions.SignQuestion`), as in the pain
check-in: the first No has focus, so a stray space or Enter answers no, never yes. No yes (a sign left
unanswered counts as no) records "none of these" and the plan is built. An emergency or urgent yes builds
no plan, shows that sign's alert and pauses; a yes to tingling in one leg shows its advice, and the plan is
built without the stretches that load the nerve.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Select, Static

from planner.app import messages
from planner.app.bindings import SCREENING_BINDINGS
from planner.app.screens.dismiss_once import DismissOnce
from planner.app.widgets.alert_box import AlertBox
from planner.app.widgets.questions import SignQuestion
from planner.domain.pain.warning_signs import SCREENING_INTRO, SIGNS

# The same three answers as 'planner screen --eases forward|back|neither'.
EASES_OPTIONS = [("Neither, or not sure", "neither"),
                 ("Bending forward (sitting, knees to chest)", "forward"),
                 ("Leaning back (standing, walking, lying on the front)", "back")]


class ScreeningDialog(DismissOnce, ModalScreen[bool]):
    """Dismisses with True when the answers allow a plan to be built."""

    BINDINGS = SCREENING_BINDINGS

    def __init__(self) -> None:
        super().__init__()
        self.recorded = False

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="screening"):
            yield AlertBox(id="alert")
            yield Static(f"{SCREENING_INTRO} Answer each: y or n (a question left unanswered counts as no).")
            for sign in SIGNS:
                yield SignQuestion(sign.question, id=f"screen-{sign.name}")
            yield Static("Which eases your back? Your first weeks leave out the other direction.")
            yield Select(EASES_OPTIONS, value="neither", allow_blank=False, id="eases", compact=True)
            with Horizontal(id="screening-buttons"):
                yield Button("Record answers (ctrl+s)", variant="primary", id="record", compact=True)
                yield Button("Cancel", id="close", compact=True)
            yield Static(id="screening-result")

    def on_mount(self) -> None:
        self.query_one(SignQuestion).focus_first()

    @on(SignQuestion.Answered)
    def _sign_answered(self, event: SignQuestion.Answered) -> None:
        """On to the next question's No (after the last, to the direction that eases the back)."""
        questions = list(self.query(SignQuestion))
        index = questions.index(event.question)
        if index + 1 < len(questions):
            questions[index + 1].focus_first()
        else:
            self.query_one("#eases", Select).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "record":
            self.action_record()
        else:
            self.action_close()

    def action_close(self) -> None:
        self.dismiss(False)

    def action_record(self) -> None:
        if self.recorded:
            return
        self.recorded = True
        yes = tuple(s.name for s in SIGNS if self.query_one(f"#screen-{s.name}", SignQuestion).value is True)
        value = self.query_one("#eases", Select).value
        eases = next((e for e in ("forward", "back", "neither") if e == value), "neither")
        self.query_one("#record", Button).disabled = True
        self.post_message(messages.RecordScreening(self, yes, eases))

    @on(messages.Done)
    def _answered(self, event: messages.Done) -> None:
        outcome = event.outcome
        if outcome.alert is None or not outcome.alert.pauses:
            # Numbness in one leg pauses nothing: the plan is built without the nerve-loading stretches,
            # and its first adjustment says so.
            self.dismiss(True)
            return
        self.query_one(AlertBox).show(outcome.alert)
        self.query_one("#screening-result", Static).update(Content.styled(
            "No plan was built. Once a health professional has assessed you, answer the questions again "
            "(build a plan, or run 'planner screen --none'). Press Escape to close.", "bold"))
        self.query_one("#close", Button).focus()
        self.query_one("#screening", VerticalScroll).scroll_home(animate=False)
