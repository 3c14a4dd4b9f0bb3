"""A checkbox that reads as [x] or [ ] without colour (Textual's own differs only by colour).

Its label has one space before it and none after, so a row of seven weekdays fits 60 columns.
"""

from __future__ import annotations

from textual.content import Content
from textual.geometry import Size
from textual.widgets import Checkbox


class TickBox(Checkbox):
    def __init__(self, label: str, value: bool = False, *, id: str | None = None) -> None:
        super().__init__(label, value, id=id, compact=True)

    @property
    def _button(self) -> Content:
        style = self.get_visual_style("toggle--button")
        return Content.assemble("[", ("x" if self.value else " ", style), "]")

    def render(self) -> Content:
        label = self._label.stylize_before(self.get_visual_style("toggle--label"))
        return Content.assemble(self._button, " ", label)

    def get_content_width(self, container: Size, viewport: Size) -> int:
        return 4 + self._label.cell_length

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        """One line, unless the stylesheet lets the label wrap (a narrow screen): then as many as it takes,
        so a red-flag question is never cut short."""
        if self.styles.text_wrap != "wrap":
            return 1
        return max(1, len(self.render().wrap(width)))
