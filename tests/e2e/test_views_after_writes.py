"""A write keeps today's and the status line's views at once (planner/cli: ``KEEP_VIEWS_AFTER``), so the
next ``planner today`` or ``planner status --line`` prints a kept view, and what it prints is exactly what
working the day out from the store prints."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import RunPlanner


def kept(tmp_path: Path) -> dict:
    path = tmp_path / "data" / "cache" / "views.json"
    return json.loads(path.read_text())["views"] if path.is_file() else {}


def out(run_cli: RunPlanner, *args: str) -> str:
    result = run_cli(*args)
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.mark.parametrize("write", [("done",), ("pain", "7"), ("skip",), ("undo",)])
def test_a_write_keeps_the_views_the_next_today_and_status_print(run_cli: RunPlanner, tmp_path: Path,
                                                                  write: tuple[str, ...]) -> None:
    out(run_cli, "plan", "new", "--program", "core-flexibility")
    if write == ("undo",):
        out(run_cli, "done")
    (tmp_path / "data" / "cache" / "views.json").unlink(missing_ok=True)
    said = run_cli(*write)
    assert said.returncode == 0, said.stderr
    assert "week 1 of 12" not in said.stdout and "due" not in said.stdout, "the views are kept, not printed"
    assert set(kept(tmp_path)) == {"today", "status"}, write
    from_views = {args: out(run_cli, *args) for args in (("today",), ("today", "--json"), ("status", "--line"))}
    (tmp_path / "data" / "cache" / "views.json").unlink()
    for args, text in from_views.items():
        assert out(run_cli, *args) == text, (write, args)  # worked out again from the store: the same


def test_the_kept_views_follow_the_write(run_cli: RunPlanner, tmp_path: Path) -> None:
    out(run_cli, "plan", "new", "--program", "core-flexibility")
    assert out(run_cli, "status", "--line").strip().endswith("due")
    out(run_cli, "done")  # the session; its walk apart is still to do
    assert kept(tmp_path)["status"]["line"] == "done ✓ · walk 10m"
    assert "done, the session checked off; the walk is still to do" in kept(tmp_path)["today"]["text"]


def test_after_a_week_away_a_write_leaves_the_gap_rule_to_the_next_today(run_cli: RunPlanner, tmp_path: Path) -> None:
    """Keeping the views writes nothing: the easing after 7+ days away is recorded by ``today`` itself."""
    out(run_cli, "plan", "new", "--program", "core-flexibility")
    out(run_cli, "done")
    later = {"PLANNER_TODAY": "2026-03-12"}
    before = json.loads(run_cli("adjustments", "--json", env=later).stdout)
    assert run_cli("note", "back from a trip", env=later).returncode == 0
    assert run_cli("skip", "--date", "2026-03-11", env=later).returncode == 0
    assert json.loads(run_cli("adjustments", "--json", env=later).stdout) == before, "no easing recorded by a write"
    assert "today" not in kept(tmp_path)
    assert run_cli("today", env=later).returncode == 0
    assert len(json.loads(run_cli("adjustments", "--json", env=later).stdout)) > len(before), "today records it"
