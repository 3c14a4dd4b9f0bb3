"""Prepared writes (planner/cli/prepared_writes.py): a plain ``planner done`` or ``planner pain N`` replayed from the
read model writes exactly the rows, prints exactly the text and leaves exactly the views the action itself does.

Each story builds a state, then runs the same command twice on copies of the data folder: once as it comes
(prepared when it can be), once with the prepared writes removed (the action itself). Every table is compared
row by row; only the moments SQLite stamps (``recorded_at`` and the like) are left out, since the two runs
happen at different instants (both are filled in by the same column default).
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from planner.cli import prepared_writes
from planner.store import prepared as store_prepared
from tests.conftest import RunPlanner

STAMPS = {"recorded_at", "created_at", "read_at", "archived_at"}

# Each story: the commands that make the state, as (args, day) pairs; the last one keeps the views.
STORIES = {
    "first day": [(("plan", "new", "--program", "core-flexibility"), "2026-03-02"), (("today",), "2026-03-02")],
    "mid-week": [(("plan", "new", "--program", "core-flexibility", "--start", "2026-02-23"), "2026-02-23"),
                 (("done",), "2026-02-23"), (("done", "--date", "2026-02-25"), "2026-02-27"),
                 (("pain", "2"), "2026-02-27"), (("today",), "2026-03-04")],
    "after a partial": [(("plan", "new", "--program", "core-flexibility"), "2026-03-02"),
                        (("done", "cat-cow"), "2026-03-02")],
    "after pain 6": [(("plan", "new", "--program", "core-flexibility", "--start", "2026-02-23"), "2026-02-23"),
                     (("done",), "2026-02-23"), (("pain", "6"), "2026-02-23"), (("status", "--line"), "2026-02-25")],
    "a rest day": [(("plan", "new", "--program", "core-flexibility"), "2026-03-02"), (("today",), "2026-03-03")],
    "after a skip": [(("plan", "new", "--program", "core-flexibility"), "2026-03-02"), (("skip",), "2026-03-02")],
    "back after a week away": [(("plan", "new", "--program", "core-flexibility", "--start", "2026-02-16"), "2026-02-16"),
                               (("done",), "2026-02-16"), (("status", "--line"), "2026-02-27")],
    "done twice": [(("plan", "new", "--program", "core-flexibility"), "2026-03-02"), (("done",), "2026-03-02")],
    "a walk checked off first": [(("plan", "new", "--program", "core-flexibility"), "2026-03-02"),
                                 (("done", "easy-walk"), "2026-03-02")],
}
COMMANDS = [("done",), ("pain", "1"), ("pain", "6"), ("pain", "9")]  # 0-6 are prepared (PAIN_SCORES), 9 is not


def dump(data: Path) -> dict[str, list[tuple]]:
    """Every table's rows, in a fixed order, without the moments SQLite stamps."""
    connection = sqlite3.connect(data / "planner.db")
    try:
        tables = [r[0] for r in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        dumped = {}
        for table in tables:
            columns = [r[1] for r in connection.execute(f'PRAGMA table_info("{table}")') if r[1] not in STAMPS]
            quoted = ", ".join(f'"{c}"' for c in columns)
            dumped[table] = [tuple(columns), *connection.execute(f'SELECT {quoted} FROM "{table}" ORDER BY {quoted}')]
        dumped["pragmas"] = [tuple(connection.execute(f"PRAGMA {p}").fetchone()[0] for p in ("user_version", "application_id"))]
        return dumped
    finally:
        connection.close()


def views(data: Path) -> dict:
    path = data / "cache" / "views.json"
    return json.loads(path.read_text())["views"] if path.is_file() else {}


def prepared(data: Path) -> dict:
    path = data / "cache" / "prepared.json"
    return json.loads(path.read_text())["views"] if path.is_file() else {}


@pytest.fixture
def replays(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Each replay's answer (True: written from the prepared rows)."""
    said: list[bool] = []
    real = prepared_writes.replay

    def spy(*args: object) -> bool:
        said.append(real(*args))  # type: ignore[arg-type]
        return said[-1]

    monkeypatch.setattr(prepared_writes, "replay", spy)
    return said


def both_ways(run_cli: RunPlanner, tmp_path: Path, args: tuple[str, ...], day: str,
              replays: list[bool]) -> bool:
    """``planner ARGS`` on ``day`` on two copies of the same data: as it comes (in the data folder itself: its
    path is part of the read model's key), and without prepared writes; the outputs must be the same. The data
    folder is put back as it was before each call. Whether the first was replayed."""
    data, pristine, slow = tmp_path / "data", tmp_path / "pristine", tmp_path / "slow"
    if pristine.exists():
        shutil.rmtree(data)
        shutil.copytree(pristine, data)
    else:
        shutil.copytree(data, pristine)
    shutil.rmtree(slow, ignore_errors=True)
    shutil.copytree(pristine, slow)
    (slow / "cache" / "prepared.json").unlink(missing_ok=True)
    replays.clear()
    env = {"PLANNER_TODAY": day}
    one = run_cli(*args, env=env)
    replayed = replays == [True]
    replays.clear()
    two = run_cli(*args, env={**env, "PLANNER_DATA_DIR": str(slow)})
    assert True not in replays, "nothing prepared: the action itself"
    assert (one.returncode, one.stdout, one.stderr) == (two.returncode, two.stdout, two.stderr), args
    assert dump(data) == dump(slow), args
    assert views(data) == views(slow), args
    return replayed


def make(run_cli: RunPlanner, story: list[tuple[tuple[str, ...], str]]) -> None:
    for args, day in story:
        result = run_cli(*args, env={"PLANNER_TODAY": day})
        assert result.returncode == 0, (args, result.stderr)


@pytest.mark.parametrize("story", list(STORIES))
def test_a_prepared_write_writes_and_says_what_the_action_does(run_cli: RunPlanner, tmp_path: Path, story: str,
                                                               replays: list[bool]) -> None:
    make(run_cli, STORIES[story])
    day = STORIES[story][-1][1]
    ready = prepared(tmp_path / "data")
    assert ready.get("rehearsed"), "the last command kept the views and rehearsed the writes"
    replayed = {args: both_ways(run_cli, tmp_path, args, day, replays) for args in COMMANDS}
    for args, was in replayed.items():  # replayed exactly when one was prepared
        assert was == (" ".join(args) in ready), (story, args)
    if story == "back after a week away":  # the gap rule's easing is due: the action records it itself
        assert not replayed[("done",)] and "done" not in ready
    elif story != "a rest day":
        assert replayed[("done",)], story
    checked_today = story in ("after a partial", "done twice", "a walk checked off first")
    assert replayed[("pain", "1")] == checked_today, "a report is rehearsed on its own once the day has a check-off"


def test_a_report_after_a_prepared_done_is_prepared_too(run_cli: RunPlanner, tmp_path: Path,
                                                        replays: list[bool]) -> None:
    """``done`` then ``pain N``, what a person does after a session: the second is rehearsed after the first."""
    make(run_cli, STORIES["first day"])
    assert run_cli("done").returncode == 0 and replays == [True]
    assert set(prepared(tmp_path / "data")) >= {"pain 0", "pain 1", "pain 5", "rehearsed"}
    assert "done" not in prepared(tmp_path / "data"), "a replayed write rehearses nothing new"
    for args in (("pain", "2"), ("pain", "6")):
        assert both_ways(run_cli, tmp_path, args, "2026-03-02", replays), args
    shutil.rmtree(tmp_path / "data")  # back to the state after the done
    shutil.copytree(tmp_path / "pristine", tmp_path / "data")
    replays.clear()
    assert run_cli("pain", "4").returncode == 0 and replays == [True]
    replays.clear()
    assert run_cli("pain", "4").returncode == 0 and replays == [False], "nothing prepared after a replayed report"


def test_anything_beyond_the_plain_command_is_the_action_itself(run_cli: RunPlanner, tmp_path: Path,
                                                                replays: list[bool]) -> None:
    make(run_cli, STORIES["first day"])
    for args in (("done", "cat-cow"), ("done", "--date", "2026-03-02"), ("pain", "1", "--json"),
                 ("pain", "1", "--where", "left side"), ("pain", "1", "--when", "during"), ("pain", "1", "--settled"),
                 ("pain", "1", "--flag", "numbness"), ("pain", "1", "--aggravated", "cat-cow"), ("pain", "01"),
                 ("pain", "11")):
        assert not both_ways(run_cli, tmp_path, args, "2026-03-02", replays), args


def test_warning_signs_and_pauses_are_never_prepared(run_cli: RunPlanner, tmp_path: Path, replays: list[bool]) -> None:
    make(run_cli, STORIES["first day"])
    assert run_cli("pain", "2", "--flag", "numbness").returncode == 0  # advice: shown with today's day
    assert prepared(tmp_path / "data") == {"rehearsed": True}, "an alert shows: nothing prepared"
    for args in (("done",), ("pain", "1")):
        assert not both_ways(run_cli, tmp_path, args, "2026-03-02", replays)
    assert run_cli("pain", "3", "--flag", "fever").returncode == 0  # urgent: a pause
    assert run_cli("today").returncode == 0
    assert prepared(tmp_path / "data") in ({}, {"rehearsed": True})
    for args in (("done",), ("pain", "1")):
        assert not both_ways(run_cli, tmp_path, args, "2026-03-02", replays)
    assert not any(" " in k and k.startswith("pain ") and int(k.split()[1]) >= 8 for k in prepared(tmp_path / "data"))


@pytest.mark.parametrize("change", ["the date rolled over", "a library file added", "a library file edited"])
def test_a_new_day_or_a_library_edit_is_the_action_itself(run_cli: RunPlanner, tmp_path: Path, change: str,
                                                         replays: list[bool], monkeypatch: pytest.MonkeyPatch) -> None:
    from planner.store import views as store_views

    monkeypatch.setattr(store_views, "RECENT_SECONDS", -1.0)  # files just written count as settled here
    mine = tmp_path / "data" / "library"
    if change == "a library file edited":
        mine.mkdir(parents=True)
        (mine / "notes.txt").write_text("a file the library folder holds\n")
    make(run_cli, STORIES["first day"])
    assert prepared(tmp_path / "data").get("done")
    day = "2026-03-03" if change == "the date rolled over" else "2026-03-02"
    if change != "the date rolled over":
        mine.mkdir(exist_ok=True)
        (mine / "notes.txt").write_text("a file the library folder now holds, changed\n")
    assert not both_ways(run_cli, tmp_path, ("done",), day, replays), change


def test_a_write_by_another_planner_in_between_means_the_action_itself(run_cli: RunPlanner, tmp_path: Path,
                                                                      replays: list[bool],
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """The key matched when it was read; another planner wrote before the transaction began: the version read
    inside it differs, nothing is replayed, and the action decides on the state as it now is."""
    make(run_cli, STORIES["first day"])
    data = tmp_path / "data"
    real = store_prepared.replay

    def after_another_write(database: Path, entry: dict) -> list[int] | None:
        connection = sqlite3.connect(database)
        with connection:
            connection.execute("INSERT INTO session_notes (plan_id, date, text) VALUES (1, '2026-03-02', 'a note')")
        connection.close()
        return real(database, entry)

    monkeypatch.setattr(store_prepared, "replay", after_another_write)
    result = run_cli("done")
    assert result.returncode == 0, result.stderr
    assert replays == [False]
    assert "session done" in result.stdout
    rows = sqlite3.connect(data / "planner.db").execute("SELECT count(*) FROM completions").fetchone()[0]
    assert rows == 11, "the session checked off once, by the action itself"


def test_a_replay_at_another_version_writes_nothing(run_cli: RunPlanner, tmp_path: Path) -> None:
    make(run_cli, STORIES["first day"])
    data = tmp_path / "data"
    entry = prepared(data)["done"]
    before = dump(data)
    moved = {**entry, "version": [entry["version"][0] - 1, *entry["version"][1:]]}
    assert store_prepared.replay(data / "planner.db", moved) is None
    wrong_after = {**entry, "after": [entry["after"][0] + 1, *entry["after"][1:]]}
    assert store_prepared.replay(data / "planner.db", wrong_after) is None, "not the rows rehearsed: rolled back"
    assert dump(data) == before
    assert store_prepared.replay(data / "planner.db", entry) == entry["after"]
    assert dump(data) != before


def test_a_rehearsal_never_waits_for_another_planners_write(run_cli: RunPlanner, tmp_path: Path) -> None:
    """``today`` worked out while another planner holds the write lock: shown at once, nothing prepared (a
    rehearsal takes the lock for a moment only if it is free), and the next ``done`` runs its action."""
    make(run_cli, STORIES["first day"][:1])
    other = sqlite3.connect(tmp_path / "data" / "planner.db", isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        result = run_cli("today")  # (were the rehearsal to wait, this would take the 30 s busy timeout)
        assert result.returncode == 0, result.stderr
        assert "planned" in result.stdout
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert "today" in views(tmp_path / "data") and "done" not in prepared(tmp_path / "data")
    assert "session done" in run_cli("done").stdout


def test_a_write_for_another_day_rehearses_nothing_and_the_next_plain_write_runs_itself(
        run_cli: RunPlanner, tmp_path: Path, replays: list[bool]) -> None:
    """Filling in days gone by (``--date``) is usually several writes in a row: none rehearses today's plain
    ``done`` and ``pain N`` (each rehearsal is most of a write's time). Today's views are still kept, and the
    next plain write runs its action and rehearses then."""
    make(run_cli, [(("plan", "new", "--program", "core-flexibility", "--start", "2026-02-23"), "2026-02-23")])
    assert run_cli("done", "--date", "2026-02-25", env={"PLANNER_TODAY": "2026-02-27"}).returncode == 0
    assert {"today", "status"} <= set(views(tmp_path / "data"))
    assert not prepared(tmp_path / "data").get("done"), "nothing rehearsed after another day's write"
    assert run_cli("done", env={"PLANNER_TODAY": "2026-02-27"}).returncode == 0
    assert True not in replays, "nothing was prepared, so the plain done ran its action"
    assert prepared(tmp_path / "data").get("rehearsed"), "and rehearsed after it"
