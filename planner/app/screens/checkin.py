"""The pain check-in: a score, when, where, and the red-flag questions asked plainly.

The answer comes back at once in the same dialog: what changes in the plan
and why, or, after a red flag, the urgent-care message and the pause.
"""

from __future__ import annotations

from typing import cast

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.events import Key, Resize
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static
from textual.worker import get_current_worker

from planner.app import messages
from planner.app.access import planner_app
from planner.app.bindings import CHECKIN_BINDINGS
from planner.app.data import Snapshot, project
from planner.app.screens.dismiss_once import DismissOnce
from planner.app.widgets.alert_box import AlertBox
from planner.app.widgets.questions import QuestionBox, SignQuestion
from planner.app.widgets.text_field import TextField
from planner.clock import hour
from planner.domain.days.projection import week_words
from planner.domain.pain.warning_signs import SIGNS, still_there
from planner.domain.records import PainReport, PainWhen

SETTLED_QUESTION = "Can you walk and move about as usual?"
WHEN = [("after the session", "after"), ("during the session", "during"), ("the next morning", "next-morning")]
# How the projection names each time ("If it is 3 after each session from now on").
EVERY = {"after": "after each session", "during": "during each session",
         "next-morning": "the morning after each session"}
MORNING_ENDS = 12  # before noon, with today's session not yet done, a report is about yesterday's session


def default_when(session_done_today: bool, hour_now: int) -> str:
    """"the next morning" in a morning before today's session; otherwise "after the session"."""
    return "next-morning" if hour_now < MORNING_ENDS and not session_done_today else "after"



class ResultText(Static):
    """What the report changed, under the form. The form is kept at its end so the result shows however late
    it is laid out; a result taller than the window (a long reason on a phone) is shown from its heading
    instead, once its size is known, so it is read from the top rather than from its last lines. With an alert
    the form shows the alert from its first line, and that comes first."""

    from_heading = False  # set for each result shown without an alert; used up by the first size that needs it

    def on_resize(self, event: Resize) -> None:
        form = self.parent
        if not self.from_heading or not isinstance(form, VerticalScroll) or \
                event.size.height <= form.scrollable_content_region.height:
            return
        self.from_heading = False
        form.anchor(False)
        form.scroll_to_widget(self, top=True, animate=False, immediate=True)

class PainCheckIn(DismissOnce, ModalScreen[bool]):
    """Dismisses with True when a report was recorded."""

    BINDINGS = CHECKIN_BINDINGS

    def __init__(self, when: str | None = None, typed_ahead: str = "") -> None:
        """``when``: None chooses by the time of day (see :func:`default_when`). ``typed_ahead``: digits
        typed after the key that opened this, before it was up."""
        super().__init__()
        self.when = when
        self.recorded = False
        self._typed_ahead = typed_ahead
        self._flags: tuple[str, ...] = ()

    def compose(self) -> ComposeResult:
        snapshot = planner_app(self).snapshot
        today = snapshot.day() if snapshot is not None else None
        if self.when is None:
            self.when = default_when(bool(today and today.done_ids), hour())
        with VerticalScroll(id="pain"):
            yield AlertBox(id="alert")  # at the top, so an alert is the first thing seen
            yield Static(Content.assemble(("How is your back? ", "bold"), "0 = no pain, 10 = the worst you can imagine"))
            with Horizontal(classes="row"):
                yield Label("Pain")
                yield TextField(placeholder="0-10", id="score", max_length=2, restrict=r"\d*", compact=True)
                yield Select(WHEN, value=self.when, allow_blank=False, id="when", compact=True)
            yield Static(id="projection")  # "if it stays like this…", once a score is typed
            with Horizontal(classes="row"):
                yield Label("Where")
                yield TextField(placeholder="optional, e.g. lower back, left side", id="where", compact=True)
            snapshot = getattr(self.app, "snapshot", None)
            if snapshot is not None and snapshot.state.pause == "relief":
                # What ends a relief pause, with low pain on a second day (planner pain N --settled).
                yield QuestionBox(SETTLED_QUESTION, id="settled")
            exercises = [(item.name, item.id) for item in today.exercises] if today is not None else []
            if exercises:  # the CLI's --aggravated: each goes to an easier variant (or a smaller dose)
                yield Static("Did one of today's exercises make it worse? Tick it (space or a tap):",
                             id="worse-title")
                with Vertical(id="worse"):
                    for name, exercise_id in exercises:
                        yield QuestionBox(name, id=f"worse-{exercise_id}")
            # While tingling's advice is on show it is asked after first, by itself: the same flag, the same
            # action as 'planner pain SCORE --flag numbness'.
            still = still_there(today.alert) if today is not None else None
            if still:
                yield SignQuestion(still, id="flag-numbness")
            yield Static("Since your last session, have you had any of these? Answer each: y or n "
                         "(a question left unanswered counts as no).", id="signs-title")
            for sign in SIGNS:
                if not (still and sign.name == "numbness"):
                    yield SignQuestion(sign.question, id=f"flag-{sign.name}")
            with Horizontal(id="pain-buttons"):
                yield Button("Record (ctrl+s)", variant="primary", id="record", compact=True)
                yield Button("Close", id="close", compact=True)
            yield ResultText(id="result")

    def on_mount(self) -> None:
        score = self.query_one("#score", Input)
        score.focus()
        for digit in self._typed_ahead:
            self._type_score(digit)

    def _digit_for_score(self, event: Key) -> None:
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
        ``planner simulate``, so a person sees what the rules would do before recording anything.

        Worked out in a worker; each keystroke replaces the one before it (an exclusive worker), and only
        the score still in the field when the weeks arrive is drawn."""
        snapshot = planner_app(self).snapshot
        if self.recorded or not text.isdigit() or not 0 <= int(text) <= 10 or snapshot is None:
            self.workers.cancel_group(self, "projection")
            self.query_one("#projection", Static).display = False
            return
        self._project(snapshot, int(text))

    @work(thread=True, exclusive=True, group="projection")
    def _project(self, snapshot: Snapshot, score: int) -> None:
        weeks = project(snapshot, score)
        if not get_current_worker().is_cancelled:
            self.post_message(messages.ProjectionReady(score, weeks))

    @on(messages.ProjectionReady)
    def _projected(self, event: messages.ProjectionReady) -> None:
        box = self.query_one("#projection", Static)
        if self.recorded or self.query_one("#score", Input).value.strip() != str(event.score):
            return  # typed over (or recorded) while it was being worked out
        if not event.weeks:
            box.display = False
            return
        names = ("This week", "Next week", "In 2 weeks")
        rows = [f"{names[i] if i < len(names) else f'Week {i + 1}'}: {week_words(week)}"
                for i, week in enumerate(event.weeks)]
        when = EVERY.get(str(self.query_one("#when", Select).value), EVERY["after"])
        box.update(Content.assemble((f"If your pain is {event.score} {when} from now on:\n", "bold"),
                                    "\n".join(rows)))
        box.display = True

    def on_select_changed(self, event: Select.Changed) -> None:
        if event.select.id == "when":
            self._show_projection(self.query_one("#score", Input).value.strip())

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter walks on to the next question rather than recording, so no one skips the warning signs;
        it reaches a sign's No button, never its Yes.

        It passes over "when": its default follows the time of day and today's session.
        """
        if event.input.id == "score":
            self.query_one("#where", Input).focus()
        elif self.query("#worse QuestionBox"):
            self.query_one("#worse QuestionBox", QuestionBox).focus()
        else:
            self.query_one(SignQuestion).focus_first()

    def on_key(self, event: Key) -> None:
        """Enter in the exercise list moves on to the warning signs (space ticks an exercise); an Enter
        that reached the screen before the score field had focus moves on from the score, as typed."""
        if event.key == "enter" and isinstance(self.focused, QuestionBox):
            event.stop()
            event.prevent_default()
            self.query_one(SignQuestion).focus_first()
            return
        if event.key == "enter" and self.focused in (None, self.query_one("#pain", VerticalScroll)):
            event.stop()
            self.query_one("#where", Input).focus()
            return
        self._digit_for_score(event)

    @on(SignQuestion.Answered)
    def _answered(self, event: SignQuestion.Answered) -> None:
        """On to the next question's No (or to Record after the last)."""
        questions = list(self.query(SignQuestion))
        index = questions.index(event.question)
        if index + 1 < len(questions):
            questions[index + 1].focus_first()
        else:
            self.query_one("#record", Button).focus()

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
        flags = tuple(s.name for s in SIGNS if self.query_one(f"#flag-{s.name}", SignQuestion).value)
        worse = tuple(str(box.id).removeprefix("worse-") for box in self.query("#worse QuestionBox").results(QuestionBox)
                      if box.value)
        when = cast(PainWhen, str(self.query_one("#when", Select).value))
        settled = bool(self.query("#settled")) and self.query_one("#settled", QuestionBox).value
        report = PainReport(planner_app(self).data.today, when, int(text),
                            self.query_one("#where", Input).value.strip(), worse, flags, settled=settled)
        self._flags = flags
        self.query_one("#record", Button).disabled = True
        self.recorded = True
        self.query_one("#projection", Static).display = False  # what did change is shown below instead
        self.workers.cancel_group(self, "projection")
        self.post_message(messages.ReportPain(self, report))

    @on(messages.Done)
    def _show_result(self, event: messages.Done) -> None:
        outcome = event.outcome
        snapshot = outcome.snapshot
        urgent = snapshot.state.pause == "red-flag"
        alert = outcome.alert  # worked out once, by the action both faces call
        self.query_one(AlertBox).show(alert)
        result = self.query_one("#result", ResultText)
        result.from_heading = alert is None
        lines = outcome.lines
        if alert is not None and alert.pauses:  # the alert above says it all; the reason would repeat it
            lines = ["Your program is paused: do what the alert above says."]
        result.update(Content.assemble(("What changes\n", "bold"), "\n".join(lines),
                                       "\n\nPress Escape to close."))
        result.set_class(urgent, "urgent")
        self.query_one("#close", Button).focus(scroll_visible=False)
        form = self.query_one("#pain", VerticalScroll)
        if alert is not None:  # the alert is at the top: show it from its first line
            form.scroll_home(animate=False, immediate=True)
        else:
            # Anchored, the form is kept at its end by every layout, however late the taller result is
            # laid out (a scroll after a refresh stopped short on a busy machine); a scroll by hand
            # releases it.
            form.anchor()
