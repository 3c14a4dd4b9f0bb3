"""Program templates built from movement slots, through the real `planner` command."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.conftest import RunPlanner


@pytest.fixture
def run_planner(run_cli: RunPlanner) -> RunPlanner:
    """These rules are checked through ``planner.cli.main`` in process (tests/conftest.py ``run_cli``);
    the subprocess path of each command is tested once elsewhere."""
    return run_cli

PROGRAM = """name = "My mornings"
goal = "Ten minutes before work."
description = "A warm-up, one core exercise and a stretch."

[[slots]]
slot = "warm-up"

[[slots]]
slot = "curl-up"
chains = ["curl-up"]

[[slots]]
slot = "stretch"
"""


def write(tmp_path: Path, text: str) -> None:
    (tmp_path / "lib").mkdir(exist_ok=True)
    (tmp_path / "lib" / "my-mornings.toml").write_text(text, encoding="utf-8")


def line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


def test_an_unknown_slot_is_reported_at_its_line(run_planner: RunPlanner, tmp_path: Path) -> None:
    text = PROGRAM.replace('slot = "curl-up"', 'slot = "curlup"')
    write(tmp_path, text)
    result = run_planner("validate", "lib")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    problem = next(p for p in result.stderr.splitlines() if p.startswith("lib/my-mornings.toml:"))
    assert re.match(rf"lib/my-mornings\.toml:{line_of(text, 'curlup')}: slot 2, slot: ", problem), problem
    assert "warm-up" in problem and "side-plank" in problem, "the allowed slots are listed"


def test_an_unknown_chain_is_reported_at_its_slot(run_planner: RunPlanner, tmp_path: Path) -> None:
    text = PROGRAM.replace('chains = ["curl-up"]', 'chains = ["curl-upp"]')
    write(tmp_path, text)
    result = run_planner("validate", "lib")
    assert result.returncode == 1
    line = line_of(text, 'slot = "curl-up"') - 1  # the [[slots]] header
    expected = (f"lib/my-mornings.toml:{line}: slots[1]: slot 2 (curl-up) "
                "names 'curl-upp', but no exercise has that id (did you mean curl-up")
    assert expected in result.stderr, result.stderr


def test_a_program_of_slots_builds_in_its_order(run_planner: RunPlanner, tmp_path: Path) -> None:
    write(tmp_path, PROGRAM)
    plan = json.loads(run_planner("plan", "new", "--program", "my-mornings", "--minutes", "10", "--json",
                                  env={"PLANNER_LIBRARY": "lib"}).stdout)
    for session in (s for w in plan["weeks"] for s in w["sessions"]):
        slots = [e["slot"] for e in session["exercises"]]
        assert slots[0] == "warm-up" and slots[-1] == "stretch" and "curl-up" in slots
        assert session["estimated_minutes"] <= 10


def test_plan_json_says_per_side_and_slot(run_planner: RunPlanner) -> None:
    plan = json.loads(run_planner("plan", "new", "--program", "core-foundation", "--json").stdout)
    first = plan["weeks"][0]["sessions"][0]["exercises"]
    side = next(e for e in first if e["slot"] == "side-plank")
    assert side["per_side"] is True and side["volume_seconds"] == 2 * (4 + 2) * 10
    assert first[0]["slot"] == "warm-up" and first[0]["per_side"] is False
    shown = run_planner("plan", "show", "--week", "1").stdout
    assert "4-2×10s each side" in shown


def test_first_days_says_it_is_capped(run_planner: RunPlanner) -> None:
    result = run_planner("plan", "new", "--program", "first-days-relief", "--weeks", "12", "--minutes", "60")
    assert result.returncode == 0, result.stderr
    assert "This program lasts at most 2 weeks (you asked for 12)" in result.stdout
    assert "Sessions are kept to at most 35 minutes (you asked for 60)" in result.stdout
    plan = json.loads(run_planner("plan", "show", "--json").stdout)
    assert len(plan["weeks"]) == 2
    packs = [e["id"] for w in plan["weeks"] for s in w["sessions"] for e in s["exercises"] if e["slot"] == "heat-cold"]
    assert packs[:2] == ["cold-therapy"] * 2 and set(packs[2:]) == {"heat-therapy"}


def test_a_slot_keeps_its_first_exercise_when_the_minutes_are_short(run_planner: RunPlanner) -> None:
    """Fitting a session to the minutes drops a slot's second exercise before its first: at 30 minutes the
    first days still open with gentle movement every day, as the program promises (it used to drop both)."""
    plan = json.loads(run_planner("plan", "new", "--program", "first-days-relief", "--minutes", "30",
                                  "--json").stdout)
    for session in (s for w in plan["weeks"] for s in w["sessions"]):
        slots = [e["slot"] for e in session["exercises"]]
        assert slots[0] == "gentle-movement", (session["date"], slots)
        assert session["estimated_minutes"] <= 30


def test_a_movement_new_this_week_is_not_progressed_the_same_week(run_planner: RunPlanner) -> None:
    """A loaded movement that joins in week 5 starts at its first dose; it grows from the week after."""
    for program in ("core-foundation", "core-flexibility"):
        plan = json.loads(run_planner("plan", "new", "--program", program, "--minutes", "30", "--json").stdout)
        joined = 0
        for week in plan["weeks"]:
            new = next((r for r in week["reasons"] if r.startswith("New this week")), None)
            if new is None:
                continue
            names = new.split(": ", 1)[1].rstrip(".").split(", ")
            joined += len(names)
            for name in names:
                assert not any(r.startswith(f"{name}: ") and "→" in r for r in week["reasons"]), (program, week)
        assert joined, f"{program}: a loaded movement joins"
