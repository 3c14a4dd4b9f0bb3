"""The session runner with a walk apart from the session: the floor work can be finished without it."""

from __future__ import annotations

import json
from pathlib import Path

from planner.app.screens.checkin import PainCheckIn
from planner.app.screens.session_runner import SessionRunner
from tests.app.conftest import make_app, settle


async def open_runner(pilot) -> SessionRunner:
    await settle(pilot)
    await pilot.press("enter")
    await settle(pilot)
    assert isinstance(pilot.app.screen, SessionRunner)
    return pilot.app.screen


async def test_the_walk_comes_last_and_finishing_without_it_asks_nothing(seeded: Path, run_planner) -> None:
    planned = json.loads(run_planner("today", "--json").stdout)["exercises"]
    assert [e["apart"] for e in planned] == [False] * (len(planned) - 1) + [True], "the walk comes last"
    run_planner("done", *[e["id"] for e in planned if not e["apart"]])  # the floor work, checked off
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        runner = await open_runner(pilot)
        assert runner.item.id == "easy-walk" and runner.item.apart, "the runner opens on what is left: the walk"
        assert "The walk can wait for any time today" in str(runner.query_one("#hint").render())
        assert "any time today" in str(runner.query_one("#exercise-name").render())
        await pilot.press("f")
        await settle(pilot)
        assert isinstance(app.screen, PainCheckIn), "no 'not finished' question for a walk meant for later"
    today = json.loads(run_planner("today", "--json").stdout)
    rows = {e["id"]: e for e in today["exercises"]}
    assert rows["easy-walk"]["apart"] is True and not rows["easy-walk"]["done"]
    assert all(e["done"] for e in today["exercises"] if not e["apart"])
    assert today["status"] == "done", "the session is its floor work: the walk does not leave it partial"
    assert run_planner("status", "--line").stdout.strip() == "done ✓ · walk 10m"
    assert "the walk is still to do" in run_planner("today").stdout
    run_planner("done", "easy-walk")
    assert json.loads(run_planner("today", "--json").stdout)["status"] == "done"
