"""The live calendar file from the app: the same setting as ``planner calendar --live PATH``.

Once a path is named, every change (a check-off, a pain report, new training
days) rewrites that ``.ics``, so a calendar subscribed to it shows the doses as
they are now. Reached from the command palette ("Live calendar file"), on a phone too: below 60×20 the
dialog fills the screen, one field a line.
"""

from __future__ import annotations

from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from planner.app import messages
from planner.app.bindings import LIVE_CALENDAR_BINDINGS
from planner.app.screens.dismiss_once import DismissOnce
from planner.app.widgets.text_field import TextField
from planner.domain.errors import PlannerError, display_path
from planner.exports.live import LiveCalendar


def default_live_path(home: Path | None = None) -> str:
    return display_path((home or Path.home()) / "planner-live.ics")


class LiveCalendarDialog(DismissOnce, ModalScreen[None]):
    BINDINGS = LIVE_CALENDAR_BINDINGS

    def __init__(self, current: LiveCalendar | None = None) -> None:
        super().__init__()
        self.current = current

    def compose(self) -> ComposeResult:
        current = self.current
        with Vertical(id="live"):
            yield Static(Content.styled("Live calendar file", "bold"))
            yield Static("Rewritten after every change, for your calendar app to follow.", classes="hint")
            with Horizontal(classes="row"):
                yield Label("File")
                yield TextField(display_path(current.path) if current else default_live_path(), id="path", compact=True)
            with Horizontal(classes="row"):
                yield Label("Time")
                yield TextField(f"{current.at:%H:%M}" if current else "07:00", id="time", max_length=5, compact=True)
                yield Static("each session's start, local time", classes="hint")
            with Horizontal(classes="row"):
                yield Label("Remind")
                yield TextField(str(current.remind) if current else "15", id="remind", max_length=4, compact=True)
                yield Static("min before (0: none)", classes="hint")
            with Horizontal(id="live-buttons"):
                yield Button("Save (ctrl+s)", variant="primary", id="save", compact=True)
                yield Button("Turn off", id="off", compact=True, disabled=current is None)
                yield Button("Close", id="close", compact=True)
            yield Static("On now: " + display_path(current.path) if current else "Off: no file is kept up to date.",
                         id="live-result")

    def on_mount(self) -> None:
        self.query_one("#path", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.action_save()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        {"save": self.action_save, "off": self.action_off}.get(event.button.id or "", self.action_close)()

    def action_close(self) -> None:
        self.dismiss(None)

    def action_save(self) -> None:
        from planner.exports.ics import parse_remind, parse_time

        result = self.query_one("#live-result", Static)
        text = self.query_one("#path", Input).value.strip()
        if not text:
            result.update("File: give a file name, e.g. ~/planner-live.ics")
            return
        try:
            at = parse_time(self.query_one("#time", Input).value)
            remind = parse_remind(self.query_one("#remind", Input).value)
        except PlannerError as err:
            result.update(str(err).removeprefix("--"))
            return
        live = LiveCalendar(Path(text).expanduser().absolute(), at, remind)
        self._run(live)

    def action_off(self) -> None:
        self._run(None)

    def _run(self, live: LiveCalendar | None) -> None:
        self.post_message(messages.SetLiveCalendar(self, live))

    @on(messages.Refused)
    def _refused(self, event: messages.Refused) -> None:
        message = event.reason
        self.query_one("#live-result", Static).update(Content.assemble(("Not saved: ", "bold"), message))

    @on(messages.Done)
    def _done(self, event: messages.Done) -> None:
        outcome = event.outcome
        self.query_one("#off", Button).disabled = outcome.lines[0].startswith("The live calendar file is no")
        self.query_one("#live-result", Static).update(" ".join(outcome.lines))
        self.notify(" ".join(outcome.lines))
