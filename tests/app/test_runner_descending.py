"""The session runner times descending sets (6-4-2) set by set: set 2 counts 4 reps, set 3 counts 2."""

from __future__ import annotations

from pathlib import Path

from planner.app.screens.session_runner import SessionRunner
from planner.app.widgets.countdown import Countdown
from planner.domain.plan.model import set_reps
from tests.app.conftest import make_app, settle
from tests.app.test_runner import go_to, open_runner


async def test_each_descending_set_is_timed_for_its_own_reps(seeded: Path) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        runner: SessionRunner = await open_runner(pilot)
        index = next(i for i, p in enumerate(runner.items) if p.descending and p.sets >= 3)
        item = await go_to(pilot, runner, index)
        reps = set_reps(item.sets, item.reps or 0, True)
        assert reps[1] < reps[0] and reps[2] < reps[1], reps
        countdown = runner.query_one(Countdown)
        sides = ["left", "right"] if runner.per_side(item) else [None]
        for number, count in enumerate(reps, start=1):
            assert f"Set {number} of {item.sets}" in str(runner.query_one("#set-progress").render())
            for side in sides:
                assert runner.side == side
                assert countdown.idle_seconds == count * item.seconds_per_rep, (number, side, countdown.idle_seconds)
                assert countdown.idle_text.startswith(f"{count} reps"), countdown.idle_text
                await pilot.press("s")
                await settle(pilot)
                assert countdown.total == count * item.seconds_per_rep, (number, side, countdown.total)
                assert countdown.label.startswith(f"{count} reps"), countdown.label
                await pilot.press("space")  # this side (or set) done
                await settle(pilot)
            if number < len(reps) and countdown.active and countdown.purpose == "rest":
                await pilot.press("space")  # end the rest early
                await settle(pilot)
        assert runner.closed.get(item.id) == "done"
