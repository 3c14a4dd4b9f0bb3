"""The OptionList paging guard (planner/app/paging.py) and whether Textual still needs it."""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult
from textual.widgets import OptionList

from planner.app import paging


class HiddenList(App[None]):
    """An option list never given a size: its options have no screen lines, as before the first layout."""

    CSS = "OptionList { display: none; }"

    def compose(self) -> ComposeResult:
        yield OptionList("one", "two", "three")


async def test_textual_still_crashes_paging_a_list_not_yet_laid_out() -> None:
    """When this fails, Textual pages such a list safely: delete planner/app/paging.py and this test."""
    app = HiddenList()
    async with app.run_test():
        options = app.query_one(OptionList)
        options.highlighted = 0
        with pytest.raises(KeyError):
            paging._move_page(options, 1)


async def test_the_guard_ignores_paging_a_list_not_yet_laid_out() -> None:
    app = HiddenList()
    async with app.run_test():
        options = app.query_one(OptionList)
        options.highlighted = 1
        paging._move_page_when_laid_out(options, 1)
        assert options.highlighted == 1
