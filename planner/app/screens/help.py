"""Help and about: the keys (read from the one bindings table) and what planner is not."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Markdown

from planner.app.bindings import FOOTER_ONLY, KEYS_BY_SCREEN, MODAL_BINDINGS, key_label, title
from planner.app.screens.dismiss_once import DismissOnce
from planner.domain.pain.warning_signs import DISCLAIMER, signs_markdown

HELP_TEXT = Path(__file__).resolve().parent.parent / "help.md"


def keys_markdown() -> str:
    sections = []
    for place, bindings in KEYS_BY_SCREEN.items():
        rows = "\n".join(f"| `{key_label(b)}` | {title(b)} |" for b in bindings if b.id != FOOTER_ONLY)
        sections.append(f"**{place}**\n\n| Key | Does |\n|---|---|\n{rows}\n")
    return "\n".join(sections)


def help_markdown() -> str:
    return HELP_TEXT.read_text(encoding="utf-8").format(keys=keys_markdown(), disclaimer=DISCLAIMER,
                                                        flags=signs_markdown())


class HelpScreen(DismissOnce, ModalScreen[None]):
    BINDINGS = [*MODAL_BINDINGS, ("q", "close", "Close"), ("question_mark,f1", "close", "Close")]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help"):  # the scroller takes the keys: arrows, page up/down, home, end
            yield Markdown(help_markdown())

    def on_mount(self) -> None:
        self.query_one("#help", VerticalScroll).focus()

    def action_close(self) -> None:
        self.dismiss(None)
