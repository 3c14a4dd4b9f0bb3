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
SCREEN_NONE = ("screen", "--none")


def global_options(args: tuple) -> list[str]:
    """The ``--data-dir``/``--library`` options in ``args``, to answer the screening in the same place."""
    words = list(map(str, args))
    found = []
    for i, arg in enumerate(words):
        if arg in ("--data-dir", "--library") and i + 1 < len(words):
            found += [arg, words[i + 1]]
        elif arg.startswith(("--data-dir=", "--library=")):
            found.append(arg)
    return found


def builds_a_plan(args: tuple) -> bool:
    """``plan new`` needs the safety screening first; helpers answer it (no warning signs) before one."""
    words, skip = [], False
    for arg in map(str, args):
        if skip:
            skip = False
        elif arg in ("--data-dir", "--library"):
            skip = True
        elif not arg.startswith("--data-dir=") and not arg.startswith("--library="):
            words.append(arg)
    return words[:2] == ["plan", "new"]


@pytest.fixture
def run_planner(tmp_path: Path) -> RunPlanner:
    """``run_planner(*args, env=..., cwd=...)`` runs ``python -m planner`` and returns the finished process.

    The data dir is ``tmp_path/data`` and today is 2026-03-02 unless ``env`` says otherwise;
    ``PLANNER_LIBRARY`` from the caller's shell is never inherited. The working directory is
    ``tmp_path``, so paths in messages are short and relative. Before ``plan new`` it answers the
    safety screening with no warning signs, unless ``screened=False``.
    """

    def run(*args: str | Path, env: Mapping[str, str] | None = None, cwd: Path | None = None,
            timeout: float = 60, screened: bool = True) -> subprocess.CompletedProcess[str]:
        full = {**os.environ, "PLANNER_DATA_DIR": str(tmp_path / "data"), "PLANNER_TODAY": TODAY}
        full.pop("PLANNER_LIBRARY", None)
        full.update(env or {})
        if screened and builds_a_plan(args):
            subprocess.run([sys.executable, "-m", "planner", *global_options(args), *SCREEN_NONE], capture_output=True, text=True,
                           env=full, cwd=cwd or tmp_path, timeout=timeout, stdin=subprocess.DEVNULL, check=True)
        return subprocess.run([sys.executable, "-m", "planner", *map(str, args)], capture_output=True,
                              text=True, env=full, cwd=cwd or tmp_path, timeout=timeout, stdin=subprocess.DEVNULL)

    return run
