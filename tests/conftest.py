"""Shared fixtures: run the real `planner` command in a throwaway data dir on a pinned day."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Mapping
from pathlib import Path

import pytest

TODAY = "2026-03-02"  # a Monday

RunPlanner = Callable[..., subprocess.CompletedProcess[str]]


@pytest.fixture
def run_planner(tmp_path: Path) -> RunPlanner:
    """``run_planner(*args, env=..., cwd=...)`` runs ``python -m planner`` and returns the finished process.

    The data dir is ``tmp_path/data`` and today is 2026-03-02 unless ``env`` says otherwise;
    ``PLANNER_LIBRARY`` from the caller's shell is never inherited. The working directory is
    ``tmp_path``, so paths in messages are short and relative.
    """

    def run(*args: str | Path, env: Mapping[str, str] | None = None, cwd: Path | None = None,
            timeout: float = 60) -> subprocess.CompletedProcess[str]:
        full = {**os.environ, "PLANNER_DATA_DIR": str(tmp_path / "data"), "PLANNER_TODAY": TODAY}
        full.pop("PLANNER_LIBRARY", None)
        full.update(env or {})
        return subprocess.run([sys.executable, "-m", "planner", *map(str, args)], capture_output=True,
                              text=True, env=full, cwd=cwd or tmp_path, timeout=timeout)

    return run
