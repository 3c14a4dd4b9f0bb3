"""The Relief screen under Pilot: the whole routine in the order that helps, and what each step asks."""

from __future__ import annotations

import re
from pathlib import Path

from textual.widgets import OptionList

from planner.app.screens.relief import ReliefScreen
from planner.app.widgets.countdown import Countdown
from planner.app.widgets.exercise_detail import ExerciseDetail
from planner.app.widgets.footer import FittedFooter
from tests.app.conftest import make_app, settle


async def open_relief(pilot) -> ReliefScreen:  # noqa: ANN001 - a Pilot
    await settle(pilot)
    await pilot.press("exclamation_mark")
    await settle(pilot)
    assert isinstance(pilot.app.screen, ReliefScreen)
    return pilot.app.screen


async def test_the_routine_runs_movement_position_heat_or_cold_water_walk(data_dir: Path) -> None:
    """Knee rocks and pelvic tilt first, then the rest position, the heat pack or cold instead (each with its
    own timer), water, and a walk to repeat through the day; moving down the list shows each step's care."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_relief(pilot)
        options = screen.query_one("#relief-list", OptionList)
        ids = [options.get_option_at_index(i).id for i in range(options.option_count)]
        assert ids == ["supine-knee-rocks", "pelvic-tilt", "rest-pillows-under-knees", "heat-therapy",
                       "cold-therapy", "hydration-break", "short-walk"]
        shown = {}
        for index, exercise_id in enumerate(ids):
            if index:
                await pilot.press("down")
                await settle(pilot)
            shown[exercise_id] = screen.query_one(ExerciseDetail).text
        heat = shown["heat-therapy"]
        assert "layer of cloth" in heat and "every few minutes" in heat, heat
        assert "numb" in heat and "supported rest position" in heat
        assert "never fall asleep" in heat
        assert "Walk again every two or three hours" in shown["short-walk"]
        assert "repeat through the day" in shown["short-walk"]
        assert "over and back counts as one" in shown["supine-knee-rocks"]
        assert screen.pack is not None and screen.pack.kind == "cold", "the last pack passed is the one timed"
        for _ in range(3):
            await pilot.press("plus")
        await settle(pilot)
        assert screen.minutes == 15, "cold stays on 15 minutes at most"
        await pilot.press("s")
        await settle(pilot)
        assert screen.query_one(Countdown).active, "the pack's timer starts from the routine"
        label = screen.query_one(Countdown).query_one(".countdown-label")
        assert re.fullmatch(r"Cold pack: 1[45]:\d\d left", str(label.render())), label.render()
        await pilot.press("p")
        await settle(pilot)
        # It used to read "Cold: 15:00  (paused: p resumes)".
        assert re.fullmatch(r"Cold pack paused at 1[45]:\d\d · p resumes", str(label.render())), label.render()
        footer = screen.query_one(FittedFooter)
        assert "resume" in footer.shown and "pause" not in footer.shown, "p says Resume while the timer is paused"
        await pilot.press("p")
        await settle(pilot)
        assert screen.query_one(Countdown).running
        assert "pause" in footer.shown and "resume" not in footer.shown, "and Pause again once it runs"
