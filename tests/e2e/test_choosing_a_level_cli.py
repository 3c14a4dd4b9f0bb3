"""`plan new` without --level: on a terminal three questions suggest the level; off one, nothing is asked."""

from __future__ import annotations

import contextlib
import io
import json
import sys
from pathlib import Path

import pytest

from planner.cli import main
from tests.conftest import TODAY, RunPlanner


def on_a_terminal(answers: str, monkeypatch: pytest.MonkeyPatch, data: Path, *args: str) -> tuple[int, str]:
    """``planner ARGS`` in process with standard input a terminal that types ``answers``."""
    monkeypatch.setenv("PLANNER_DATA_DIR", str(data))
    monkeypatch.setenv("PLANNER_TODAY", TODAY)
    monkeypatch.delenv("PLANNER_LIBRARY", raising=False)
    monkeypatch.setattr("planner.cli.screen_commands.on_a_terminal", lambda: True)
    monkeypatch.setattr(sys, "stdin", io.StringIO(answers))
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(list(args))
    return code, out.getvalue()


def test_three_questions_suggest_the_level_and_enter_takes_it(run_cli: RunPlanner, tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    assert run_cli("screen", "--none").returncode == 0
    code, out = on_a_terminal("y\ny\nn\n\n", monkeypatch, tmp_path / "data", "plan", "new", "--program",
                              "core-foundation")
    assert code == 0, out
    assert "Can you hold a side plank on your knees for 10 seconds each side without pain? [y/n]" in out
    assert "Can you walk for 20 minutes? [y/n]" in out and "Can you pick a light box up from the floor?" in out
    assert "Suggested: level 2" in out
    assert json.loads(run_cli("plan", "show", "--json").stdout)["level"] == 2


def test_a_gentle_program_caps_the_level_at_two_and_says_so(run_cli: RunPlanner, tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    assert run_cli("screen", "--none").returncode == 0
    code, out = on_a_terminal("y\ny\ny\n", monkeypatch, tmp_path / "data", "plan", "new", "--program",
                              "gentle-return")
    assert code == 0 and "Gentle return starts at level 2 at most" in out, out
    assert json.loads(run_cli("plan", "show", "--json").stdout)["level"] == 2
    typed = run_cli("plan", "new", "--program", "gentle-return", "--level", "5")
    assert typed.returncode == 0 and "so level 2 instead of 5" in typed.stdout
    assert json.loads(run_cli("plan", "show", "--json").stdout)["level"] == 2


def test_off_a_terminal_nothing_is_asked_and_the_level_is_one(run_cli: RunPlanner) -> None:
    result = run_cli("plan", "new", "--program", "core-foundation")
    assert result.returncode == 0 and "Can you" not in result.stdout
    assert json.loads(run_cli("plan", "show", "--json").stdout)["level"] == 1
