"""The CLI explains itself: help with examples, "did you mean", statuses in words, one exercise in full."""

from __future__ import annotations

import argparse
import json

import pytest

from planner.cli.parser import build_parser
from tests.conftest import RunPlanner


def every_option(parser: argparse.ArgumentParser, path: str = "planner"):
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from every_option(sub, f"{path} {name}")
        elif not isinstance(action, (argparse._HelpAction, argparse._VersionAction)):
            yield path, action


def test_every_option_has_help_with_an_example() -> None:
    missing = [f"{path} {'/'.join(a.option_strings) or a.metavar}" for path, a in every_option(build_parser())
               if not a.help or "e.g." not in a.help]
    assert missing == []


@pytest.mark.parametrize(("args", "expected"), [
    (["todya"], "'todya' is not a command (did you mean today?)"),
    (["plan", "shwo"], "'shwo' is not an action (did you mean show?)"),
    (["export", "--format", "mdd"], "--format: 'mdd' is not allowed (did you mean md?)"),
    (["show", "bird-dgo"], "no exercise has id 'bird-dgo' (did you mean bird-dog"),
    (["plan", "new", "--program", "core-flex"], "unknown program 'core-flex' (did you mean core-flexibility?)"),
    (["done", "--foo"], "planner done: unrecognized arguments: --foo (see 'planner done --help')"),
    (["plan", "show", "--foo"], "(see 'planner plan show --help')"),
])
def test_a_mistyped_name_gets_a_suggestion(run_planner: RunPlanner, args: list[str], expected: str) -> None:
    result = run_planner(*args)
    assert result.returncode == 2 and expected in result.stderr, result.stderr
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1


def todays_ids(run_planner: RunPlanner) -> list[str]:
    """Today's exercise ids, from the data (the built-in programs change; tests don't hard-code them)."""
    return [e["id"] for e in json.loads(run_planner("today", "--json").stdout)["exercises"]]


def test_a_mistyped_exercise_to_check_off_gets_a_suggestion(run_planner: RunPlanner) -> None:
    assert run_planner("plan", "new", "--program", "core-flexibility").returncode == 0
    exercise = max(todays_ids(run_planner), key=len)
    result = run_planner("done", exercise[:-1])
    assert result.returncode == 2 and f"(did you mean {exercise}?)" in result.stderr, result.stderr


def test_today_says_each_status_in_words(run_planner: RunPlanner) -> None:
    assert "no plan yet - run planner plan new" in run_planner("today").stdout.splitlines()[0]
    run_planner("plan", "new", "--program", "core-flexibility")
    assert run_planner("today").stdout.splitlines()[0].endswith(": planned, not started yet")
    assert run_planner("today", "--date", "2026-03-03").stdout.splitlines()[0].endswith(
        ": no session today; a walk, at any time today")
    run_planner("done", todays_ids(run_planner)[0])
    assert run_planner("today").stdout.splitlines()[0].endswith(": partly done")
    assert json.loads(run_planner("today", "--json").stdout)["status"] == "partial", "JSON keeps the raw name"


def test_show_prints_one_exercise_in_full(run_planner: RunPlanner) -> None:
    text = run_planner("show", "knee-side-plank").stdout
    knee = json.loads(run_planner("show", "knee-side-plank", "--json").stdout)
    dose = knee["dose"]
    assert dose["descending"], "the McGill side plank is dosed as descending sets of short holds"
    reps = ", then ".join(str(dose["reps"] - 2 * i) for i in range(dose["sets"]))  # 6-4-2: two fewer each set
    started = f"{dose['sets']} sets ({reps} reps), each held 10s on each side"
    for part in (f"{knee['name']} (knee-side-plank)", f"Dose to start: {started}", "Per side: yes", "How:",
                 "Take care:", "Easier: none", "Harder: Side plank (side-plank)"):
        assert part in text, text
    # Two descending sets read as two sets, not as "2 sets of 4, 2 reps".
    assert "Dose to start: 2 sets (4, then 2 reps), each held 10s" in run_planner("show", "side-plank").stdout
    data = json.loads(run_planner("show", "side-plank", "--json").stdout)
    assert data["easier"] == "knee-side-plank"
    assert {"summary", "dose", "per_side", "cues", "cautions", "chain"} <= set(data)
    assert data["cues"] and data["cautions"] and isinstance(data["per_side"], bool)
