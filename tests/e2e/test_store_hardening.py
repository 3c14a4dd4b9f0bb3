"""The database in bad places: a full disk at first run, a foreign empty SQLite file, a data folder that
is a file, a database that is a link loop. One line that says what is wrong, and nothing written."""

from __future__ import annotations

import os
import resource
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

from tests.conftest import TODAY


def run(tmp_path: Path, *args: str, data: Path | None = None, file_limit: int | None = None
        ) -> subprocess.CompletedProcess[str]:
    def limit() -> None:
        if file_limit is not None:  # writes past this many bytes fail, as on a full disk
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
            resource.setrlimit(resource.RLIMIT_FSIZE, (file_limit, file_limit))

    env = {**os.environ, "PLANNER_DATA_DIR": str(data or tmp_path / "data"), "PLANNER_TODAY": TODAY}
    env.pop("PLANNER_LIBRARY", None)
    return subprocess.run([sys.executable, "-m", "planner", *args], capture_output=True, text=True, env=env,
                          cwd=tmp_path, timeout=60, preexec_fn=limit)


def only_line(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


def test_a_full_disk_at_first_run_says_the_disk_is_full(tmp_path: Path) -> None:
    for limit in (1000, 3000, 9000):
        data = tmp_path / f"data-{limit}"
        result = run(tmp_path, "plan", "new", "--program", "core-foundation", data=data, file_limit=limit)
        assert only_line(result) == (f"planner: {data}/planner.db: the disk is full; nothing was recorded. "
                                     "Free some space and try again")
    assert "rollback" not in result.stderr


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
    line = only_line(run(tmp_path, "plan", "new", "--program", "core-foundation"))
    assert line == (f"planner: {tmp_path}/data: is a file, but planner keeps its data in a folder there; "
                    "move the file away, or choose another folder with --data-dir")
    assert (tmp_path / "data").read_text() == "my notes"


def test_a_database_that_is_a_link_loop_or_broken_link_is_named_as_such(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    for target in ("planner.db", "elsewhere/gone.db"):
        (data / "planner.db").unlink(missing_ok=True)
        (data / "planner.db").symlink_to(target)
        line = only_line(run(tmp_path, "plan", "new", "--program", "core-foundation"))
        assert line == (f"planner: {data}/planner.db: is a link that leads nowhere (its target is missing, or it "
                        "is a link loop); remove the link, or choose another folder with --data-dir")
        assert (data / "planner.db").is_symlink()
