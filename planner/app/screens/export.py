"""Export the plan from the app: a format, a file name, and (for calendars) a time of day.

The same renderers and the same atomic writer as ``planner export -o``. An
existing file is never replaced silently: the first attempt says so, and a
second ctrl+s replaces it.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static

from planner.app import messages
from planner.app.bindings import EXPORT_BINDINGS
from planner.app.screens.dismiss_once import DismissOnce
from planner.app.widgets.text_field import TextField
from planner.domain.errors import PlannerError, display_path
from planner.exports.ics import parse_time

FORMATS = [("TOML: to edit and import back", "toml"), ("Markdown: to read or print", "md"),
           ("iCalendar: one event per session", "ics")]
EXTENSIONS = {"toml": "toml", "md": "md", "ics": "ics"}


def default_path(fmt: str, home: Path | None = None) -> str:
    return display_path((home or Path.home()) / f"planner-plan.{EXTENSIONS[fmt]}")


class ExportDialog(DismissOnce, ModalScreen[None]):
    BINDINGS = EXPORT_BINDINGS

    def __init__(self, fmt: str = "toml") -> None:
        super().__init__()
        self.fmt = fmt
        self.confirm_replace: Path | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="export"):
            yield Static(Content.assemble(("Export your plan", "bold"), " · ctrl+s writes the file, Escape closes"))
            with Horizontal(classes="row"):
                yield Label("Format")
                yield Select(FORMATS, value=self.fmt, allow_blank=False, id="format", compact=True)
            with Horizontal(classes="row"):
                yield Label("File")
                yield TextField(default_path(self.fmt), id="path", compact=True)
            with Horizontal(classes="row", id="time-row"):
                yield Label("Time")
                yield TextField("07:00", id="time", max_length=5, compact=True)
                yield Static("each session's start, local time", classes="hint")
            with Horizontal(id="export-buttons"):
                yield Button("Export (ctrl+s)", variant="primary", id="write", compact=True)
                yield Button("Close", id="close", compact=True)
            yield Static(id="export-result")

    def on_mount(self) -> None:
        self._show_time_row()
        self.query_one("#path", Input).focus()

    def _show_time_row(self) -> None:
        self.query_one("#time-row").display = self.fmt == "ics"

    def on_select_changed(self, event: Select.Changed) -> None:
        old, self.fmt = self.fmt, str(event.value)
        path = self.query_one("#path", Input)
        if path.value.endswith(f".{EXTENSIONS[old]}"):  # keep the name, follow the format
            path.value = path.value[: -len(EXTENSIONS[old])] + EXTENSIONS[self.fmt]
        self.confirm_replace = None
        self._show_time_row()

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "path":
            self.confirm_replace = None

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.action_write()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "write":
            self.action_write()
        else:
            self.action_close()

    def action_close(self) -> None:
        self.dismiss(None)

    def action_write(self) -> None:
        result = self.query_one("#export-result", Static)
        text = self.query_one("#path", Input).value.strip()
        if not text:
            result.update("File: give a file name, e.g. ~/planner-plan.toml")
            return
        path = Path(text).expanduser()
        try:
            at = parse_time(self.query_one("#time", Input).value) if self.fmt == "ics" else dt.time(7, 0)
        except PlannerError:
            result.update("Time: use HH:MM on a 24-hour clock, e.g. 07:00 or 18:30.")
            return
        force = self.confirm_replace == path
        if path.exists() and not path.is_dir() and not force:
            self.confirm_replace = path
            result.update(Content.assemble((f"{display_path(path)} already exists. ", "bold"),
                                           "Press ctrl+s again to replace it, or change the name."))
            return
        self.post_message(messages.Export(self, self.fmt, path, at, force=force))

    @on(messages.Refused)
    def _refused(self, event: messages.Refused) -> None:
        message = event.reason
        self.confirm_replace = None
        self.query_one("#export-result", Static).update(Content.assemble(("Not written: ", "bold"), message))

    @on(messages.Done)
    def _written(self, event: messages.Done) -> None:
        outcome = event.outcome
        self.confirm_replace = None
        self.query_one("#export-result", Static).update(" ".join(outcome.lines))
        self.notify(" ".join(outcome.lines))
