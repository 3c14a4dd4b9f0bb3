"""Help and about: the keys (read from the one bindings table) and what planner is not."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.screen import ModalScreen
from textual.widgets import Markdown

from planner.app.bindings import APP_BINDINGS, BUILDER_BINDINGS, MODAL_BINDINGS, TODAY_BINDINGS
from planner.domain.safety import DISCLAIMER

HELP_TEXT = Path(__file__).resolve().parent.parent / "help.md"


def help_markdown() -> str:
    rows = [f"- `{b.key_display or b.key}` {b.description}"
            for b in (*APP_BINDINGS, *TODAY_BINDINGS, *BUILDER_BINDINGS, *MODAL_BINDINGS)]
    return HELP_TEXT.read_text(encoding="utf-8").format(keys="\n".join(rows), disclaimer=DISCLAIMER)


class HelpScreen(ModalScreen[None]):
    BINDINGS = [*MODAL_BINDINGS, ("q", "close", "Close")]

    def compose(self) -> ComposeResult:
        yield Markdown(help_markdown(), id="help")

    def action_close(self) -> None:
        self.dismiss(None)
