"""A walk done apart from the session, through the command line: plans, today, status, export, validate."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import RunPlanner


@pytest.fixture
def run_planner(run_cli: RunPlanner) -> RunPlanner:
    """These rules are checked through ``planner.cli.main`` in process (tests/conftest.py ``run_cli``);
    the subprocess path of each command is tested once elsewhere."""
    return run_cli


def test_the_core_walk_grows_apart_from_the_session_at_20_minutes(run_planner) -> None:
    """At 20 minutes there used to be no walk at all; now it is there every session day and grows towards 30,
    gradually (about 10% a week, at least a minute: the review found 3 minutes a week too fast)."""
    run_planner("plan", "new", "--program", "core-foundation", "--minutes", "20", "--weeks", "12")
    plan = json.loads(run_planner("plan", "show", "--json").stdout)
    walks = []
    for week in plan["weeks"]:
        minutes = set()
        for session in week["sessions"]:
            *floor, walk = session["exercises"]
            assert walk["id"] == "easy-walk" and walk["apart"] is True
            assert not any(e["apart"] for e in floor)
            assert session["estimated_minutes"] <= 20, "the walk is not in the session's minutes"
            minutes.add(walk["minutes"])
        assert len(minutes) == 1
        walks.append(minutes.pop())
    assert walks == [10, 11, 12, 12, 13, 14, 15, 15, 16, 17, 18, 19]
    assert "Easy walk: 10 → 11 min, on the way to 30 (any time that day, apart from the session), 7 days a week" in \
        plan["weeks"][1]["reasons"]
    shown = run_planner("plan", "show").stdout
    assert "; also, any time that day: Easy walk 10 min" in shown


def test_today_and_the_status_line_keep_the_walk_out_of_the_session(run_planner) -> None:
    run_planner("plan", "new", "--program", "core-flexibility", "--minutes", "25")
    today = run_planner("today").stdout
    assert "Easy walk" in today and "any time today, apart from the session" in today
    day = json.loads(run_planner("today", "--json").stdout)
    floor = [e["id"] for e in day["exercises"] if not e["apart"]]
    line = run_planner("status", "--line").stdout.strip()
    assert line.endswith("m due") and int(line.split()[-2][:-1]) <= 25
    run_planner("done", *floor)
    assert run_planner("status", "--line").stdout.strip() == "done ✓ · walk 10m"
    history = json.loads(run_planner("history", "--json").stdout)
    assert history["sessions"][0]["status"] == "done", "a session done without its walk still counts"
    run_planner("done", "easy-walk")
    assert run_planner("status", "--line").stdout.strip() == "done ✓"


def test_exports_show_the_walk_apart_and_the_plan_file_comes_back_identical(run_planner, tmp_path: Path) -> None:
    run_planner("plan", "new", "--program", "desk-posture")
    run_planner("export", "-o", "a.toml")
    text = (tmp_path / "a.toml").read_text()
    assert 'id = "easy-walk"' in text and "apart = true" in text
    assert run_planner("import", "a.toml").returncode == 0
    run_planner("export", "-o", "b.toml")
    assert (tmp_path / "b.toml").read_text() == text, "export → import → export gives the same file"
    markdown = run_planner("export", "--format", "md").stdout
    assert "| ☐ | Easy walk (any time that day, apart from the session) | 10 min |" in markdown
    calendar = run_planner("export", "--format", "ics").stdout.replace("\r\n ", "").replace("\\n", "\n")
    assert "Also\\, at any time today: Easy walk 10 min" in calendar


def test_validate_names_the_line_of_a_bad_walk_apart(run_planner, tmp_path: Path) -> None:
    folder = tmp_path / "lib" / "programs"
    folder.mkdir(parents=True)
    (folder / "mine.toml").write_text(
        'name = "Mine"\ngoal = "x"\ndescription = "y"\nwalk_step_minutes = 7\n\n'
        '[[slots]]\nslot = "stretch"\napart = true\n\n'
        '[[slots]]\nslot = "walk"\nchains = ["easy-walk"]\napart = true\noptional = true\n')
    (folder / "other.toml").write_text(
        'name = "Other"\ngoal = "x"\ndescription = "y"\n\n[[slots]]\nslot = "warm-up"\n\n'
        '[[slots]]\nslot = "walk"\nchains = ["heat-therapy"]\napart = true\n')
    result = run_planner("validate", "lib/programs/mine.toml", "lib/programs/other.toml")
    assert result.returncode == 1
    lines = result.stdout.splitlines() + result.stderr.splitlines()
    assert any(line.startswith("lib/programs/mine.toml:4: walk_step_minutes:") for line in lines), lines
    assert any(line.startswith("lib/programs/mine.toml:8: slot 1, apart: only a walk") for line in lines), lines
    assert any(line.startswith("lib/programs/mine.toml:13: slot 2, apart:") and "optional" in line
               for line in lines), lines
    assert any(line.startswith("lib/programs/other.toml:8:") and "'heat-therapy' is not a walk" in line
               for line in lines), lines
    schema = run_planner("schema", "-o", "schemas")
    assert schema.returncode == 0
    program = json.loads((tmp_path / "schemas" / "program.schema.json").read_text())
    text = json.dumps(program)
    assert '"apart"' in text and '"walk_step_minutes"' in text
    assert '"apart"' in (tmp_path / "schemas" / "plan.schema.json").read_text()


def test_pain_never_brings_a_longer_walk_than_the_held_week(run_planner) -> None:
    """Pain 7 in week 2 holds the plan: even in the calendar's easier week 4, as built with a 12-minute walk,
    the held week keeps its 11 minutes; the walk is not cut either (staying active helps)."""
    run_planner("plan", "new", "--program", "core-foundation", "--minutes", "25")
    for day in ("2026-03-02", "2026-03-04", "2026-03-06", "2026-03-09", "2026-03-11"):
        run_planner("done", env={"PLANNER_TODAY": day})
    run_planner("pain", "7", env={"PLANNER_TODAY": "2026-03-11"})
    built = json.loads(run_planner("plan", "show", "--json").stdout)["weeks"]
    assert [[e["minutes"] for e in w["sessions"][0]["exercises"] if e["apart"]] for w in built[1:4]] == \
        [[11], [12], [12]]
    for day in ("2026-03-13", "2026-03-16", "2026-03-20", "2026-03-23", "2026-03-25"):
        view = json.loads(run_planner("today", "--json", env={"PLANNER_TODAY": day}).stdout)
        assert [e["minutes"] for e in view["exercises"] if e["apart"]] == [11], (day, view["week"])
        run_planner("done", env={"PLANNER_TODAY": day})
    # A hold keeps its own week (issue 25): the calendar's easier week only scales its doses down.
    assert view["week"] == 2, "the held week stays, with the held week's walk"
