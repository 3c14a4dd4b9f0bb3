"""Walking most days, through the real command: the walk apart from the session on the days between."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
from collections import Counter

from tests.conftest import RunPlanner


def ok(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 0, result.stderr
    return result.stdout


def walks_per_week(ics: str, start: dt.date) -> Counter[int]:
    """Per plan week, the days whose calendar event offers the walk (a walk event, or a session with it)."""
    weeks: Counter[int] = Counter()
    for event in ics.split("BEGIN:VEVENT")[1:]:
        day = dt.datetime.strptime(event.split("DTSTART:")[1][:8], "%Y%m%d").date()
        unfolded = event.replace("\r\n ", "").replace("\n ", "")
        if "Easy walk" in unfolded or "easy walk" in unfolded:
            weeks[(day - start).days // 7 + 1] += 1
    return weeks


def test_a_three_day_plan_offers_a_walk_at_least_five_days_a_week_from_week_2(run_planner: RunPlanner) -> None:
    plan = json.loads(ok(run_planner("plan", "new", "--program", "core-foundation", "--days", "mon,wed,fri",
                                     "--json")))
    assert plan["walk_days"] == "all"
    weeks = walks_per_week(ok(run_planner("export", "--format", "ics")), dt.date(2026, 3, 2))
    assert len(weeks) == len(plan["weeks"])
    assert all(weeks[n] >= 5 for n in range(2, len(plan["weeks"]) + 1)), weeks
    assert "Easy walk: 10 min every day, session or not" in " ".join(plan["weeks"][0]["reasons"])

    ok(run_planner("plan", "new", "--program", "core-foundation", "--days", "mon,wed,fri", "--walk-days", "sessions"))
    weeks = walks_per_week(ok(run_planner("export", "--format", "ics")), dt.date(2026, 3, 2))
    assert set(weeks.values()) == {3}, "session days only"
    rest = json.loads(ok(run_planner("today", "--json", "--date", "2026-03-03")))
    assert rest["status"] == "rest" and rest["exercises"] == []


def test_the_walk_between_sessions_has_its_own_tick_box_and_count(run_planner: RunPlanner) -> None:
    ok(run_planner("plan", "new", "--program", "core-foundation", "--days", "mon,wed,fri"))
    tuesday = {"PLANNER_TODAY": "2026-03-03"}
    shown = ok(run_planner("today", env=tuesday))
    assert "no session today; a walk, at any time today" in shown and "[ ] Easy walk" in shown
    assert ok(run_planner("status", "--line", env=tuesday)).strip() == "rest · walk 10m"
    assert "there is no session that day" in ok(run_planner("done", env=tuesday))
    assert ok(run_planner("status", "--line", env=tuesday)).strip() == "rest · walk ✓"

    wednesday = {"PLANNER_TODAY": "2026-03-04"}
    day = json.loads(ok(run_planner("today", "--json", env=wednesday)))
    floor = [e["id"] for e in day["exercises"] if not e["apart"]]
    ok(run_planner("done", *floor, env=wednesday))
    assert json.loads(ok(run_planner("today", "--json", env=wednesday)))["status"] == "done", \
        "a walk not yet done never makes the session partial"
    history = json.loads(ok(run_planner("history", "--json", env={"PLANNER_TODAY": "2026-03-05"})))
    assert history["adherence"] == 50, "Monday missed, Wednesday done: the walks do not count as sessions"
    assert history["walks"] == {"done": 1, "due": 3, "adherence": 33}, "Mon and Wed walks missed, Tue done"
    assert "Walks (apart from the sessions): 1 of 3 done" in ok(run_planner("history",
                                                                            env={"PLANNER_TODAY": "2026-03-05"}))
