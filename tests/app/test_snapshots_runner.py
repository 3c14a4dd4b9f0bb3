"""The session runner in pictures: the phone layout (40×16), and the big countdown mid-hold at 40×16,
80×24 and 120×36 (twice as tall from 100×34).

The app's too-small threshold is lowered here to 40×16, the size phones give over SSH.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot

import planner.app.main
import planner.app.screens.session_runner
from planner.app.screens.session_runner import SessionRunner
from tests.app.conftest import keys, make_app, settle

PHONE = (40, 16)


@pytest.fixture(autouse=True)
def phone_sized_minimum(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(planner.app.main, "MIN_WIDTH", 40)
    monkeypatch.setattr(planner.app.main, "MIN_HEIGHT", 16)
    # The pictures forward the clock's seconds by hand: an hour between real ticks keeps them still.
    monkeypatch.setattr(planner.app.screens.session_runner, "TICK_SECONDS", 3600.0)


def test_runner_on_a_phone_shows_the_timer_first(snap_compare, seeded: Path) -> None:
    """At 40×16 the list gives way: exercise, set dots and the big countdown fill the screen (a rest, paused)."""
    run_before = keys("enter", "space", "space", "space", "p")  # two one-set warm-ups, a first hold of two, rest
    assert snap_compare(make_app(), terminal_size=PHONE, run_before=run_before)


async def mid_hold(pilot: Pilot) -> None:
    """The curl-up's first set, counted: hold 1 done, the relax, and 4 s into hold 2 of 6 (the two warm-ups done,
    the back extension before it skipped)."""
    await keys("enter", "space", "space", "x", "s")(pilot)
    runner = pilot.app.screen
    assert isinstance(runner, SessionRunner) and runner.run.item.id == "curl-up-head-supported"
    assert runner.run.descending
    for _ in range(runner.run.remaining + 3 + 4):
        runner.clock_tick()
    await settle(pilot)


@pytest.mark.parametrize("size", [(40, 16), (80, 24), (120, 36)])
def test_runner_counts_a_hold_in_big_digits(snap_compare, seeded: Path, size: tuple[int, int]) -> None:
    """Mid-hold: "Hold 2 of 6" above digits that grow with the window (3 rows up to 80×24, 8 or more at 120×36)."""
    assert snap_compare(make_app(), terminal_size=size, run_before=mid_hold)


async def test_runner_on_a_phone_hides_the_list_and_keeps_the_count(seeded: Path) -> None:
    app = make_app()
    async with app.run_test(size=PHONE) as pilot:
        await keys("enter")(pilot)
        screen = app.screen
        assert screen.has_class("-narrow") and not screen.query_one("#runner-list").display
        assert f"0 of {sum(not p.apart for p in app.snapshot.day().exercises)} exercises finished" in str(
            screen.query_one("#runner-title").render())
        assert screen.query_one(".countdown-digits").region.y < PHONE[1] // 2, "the countdown is near the top"
        await pilot.resize_terminal(120, 36)
        await settle(pilot)
        assert screen.has_class("-wide") and screen.query_one("#runner-list").display


@pytest.mark.parametrize(("small", "large"), [((80, 24), (100, 34)), ((80, 24), (120, 40))])
async def test_the_countdown_is_twice_as_tall_in_a_large_window(seeded: Path, small, large) -> None:
    app = make_app()
    async with app.run_test(size=small) as pilot:
        await mid_hold(pilot)
        clock = app.screen.query_one(".countdown-digits")
        low = clock.region.height
        await pilot.resize_terminal(*large)
        await settle(pilot)
        assert low == 3 and clock.region.height >= 2 * low, (low, clock.region.height)
        assert clock.region.right <= large[0]
