"""Help and about: the keys (read from the one bindings table) and what planner is not.

The text is one Markdown source drawn by Rich into one widget. Textual's Markdown widget made a widget of
every block and every table cell (some 400 here), and Help took about a second to open; drawn by Rich it
opens at once and scrolls the same."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

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


class HelpText(Static):
    """The help as Rich draws Markdown, keeping its ``source`` for whoever needs the words."""

    def __init__(self, source: str) -> None:
        from rich.markdown import Markdown  # only when Help opens

        super().__init__(Markdown(source, code_theme="ansi_dark", inline_code_theme="ansi_dark"))
        self.source = source


class HelpScreen(DismissOnce, ModalScreen[None]):
    BINDINGS = [*MODAL_BINDINGS, ("q", "close", "Close"), ("question_mark,f1", "close", "Close")]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help"):  # the scroller takes the keys: arrows, page up/down, home, end
            yield HelpText(help_markdown())

    def on_mount(self) -> None:
        self.query_one("#help", VerticalScroll).focus()
        # Rich's Markdown styles by name; give its headings and bullets the theme's colour, as the rest
        # of the app has, for as long as Help is open (nothing else draws Rich Markdown).
        from rich.theme import Theme

        primary = self.app.current_theme.primary
        self.app.console.push_theme(Theme({"markdown.h1": f"bold {primary}", "markdown.h2": f"underline {primary}",
                                           "markdown.h3": "bold", "markdown.item.bullet": primary,
                                           "markdown.code": "bold"}))

    def on_unmount(self) -> None:
        self.app.console.pop_theme()

    def action_close(self) -> None:
        self.dismiss(None)
