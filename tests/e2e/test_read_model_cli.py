"""The read model through the real command: ``today`` and ``status`` print the kept view while nothing it
was made from changed, and the very next command after any change (a check-off, a pain report, another
day, a library file, a write by another program) shows the change, never a stale day."""

from __future__ import annotations

import json
import sqlite3
import time
from pathlib import Path

from planner.locations import built_in_library
from tests.conftest import RunPlanner


def views(tmp_path: Path) -> Path:
    return tmp_path / "data" / "cache" / "views.json"


def out(run_planner: RunPlanner, *args: str, **kwargs: object) -> str:
    result = run_planner(*args, **kwargs)  # type: ignore[arg-type]
    assert result.returncode == 0, result.stderr
    return result.stdout


QUICK = (("today",), ("today", "--json"), ("status", "--line"), ("status", "--json", "--ascii"), ("status",))


def test_a_kept_view_prints_exactly_what_working_it_out_prints(run_planner: RunPlanner, tmp_path: Path) -> None:
    assert run_planner("plan", "new", "--program", "core-flexibility").returncode == 0
    worked_out = {args: out(run_planner, *args) for args in QUICK}
    assert views(tmp_path).is_file()
    assert oct(views(tmp_path).stat().st_mode & 0o777) == "0o600"
    kept = json.loads(views(tmp_path).read_text())["views"]
    assert set(kept) == {"today", "status"}
    for args in QUICK:
        result = run_planner(*args, env={"PYTHONPROFILEIMPORTTIME": "1"})
        assert result.returncode == 0
        assert result.stdout == worked_out[args], args
        loaded = {line.rsplit("|", 1)[1].strip() for line in result.stderr.splitlines()
                  if line.startswith("import time:")}
        assert "planner.store.views" in loaded
        assert not {m for m in loaded if m.startswith(("planner.domain.days", "planner.domain.plan",
                                                       "planner.context", "planner.store.store"))}, args


def test_every_change_shows_in_the_next_command(run_planner: RunPlanner, tmp_path: Path) -> None:
    assert run_planner("plan", "new", "--program", "core-flexibility").returncode == 0
    assert "planned" in out(run_planner, "today").splitlines()[0]
    out(run_planner, "today")  # kept
    out(run_planner, "done")
    assert "done, the session checked off" in out(run_planner, "today").splitlines()[0]  # the walk is its own
    assert "done" in out(run_planner, "status", "--line")
    out(run_planner, "undo")
    assert "planned" in out(run_planner, "today").splitlines()[0]
    assert json.loads(out(run_planner, "today", "--json"))["status"] == "planned"
    # Another program (or planner version) writing straight to the database.
    out(run_planner, "today")
    with sqlite3.connect(tmp_path / "data" / "planner.db") as connection:
        connection.execute("INSERT INTO skips (plan_id, date, why) SELECT id, '2026-03-02', 'x' FROM plans")
    assert "skipped" in out(run_planner, "today").splitlines()[0]
    # Another day.
    assert out(run_planner, "today", env={"PLANNER_TODAY": "2026-03-03"}).startswith("Tuesday 2026-03-03")
    assert out(run_planner, "today").startswith("Monday 2026-03-02")


def test_a_pain_report_shows_in_the_next_today(run_planner: RunPlanner) -> None:
    assert run_planner("plan", "new", "--program", "core-flexibility").returncode == 0
    before = out(run_planner, "today", "--json")
    assert out(run_planner, "today", "--json") == before
    assert run_planner("pain", "8").returncode == 0
    assert out(run_planner, "today", "--json") != before


def test_an_edited_library_file_shows_in_the_next_today(run_planner: RunPlanner, tmp_path: Path) -> None:
    assert run_planner("plan", "new", "--program", "core-flexibility").returncode == 0
    time.sleep(2.2)  # the views skip library files changed in the last seconds
    out(run_planner, "today")
    assert "Cat-cow" in out(run_planner, "today")
    own = tmp_path / "data" / "library" / "cat-cow.toml"
    own.parent.mkdir(parents=True)
    own.write_text((built_in_library() / "exercises" / "cat-cow.toml").read_text()
                   .replace('name = "Cat-cow"', 'name = "Cat and cow"'))
    shown = out(run_planner, "today")
    assert "Cat and cow" in shown and "Cat-cow" not in shown


def test_a_damaged_views_file_is_worked_out_again(run_planner: RunPlanner, tmp_path: Path) -> None:
    assert run_planner("plan", "new", "--program", "core-flexibility").returncode == 0
    first = out(run_planner, "today")
    for damage in ("{", '{"key": "x", "views": {}}', '{"key": 1}', "[]"):
        views(tmp_path).write_text(damage)
        assert out(run_planner, "today") == first


def test_a_damaged_row_is_said_on_every_run_so_no_view_is_kept(run_planner: RunPlanner, tmp_path: Path) -> None:
    """The line naming a row the store left out goes to standard error after the command: a kept view
    would hide it from the next run."""
    assert run_planner("plan", "new", "--program", "core-flexibility").returncode == 0
    assert run_planner("pain", "2").returncode == 0
    with sqlite3.connect(tmp_path / "data" / "planner.db") as connection:
        connection.execute("UPDATE pain_reports SET date = 'garbage'")
    for _ in range(2):
        for args in (("today",), ("status", "--line")):
            result = run_planner(*args)
            assert result.returncode == 0, result.stderr
            assert "the rest of your history was read" in result.stderr, (args, result.stderr)
    assert not views(tmp_path).exists() or "garbage" not in views(tmp_path).read_text()
