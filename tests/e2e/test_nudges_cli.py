"""Nudges that fit a terminal: ``status --line``, calendar reminders, and the live calendar file."""

from __future__ import annotations

import datetime as dt
import os
import stat
from pathlib import Path

import icalendar
import pytest

from tests.conftest import RunPlanner


@pytest.fixture
def run_planner(run_cli: RunPlanner) -> RunPlanner:
    """These rules are checked through ``planner.cli.main`` in process (tests/conftest.py ``run_cli``);
    the subprocess path of each command is tested once elsewhere."""
    return run_cli


def line(run_planner: RunPlanner, today: str = "2026-03-02", *extra: str) -> str:
    result = run_planner("status", "--line", *extra, env={"PLANNER_TODAY": today})
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stdout.splitlines()) == 1, result.stdout
    return result.stdout.strip()


def ok(run_planner: RunPlanner, *args: str, today: str = "2026-03-02") -> str:
    result = run_planner(*args, env={"PLANNER_TODAY": today})
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def test_status_line_for_each_state(run_planner: RunPlanner) -> None:
    assert line(run_planner) == "no plan yet"
    ok(run_planner, "plan", "new", "--program", "core-flexibility", "--days", "mon,wed,fri", "--start", "2026-03-02")
    due = line(run_planner)
    category, minutes, word = due.split()
    assert category in ("core", "flexibility", "mobility") and minutes.endswith("m") and word == "due", due
    assert line(run_planner, "2026-03-01") == "starts Mon 02 Mar"
    assert line(run_planner, "2026-03-03") == "rest · walk 10m", "no session; the walk between sessions is still on"
    first = ok(run_planner, "today", "--json")
    ok(run_planner, "done", first.split('"id": "')[1].split('"')[0])
    assert line(run_planner).endswith("to go)") and " left " in line(run_planner)
    ok(run_planner, "done")  # the session; its walk apart is for any time today and checked off on its own
    assert line(run_planner) == "done ✓ · walk 10m"
    ok(run_planner, "done", "easy-walk")
    assert line(run_planner) == "done ✓"
    assert line(run_planner, "2026-03-02", "--ascii") == "done ok"
    ok(run_planner, "skip", today="2026-03-04")
    assert line(run_planner, "2026-03-04") == "skipped · rest"
    ok(run_planner, "pain", "8", today="2026-03-06")
    assert line(run_planner, "2026-03-06") == "paused — see Today"
    assert line(run_planner, "2026-03-06", "--ascii") == "paused - see Today"
    status = run_planner("status", "--json", env={"PLANNER_TODAY": "2026-03-06"})
    assert '"state": "paused"' in status.stdout


def test_status_line_when_the_plan_is_finished(run_planner: RunPlanner) -> None:
    ok(run_planner, "plan", "new", "--program", "core-flexibility", "--days", "mon", "--weeks", "1",
       "--start", "2026-03-02")
    ok(run_planner, "done")
    assert line(run_planner, "2026-03-16") == "plan finished"


def test_status_line_after_a_red_flag_and_never_writes(run_planner: RunPlanner, tmp_path: Path) -> None:
    ok(run_planner, "plan", "new", "--program", "core-flexibility", "--start", "2026-03-02")
    ok(run_planner, "pain", "2", "--flag", "weakness")  # urgent: pauses (numbness alone is advice)
    database = tmp_path / "data" / "planner.db"
    before = database.read_bytes()
    # Weeks later (the gap rule would record an adjustment in 'planner today'), the line still only reads.
    assert line(run_planner, "2026-04-01") == "URGENT — see a doctor today"  # the level leads (issue 26)
    assert database.read_bytes() == before


def test_status_line_matches_today_after_a_long_gap(run_planner: RunPlanner) -> None:
    """The gap rule is applied in memory, so the line names the same session 'planner today' shows."""
    ok(run_planner, "plan", "new", "--program", "core-flexibility", "--days", "mon,wed,fri", "--start", "2026-03-02")
    ok(run_planner, "done")
    status = line(run_planner, "2026-03-23")
    import json

    view = json.loads(ok(run_planner, "today", "--json", today="2026-03-23"))
    assert view["status"] == "planned" and status.endswith(" due")


def events(text: str) -> list[icalendar.Event]:
    return list(icalendar.Calendar.from_ical(text).walk("VEVENT"))


def alarm_minutes(event: icalendar.Event) -> list[int]:
    return [-int(a.decoded("trigger").total_seconds() // 60) for a in event.walk("VALARM")]


def test_every_calendar_event_has_a_reminder_unless_remind_0(run_planner: RunPlanner) -> None:
    ok(run_planner, "plan", "new", "--program", "core-flexibility", "--start", "2026-03-02")
    default = events(ok(run_planner, "export", "--format", "ics"))
    assert default and all(alarm_minutes(e) == [15] for e in default)
    assert all(a["action"] == "DISPLAY" for e in default for a in e.walk("VALARM"))
    thirty = events(ok(run_planner, "export", "--format", "ics", "--remind", "30"))
    assert all(alarm_minutes(e) == [30] for e in thirty)
    none = events(ok(run_planner, "export", "--format", "ics", "--remind", "0"))
    assert len(none) == len(default) and not any(e.walk("VALARM") for e in none)
    bad = run_planner("export", "--format", "ics", "--remind", "soon")
    assert bad.returncode == 2 and bad.stderr.startswith("planner: --remind: 'soon'"), bad.stderr


def live_events(path: Path) -> dict[dt.date, icalendar.Event]:
    return {e.decoded("dtstart").date(): e for e in events(path.read_text(encoding="utf-8"))}


def test_live_calendar_follows_done_pain_undo_and_import(run_planner: RunPlanner, tmp_path: Path) -> None:
    ok(run_planner, "plan", "new", "--program", "core-flexibility", "--days", "mon,wed,fri", "--start", "2026-03-02")
    live = tmp_path / "cal" / "planner.ics"
    refused = run_planner("calendar", "--live", str(live))
    assert refused.returncode == 1 and "does not exist" in refused.stderr
    live.parent.mkdir()
    ok(run_planner, "calendar", "--live", str(live), "--time", "18:30", "--remind", "10")
    assert stat.S_IMODE(live.stat().st_mode) == 0o600
    first = live_events(live)
    monday, wednesday = dt.date(2026, 3, 2), dt.date(2026, 3, 4)
    assert first[monday].decoded("dtstart").time() == dt.time(18, 30)
    assert all(alarm_minutes(e) == [10] for e in first.values())
    assert "done" not in str(first[monday]["summary"])
    assert "calendar" in ok(run_planner, "calendar") and "10 min" in ok(run_planner, "calendar")

    ok(run_planner, "done")
    assert "✓ done" in str(live_events(live)[monday]["summary"]), "rewritten after done"
    ok(run_planner, "undo")
    assert "done" not in str(live_events(live)[monday]["summary"]), "rewritten after undo"

    before = str(live_events(live)[wednesday]["description"])
    ok(run_planner, "pain", "7")
    after = str(live_events(live)[wednesday]["description"])
    assert after != before and "70%" in after, "rewritten after pain: the cut doses and the reason"

    ok(run_planner, "pain", "3", "--flag", "weakness")
    paused = live_events(live)[wednesday]
    assert "paused" in str(paused["summary"]) and not str(paused["description"]).startswith("- ")
    assert dt.date(2026, 3, 3) not in live_events(live), "a pause shows on training days only"
    assert max(live_events(live)) <= dt.date(2026, 3, 16), "and only for the next two weeks"

    exported = tmp_path / "plan.toml"
    ok(run_planner, "export", "-o", str(exported))
    mtime = live.stat().st_mtime_ns
    os.utime(live, ns=(mtime - 10**9, mtime - 10**9))
    ok(run_planner, "import", str(exported))
    assert live.stat().st_mtime_ns > mtime - 10**9, "rewritten after import"
    assert stat.S_IMODE(live.stat().st_mode) == 0o600

    ok(run_planner, "calendar", "--off")
    frozen = live.read_bytes()
    ok(run_planner, "resume", "--confirm")
    assert live.read_bytes() == frozen, "no longer updated once turned off"


@pytest.mark.parametrize("args", [["--remind", "-5"], ["--time", "25:00"]])
def test_live_calendar_refuses_bad_values_and_changes_nothing(run_planner: RunPlanner, tmp_path: Path,
                                                             args: list[str]) -> None:
    ok(run_planner, "plan", "new", "--program", "core-flexibility")
    result = run_planner("calendar", "--live", str(tmp_path / "x.ics"), *args)
    assert result.returncode == 2 and result.stderr.count("\n") == 1, result.stderr
    assert not (tmp_path / "x.ics").exists()
    assert "No live calendar file" in ok(run_planner, "calendar")


def test_live_calendar_follows_the_gap_rule_that_today_records(run_planner: RunPlanner, tmp_path: Path) -> None:
    """After 7+ days away, 'planner today' eases the plan back in; the live file shows the eased doses."""
    ok(run_planner, "plan", "new", "--program", "core-flexibility", "--days", "mon,wed,fri", "--start", "2026-03-02")
    ok(run_planner, "done")
    live = tmp_path / "live.ics"
    ok(run_planner, "calendar", "--live", str(live))
    assert "No session since" not in live.read_text()
    ok(run_planner, "today", today="2026-03-23")
    monday = live_events(live)[dt.date(2026, 3, 23)]
    assert "No session since 2026-03-02" in str(monday["description"])
