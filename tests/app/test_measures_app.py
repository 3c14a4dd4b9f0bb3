"""Measures in the app: the activities you want back, the direction that eases the back, walks most days."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from textual.widgets import Input, Select, Static

from planner.app.screens.function import FunctionDialog
from planner.app.screens.history import HistoryScreen
from planner.app.screens.screening import ScreeningDialog
from planner.app.screens.wizard import PlanBuilderScreen
from planner.store.eases import saved_eases
from planner.store.store import Store
from tests.app.conftest import make_app, settle


def notes(app) -> str:  # noqa: ANN001 - the app under test
    return str(app.screen.query_one("#reasons", Static).render())


async def test_today_asks_for_a_rating_and_the_palette_dialog_records_it(seeded: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    with Store(seeded) as store:
        store.add_activities(["Putting on socks", "Lifting my child"], dt.date(2026, 3, 2))
        store.rate_activities([(1, 3), (2, 2)], dt.date(2026, 3, 2))
    monkeypatch.setenv("PLANNER_TODAY", "2026-03-16")
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        assert "Two weeks since you last rated" in notes(app)
        app.action_function()
        await settle(pilot)
        assert isinstance(app.screen, FunctionDialog)
        app.screen.query_one("#scores", Input).value = "6 x"
        await pilot.press("enter")
        await settle(pilot)
        assert "'x' is not a whole number from 0 to 10" in str(app.screen.query_one("#function-result").render())
        app.screen.query_one("#scores", Input).value = "6 5"
        await pilot.press("enter")
        await settle(pilot)
        assert not isinstance(app.screen, FunctionDialog)
        assert app.snapshot.function.averages[-1] == (dt.date(2026, 3, 16), 5.5)
        assert app.snapshot.function.important_change, "2.5 → 5.5 passes 2 points"
        assert "Two weeks since" not in notes(app)
        app.action_go("history")
        await settle(pilot)
        assert isinstance(app.screen, HistoryScreen)
        assert app.screen.query_one("#function-box").display
        assert [v for _, v in app.screen.charted["function"].points] == [2.5, 5.5], "charted beside pain"


async def test_on_a_phone_the_rating_is_given_in_the_compact_dialog(seeded: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """Today's two-weekly prompt points to the palette; at 40×16 its dialog fills the screen (no "wider
    terminal needed"), every activity and the field in view."""
    with Store(seeded) as store:
        store.add_activities(["Putting on socks", "Lifting my child", "Gardening"], dt.date(2026, 3, 2))
        store.rate_activities([(1, 3), (2, 2), (3, 4)], dt.date(2026, 3, 2))
    monkeypatch.setenv("PLANNER_TODAY", "2026-03-16")
    app = make_app()
    async with app.run_test(size=(40, 16)) as pilot:
        await settle(pilot)
        app.action_function()
        await settle(pilot)
        assert isinstance(app.screen, FunctionDialog)
        field = app.screen.query_one("#scores", Input)
        assert field.region.bottom <= 16 and field.region.right <= 40, field.region
        await pilot.press(*"5 5 5", "enter")
        await settle(pilot)
        assert not isinstance(app.screen, FunctionDialog)
        assert app.snapshot.function.averages[-1] == (dt.date(2026, 3, 16), 5.0)


async def test_the_walk_on_a_day_between_sessions_has_its_own_tick_box(seeded: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PLANNER_TODAY", "2026-03-03")
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        view = app.snapshot.day()
        assert view.status == "rest" and [p.id for p in view.exercises] == ["easy-walk"]
        assert "still on, at any time today" in notes(app)
        await pilot.press("space")
        await settle(pilot)
        assert app.snapshot.day().done_ids == {"easy-walk"}
        assert app.snapshot.progress().walks_done == 1


async def test_the_builder_and_the_questions_set_walks_activities_and_direction(data_dir: Path) -> None:
    app = make_app()
    async with app.run_test(size=(100, 50)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, PlanBuilderScreen)
        screen.query_one("#program", Select).value = "flexibility"
        screen.query_one("#walk-days", Select).value = "sessions"
        screen.query_one("#activities", Input).value = "Putting on socks; Sitting through a film"
        await settle(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ScreeningDialog)
        app.screen.query_one("#eases", Select).value = "forward"
        await pilot.press("ctrl+s")
        for _ in range(10):  # the answers are kept, then the builder creates the plan: two store writes
            await settle(pilot)
            if app.snapshot is not None and app.snapshot.plan is not None:
                break
    with Store(data_dir) as store:
        record = store.active_plan()
        assert record is not None
        assert record.inputs.walk_days == "sessions" and record.inputs.eases == "forward"
        assert saved_eases(store) == "forward"
        assert [a.name for a in store.activities()] == ["Putting on socks", "Sitting through a film"]
