"""The database in bad places: a full disk at first run, a foreign empty SQLite file, a data folder that
is a file, a database that is a link loop. One line that says what is wrong, and nothing written."""

from __future__ import annotations

import os
import resource
import shlex
import shutil
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import SCREEN_NONE, TODAY


def run(tmp_path: Path, *args: str, data: Path | None = None, file_limit: int | None = None,
        screened: bool = False) -> subprocess.CompletedProcess[str]:
    def limit() -> None:
        if file_limit is not None:  # writes past this many bytes fail, as on a full disk
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
            resource.setrlimit(resource.RLIMIT_FSIZE, (file_limit, file_limit))

    env = {**os.environ, "PLANNER_DATA_DIR": str(data or tmp_path / "data"), "PLANNER_TODAY": TODAY}
    env.pop("PLANNER_LIBRARY", None)
    if screened:  # 'plan new' needs the safety screening first (no warning signs)
        subprocess.run([sys.executable, "-m", "planner", *SCREEN_NONE], capture_output=True, text=True, env=env,
                       cwd=tmp_path, timeout=60, check=True)
    return subprocess.run([sys.executable, "-m", "planner", *args], capture_output=True, text=True, env=env,
                          cwd=tmp_path, timeout=60, preexec_fn=limit)


def only_line(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


def test_a_full_disk_at_first_run_says_the_disk_is_full(tmp_path: Path) -> None:
    # The first thing a first run writes is the safety screening ('plan new' needs it first).
    for limit in (1000, 3000, 9000):
        data = tmp_path / f"data-{limit}"
        result = run(tmp_path, *SCREEN_NONE, data=data, file_limit=limit)
        assert only_line(result) == (f"planner: {data}/planner.db: the disk is full; nothing was recorded. "
                                     "Free some space and try again")
        assert "rollback" not in result.stderr
        assert run(tmp_path, "today", data=data).returncode == 0, "nothing half-written is left behind"
        refused = only_line(run(tmp_path, "plan", "new", "--program", "core-foundation", data=data))
        assert "planner screen" in refused, "no screening was recorded"


def test_an_empty_foreign_sqlite_file_is_refused_before_anything_is_written(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    connection = sqlite3.connect(data / "planner.db")
    connection.execute("PRAGMA user_version = 7")
    connection.close()
    before = (data / "planner.db").read_bytes()
    for command in (("today",), ("plan", "new", "--program", "core-foundation")):
        line = only_line(run(tmp_path, *command))
        assert "is not a planner database" in line and "left untouched" in line, line
    assert (data / "planner.db").read_bytes() == before, "not even switched to WAL"
    assert not list(data.glob("planner.db-*")), "no WAL or shared-memory file was made for it"


def test_a_data_folder_that_is_a_file_is_named_as_such(tmp_path: Path) -> None:
    (tmp_path / "data").write_text("my notes")
    line = only_line(run(tmp_path, *SCREEN_NONE))  # a first run's first write: the safety screening
    assert line == (f"planner: {tmp_path}/data: is a file, but planner keeps its data in a folder there; "
                    "move the file away, or choose another folder with --data-dir")
    assert (tmp_path / "data").read_text() == "my notes"


def test_a_database_that_is_a_link_loop_or_broken_link_is_named_as_such(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    for target in ("planner.db", "elsewhere/gone.db"):
        (data / "planner.db").unlink(missing_ok=True)
        (data / "planner.db").symlink_to(target)
        line = only_line(run(tmp_path, *SCREEN_NONE))  # a first run's first write: the safety screening
        assert line == (f"planner: {data}/planner.db: is a link that leads nowhere (its target is missing, or it "
                        "is a link loop); remove the link, or choose another folder with --data-dir")
        assert (data / "planner.db").is_symlink()


def can_mount_read_only() -> bool:
    if shutil.which("unshare") is None or os.geteuid() != 0:
        return False
    return subprocess.run(["unshare", "-m", "true"], capture_output=True).returncode == 0


def test_a_read_only_data_folder_can_be_read_and_says_why_it_cannot_be_written(tmp_path: Path) -> None:
    """A read-only mount (root ignores folder permissions, so a real one, in a private mount namespace)."""
    if not can_mount_read_only():
        pytest.skip("needs root and unshare -m to make a read-only mount")
    data = tmp_path / "data"
    assert run(tmp_path, "plan", "new", "--program", "core-foundation", "--days", "mon,wed,fri",
               screened=True).returncode == 0
    planner = f"{shlex.quote(sys.executable)} -m planner"
    script = (f"mount --bind {data} {data} && mount -o remount,ro,bind {data} && "
              f"{planner} today; echo rc=$?; {planner} history; echo rc=$?; {planner} done; echo rc=$?")
    env = {**os.environ, "PLANNER_DATA_DIR": str(data), "PLANNER_TODAY": TODAY}
    env.pop("PLANNER_LIBRARY", None)
    result = subprocess.run(["unshare", "-m", "sh", "-c", script], capture_output=True, text=True, env=env,
                            cwd=tmp_path, timeout=120)
    codes = [line for line in result.stdout.splitlines() if line.startswith("rc=")]
    assert codes == ["rc=0", "rc=0", "rc=1"], result.stdout + result.stderr
    assert "Monday 2026-03-02 · week 1 of 12: planned" in result.stdout
    assert "Adherence 0%" in result.stdout
    assert "Traceback" not in result.stderr
    assert result.stderr.strip().splitlines() == [
        f"planner: {data}/planner.db: is read-only here (its folder or file cannot be written, or the disk is "
        "full); nothing was recorded. Check the permissions and the free space, or use --data-dir"]
    assert "[ ]" in run(tmp_path, "today").stdout, "nothing was recorded"
