"""``simulate`` runs the engine that real reports run: a steady story projected, then lived day by day through
``planner``, gives the same doses on every session day (issue #25: "the same stories through simulate, which
must agree with what then happens")."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from tests.conftest import RunPlanner
from tests.conftest import succeeds as ok

START = "2026-03-02"  # a Monday


def doses(exercises: list[dict]) -> list[tuple]:
    return [(e["id"], e["sets"], e["reps"], e["hold_seconds"], e["minutes"]) for e in exercises]


@pytest.mark.parametrize(("after", "morning"), [(1, None), (4, 3), (6, None), (7, 5)],
                         ids=["low", "acceptable", "cut", "flare-not-settled"])
def test_a_steady_story_lived_is_the_story_simulated(run_cli: RunPlanner, after: int, morning: int | None) -> None:
    ok(run_cli, "plan", "new", "--program", "core-foundation", "--days", "mon,wed,fri", "--minutes", "30",
       "--start", START)
    args = ["simulate", "--pain", str(after), "--weeks", "2", "--json"]
    projection = json.loads(ok(run_cli, *args, *(["--morning", str(morning)] if morning is not None else [])))
    sessions = [s for week in projection["projection"] for s in week["sessions"]]
    assert len(sessions) >= 6
    for session in sessions:
        day = session["date"]
        lived = json.loads(ok(run_cli, "today", "--json", today=day))
        if session["paused"]:  # simulate lists no doses for a paused day; Today lists the relief routine
            assert lived["status"] == "paused", day
            continue
        assert doses(lived["exercises"]) == doses(session["exercises"]), day
        ok(run_cli, "done", today=day)
        ok(run_cli, "pain", str(after), today=day)
        if morning is not None:
            next_day = (dt.date.fromisoformat(day) + dt.timedelta(days=1)).isoformat()
            ok(run_cli, "pain", str(morning), "--when", "next-morning", today=next_day)
