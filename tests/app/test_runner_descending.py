"""The session runner counts descending sets (6-4-2×10s) hold by hold: "hold 4 of 6", a relax between two
holds, a bell on each change, and the set ends by itself when its holds are counted."""

from __future__ import annotations

from pathlib import Path

import pytest

from planner.app.screens.session_runner import SessionRunner
from planner.domain.days.session_run import RELAX_SECONDS, Phase
from planner.domain.plan.doses import set_reps
from tests.app.conftest import make_app, settle
from tests.app.test_runner import count_bells, go_to, hand_clock, open_runner  # noqa: F401 (hand_clock: autouse)


async def test_each_descending_set_is_counted_hold_by_hold(seeded: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        rung = count_bells(app, monkeypatch)
        runner: SessionRunner = await open_runner(pilot)
        index = next(i for i, p in enumerate(runner.items) if p.descending and p.sets >= 3 and not runner.per_side(p))
        item = await go_to(pilot, runner, index)
        reps = set_reps(item.sets, item.reps or 0, True)
        assert reps[1] < reps[0] and reps[2] < reps[1], reps
        assert str(runner.query_one("#clock-label").render()).startswith(
            f"Set 1: {reps[0]} holds of {item.seconds_per_rep} s")
        await pilot.press("s")
        await settle(pilot)
        for number, holds in enumerate(reps, start=1):
            assert f"Set {number} of {item.sets}" in str(runner.query_one("#set-progress").render())
            for hold in range(1, holds + 1):
                assert runner.run.phase is Phase.WORK and runner.run.remaining == item.seconds_per_rep
                label = str(runner.query_one("#clock-label").render())
                assert label == f"Hold {hold} of {holds}", label
                before = len(rung)
                for _ in range(item.seconds_per_rep):
                    runner.clock_tick()
                await settle(pilot)
                assert len(rung) == before + 1, "a bell as each hold ends"
                if hold < holds:
                    assert runner.run.phase is Phase.RELAX
                    assert str(runner.query_one("#clock-label").render()).startswith("Relax")
                    for _ in range(RELAX_SECONDS):
                        runner.clock_tick()
                    await settle(pilot)
            if number < len(reps):
                assert runner.run.phase is Phase.REST, "the set ended by itself"
                assert runner.sets_done[item.id] == number
                for _ in range(item.rest_seconds):
                    runner.clock_tick()
                await settle(pilot)
        assert runner.closed.get(item.id) == "done"
