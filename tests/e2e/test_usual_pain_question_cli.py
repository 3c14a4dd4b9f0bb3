"""`planner screen` on a terminal asks the pain on a typical day lately; off one it asks nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from planner.domain.pain.warning_signs import SIGNS
from planner.store.store import Store
from tests.conftest import RunPlanner
from tests.e2e.test_choosing_a_level_cli import on_a_terminal

NO_SIGNS = "n\n" * len(SIGNS)


def stored_usual(data: Path) -> int | None:
    with Store(data, create=False) as store:
        return store.usual_pain()


def test_screen_on_a_terminal_asks_the_usual_pain_and_keeps_it(tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    code, out = on_a_terminal(NO_SIGNS + "eleven\n3\n", monkeypatch, tmp_path / "data", "screen")
    assert code == 0, out
    assert "The pain on a typical day lately (0-10, Enter to skip)?" in out
    assert "Please type a whole number from 0 (no pain) to 10" in out, "a bad answer is asked again"
    assert "Usual pain set to 3" in out and "none of the warning signs" in out
    assert stored_usual(tmp_path / "data") == 3


def test_enter_skips_it_and_the_first_mornings_set_it_later(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    code, out = on_a_terminal("\n", monkeypatch, tmp_path / "data", "screen", "--none")
    assert code == 0 and "Usual pain set" not in out, out
    assert stored_usual(tmp_path / "data") is None


def test_off_a_terminal_nothing_is_asked(run_cli: RunPlanner, tmp_path: Path) -> None:
    result = run_cli("screen", "--none", "--json")
    assert result.returncode == 0 and "typical day" not in result.stdout
    assert json.loads(result.stdout)["usual_pain"] is None
    bare = run_cli("screen")
    assert bare.returncode == 2 and "give either --none" in bare.stderr
