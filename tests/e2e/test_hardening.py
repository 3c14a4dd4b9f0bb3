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
