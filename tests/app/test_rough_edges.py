"""Rough edges a new user hit: lists that stopped short of their end, Escape that did not leave a search
box, a builder with nothing focused, an undo offered where it would be refused."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.containers import VerticalScroll
from textual.widgets import Input, OptionList, Select

from planner.app.screens.catalogue import LibraryScreen
from planner.app.screens.history import HistoryScreen
from planner.app.screens.wizard import PlanBuilderScreen
from tests.app.conftest import make_app, settle


@pytest.mark.parametrize("size", [(80, 24), (80, 40), (120, 40)])
async def test_history_scrolls_to_its_oldest_entry(lived_in: Path, run_planner, size) -> None:
    for score in (3, 4, 5, 6):  # four more adjustments: more than fits
        run_planner("pain", str(score))
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("h")
        await settle(pilot)
        assert isinstance(app.screen, HistoryScreen)
        body = app.screen.query_one("#history-body", VerticalScroll)
        await pilot.press("end")
        await settle(pilot)
        assert body.scroll_y == body.max_scroll_y
        final_words = " ".join(str(app.screen.query_one("#adjustments").render()).split()[-2:])
        drawn = " ".join(" ".join(strip.text.strip(" ▁▂▃▄▅▆▇█▔") for strip in
                                  app.screen._compositor.render_strips()).split())
        assert final_words in drawn, "the oldest entry's last words are on screen"


async def test_escape_leaves_the_library_search(seeded: Path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("l", "slash", "c", "a", "t", "escape")
        await settle(pilot)
        assert isinstance(app.screen, LibraryScreen)
        assert app.screen.query_one("#search", Input).value == "cat"
        assert isinstance(app.screen.focused, OptionList)
        await pilot.press("d")  # not typed into the box: the search stays "cat"
        await settle(pilot)
        assert app.screen.query_one("#search", Input).value == "cat"
        await pilot.press("w")  # a key again, not a letter in the box
        await settle(pilot)
        assert not isinstance(app.screen, LibraryScreen)


async def test_the_builder_opens_on_the_program_list_with_each_goal(data_dir: Path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, PlanBuilderScreen)
        select = app.screen.query_one("#program", Select)
        assert app.screen.focused is select
        await pilot.press("enter")
        await settle(pilot)
        assert select.expanded
        library = app.data.context.library
        shown = " ".join(str(o.prompt) for o in select.query_one(OptionList).options)
        assert all(p.goal in shown for p in library.programs.values())


async def test_no_undo_offer_after_a_warning_sign_paused(seeded: Path) -> None:
    """u would refuse (only resume --confirm lifts that pause), so Today does not offer it."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        await pilot.press("1")
        app.screen.query_one("#flag-weakness").value = True
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert app.snapshot.state.pause == "red-flag"
        assert "Press u" not in str(app.screen.query_one("#reasons").render())
        assert "undo_pain('paused')" not in {k.action for k in app.screen.query("FooterKey")}
