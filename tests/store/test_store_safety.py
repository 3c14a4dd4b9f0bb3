"""The store keeps every committed write: concurrent writers, killed writers, foreign files."""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import stat
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from planner.store.database import APP_ID, SCHEMA_VERSION
from tests.conftest import SCREEN_NONE, builds_a_plan, run_in_process
from tests.fuzzing import budget

TODAY = "2026-03-02"


def planner(data: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    """``planner ARGS`` in this process (the writers below are real processes: they are what is tested)."""
    env = {**os.environ, "PLANNER_DATA_DIR": str(data), "PLANNER_TODAY": TODAY}
    env.pop("PLANNER_LIBRARY", None)
    cwd = next(folder for folder in data.parents if folder.is_dir())
    if builds_a_plan(args):
        run_in_process(*SCREEN_NONE, env=env, cwd=cwd)
    result = run_in_process(*args, env=env, cwd=cwd)
    if check:
        assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    return result


def first_program(data: Path) -> str:
    programs = json.loads(planner(data, "programs", "--json").stdout)
    return next(p["id"] for p in programs if p["id"] != "first-days-relief")


@pytest.fixture
def data(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    planner(folder, "plan", "new", "--program", first_program(folder), "--days",
            "mon,tue,wed,thu,fri,sat,sun", "--start", TODAY, "--weeks", "8")
    return folder


WRITER = textwrap.dedent("""
    import os, sys, time
    from planner.cli import main
    import planner.cli.pain_commands  # imported before the start, so the writers' first writes overlap
    worker, count = int(sys.argv[1]), int(sys.argv[2])
    go = sys.argv[3] if len(sys.argv) > 3 else None
    if go:  # wait on the condition (every writer ready), not on a guess of how long starting takes
        print("READY", flush=True)
        while not os.path.exists(go):
            time.sleep(0.002)
    for i in range(count):
        code = main(["pain", str((worker + i) % 3), "--when", "during", "--where", f"w{worker}-{i}"])
        if code != 0:
            raise SystemExit(code)
        print(f"ACK:w{worker}-{i}", flush=True)
""")


def test_database_file_is_private(data: Path) -> None:
    mode = stat.S_IMODE((data / "planner.db").stat().st_mode)
    assert mode == 0o600


WRITES = 25
WRITERS = budget(4, 8)  # processes writing at once: 8 under ``make fuzz``


def test_writers_at_once_lose_nothing(data: Path) -> None:
    env = {**os.environ, "PLANNER_DATA_DIR": str(data), "PLANNER_TODAY": TODAY}
    go = data.parent / "go"
    # WRITERS writers x 25 reports, all released at once after every one has started: they contend from the
    # first write, so fewer writes than the 8 x 50 that used to rely on staggered starts overlapping.
    workers = [subprocess.Popen([sys.executable, "-c", WRITER, str(w), str(WRITES), str(go)], env=env,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for w in range(WRITERS)]
    for worker in workers:
        assert worker.stdout is not None and worker.stdout.readline().strip() == "READY"
    go.touch()
    outputs = [w.communicate(timeout=300) for w in workers]
    for worker, (_, err) in zip(workers, outputs, strict=True):
        assert worker.returncode == 0, err
        assert "locked" not in err and "Traceback" not in err
    history = json.loads(planner(data, "history", "--json").stdout)
    areas = {p["where"] for s in history["sessions"] for p in s["pain"]}
    assert areas == {f"w{w}-{i}" for w in range(WRITERS) for i in range(WRITES)}


def test_killed_writers_keep_every_acknowledged_write(data: Path) -> None:
    env = {**os.environ, "PLANNER_DATA_DIR": str(data), "PLANNER_TODAY": TODAY}
    acknowledged: set[str] = set()
    rng = random.Random(7)
    for round_number in range(12):
        writer = subprocess.Popen([sys.executable, "-c", WRITER, str(round_number), "1000"], env=env,
                                  stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        first = writer.stdout.readline()  # killed only once it is writing, at a random moment after
        time.sleep(rng.random() * 0.3)
        writer.send_signal(signal.SIGKILL)
        out, _ = writer.communicate()
        out = first + out
        acknowledged |= {w.removeprefix("ACK:") for w in out.split() if w.startswith("ACK:")}
    assert acknowledged, "the writers never got a write in"
    with sqlite3.connect(data / "planner.db") as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        stored = {row[0] for row in db.execute("SELECT area FROM pain_reports")}
    assert acknowledged <= stored
    assert planner(data, "today", "--json").returncode == 0


def test_foreign_database_is_refused_and_left_untouched(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    path = folder / "planner.db"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE recipes (name TEXT)")
        db.execute("INSERT INTO recipes VALUES ('soup')")
    before = path.read_bytes()
    result = planner(folder, "done", check=False)
    assert result.returncode == 1
    assert "not a planner database" in result.stderr
    assert result.stderr.count("\n") == 1
    assert path.read_bytes() == before


def test_garbage_file_is_refused_and_left_untouched(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    path = folder / "planner.db"
    path.write_bytes(b"this is not sqlite at all" * 100)
    before = path.read_bytes()
    result = planner(folder, "today", check=False)
    assert result.returncode == 1
    assert "planner.db" in result.stderr and "left untouched" in result.stderr
    assert path.read_bytes() == before


def test_database_from_a_newer_planner_is_refused(data: Path) -> None:
    with sqlite3.connect(data / "planner.db") as db:
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    result = planner(data, "today", check=False)
    assert result.returncode == 1
    assert "newer planner" in result.stderr


def test_older_database_is_migrated_without_loss(tmp_path: Path) -> None:
    """A file at schema 0 (created but empty) or at the current version opens and keeps its rows."""
    folder = tmp_path / "data"
    planner(folder, "plan", "new", "--program", first_program(folder), "--start", TODAY)
    planner(folder, "done", "--date", TODAY, check=False)
    with sqlite3.connect(folder / "planner.db") as db:
        assert db.execute("PRAGMA application_id").fetchone()[0] == APP_ID
        rows = db.execute("SELECT count(*) FROM plans").fetchone()[0]
    assert rows == 1
    assert json.loads(planner(folder, "plan", "show", "--json").stdout)["start"] == TODAY


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores folder permissions")
def test_read_only_data_dir_gives_a_clear_error(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        result = planner(folder, "plan", "new", "--program", "core-foundation", check=False)
    finally:
        folder.chmod(0o700)
    assert result.returncode == 1
    assert "permission" in result.stderr.lower() or "cannot" in result.stderr


def test_unwritable_data_dir_path_gives_a_clear_error(tmp_path: Path) -> None:
    """A data dir under a regular file cannot exist: one clear line, no traceback."""
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = planner(blocker / "data", "plan", "new", "--program", "core-foundation", check=False)
    assert result.returncode == 1
    assert result.stderr.startswith("planner: ")
    assert len(result.stderr.strip().splitlines()) == 1


def test_done_is_idempotent_and_undo_takes_it_back(data: Path) -> None:
    planner(data, "done")
    planner(data, "done")
    today = json.loads(planner(data, "today", "--json").stdout)
    assert today["status"] == "done"
    with sqlite3.connect(data / "planner.db") as db:
        count = db.execute("SELECT count(*) FROM completions WHERE date = ?", (TODAY,)).fetchone()[0]
    assert count == len([e for e in today["exercises"] if not e["apart"]])  # the session, not its walk apart
    planner(data, "undo")
    assert json.loads(planner(data, "today", "--json").stdout)["status"] == "planned"
