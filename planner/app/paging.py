"""Paging an option list that has not been laid out yet does nothing, instead of killing the app.

Textual's ``OptionList._move_page`` looks up the screen line of the highlighted option, and an option
has no line until the list has been given a size. Keys typed together reach a list before that:
``ctrl+p`` then PageUp (the command palette's list), or PageDown as Today's list is refilled. The
lookup raised ``KeyError`` and the app died. With no lines there is nothing on screen to page
through, so the key is ignored. Applied once, when the app starts; every list (the palette's
included) is a Textual ``OptionList``.

Private Textual API, kept only while upstream needs it: ``OptionList._move_page`` in
https://github.com/Textualize/textual/blob/main/src/textual/widgets/_option_list.py (Textual 8.2.8 still
indexes ``_index_to_line`` unguarded). ``tests/app/test_paging_guard.py`` pages an option list that has no
lines with Textual's own method: the day that stops raising, Textual has fixed it and this module can go.
"""

from __future__ import annotations

from textual.widgets import OptionList

_move_page = OptionList._move_page


def _move_page_when_laid_out(self: OptionList, direction: int) -> None:
    if self._options and (self.highlighted or 0) not in self._index_to_line:
        return
    _move_page(self, direction)  # type: ignore[arg-type]


def guard_paging() -> None:
    OptionList._move_page = _move_page_when_laid_out  # type: ignore[method-assign]
