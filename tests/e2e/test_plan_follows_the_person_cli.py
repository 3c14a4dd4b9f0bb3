"""Issue 25 through the real ``planner`` command: the record is the truth, usual pain, the relief pause
that needs moving as usual, and tingling that persists. The rules themselves are tested in process
(tests/domain/test_usual_pain.py, tests/store/test_record_is_truth.py)."""

from __future__ import annotations

import json

import pytest

from tests.conftest import RunPlanner


@pytest.fixture
def run_planner(run_cli: RunPlanner) -> RunPlanner:
    """These rules are checked through ``planner.cli.main`` in process (tests/conftest.py ``run_cli``);
    the subprocess path of each command is tested once elsewhere."""
    return run_cli

START = "2026-03-02"  # a Monday


def ok(run_planner: RunPlanner, *args: str, today: str = START) -> str:
    result = run_planner(*args, env={"PLANNER_TODAY": today})
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    return result.stdout


def day(run_planner: RunPlanner, date: str, today: str) -> dict:
    return json.loads(ok(run_planner, "today", "--date", date, "--json", today=today))


def new_plan(run_planner: RunPlanner) -> None:
    ok(run_planner, "plan", "new", "--program", "core-foundation", "--days", "mon,wed,fri", "--minutes", "30",
       "--level", "1", "--weeks", "8", "--start", START)


def test_a_done_session_stays_as_it_was_done_after_a_later_report(run_planner: RunPlanner) -> None:
    new_plan(run_planner)
    ok(run_planner, "done")
    before = day(run_planner, START, START)
    out = ok(run_planner, "pain", "6", "--when", "after")
    assert "70%" in out
    assert day(run_planner, START, START) == before, "today still shows the doses that were done"
    later = day(run_planner, START, "2026-03-05")
    assert later["exercises"] == before["exercises"] and later["status"] == "done"
    history = json.loads(ok(run_planner, "history", "--json", today="2026-03-05"))
    row = next(s for s in history["sessions"] if s["date"] == START)
    assert row["status"] == "done" and row["exercises_planned"] == len([e for e in before["exercises"]
                                                                          if not e["apart"]])
    wednesday = day(run_planner, "2026-03-04", "2026-03-04")
    assert sum(e["volume_seconds"] for e in wednesday["exercises"] if not e["apart"]) < \
        sum(e["volume_seconds"] for e in before["exercises"] if not e["apart"])


def test_a_usual_pain_of_3_settles_at_3(run_planner: RunPlanner) -> None:
    new_plan(run_planner)
    out = ok(run_planner, "screen", "--usual-pain", "3")
    assert "Usual pain set to 3" in out
    ok(run_planner, "done")
    ok(run_planner, "pain", "4", "--when", "after")
    out = ok(run_planner, "pain", "3", "--when", "next-morning", "--date", "2026-03-03", today="2026-03-03")
    assert "not settled" not in out and "repeat the current doses" not in out, out
    bad = run_planner("screen", "--usual-pain", "eleven")
    assert bad.returncode == 2 and "--usual-pain: 'eleven' is not a pain score" in bad.stderr


def test_tingling_on_a_second_day_raises_the_alert_to_soon(run_planner: RunPlanner) -> None:
    new_plan(run_planner)
    ok(run_planner, "done")
    ok(run_planner, "pain", "2", "--flag", "numbness")
    assert day(run_planner, START, START)["alert"]["level"] == "advice"
    ok(run_planner, "done", "--date", "2026-03-04", today="2026-03-04")
    ok(run_planner, "pain", "2", "--flag", "numbness", "--date", "2026-03-04", today="2026-03-04")
    alert = day(run_planner, "2026-03-05", "2026-03-05")["alert"]
    assert alert["level"] == "soon" and "book a physiotherapist or doctor this week" in alert["message"].lower()
    assert "book a physio this week" in ok(run_planner, "status", "--line", today="2026-03-05")
    shown = day(run_planner, "2026-03-06", "2026-03-06")
    assert not {e["id"] for e in shown["exercises"]} & {"hamstring-stretch-strap", "hamstring-stretch-standing"}


def test_simulate_a_hold_that_the_calendar_never_lifts(run_planner: RunPlanner) -> None:
    """The issue's story through ``planner simulate``: every session 5 after and 3 the next morning. Eight
    weeks held at week 1: no easier week comes during the hold and week 8 brings nothing harder or new (it
    brought curl-up 6-4, a full side plank and a farmer's walk)."""
    new_plan(run_planner)
    weeks = json.loads(ok(run_planner, "simulate", "--pain", "5", "--morning", "3", "--weeks", "8",
                          "--json"))["projection"]
    first = {e["id"] for s in weeks[0]["sessions"] for e in s["exercises"]}
    held = {s["volume_seconds"] for s in weeks[1]["sessions"]}
    for week in weeks[1:]:
        assert not week["easier_week"], week["week"]
        assert {s["volume_seconds"] for s in week["sessions"]} <= held, week["week"]
        assert {e["id"] for s in week["sessions"] for e in s["exercises"]} <= first, week["week"]
