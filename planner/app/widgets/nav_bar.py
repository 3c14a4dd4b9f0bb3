"""The line of places at the top of every screen, read from the navigation bindings.

Shown instead of crowding the footer: each place with its key, clickable,
and the current one in reverse video so it reads without colour.
"""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from planner.app.bindings import NAV_BINDINGS, key_label


class NavBar(Static):
    DEFAULT_CLASSES = "nav-bar"

    def __init__(self, current: str) -> None:
        super().__init__(self._content(current))

    @staticmethod
    def _content(current: str) -> Content:
        parts: list[Content] = []
        for binding in NAV_BINDINGS:
            mode = binding.action.removeprefix("go('").removesuffix("')")
            label = f" {key_label(binding)} {binding.description} "
            style = "reverse bold" if mode == current else ""
            parts.append(Content.styled(label, style).stylize(f"@click=app.go('{mode}')"))
        parts.append(Content.styled(" ? Help ", "").stylize("@click=app.help"))
        return Content(" ").join(parts)
