"""The line of places at the top of every screen, read from the navigation bindings.

Shown instead of crowding the footer: each place with its key, clickable,
and the current one in reverse video so it reads without colour. In a narrow
terminal the labels tighten rather than lose "? Help" off the end.
"""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from planner.app.bindings import NAV_BINDINGS, key_label

SHORT = {"New plan": "New"}
# Help's label as the places tighten: whole, then short, then with no space (it fits 40 columns so), then none.
HELP = ("? Help", "? Help", "? Help", "? Hlp", "?Hlp", "?")


class NavBar(Static):
    DEFAULT_CLASSES = "nav-bar"

    def __init__(self, current: str) -> None:
        super().__init__()
        self.current = current

    @staticmethod
    def _content(current: str, tight: int = 0) -> Content:
        """``tight``: 0 spaced out, 1 without padding, 2 also with short names, 3 keys and the first three
        letters, 4 and 5 Help's label shorter again (:data:`HELP`)."""
        parts: list[Content] = []
        pad = "" if tight else " "
        for binding in NAV_BINDINGS:
            mode = binding.action.removeprefix("go('").removesuffix("')")
            name = binding.description
            if tight >= 2:
                name = SHORT.get(name, name)
            if tight >= 3:
                name = name[:3]
            label = f"{pad}{key_label(binding)} {name}{pad}"
            style = "reverse bold" if mode == current else ""
            parts.append(Content.styled(label, style).stylize(f"@click=app.go('{mode}')"))
        parts.append(Content.styled(f"{pad}{HELP[tight]}{pad}", "").stylize("@click=app.help"))
        return Content(" ").join(parts)

    def render(self) -> Content:
        width = self.size.width or 80
        for tight in range(len(HELP)):
            content = self._content(self.current, tight)
            if content.cell_length <= width:
                return content
        return content
