"""`planner programs`, `plan new` and `plan show` through the real command, including the typos people make."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from planner.locations import built_in_library
from tests.conftest import TODAY, RunPlanner


@pytest.fixture
def run_planner(run_cli: RunPlanner) -> RunPlanner:
    """These rules are checked through ``planner.cli.main`` in process (tests/conftest.py ``run_cli``);
    the subprocess path of each command is tested once elsewhere."""
    return run_cli

PROGRAM_IDS = sorted(p.stem for p in (built_in_library() / "programs").glob("*.toml"))


def ok(result) -> str:
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def test_programs_lists_every_template(run_planner: RunPlanner) -> None:
    rows = json.loads(ok(run_planner("programs", "--json")))
    lines = ok(run_planner("programs")).splitlines()
    assert [line.split()[0] for line in lines] == PROGRAM_IDS == [r["id"] for r in rows]
    for line, row in zip(lines, rows, strict=True):
        assert f"{row['weeks']} weeks" in line and row["name"] in line and row["goal"] in line


def test_a_new_plan_is_saved_and_shown(run_planner: RunPlanner, tmp_path: Path) -> None:
    made = json.loads(ok(run_planner("plan", "new", "--program", "core-foundation", "--days", "Tuesday, thu",
                                     "--minutes", "15", "--weeks", "5", "--level", "2", "--json")))
    assert (tmp_path / "data" / "planner.db").exists()
    assert made == json.loads(ok(run_planner("plan", "show", "--json")))
    assert (made["program"], made["start"], made["days"], made["minutes"], made["level"]) == (
        "core-foundation", TODAY, ["tue", "thu"], 15, 2)
    assert [w["number"] for w in made["weeks"]] == [1, 2, 3, 4, 5]
    assert [w["deload"] for w in made["weeks"]] == [False, False, False, True, False]
    for week in made["weeks"]:
        assert [dt.date.fromisoformat(s["date"]).strftime("%a") for s in week["sessions"]] == ["Tue", "Thu"]
        assert all(s["exercises"] and s["estimated_minutes"] <= 15 for s in week["sessions"])
    week_two = json.loads(ok(run_planner("plan", "show", "--week", "2", "--json")))
    assert week_two["weeks"] == [made["weeks"][1]]
    text = ok(run_planner("plan", "show", "--week", "4"))
    assert "Week 4  (easier week)" in text and "Week 3" not in text


def test_the_programs_defaults_fill_in_what_is_not_given(run_planner: RunPlanner) -> None:
    programs = {r["id"]: r for r in json.loads(ok(run_planner("programs", "--json")))}
    made = json.loads(ok(run_planner("plan", "new", "--program", "gentle-return", "--json")))
    default = programs["gentle-return"]
    assert (made["days"], made["minutes"], len(made["weeks"])) == (
        default["default_days"], default["default_minutes"], default["weeks"])


@pytest.mark.parametrize("where", ["before", "after"])
def test_data_dir_goes_before_or_after_the_command(run_planner: RunPlanner, tmp_path: Path, where: str) -> None:
    option = ["--data-dir", str(tmp_path / "elsewhere")]
    command = ["plan", "new", "--program", "flexibility", "--weeks", "1"]
    ok(run_planner(*(option + command if where == "before" else command + option)))
    assert (tmp_path / "elsewhere" / "planner.db").exists()
    assert not (tmp_path / "data").exists()


BAD_INPUT = {
    "unknown program": (["--program", "core-foundaton"], ["'core-foundaton'", *PROGRAM_IDS]),
    "weekday typo": (["--days", "mon,wedn,fri"], ["'wedn'", "mon, tue, wed, thu, fri, sat, sun"]),
    "no days": (["--days", ","], ["at least one weekday"]),
    "empty days": (["--days", ""], ["at least one weekday"]),
    "minutes too short": (["--minutes", "3"], ["--minutes", "3", "5 to 180"]),
    "zero minutes": (["--minutes", "0"], ["--minutes", "5 to 180"]),
    "minutes as a word": (["--minutes", "ten"], ["--minutes", "'ten'"]),
    "no weeks": (["--weeks", "0"], ["--weeks", "1 to 52"]),
    "a year of weeks and more": (["--weeks", "53"], ["--weeks", "1 to 52"]),
    "level too high": (["--level", "6"], ["--level", "1 (gentlest) to 5"]),
    "start as a word": (["--start", "tomorrow"], ["--start", "'tomorrow'", "YYYY-MM-DD"]),
    "start as a day-first date": (["--start", "02/03/2026"], ["'02/03/2026'", "YYYY-MM-DD"]),
    "start on a day that does not exist": (["--start", "2026-02-30"], ["'2026-02-30'", "YYYY-MM-DD"]),
    "start at the end of time": (["--start", "9999-12-01"], ["--start", "9999-12-01"]),
}


@pytest.mark.parametrize("case", sorted(BAD_INPUT))
def test_bad_input_is_one_line_and_exit_2(run_planner: RunPlanner, tmp_path: Path, case: str) -> None:
    extra, mentions = BAD_INPUT[case]
    args = ["--program", "core-foundation", *extra] if "--program" not in extra else extra
    result = run_planner("plan", "new", *args, screened=False)  # refused before the screening is asked for
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == 2, result.stdout + result.stderr
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("planner"), result.stderr
    for words in mentions:
        assert words in lines[0]
    assert not (tmp_path / "data" / "planner.db").exists(), "nothing is saved after a refusal"


def test_a_refused_plan_leaves_the_active_one_alone(run_planner: RunPlanner) -> None:
    ok(run_planner("plan", "new", "--program", "core-foundation", "--weeks", "3"))
    before = ok(run_planner("plan", "show", "--json"))
    assert run_planner("plan", "new", "--program", "flexibility", "--days", "funday").returncode == 2
    assert ok(run_planner("plan", "show", "--json")) == before


def test_show_without_a_plan_and_a_week_out_of_range(run_planner: RunPlanner) -> None:
    none = run_planner("plan", "show")
    assert none.returncode == 1 and "Traceback" not in none.stderr
    assert none.stderr.strip() == ("planner: no plan yet: build one with 'planner plan new --program ID' "
                                   "(see 'planner programs')")
    ok(run_planner("plan", "new", "--program", "core-foundation", "--weeks", "2"))
    out_of_range = run_planner("plan", "show", "--week", "3")
    assert out_of_range.returncode == 2
    assert out_of_range.stderr.strip() == "planner: --week: 3 is out of range; this plan has weeks 1 to 2"


WALL_SIT = """name = "Wall sit"
category = "core"
kind = "hold"
targets = ["quadriceps"]
cues = ["Slide down the wall until the knees are bent a little."]
cautions = ["Come up if the knees complain."]

[dose]
sets = 2
hold_seconds = 20

[progression.hold_seconds]
step = 5
cap = 40
"""
MY_MORNINGS = """name = "My mornings"
goal = "Ten minutes before work."
description = "Wall sits and a stretch."
weeks = 3
default_minutes = 10

[[slots]]
slot = "front-core"
chains = ["wall-sit"]

[[slots]]
slot = "stretch"
"""


def test_a_program_of_my_own_builds_a_plan(run_planner: RunPlanner, tmp_path: Path) -> None:
    (tmp_path / "lib").mkdir()
    (tmp_path / "lib" / "wall-sit.toml").write_text(WALL_SIT)
    (tmp_path / "lib" / "my-mornings.toml").write_text(MY_MORNINGS)
    mine = {"PLANNER_LIBRARY": "lib"}
    assert "my-mornings" in [r["id"] for r in json.loads(ok(run_planner("programs", "--json", env=mine)))]
    plan = json.loads(ok(run_planner("plan", "new", "--program", "my-mornings", "--json", env=mine)))
    assert len(plan["weeks"]) == 3 and plan["minutes"] == 10
    for session in (s for w in plan["weeks"] for s in w["sessions"]):
        assert session["exercises"][0]["id"] == "wall-sit"
        assert {e["category"] for e in session["exercises"][1:]} == {"flexibility"}
        assert session["estimated_minutes"] <= 10


def test_a_broken_program_of_my_own_points_to_validate(run_planner: RunPlanner, tmp_path: Path) -> None:
    """Not just 'unknown program': the person wrote that file, so say it was skipped and how to see why."""
    (tmp_path / "lib").mkdir()
    (tmp_path / "lib" / "wall-sit.toml").write_text(WALL_SIT)
    (tmp_path / "lib" / "my-mornings.toml").write_text(MY_MORNINGS.replace('"stretch"', '"strech"'))
    result = run_planner("plan", "new", "--program", "my-mornings", env={"PLANNER_LIBRARY": "lib"})
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "unknown program 'my-mornings'" in result.stderr
    assert "planner validate" in result.stderr, result.stderr


@pytest.mark.parametrize("program", ["core-foundation", "core-flexibility"])
def test_one_new_or_harder_exercise_a_week(run_planner: RunPlanner, program: str) -> None:
    """Several harder variants used to arrive together (often right after an easier week): now one a week,
    none while a new movement joins, and the plan names what waits."""
    made = json.loads(ok(run_planner("plan", "new", "--program", program, "--minutes", "30", "--weeks", "12",
                                     "--json")))
    before = {e["track"]: e["id"] for s in made["weeks"][0]["sessions"] for e in s["exercises"]}
    waited = False
    for week in made["weeks"][1:]:
        now = {e["track"]: e["id"] for s in week["sessions"] for e in s["exercises"]}
        harder = {t for t, i in now.items() if t in before and i != before[t] and not week["deload"]}
        joined = set(now) - set(before)
        assert len(harder) + bool(joined) <= 1, (week["number"], harder, joined)
        waited = waited or any("waiting for a week of its own" in r or "waiting until next week" in r
                               for r in week["reasons"])
        before.update(now)
    assert waited
    shown = ok(run_planner("plan", "show"))
    assert any(pacing in shown for pacing in ("one new or harder exercise a week", "one change at a time in the big three",
                                              "a settling week between harder variants")), shown


@pytest.mark.parametrize("minutes", ["20", "30", "45"])
def test_core_foundation_always_finishes_with_two_stretches(run_planner: RunPlanner, minutes: str) -> None:
    """The strength work used to crowd the stretches out: by week 9 at 30 minutes one stretch was left."""
    made = json.loads(ok(run_planner("plan", "new", "--program", "core-foundation", "--minutes", minutes,
                                     "--weeks", "12", "--json")))
    for week in made["weeks"]:
        for session in week["sessions"]:
            slots = [e["slot"] for e in session["exercises"] if not e.get("apart")]
            assert slots[-1] == "stretch", (week["number"], slots)
            # At 20 minutes the everyday loaded movement due in week 5 takes the second stretch's place (the
            # week it comes says so); from 30 minutes there is room for both.
            least = 1 if minutes == "20" and "loaded" in slots else 2
            assert slots.count("stretch") >= least, (week["number"], slots)
    if minutes == "20":
        assert any("one stretch exercise instead of two" in r for week in made["weeks"] for r in week["reasons"])


def test_desk_posture_planks_build_for_weeks_before_moving_up(run_planner: RunPlanner) -> None:
    """The wall plank reached its top dose in week 2 and a plank with leg lift came by week 7."""
    made = json.loads(ok(run_planner("plan", "new", "--program", "desk-posture", "--minutes", "30", "--json")))
    ids = [{e["id"] for s in w["sessions"] for e in s["exercises"]} for w in made["weeks"]]
    assert not any("front-plank" in week for week in ids[:5]), "no full plank in the first five weeks"
    assert not any("plank-leg-lift" in week for week in ids)


@pytest.mark.parametrize("minutes", ["20", "30"])
def test_one_back_extension_a_session_in_flexibility(run_planner: RunPlanner, minutes: str) -> None:
    """At 30 minutes every session had two back extensions (the optional slot was added twice); some backs
    dislike leaning back, so one is plenty."""
    made = json.loads(ok(run_planner("plan", "new", "--program", "flexibility", "--minutes", minutes, "--days",
                                     "mon,tue,wed,thu,fri", "--json")))
    for week in made["weeks"]:
        for session in week["sessions"]:
            assert [e["slot"] for e in session["exercises"]].count("extension") <= 1, session


def test_gentle_return_brings_in_a_gentle_bridge_that_grows(run_planner: RunPlanner) -> None:
    """Walking, mobility and stretches alone repeated one session for weeks; a bridge joins in week 3."""
    made = json.loads(ok(run_planner("plan", "new", "--program", "gentle-return", "--json")))
    bridges = [[e for s in w["sessions"] for e in s["exercises"] if e["id"] == "pelvic-tilt-bridge"]
               for w in made["weeks"]]
    assert not bridges[0] and not bridges[1] and bridges[2]
    assert any("New this week: Pelvic tilt bridge." in r for r in made["weeks"][2]["reasons"])
    assert bridges[-1][0]["volume_seconds"] > bridges[2][0]["volume_seconds"], "and it grows"
