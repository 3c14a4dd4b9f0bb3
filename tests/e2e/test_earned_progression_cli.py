"""A harder variant is earned: it comes when the easier one's top dose was done, as checked off.

Everything goes through the real ``planner`` command, one day at a time (``PLANNER_TODAY``).
"""

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


def ok(result) -> str:
    assert result.returncode == 0, result.stderr
    return result.stdout


def new_plan(run_planner: RunPlanner, program: str) -> dict:
    ok(run_planner("plan", "new", "--program", program, "--days", "mon,wed,fri", "--minutes", "30",
                   "--level", "1", "--weeks", "12", "--start", START, env={"PLANNER_TODAY": START}))
    return json.loads(ok(run_planner("plan", "show", "--json", env={"PLANNER_TODAY": START})))


def on(day: str) -> dict:
    return {"PLANNER_TODAY": day}


def today(run_planner: RunPlanner, day: str) -> dict:
    return json.loads(ok(run_planner("today", "--json", env=on(day))))


def easier_of(run_planner: RunPlanner) -> dict[str, str | None]:
    return {e["id"]: e["easier"] for e in json.loads(ok(run_planner("library", "--json")))}


def first_variant(easier: dict[str, str | None], exercise_id: str, among: set[str]) -> str | None:
    """The variant of ``exercise_id``'s chain in ``among`` below it, if it is a harder variant of one."""
    below = easier.get(exercise_id)
    while below is not None:
        if below in among:
            return below
        below = easier.get(below)
    return None


@pytest.mark.parametrize("program", ["core-foundation", "core-flexibility"])
def test_every_session_done_with_low_pain_reaches_harder_variants(run_planner: RunPlanner, program: str) -> None:
    plan = new_plan(run_planner, program)
    sessions = [s for w in plan["weeks"] for s in w["sessions"]]
    for session in sessions[:-1]:
        day = session["date"]
        shown = today(run_planner, day)
        assert [e["id"] for e in shown["exercises"]] == [e["id"] for e in session["exercises"]], day
        assert all(e["held_back"] is None for e in shown["exercises"])
        ok(run_planner("done", env=on(day)))
        ok(run_planner("pain", "1", "--when", "after", env=on(day)))
    last = sessions[-1]
    shown = today(run_planner, last["date"])
    ids = [e["id"] for e in shown["exercises"]]
    assert ids == [e["id"] for e in last["exercises"]]
    first_week = {e["id"] for s in plan["weeks"][0]["sessions"] for e in s["exercises"]}
    easier = easier_of(run_planner)
    promoted = {i: first_variant(easier, i, first_week) for i in ids if first_variant(easier, i, first_week)}
    assert len(promoted) >= 2, (ids, first_week)


def promotion(plan: dict, easier: dict[str, str | None]) -> tuple[int, str, str]:
    """(week, harder id, easier id) of the plan's first promotion of an exercise done in every session."""
    for number in range(2, len(plan["weeks"]) + 1):
        before = {e["id"] for s in plan["weeks"][number - 2]["sessions"] for e in s["exercises"]}
        every = set.intersection(*({e["id"] for e in s["exercises"]} for s in plan["weeks"][number - 2]["sessions"]))
        for e in plan["weeks"][number - 1]["sessions"][0]["exercises"]:
            below = easier.get(e["id"])
            if e["id"] not in before and below in every:
                return number, e["id"], below
    raise AssertionError("the plan promotes nothing")


def test_top_dose_not_done_keeps_the_easier_variant_until_it_is(run_planner: RunPlanner) -> None:
    plan = new_plan(run_planner, "core-foundation")
    easier = easier_of(run_planner)
    week, harder, kept = promotion(plan, easier)
    weeks = plan["weeks"]
    top = next(e for e in weeks[week - 2]["sessions"][0]["exercises"] if e["id"] == kept)
    for w in weeks[:week - 2]:
        for s in w["sessions"]:
            ok(run_planner("done", env=on(s["date"])))
    # The week of the top dose: the first session done, the others done without that exercise (two sessions
    # done in part count as one, so the week is done enough to move on; its top dose was done once).
    top_week = weeks[week - 2]["sessions"]
    ok(run_planner("done", env=on(top_week[0]["date"])))
    for session in top_week[1:]:
        others = [e["id"] for e in session["exercises"] if e["id"] != kept]
        ok(run_planner("done", *others, env=on(session["date"])))

    first = weeks[week - 1]["sessions"][0]["date"]
    shown = today(run_planner, first)
    ids = [e["id"] for e in shown["exercises"]]
    assert harder not in ids and kept in ids
    row = next(e for e in shown["exercises"] if e["id"] == kept)
    assert (row["sets"], row["reps"], row["hold_seconds"], row["minutes"]) == \
        (top["sets"], top["reps"], top["hold_seconds"], top["minutes"]), "kept at its top dose"
    assert row["held_back"]["instead_of"] == harder
    assert row["held_back"]["sessions_done"] == 1 and row["held_back"]["sessions_needed"] == 2
    assert any("until you have done its top dose" in r and "1 more session" in r for r in shown["reasons"])
    text = ok(run_planner("today", env=on(first)))
    assert "waits: you stay on" in text and "until you have done its top dose" in text
    show = ok(run_planner("plan", "show", env=on(first)))
    assert "differs from the plan above" in show and "until you have done its top dose" in show
    held = json.loads(ok(run_planner("plan", "show", "--json", env=on(first))))["held_back"]
    assert [(h["date"], h["id"], h["instead_of"]) for h in held] == [(first, kept, harder)]

    # Done at the top dose once more: the next session brings the harder variant.
    ok(run_planner("done", env=on(first)))
    second = weeks[week - 1]["sessions"][1]["date"]
    shown = today(run_planner, second)
    ids = [e["id"] for e in shown["exercises"]]
    assert harder in ids and kept not in ids
    assert not any("until you have done its top dose" in r for r in shown["reasons"])
    held = json.loads(ok(run_planner("plan", "show", "--json", env=on(second))))["held_back"]
    assert held == []
