"""Change training days from the plan view: tick the new weekdays, ctrl+s applies them from next week.

The rule (same number of days; past sessions keep their dates) lives in
:mod:`planner.domain.days.reschedule`; this dialog only asks and shows the answer.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Static

from planner.app import messages
from planner.app.bindings import DAYS_BINDINGS
from planner.app.screens.dismiss_once import DismissOnce
from planner.app.widgets.tick_box import TickBox
from planner.domain.plan.model import WEEKDAYS, PlanInputs


class DaysDialog(DismissOnce, ModalScreen[None]):
    BINDINGS = DAYS_BINDINGS

    def __init__(self, inputs: PlanInputs, week_index: int) -> None:
        super().__init__()
        self.inputs = inputs
        self.current = inputs.days_in_week(max(week_index, 0))

    def compose(self) -> ComposeResult:
        count = len(self.inputs.days)
        with Vertical(id="days-dialog"):
            yield Static(Content.assemble(("Training days", "bold"),
                                          f" · tick {count}, then ctrl+s. The change starts next week; "
                                          "sessions already recorded keep their dates."))
            with Horizontal(id="day-boxes"):
                for day in WEEKDAYS:
                    yield TickBox(day.capitalize(), day in self.current, id=f"new-{day}")
            with Horizontal(id="days-buttons"):
                yield Button("Apply (ctrl+s)", variant="primary", id="apply", compact=True)
                yield Button("Close", id="close", compact=True)
            yield Static(id="days-result")

    def on_mount(self) -> None:
        self.query_one(TickBox).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "apply":
            self.action_apply()
        else:
            self.action_close()

    def action_close(self) -> None:
        self.dismiss(None)

    def action_apply(self) -> None:
        days = [d for d in WEEKDAYS if self.query_one(f"#new-{d}", Checkbox).value]
        self.post_message(messages.ChangeDays(self, days))

    @on(messages.Refused)
    def _refused(self, event: messages.Refused) -> None:
        message = event.reason
        self.query_one("#days-result", Static).update(Content.assemble(("Not changed: ", "bold"), message))

    @on(messages.Done)
    def _applied(self, event: messages.Done) -> None:
        outcome = event.outcome
        self.query_one("#days-result", Static).update(" ".join(outcome.lines) + "\n\nPress Escape to close.")
