"""The direction that eases the back, through the real command: `screen --eases`, the plan, `validate`."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from tests.conftest import RunPlanner


@pytest.fixture
def run_planner(run_cli: RunPlanner) -> RunPlanner:
    """These rules are checked through ``planner.cli.main`` in process (tests/conftest.py ``run_cli``);
    the subprocess path of each command is tested once elsewhere."""
    return run_cli

EXTENSION = {"prone-on-elbows", "standing-back-extension", "prone-press-up"}


def ok(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 0, result.stderr
    return result.stdout


def weeks(text: str) -> list[list[set[str]]]:
    return [[{e["id"] for e in s["exercises"]} for s in w["sessions"]] for w in json.loads(text)["weeks"]]


def test_eases_forward_leaves_leaning_back_out_of_weeks_1_to_4_only(run_planner: RunPlanner, tmp_path: Path) -> None:
    ok(run_planner("screen", "--none", "--eases", "forward"))
    # 30 minutes: at 20, the estimates that count each roll to the other side leave no room for the optional
    # back extension in week 1 even without the answer.
    eased = weeks(ok(run_planner("plan", "new", "--program", "flexibility", "--weeks", "8", "--minutes", "30",
                                 "--json")))
    other = {"PLANNER_DATA_DIR": str(tmp_path / "other")}
    ok(run_planner("screen", "--none", env=other))
    usual = weeks(ok(run_planner("plan", "new", "--program", "flexibility", "--weeks", "8", "--minutes", "30",
                                 "--json", env=other)))
    assert any(s & EXTENSION for s in usual[0]), "without the answer, week 1 leans back"
    for number in range(4):
        assert not any(s & EXTENSION for s in eased[number]), f"week {number + 1}"
    # They come in from week 5, one a week, in a week that brings nothing else new (week 5 may already bring a
    # harder stretch: then it says the back extension is waiting, and it comes the week after).
    back = next(n for n in range(4, 8) if any(s & EXTENSION for s in eased[n]))
    assert back <= 5, "week 5 or 6: they come in"
    shown = ok(run_planner("plan", "show", "--week", str(back + 1)))
    assert "Back this week at its easiest dose" in shown
    if back == 5:
        assert "Waiting for a week of its own" in ok(run_planner("plan", "show", "--week", "5"))
    assert "Left out until week 5, because bending forward eases your back" in ok(run_planner("plan", "show",
                                                                                             "--week", "1"))

    answer = ok(run_planner("screen", "--eases", "neither", env={"PLANNER_TODAY": "2026-03-09"}))  # in week 2
    assert "from week 3 on, nothing is left out" in answer
    changed = weeks(ok(run_planner("plan", "show", "--json")))
    assert changed[:2] == eased[:2], "the weeks under way stay as they were"
    # The new answer holds from week 3: what was left out comes back one a week, the first in week 5 (week 3
    # brings a harder stretch, week 4 is an easier week: one new movement a week).
    assert any(s & EXTENSION for s in changed[4]), "they come back"
    assert "direction" in ok(run_planner("adjustments"))


def test_validate_names_a_wrong_direction(run_planner: RunPlanner, tmp_path: Path) -> None:
    text = (Path(__file__).parents[2] / "programs" / "exercises" / "childs-pose.toml").read_text(encoding="utf-8")
    mine = tmp_path / "mine.toml"
    mine.write_text(text.replace('direction = "flexion"', 'direction = "sideways"'), encoding="utf-8")
    result = run_planner("validate", str(mine))
    assert result.returncode == 1
    assert "direction: input should be 'flexion', 'extension' or 'neutral'; got 'sideways'" in result.stderr
