"""The session runner on a phone-sized terminal (40×16): the timer first, one exercise at a time.

The app's too-small threshold is lowered here to 40×16, the size phones give over SSH.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot

import planner.app.main
from planner.app.widgets.countdown import Countdown
from tests.app.conftest import keys, make_app, settle

PHONE = (40, 16)


@pytest.fixture(autouse=True)
def phone_sized_minimum(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(planner.app.main, "MIN_WIDTH", 40)
    monkeypatch.setattr(planner.app.main, "MIN_HEIGHT", 16)


def test_runner_on_a_phone_shows_the_timer_first(snap_compare, seeded: Path) -> None:
    """At 40×16 the list gives way: exercise, set dots and the big countdown fill the screen."""
    async def run_before(pilot: Pilot) -> None:
        await keys("enter", "space", "space", "space")(pilot)  # two one-set warm-ups, then a set of three
        countdown = pilot.app.screen.query_one(Countdown)
        countdown.start(15, "Rest before set 2:", "rest")
        countdown.toggle_pause()
        await settle(pilot)

    assert snap_compare(make_app(), terminal_size=PHONE, run_before=run_before)


async def test_runner_on_a_phone_hides_the_list_and_keeps_the_count(seeded: Path) -> None:
    app = make_app()
    async with app.run_test(size=PHONE) as pilot:
        await keys("enter")(pilot)
        screen = app.screen
        assert screen.has_class("-narrow") and not screen.query_one("#runner-list").display
        assert f"0 of {len(app.snapshot.day().exercises)} exercises finished" in str(
            screen.query_one("#runner-title").render())
        assert screen.query_one(".countdown-digits").region.y < PHONE[1] // 2, "the countdown is near the top"
        await pilot.resize_terminal(120, 36)
        await settle(pilot)
        assert screen.has_class("-wide") and screen.query_one("#runner-list").display
