"""Hostile places to read from and write to: full disks, closed pipes, devices, FIFOs, odd names, odd dates.

Each case ends in one clear line and exit 1 or 2 (or in doing the right thing), never a traceback,
and a refusal changes nothing.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import TODAY


def planner_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {**os.environ, "PLANNER_DATA_DIR": str(tmp_path / "data"), "PLANNER_TODAY": TODAY, **extra}
    env.pop("PLANNER_LIBRARY", None)
    return env


def one_line(result: subprocess.CompletedProcess[str], code: int | tuple[int, ...] = 1) -> str:
    codes = code if isinstance(code, tuple) else (code,)
    assert result.returncode in codes, (result.returncode, result.stdout, result.stderr)
    assert "Traceback" not in result.stderr, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


@pytest.fixture
def with_plan(run_planner) -> None:
    result = run_planner("plan", "new", "--program", "core-foundation", "--days", "mon,wed,fri")
    assert result.returncode == 0, result.stderr


# 10: closed and full pipes ------------------------------------------------------------------------

@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("command", [("today",), ("library", "--json"), ("export",), ("history",)])
def test_a_full_disk_on_standard_output_is_one_line(tmp_path: Path, with_plan, command: tuple[str, ...]) -> None:
    with open("/dev/full", "w") as full:
        result = subprocess.run([sys.executable, "-m", "planner", *command], stdout=full, stderr=subprocess.PIPE,
                                text=True, env=planner_env(tmp_path), cwd=tmp_path, timeout=60)
    line = one_line(result, 1)
    assert line == "planner: cannot write the output (No space left on device)"


@pytest.mark.parametrize("command", [("library", "--json"), ("library",), ("programs", "--json"), ("--help",),
                                     ("export", "--format", "md")])
def test_a_reader_that_goes_away_ends_it_quietly(tmp_path: Path, with_plan, command: tuple[str, ...]) -> None:
    """``planner library --json | head -1``: the pipe closes after one line."""
    process = subprocess.Popen([sys.executable, "-m", "planner", *command], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, env=planner_env(tmp_path), cwd=tmp_path)
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # as head -1 does once it has its line; here before any, so it always bites
    stderr = process.stderr.read().decode()
    assert process.wait(timeout=60) == 0
    assert stderr == "", stderr


# 3: export never replaces a device, FIFO or socket -----------------------------------------------

def test_export_force_refuses_a_fifo_a_socket_and_a_device(tmp_path: Path, run_planner, with_plan) -> None:
    import socket
    import stat

    os.mkfifo(tmp_path / "fifo")
    listener = socket.socket(socket.AF_UNIX)
    listener.bind(str(tmp_path / "sock"))
    (tmp_path / "null").symlink_to("/dev/null")
    try:
        for name, kind in (("fifo", stat.S_ISFIFO), ("sock", stat.S_ISSOCK), ("null", stat.S_ISCHR)):
            result = run_planner("export", "-o", name, "--force")
            assert one_line(result, 1) == (f"planner: {name}: is not a regular file (a device, FIFO or socket); "
                                           "export writes only to a regular file or a new path")
            assert kind((tmp_path / name).stat().st_mode), f"{name} is untouched"
        assert stat.S_ISCHR(os.stat("/dev/null").st_mode)
        assert not list(tmp_path.glob(".*.tmp")), "no temporary file left behind"
    finally:
        listener.close()


def test_export_force_still_replaces_a_regular_file(tmp_path: Path, run_planner, with_plan) -> None:
    (tmp_path / "plan.toml").write_text("old")
    os.chmod(tmp_path / "plan.toml", 0o640)
    assert run_planner("export", "-o", "plan.toml", "--force").returncode == 0
    assert (tmp_path / "plan.toml").read_text().startswith("# A planner plan")
    assert (tmp_path / "plan.toml").stat().st_mode & 0o777 == 0o640, "a replaced file keeps its mode"


# 4: private whatever the umask ---------------------------------------------------------------------

def test_data_and_exports_are_private_whatever_the_umask(tmp_path: Path) -> None:
    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "planner", *args], capture_output=True, text=True,
                              env=planner_env(tmp_path), cwd=tmp_path, timeout=60,
                              preexec_fn=lambda: os.umask(0))

    assert run("plan", "new", "--program", "core-foundation", "--days", "mon,wed,fri").returncode == 0
    assert run("done").returncode == 0
    assert run("today").returncode == 0
    for fmt in ("toml", "md", "ics"):
        assert run("export", "--format", fmt, "-o", f"plan.{fmt}").returncode == 0
        assert (tmp_path / f"plan.{fmt}").stat().st_mode & 0o777 == 0o600, fmt
    data = tmp_path / "data"
    assert data.stat().st_mode & 0o777 == 0o700
    found = list(data.rglob("*"))
    assert data / "planner.db" in found
    for path in found:
        expected = 0o700 if path.is_dir() else 0o600
        assert path.stat().st_mode & 0o777 == expected, path
