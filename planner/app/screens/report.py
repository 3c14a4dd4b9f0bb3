"""The report for a physiotherapist or doctor, from History: the same file as ``planner report -o``.

Markdown or a self-contained HTML page, written atomically and readable only
by the person (0600). An existing file is never replaced silently: the first
ctrl+s says so, a second one replaces it. Below 60×20 (a phone, or a window made smaller while it is
open) the dialog fills the screen, one field a line.
"""

from __future__ import annotations

from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static

from planner.app import messages
from planner.app.bindings import REPORT_BINDINGS
from planner.app.screens.dismiss_once import DismissOnce
from planner.app.widgets.text_field import TextField
from planner.clock import parse_date
from planner.domain.errors import PlannerError, display_path

FORMATS = [("HTML: to print or e-mail", "html"), ("Markdown: plain text", "md")]


def default_report_path(fmt: str, home: Path | None = None) -> str:
    return display_path((home or Path.home()) / f"planner-report.{fmt}")


class ReportDialog(DismissOnce, ModalScreen[None]):
    BINDINGS = REPORT_BINDINGS

    def __init__(self, fmt: str = "html", home: Path | None = None) -> None:
        super().__init__()
        self.fmt = fmt
        self.home = home
        self.confirm_replace: Path | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="report"):
            yield Static(Content.assemble(("Report for your physiotherapist or doctor", "bold")))
            yield Static("A summary first, then adherence by week, pain over time, flare-ups, every change to "
                         "the plan and red-flag reports.", classes="hint")
            with Horizontal(classes="row"):
                yield Label("Format")
                yield Select(FORMATS, value=self.fmt, allow_blank=False, id="format", compact=True)
            with Horizontal(classes="row"):
                yield Label("File")
                yield TextField(default_report_path(self.fmt, self.home), id="path", compact=True)
            with Horizontal(classes="row", id="since-row"):
                yield Label("Since")
                yield TextField(placeholder="YYYY-MM-DD", id="since", max_length=10, compact=True)
                yield Static("empty: since the plan began", classes="hint")
            with Horizontal(id="report-buttons"):
                yield Button("Write (ctrl+s)", variant="primary", id="write", compact=True)
                yield Button("Close", id="close", compact=True)
            yield Static(id="report-result")

    def on_mount(self) -> None:
        self.query_one("#path", Input).focus()

    def on_select_changed(self, event: Select.Changed) -> None:
        old, self.fmt = self.fmt, str(event.value)
        path = self.query_one("#path", Input)
        if path.value.endswith(f".{old}"):
            path.value = path.value[: -len(old)] + self.fmt
        self.confirm_replace = None

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
        result = self.query_one("#report-result", Static)
        text = self.query_one("#path", Input).value.strip()
        if not text:
            result.update("File: give a file name, e.g. ~/planner-report.html")
            return
        since_text = self.query_one("#since", Input).value.strip()
        try:
            since = parse_date(since_text, "Since") if since_text else None
        except PlannerError as err:
            result.update(str(err))
            return
        path = Path(text).expanduser()
        force = self.confirm_replace == path
        if path.exists() and not path.is_dir() and not force:
            self.confirm_replace = path
            result.update(Content.assemble((f"{display_path(path)} already exists. ", "bold"),
                                           "Press ctrl+s again to replace it, or change the name."))
            return
        self.post_message(messages.WriteReport(self, self.fmt, path, since, force=force))

    @on(messages.Refused)
    def _refused(self, event: messages.Refused) -> None:
        message = event.reason
        self.confirm_replace = None
        self.query_one("#report-result", Static).update(Content.assemble(("Not written: ", "bold"), message))

    @on(messages.Done)
    def _written(self, event: messages.Done) -> None:
        outcome = event.outcome
        self.confirm_replace = None
        self.query_one("#report-result", Static).update(" ".join(outcome.lines))
        self.notify(" ".join(outcome.lines))
