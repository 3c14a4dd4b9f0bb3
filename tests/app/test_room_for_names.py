"""Small screen gaps from the last review: each name has the room the screen has, and each control says what
it is at 40 columns."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import OptionList, Select

from planner.app.widgets.nav_bar import NavBar
from tests.app.conftest import make_app, settle

ELLIPSIS = "\u2026"


def test_help_keeps_a_label_in_40_columns() -> None:
    """At 40 columns the places tighten to three letters, and "?" had no label left; "?Hlp" fits."""
    for current in ("today", "library", "history"):
        shown = next(content for tight in range(6) if (content := NavBar._content(current, tight)).cell_length <= 40)
        assert shown.plain.endswith("?Hlp"), shown.plain
    assert NavBar._content("today", 0).plain.strip().endswith("? Help")


async def test_names_and_filters_have_the_room(seeded: Path) -> None:
    """Library at 40×16: the category filter said only "any"; at 80×24 names in the library's list and the
    runner's list ended in "…" though the screen had room (a category after each name, no wrapping)."""
    app = make_app()
    async with app.run_test(size=(40, 16)) as pilot:
        await settle(pilot)
        await pilot.press("l")
        await settle(pilot)
        category = app.screen.query_one("#category", Select)
        assert category.content_region.width >= len("any category") + 2, category.content_region
        assert "any&#160;category" in app.export_screenshot()
        await pilot.resize_terminal(80, 24)
        await settle(pilot)
        listed = app.screen.query_one("#exercise-list", OptionList)
        assert listed.option_count > len(app.screen.shown_ids), "the categories head their groups"
        assert ELLIPSIS not in app.export_screenshot()
        await pilot.press("t")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen.query_one("#runner-list", OptionList).display
        assert ELLIPSIS not in app.export_screenshot()
