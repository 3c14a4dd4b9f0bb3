"""Text whose wrapped lines hang under their first word, not under the bullet.

A cue that wraps should read as one item: the second line starts under the
text, not under the "•". Textual wraps a Static's text at its left edge, so
this widget wraps each line itself, at the width it is given.
"""

from __future__ import annotations

from textual.content import Content
from textual.widget import Widget

Line = tuple[str, Content]  # (bullet or "", the text)


def hang(lines: list[Line], width: int) -> list[Content]:
    """Each line wrapped to ``width``; continuation lines indented by the width of their bullet."""
    out: list[Content] = []
    for bullet, text in lines:
        room = max(width - len(bullet), 8)
        pieces = text.wrap(room) if text.plain else [Content("")]
        for index, piece in enumerate(pieces):
            out.append(Content.assemble(bullet if index == 0 else " " * len(bullet), piece))
    return out


class Hanging(Widget):
    DEFAULT_CSS = "Hanging { height: auto; }"

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.lines: list[Line] = []

    def update(self, lines: list[Line]) -> None:
        self.lines = list(lines)
        self.refresh(layout=True)

    def get_content_height(self, container, viewport, width: int) -> int:  # type: ignore[no-untyped-def]
        return len(hang(self.lines, width))

    def render(self) -> Content:
        return Content("\n").join(hang(self.lines, self.content_region.width or 40))

    @property
    def text(self) -> str:
        """All of it as plain text, unwrapped (what tests read)."""
        return "\n".join(bullet + text.plain for bullet, text in self.lines)
