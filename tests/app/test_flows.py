"""The app under Pilot: what a person does, and what the store holds afterwards."""

from __future__ import annotations

from pathlib import Path

from planner.app.screens.today import TodayScreen
from planner.app.screens.wizard import PlanBuilderScreen
from planner.store.store import Store
from tests.app.conftest import make_app


async def test_first_run_leads_to_the_builder_and_creates_a_plan(data_dir: Path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, PlanBuilderScreen)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
    with Store(data_dir) as store:
        active = store.active_plan()
    assert active is not None and active.inputs.program == "core-flexibility"


async def test_checking_off_every_exercise_marks_the_session_done(seeded: Path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        count = len(app.data.day().exercises)
        for _ in range(count):
            await pilot.press("space", "down")
        await pilot.pause()
        assert app.data.day().status == "done"
    with Store(seeded) as store:
        history = store.history(store.active_plan().id)
    assert len(history.completions) == count


async def test_severe_pain_pauses_the_program(seeded: Path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("d", "r")
        await pilot.pause()
        await pilot.press("9", "enter")
        await pilot.pause()
        assert app.data.day().status == "paused"
        assert "paused" in str(app.screen.query_one("#result").render())


async def test_red_flag_pauses_with_an_urgent_message(seeded: Path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("r")
        await pilot.pause()
        await pilot.press("1")
        app.screen.query_one("#flag-weakness").value = True
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert "urgent medical attention" in str(app.screen.query_one("#result").render())
        await pilot.press("escape")
        await pilot.pause()
        view = app.data.day()
        assert view.status == "paused" and view.exercises == []
