"""The first days after a spasm, through the real `planner` command: staying active comes first.

A careful physiotherapist's version of the program: every session is mostly movement and
walking, a heat or cold pack fits around them, cold only on the first two calendar days
of the plan and heat after, never both in one session, and the plan lasts two weeks.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest

from tests.conftest import RunPlanner


@pytest.fixture
def run_planner(run_cli: RunPlanner) -> RunPlanner:
    """These rules are checked through ``planner.cli.main`` in process (tests/conftest.py ``run_cli``);
    the subprocess path of each command is tested once elsewhere."""
    return run_cli

ACTIVE = {"gentle-movement", "walk"}
PASSIVE = {"rest-position", "heat-cold", "breathing"}
DAY_PATTERNS = ["mon,tue,wed,thu,fri,sat,sun", "mon,wed,fri", "tue,thu,sat", "sat,sun", "wed"]


def build(run_planner: RunPlanner, *args: str) -> dict:
    result = run_planner("plan", "new", "--program", "first-days-relief", *args, "--json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def sessions(plan: dict) -> list[dict]:
    return [s for w in plan["weeks"] for s in w["sessions"]]


@pytest.mark.parametrize(("days", "start"), [(d, s) for d in DAY_PATTERNS for s in ("2026-03-02", "2026-03-03")])
def test_cold_on_the_first_two_calendar_days_only_then_heat(run_planner: RunPlanner, days: str, start: str) -> None:
    """Counted in days from the plan's start, not in sessions: three days a week never means cold on day 5."""
    plan = build(run_planner, "--days", days, "--start", start, "--minutes", "35")
    first = dt.date.fromisoformat(start)
    for session in sessions(plan):
        day = (dt.date.fromisoformat(session["date"]) - first).days
        packs = [e["id"] for e in session["exercises"] if e["slot"] == "heat-cold"]
        assert len(packs) <= 1, (session["date"], packs)
        assert not {"cold-therapy", "heat-therapy"} <= set(packs), "never heat and cold in one session"
        if day < 2:
            assert "heat-therapy" not in packs, (days, start, session["date"])
        else:
            assert "cold-therapy" not in packs, (days, start, session["date"])


def program_file(tmp_path, old: str, new: str) -> list[str]:  # noqa: ANN001 - a pytest tmp_path
    """A copy of the built-in program under another name, with one line changed; the --library option."""
    from planner.locations import built_in_library

    text = (built_in_library() / "programs" / "first-days-relief.toml").read_text(encoding="utf-8")
    assert old in text
    (tmp_path / "lib").mkdir(exist_ok=True)
    (tmp_path / "lib" / "my-relief.toml").write_text(text.replace(old, new), encoding="utf-8")
    return ["--library", str(tmp_path / "lib")]


def test_a_program_in_the_old_form_still_loads(run_planner: RunPlanner, tmp_path) -> None:  # noqa: ANN001
    """first_sessions/after_sessions (counted in sessions) keep their meaning in files written before."""
    lib = program_file(tmp_path, "first_days = 2\n", "first_sessions = 2\n")
    text = (tmp_path / "lib" / "my-relief.toml").read_text(encoding="utf-8")
    (tmp_path / "lib" / "my-relief.toml").write_text(text.replace("after_days = 2\n", "after_sessions = 2\n"),
                                                        encoding="utf-8")
    assert run_planner("validate", *lib).returncode == 0
    result = run_planner("plan", "new", "--program", "my-relief", "--days", "mon,wed,fri", *lib, "--json")
    assert result.returncode == 0, result.stderr
    packs = [e["id"] for s in sessions(json.loads(result.stdout)) for e in s["exercises"] if e["slot"] == "heat-cold"]
    assert packs[:2] == ["cold-therapy"] * 2 and set(packs[2:]) == {"heat-therapy"}


def test_a_slot_that_could_never_be_used_is_refused_at_its_line(run_planner: RunPlanner, tmp_path) -> None:  # noqa: ANN001
    lib = program_file(tmp_path, "first_days = 2\n", "first_days = 2\nafter_days = 3\n")
    result = run_planner("validate", *lib)
    assert result.returncode == 1
    text = (tmp_path / "lib" / "my-relief.toml").read_text(encoding="utf-8")
    line = text.splitlines().index("first_days = 2") + 1  # the error points at the field it names
    assert f"my-relief.toml:{line}: slot 4, first_days: 2 must be above after_days (3)" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("days", ["mon,tue,wed,thu,fri,sat,sun", "mon,wed,fri", "sat,sun"])
def test_movement_and_walking_outweigh_lying_still_at_every_length(run_planner: RunPlanner, days: str) -> None:
    """At every length from 10 to 35 minutes: the movement and walk get more working minutes than the pack,
    the rest position and the breathing together, every session stays within the minutes and keeps its
    gentle movement and walk, and a session without its pack says why."""
    for minutes in range(10, 36):
        plan = build(run_planner, "--days", days, "--minutes", str(minutes))
        for session in sessions(plan):
            slots = [e["slot"] for e in session["exercises"]]
            moving = sum(e["volume_seconds"] for e in session["exercises"] if e["slot"] in ACTIVE)
            lying = sum(e["volume_seconds"] for e in session["exercises"] if e["slot"] in PASSIVE)
            assert moving >= lying, (minutes, session["date"], moving, lying)
            assert session["estimated_minutes"] <= minutes
            assert "walk" in slots and slots[0] == "gentle-movement", (minutes, session["date"], slots)
            assert slots.count("rest-position") <= 1
            if "heat-cold" in slots:
                assert "rest-position" not in slots, "the pack goes on lying in the rest position"
                pack = next(e for e in session["exercises"] if e["slot"] == "heat-cold")
                assert 10 <= pack["minutes"] <= 15
        for week in plan["weeks"]:
            if any("heat-cold" not in [e["slot"] for e in s["exercises"]] for s in week["sessions"]):
                assert any("room for the heat or cold pack" in r and "while you rest later in the day" in r
                           for r in week["reasons"]), minutes
    assert minutes == 35 and all("heat-cold" in [e["slot"] for e in s["exercises"]] for s in sessions(plan))


def test_the_schema_documents_the_new_slot_options(run_planner: RunPlanner, tmp_path) -> None:  # noqa: ANN001
    assert run_planner("schema", "-o", str(tmp_path / "schemas")).returncode == 0
    schema = json.loads((tmp_path / "schemas" / "program.schema.json").read_text(encoding="utf-8"))
    slot = schema["$defs"]["SlotSpec"]["properties"]
    assert "calendar days" in slot["first_days"]["description"]
    assert "calendar day" in slot["after_days"]["description"]
    assert "harder variants" in slot["harder"]["description"]
    assert "first_sessions" in slot, "the old options still load"
