"""A session done but for one of its exercises (of three or more) tells one story on every face: the plan
moves on as if it were done (planner.domain.pain.moving_on), so adherence, the streak, history, the report's
week table and session list and the live calendar count it as done and say "done, one left out"; its record
(``history --json``'s status) still says what was checked off: partial, with ``one_left_out`` true."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import RunPlanner
from tests.conftest import succeeds as ok
from tests.conftest import today_json as today

MON, WED, THU = "2026-03-02", "2026-03-04", "2026-03-05"


@pytest.fixture
def run_planner(run_cli: RunPlanner) -> RunPlanner:
    return run_cli


def test_all_but_one_done_is_done_one_left_out_everywhere(run_planner: RunPlanner, tmp_path: Path) -> None:
    ok(run_planner, "plan", "new", "--program", "core-foundation", "--days", "mon,wed,fri", "--minutes", "30",
       "--level", "1", "--weeks", "8", "--start", MON, today=MON)
    session = [e["id"] for e in today(run_planner, MON)["exercises"] if not e.get("apart")]
    assert len(session) >= 3
    ok(run_planner, "done", *session[:-1], today=MON)
    ok(run_planner, "done", today=WED)

    history = ok(run_planner, "history", today=THU)
    monday = next(line for line in history.splitlines() if line.startswith(MON))
    assert "done, one left out" in monday and "partial" not in monday
    assert "Adherence 100% · current streak 2 · best streak 2" in history
    record = json.loads(ok(run_planner, "history", "--json", today=THU))
    first = next(s for s in record["sessions"] if s["date"] == MON)
    assert (first["status"], first["one_left_out"]) == ("partial", True)
    assert (record["adherence"], record["current_streak"]) == (100, 2)

    report = ok(run_planner, "report", today=THU)
    assert "100%" in report and "done, one left out" in report
    assert f"{MON} · " in report and f"{MON} · partial" not in report.replace("week 1 · ", "")

    live = tmp_path / "live.ics"
    ok(run_planner, "calendar", "--live", str(live), today=THU)
    summaries = [line for line in live.read_text(encoding="utf-8").replace("\r\n ", "").splitlines()
                 if line.startswith("SUMMARY:")]
    assert summaries[0] == r"SUMMARY:Core foundation: week 1 of 8 ✓ done\, one left out"  # iCalendar's \,


def test_the_same_day_says_done_one_left_out_as_history_does(run_planner: RunPlanner, tmp_path: Path) -> None:
    """On the day itself the check-off, `today` and the app's Today heading said "partial" / "partly done"
    while History said "done, one left out" for the same record: one story on every face."""
    import datetime as dt

    from planner.actions import reading
    from planner.app.data import Snapshot
    from planner.app.today_face import face_of
    from planner.context import Context

    ok(run_planner, "plan", "new", "--program", "core-foundation", "--days", "mon,wed,fri", "--minutes", "30",
       "--level", "1", "--weeks", "8", "--start", MON, today=MON)
    session = [e["id"] for e in today(run_planner, MON)["exercises"] if not e.get("apart")]
    checked = ok(run_planner, "done", *session[1:], today=MON)
    assert f"session done, one left out ({len(session) - 1}/{len(session)})" in checked, checked
    heading = ok(run_planner, "today", today=MON).splitlines()[0]
    assert heading.endswith(": done, one left out"), heading
    assert today(run_planner, MON)["status"] == "partial"  # the record's word stays in JSON

    context = Context(tmp_path / "data", [], dt.date.fromisoformat(MON))
    active = reading.active_plan(context)
    assert active is not None
    snapshot = Snapshot(context.today, context.library, active.plan, active.history, active.state,
                        active.weekly_increase, active.rules)
    for heading in ("heading", "heading_short"):
        words = face_of(snapshot)[heading]
        assert "done, one left out" in words and "partial" not in words, words
