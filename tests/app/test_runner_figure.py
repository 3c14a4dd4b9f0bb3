"""The runner draws the exercise under way: it moves only while reps are counted and swaps with the exercise."""

from __future__ import annotations

from pathlib import Path

import pytest

import planner.app.screens.session_runner
from planner.app.screens.session_runner import SessionRunner
from planner.app.widgets.figure import FigureView
from planner.domain.days.session_run import Phase
from planner.domain.library.models import Kind
from tests.app.conftest import make_app, settle


@pytest.fixture(autouse=True)
def hand_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(planner.app.screens.session_runner, "TICK_SECONDS", 3600.0)


def figure_of(runner: SessionRunner) -> FigureView:
    return runner.query_one("#runner-figure", FigureView)


async def test_the_figure_follows_the_exercise_and_moves_only_while_reps_are_counted(seeded: Path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        runner = app.screen
        assert isinstance(runner, SessionRunner)
        view = figure_of(runner)
        first = runner.run.item
        assert view.display and view.figure is runner.library.exercises[first.id].figure
        assert view._timer is None, "waiting for the count: the figure stands still, no timer"
        drawn = str(view.render())
        assert any("\u2801" <= ch <= "\u28ff" for ch in drawn)

        reps = next(i for i, p in enumerate(runner.run.items)
                    if p.kind is Kind.REPS and not p.descending and runner.library.exercises[p.id].figure.hold is None)
        runner.pick(reps)
        await settle(pilot)
        item = runner.run.item
        assert view.figure is runner.library.exercises[item.id].figure, "the figure swaps with the exercise"
        assert view._timer is None

        await pilot.press("s")
        await settle(pilot)
        assert runner.run.phase is Phase.WORK and view._timer is not None, "reps counted: the figure moves"
        assert view._timer._interval == pytest.approx(item.seconds_per_rep / 2 / 4)
        await pilot.press("p")
        await settle(pilot)
        assert runner.run.paused and view._timer is None, "paused: the figure holds still"
        await pilot.press("p")
        await settle(pilot)
        assert view._timer is not None
        await pilot.press("space")  # the set done: a rest follows, and the figure stops
        await settle(pilot)
        assert runner.run.phase is not Phase.WORK and view._timer is None


async def test_a_counted_hold_keeps_the_held_pose_without_a_timer(seeded: Path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        runner = app.screen
        assert isinstance(runner, SessionRunner)
        held = next(i for i, p in enumerate(runner.run.items) if p.descending)
        runner.pick(held)
        await settle(pilot)
        view = figure_of(runner)
        still = str(view.render())
        await pilot.press("s")
        await settle(pilot)
        assert runner.run.phase is Phase.WORK and runner.run.timing
        assert view._timer is None, "a hold is counted: the figure does not move"
        assert str(view.render()) != still, "it shows the held pose (the end of the movement)"


@pytest.mark.parametrize(("size", "shown"), [((40, 16), False), ((60, 20), True), ((80, 24), True), ((120, 36), True)])
async def test_the_figure_shows_where_there_is_room(seeded: Path, size: tuple[int, int], shown: bool) -> None:
    """Where it shows, every exercise's figure stays inside its pane, clear of the list and the cues. (A PNG
    made with rsvg-convert draws braille wider than a cell, from a fallback font, so there a figure seems to
    spill at 120 columns; the cells say otherwise.)"""
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        runner = app.screen
        assert isinstance(runner, SessionRunner)
        view = figure_of(runner)
        assert view.display is shown
        clock = runner.query_one(".countdown-digits")
        assert clock.region.bottom <= size[1] - 1, "the countdown stays on screen"
        pane = runner.query_one("#runner-focus").content_region
        for index in range(len(runner.items)) if shown else ():
            runner.pick(index)
            await settle(pilot)
            if view.figure is not None:
                assert pane.contains_region(view.region), (runner.item.id, view.region, pane)
                assert all(len(line) <= view.columns for line in str(view.render()).splitlines())
