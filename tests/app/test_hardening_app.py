"""The app under keys that arrive together and windows that keep changing size.

The palette paged before it is laid out, the "too small" screen left behind by a resize, and space on
the last exercise of Today reaching round to the first.
"""

from __future__ import annotations

import random
from pathlib import Path

from textual import events
from textual.command import CommandPalette
from textual.widgets import OptionList

from planner.app.screens.today import TodayScreen
from planner.app.screens.too_small import TooSmallScreen
from tests.app.conftest import make_app, settle
from tests.fuzzing import budget


async def test_the_palette_survives_page_keys_sent_with_ctrl_p(seeded: Path) -> None:
    """ctrl+p, PageUp, PageDown in one read: the keys reach the palette before its list has a size."""
    for keys in (["ctrl+p", "pageup", "pagedown"], ["ctrl+p", "pagedown", "pageup"], ["ctrl+p", "pagedown"]):
        app = make_app()
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            for key in keys:
                app.post_message(events.Key(key, None))
            await pilot.pause(0.3)
            assert app._exception is None, app._exception
            assert isinstance(app.screen, CommandPalette)
            await pilot.press("pagedown", "pageup", "escape")
            assert isinstance(app.screen, TodayScreen)
        assert app.return_code in (None, 0)


def stack(app) -> list[str]:  # type: ignore[no-untyped-def]
    return [type(screen).__name__ for screen in app.screen_stack]


async def test_growing_back_behind_a_dialog_removes_the_too_small_screen(seeded: Path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.resize_terminal(40, 10)
        await pilot.pause()
        assert isinstance(app.screen, TooSmallScreen)
        await pilot.press("ctrl+p")  # the steps; the palette may also have been open already
        await pilot.pause()
        app.push_screen(CommandPalette())
        await pilot.pause()
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert "TooSmallScreen" not in stack(app), stack(app)
        assert isinstance(app.screen, TodayScreen)


async def test_a_resize_storm_ends_with_the_right_screen(seeded: Path) -> None:
    sizes = random.Random(16)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        for end in ((80, 24), (40, 10), (120, 36)):
            for _ in range(budget(12, 60)):
                await pilot.resize_terminal(sizes.randint(20, 130), sizes.randint(5, 40))
                if sizes.random() < 0.3:
                    await pilot.pause()
            await pilot.resize_terminal(*end)
            await pilot.pause()
            await pilot.pause()
            small = end[0] < 60 or end[1] < 20
            assert stack(app).count("TooSmallScreen") == int(small), (end, stack(app))
            assert isinstance(app.screen, TooSmallScreen) == small
        assert app._exception is None


async def test_space_on_the_last_exercise_never_wraps_to_the_first(seeded: Path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        options = app.screen.query_one("#exercises", OptionList)
        count = options.option_count
        assert count >= 2
        await pilot.press("space")  # the first: done, as if finished in the session runner
        await settle(pilot)
        options.highlighted = count - 1
        await pilot.press("space")  # the last: done; the highlight stays on it
        await settle(pilot)
        assert options.highlighted == count - 1
        await pilot.press("space", "backspace")  # space on a ticked one says how; Backspace takes it back
        await settle(pilot)
        day = app.snapshot.day()
        ids = [item.id for item in day.exercises]
        assert ids[0] in day.done_ids, "the first exercise stays checked off"
        assert ids[-1] not in day.done_ids
        assert options.highlighted == count - 1
