"""Issue 25 through the real ``planner`` command, day by day: a plan week moves on only when its work was
done. A week with 1 of 3 sessions done repeats its doses; 2 of 3 moves on; a hold is not doubled; the gap
rule and this rule never step back twice for one break; ``simulate`` agrees with what then happens. The
rule itself is tested in process on the domain (tests/domain/test_moving_on.py)."""

from __future__ import annotations

import json

import pytest

from tests.conftest import RunPlanner
from tests.conftest import succeeds as ok
from tests.conftest import today_json as today

START = "2026-03-02"  # a Monday; core-foundation's week 4 is a planned easier week
MON, WED, FRI = 0, 2, 4


@pytest.fixture
def run_planner(run_cli: RunPlanner) -> RunPlanner:
    """In process through ``planner.cli.main`` (the subprocess path of each command is tested elsewhere)."""
    return run_cli


def date(week: int, weekday: int) -> str:
    return f"2026-03-{2 + 7 * (week - 1) + weekday:02d}" if 2 + 7 * (week - 1) + weekday <= 31 else \
        f"2026-04-{2 + 7 * (week - 1) + weekday - 31:02d}"


def new_plan(run_planner: RunPlanner) -> None:
    ok(run_planner, "plan", "new", "--program", "core-foundation", "--days", "mon,wed,fri", "--minutes", "30",
       "--level", "1", "--weeks", "8", "--start", START, today=START)


def train(run_planner: RunPlanner, week: int, *weekdays: int) -> None:
    """The sessions of ``week`` on ``weekdays`` done, each on its own day."""
    for weekday in weekdays:
        ok(run_planner, "done", today=date(week, weekday))


def kinds(run_planner: RunPlanner, day: str) -> list[str]:
    return [a["kind"] for a in json.loads(ok(run_planner, "adjustments", "--json", today=day))]


def doses(view: dict) -> list[tuple]:
    return [(e["id"], e["sets"], e["reps"], e["hold_seconds"], e["minutes"]) for e in view["exercises"]]


def test_a_week_with_one_of_three_done_repeats(run_planner: RunPlanner) -> None:
    new_plan(run_planner)
    train(run_planner, 1, MON, WED, FRI)
    week_two = today(run_planner, date(2, MON))
    train(run_planner, 2, MON)
    # On the Saturday, with no session left that week, Monday is previewed as it will come.
    preview = json.loads(ok(run_planner, "today", "--date", date(3, MON), "--json", today=date(2, 5)))
    line = ok(run_planner, "status", "--line", today=date(3, MON))  # read first: it never writes
    said_first = ("Last week 1 of 3 sessions was done, so this week repeats week 2's doses")
    assert said_first in ok(run_planner, "history", today=date(3, MON)), "history read first tells it too"
    assert said_first in ok(run_planner, "report", today=date(3, MON))
    assert kinds(run_planner, date(3, MON)) == [], "reading records nothing"
    shown = today(run_planner, date(3, MON))
    assert shown["week_text"] == "week 3 of 8 (week 2's doses)"
    assert doses(shown) == doses(week_two) == doses(preview)
    said = ("Last week 1 of 3 sessions was done, so this week repeats week 2's doses; the plan moves on once "
            "at least 2 of a week's 3 sessions are done.")
    assert said in shown["reasons"]
    assert ok(run_planner, "status", "--line", today=date(3, MON)) == line
    assert kinds(run_planner, date(3, MON)) == ["repeat"]
    assert said in ok(run_planner, "history", today=date(3, WED))
    assert f"{date(3, MON)} (repeat): {said}" in ok(run_planner, "report", today=date(3, WED))
    train(run_planner, 3, MON)
    assert today(run_planner, date(3, FRI))["week_text"] == "week 3 of 8 (week 2's doses)"
    assert kinds(run_planner, date(3, FRI)) == ["repeat"], "recorded once"


def test_a_week_with_two_of_three_done_moves_on(run_planner: RunPlanner) -> None:
    new_plan(run_planner)
    train(run_planner, 1, MON, WED, FRI)
    train(run_planner, 2, MON, FRI)
    shown = today(run_planner, date(3, MON))
    assert shown["week_text"] == "week 3 of 8"
    assert not any(r.startswith("Last week") for r in shown["reasons"])
    assert kinds(run_planner, date(3, MON)) == []


def test_two_short_weeks_repeat_twice(run_planner: RunPlanner) -> None:
    new_plan(run_planner)
    first = today(run_planner, START)
    train(run_planner, 1, MON)
    ok(run_planner, "done", today=date(2, MON))  # checked off without a look at Today first: the same doses
    monday = json.loads(ok(run_planner, "today", "--date", date(2, MON), "--json", today=date(2, WED)))
    assert monday["week_text"] == "week 2 of 8 (week 1's doses)" and doses(monday) == doses(first)
    shown = today(run_planner, date(3, MON))
    assert shown["week_text"] == "week 3 of 8 (week 1's doses)" and doses(shown) == doses(first)
    assert kinds(run_planner, date(3, MON)) == ["repeat", "repeat"]
    train(run_planner, 3, MON, WED)  # now the week is done: the plan moves on by one week, not to the calendar
    assert today(run_planner, date(4, MON))["week_text"] == "week 4 of 8 (week 2's doses)"


def test_a_session_checked_off_late_moves_on_after_all(run_planner: RunPlanner) -> None:
    new_plan(run_planner)
    train(run_planner, 1, MON, WED, FRI)
    train(run_planner, 2, MON)
    assert today(run_planner, date(3, MON))["week_text"] == "week 3 of 8 (week 2's doses)"
    out = ok(run_planner, "done", "--date", date(2, FRI), today=date(3, MON))
    assert "Checked off" in out
    shown = today(run_planner, date(3, MON))
    assert shown["week_text"] == "week 3 of 8"
    assert any("after all" in r for r in shown["reasons"]), shown["reasons"]


def test_a_hold_in_force_is_not_doubled(run_planner: RunPlanner) -> None:
    """Pain 5 after Monday's session of week 2, not settled the next morning: the doses hold at week 2. One
    session of three that week: the hold already keeps the position, so week 3 is week 2, not week 1."""
    new_plan(run_planner)
    train(run_planner, 1, MON, WED, FRI)
    train(run_planner, 2, MON)
    ok(run_planner, "pain", "5", "--when", "after", today=date(2, MON))
    out = ok(run_planner, "pain", "4", "--when", "next-morning", today=date(2, 1))
    assert "repeat the current doses" in out, out
    shown = today(run_planner, date(3, MON))
    assert shown["week_text"] == "week 3 of 8 (week 2's doses)"
    assert "repeat" not in kinds(run_planner, date(3, MON))


def test_the_gap_rule_and_this_rule_never_both_step_back_for_one_break(run_planner: RunPlanner) -> None:
    """Week 2: Monday done, then nothing until Tuesday of week 3. Looked at on the Monday (7 days: no gap
    yet) the week repeats; on the Tuesday the gap rule steps down one from where the person left off (week
    2 to week 1), not one more from the repeat. Looked at only on the Tuesday, the gap rule alone: the same."""
    new_plan(run_planner)
    train(run_planner, 1, MON, WED, FRI)
    train(run_planner, 2, MON)
    assert today(run_planner, date(3, MON))["week_text"] == "week 3 of 8 (week 2's doses)"
    tuesday = date(3, 1)
    ok(run_planner, "today", today=tuesday)
    assert kinds(run_planner, tuesday) == ["repeat", "gap"]
    assert today(run_planner, date(3, WED))["week_text"] == "week 3 of 8 (week 1's doses)"
    assert kinds(run_planner, date(3, WED)) == ["repeat", "gap"]


def test_the_gap_rule_alone_when_the_break_is_first_seen_after_a_week(run_planner: RunPlanner) -> None:
    new_plan(run_planner)
    train(run_planner, 1, MON, WED, FRI)
    train(run_planner, 2, MON)
    assert today(run_planner, date(3, WED))["week_text"] == "week 3 of 8 (week 1's doses)"
    assert kinds(run_planner, date(3, WED)) == ["gap"]
    train(run_planner, 3, WED)  # back on Wednesday: Monday was part of the break, so 1 of 2 moves on
    assert today(run_planner, date(4, MON))["week_text"] == "week 4 of 8 (week 2's doses)"
    assert kinds(run_planner, date(4, MON)) == ["gap"]


def test_simulate_agrees_with_what_then_happens(run_planner: RunPlanner) -> None:
    """On the Friday of week 2 with Monday and Wednesday missed, ``simulate`` (every session from today
    done) shows week 3 on week 2's doses; doing Friday and opening Today on the Monday shows the same."""
    new_plan(run_planner)
    train(run_planner, 1, MON, WED, FRI)
    friday = date(2, FRI)
    projected = json.loads(ok(run_planner, "simulate", "--pain", "1", "--weeks", "2", "--json", today=friday))
    sessions = [s for w in projected["projection"] for s in w["sessions"]]
    monday = next(s for s in sessions if s["date"] == date(3, MON))
    assert any(r.startswith("Last week 1 of 3 sessions was done") for w in projected["projection"]
               for r in w["reasons"])
    ok(run_planner, "done", today=friday)
    ok(run_planner, "pain", "1", today=friday)
    shown = today(run_planner, date(3, MON))
    assert shown["week_text"] == "week 3 of 8 (week 2's doses)"
    assert [(e["id"], e["sets"], e["reps"], e["hold_seconds"]) for e in monday["exercises"]] == \
        [(e["id"], e["sets"], e["reps"], e["hold_seconds"]) for e in shown["exercises"]]


def test_the_kept_status_line_never_shows_last_weeks_doses(run_planner: RunPlanner, tmp_path) -> None:
    """A write on the Monday that records nothing first (a skip of last week's session) keeps the views for
    the next run: not Today's (Today records the repeat itself), and a status line that already has the week
    repeated, the same line it says once Today has recorded it."""
    new_plan(run_planner)
    train(run_planner, 1, MON, WED, FRI)
    train(run_planner, 2, MON)
    monday = date(3, MON)
    ok(run_planner, "skip", "--date", date(2, WED), today=monday)
    kept = json.loads((tmp_path / "data" / "cache" / "views.json").read_text())["views"]
    assert "today" not in kept and kept["status"]["date"] == monday
    line = ok(run_planner, "status", "--line", today=monday)
    assert today(run_planner, monday)["week_text"] == "week 3 of 8 (week 2's doses)"
    assert kinds(run_planner, monday) == ["repeat"]
    assert ok(run_planner, "status", "--line", today=monday) == line


def test_filling_in_past_days_is_not_a_break(run_planner: RunPlanner) -> None:
    """Two weeks of sessions checked off on one day, days after they were done: no step down after a break
    and no week repeated on the way (a late check-off only ever takes a repeat back); the week moves on."""
    new_plan(run_planner)
    monday = date(3, MON)
    for week in (1, 2):
        for weekday in (MON, WED, FRI):
            ok(run_planner, "done", "--date", date(week, weekday), today=monday)
    assert kinds(run_planner, monday) == []
    assert today(run_planner, monday)["week_text"] == "week 3 of 8"
    assert kinds(run_planner, monday) == []
