"""Pictures of a walk done apart from the session: named for any time today, not in the session's minutes."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot

from tests.app.conftest import make_app, settle


async def to_the_walk(pilot: Pilot) -> None:
    """Today with the last row (the walk) highlighted, so the list shows it."""
    await settle(pilot)
    await pilot.press("end")
    await settle(pilot)


def test_today_names_the_walk_for_any_time_today(snap_compare, seeded: Path) -> None:
    assert snap_compare(make_app(), terminal_size=(120, 36), run_before=to_the_walk)


def test_the_runner_lets_the_walk_wait(snap_compare, seeded: Path, run_planner) -> None:
    """The floor work checked off: the runner opens on the walk and says it can wait."""
    import json

    planned = json.loads(run_planner("today", "--json").stdout)["exercises"]
    run_planner("done", *[e["id"] for e in planned if not e["apart"]])

    async def open_runner(pilot: Pilot) -> None:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)

    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=open_runner)
