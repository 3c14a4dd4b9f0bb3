"""Shared fixtures: run the real `planner` command in a throwaway data dir on a pinned day."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable, Mapping
from pathlib import Path

import pytest
from hypothesis import settings

# Every property test is seeded (derandomize: the examples follow from the test's name) and keeps no
# example database between runs, so a pass or a failure is the same on every machine and every run.
# A test's own @settings still sets its budget; these are the defaults it inherits.
settings.register_profile("planner", derandomize=True, database=None, deadline=None)
settings.load_profile("planner")

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


@pytest.fixture(autouse=True)
def no_damage_carried_over() -> None:
    """The store names rows it could not read in a list kept for the process
    (``planner.store.record_rows.DAMAGE``), which the CLI says and empties after a command. A test that reads a damaged store without the CLI
    leaves its sentences there, and the next in-process command in the same worker said them."""
    rows = sys.modules.get("planner.store.record_rows")
    if rows is not None:
        rows.DAMAGE.clear()


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


def run_in_process(*args: str | Path, env: Mapping[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    """``planner ARGS`` through :func:`planner.cli.main` in this process, with ``env`` as its whole
    environment and ``cwd`` as its working folder, both put back afterwards.

    The same parser, actions and wording as ``python -m planner``, without starting Python for each
    command (about 0.3 s each, far more under load). Rule tests use it; the subprocess path is kept
    for one test per command and face (tests/e2e/test_readme_examples.py, test_quick_imports.py, ...).
    Standard input is empty, as with ``stdin=DEVNULL``.
    """
    import contextlib
    import io

    from planner.cli import main

    argv = [str(arg) for arg in args]
    saved_env, saved_cwd, saved_stdin = dict(os.environ), os.getcwd(), sys.stdin
    out, err = io.StringIO(), io.StringIO()
    try:
        os.environ.clear()
        os.environ.update(env)
        os.chdir(cwd)
        sys.stdin = io.StringIO("")
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = main(argv)
            except SystemExit as stop:
                code = stop.code if isinstance(stop.code, int) else int(stop.code is not None)
            except Exception:  # what `python -m planner` would print as a traceback
                import traceback

                err.write(traceback.format_exc())
                code = 1
    finally:
        sys.stdin = saved_stdin
        os.chdir(saved_cwd)
        os.environ.clear()
        os.environ.update(saved_env)
    return subprocess.CompletedProcess(["planner", *argv], code, out.getvalue(), err.getvalue())


@pytest.fixture
def run_cli(tmp_path: Path) -> RunPlanner:
    """Like ``run_planner`` (same data dir, day, working folder and screening), but in process."""

    def run(*args: str | Path, env: Mapping[str, str] | None = None, cwd: Path | None = None,
            timeout: float = 60, screened: bool = True) -> subprocess.CompletedProcess[str]:
        full = {**os.environ, "PLANNER_DATA_DIR": str(tmp_path / "data"), "PLANNER_TODAY": TODAY}
        full.pop("PLANNER_LIBRARY", None)
        full.update(env or {})
        if screened and builds_a_plan(args):
            screening = run_in_process(*global_options(args), *SCREEN_NONE, env=full, cwd=cwd or tmp_path)
            assert screening.returncode == 0, screening.stderr
        return run_in_process(*args, env=full, cwd=cwd or tmp_path)

    return run


def succeeds(run_planner: RunPlanner, *args: str, today: str = TODAY) -> str:
    """``planner ARGS`` on ``today``, which must end well (exit 0, no traceback); its output."""
    result = run_planner(*args, env={"PLANNER_TODAY": today})
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    return result.stdout


def today_json(run_planner: RunPlanner, day: str) -> dict:
    """``planner today --json`` on ``day``."""
    return json.loads(succeeds(run_planner, "today", "--json", today=day))



def pytest_collection_finish(session: pytest.Session) -> None:
    """Once the tests are collected (every module imported), freeze those objects out of the garbage
    collector's reach and collect less often, as ``planner`` itself freezes after its imports
    (planner/cli/app_command.py). A test worker holds Textual, Rich, Hypothesis and planner, and every full
    collection walked them all again: measured, 8-10 % of the CPU of the app tests (the suite is CPU-bound on
    two cores). Nothing a test checks depends on when garbage is collected."""
    import gc

    gc.collect()
    gc.freeze()
    gc.set_threshold(10_000, 50, 100)


# The longest tests (each several seconds to half a minute of one worker) go first: with four workers on
# two cores, one of them started last ended the run alone for its whole length.
LONG_FIRST = ("tests/app/test_key_masher.py", "tests/e2e/test_in_browser.py", "tests/e2e/test_in_tmux.py",
              "tests/e2e/test_phone_paths_tmux.py", "tests/e2e/test_over_ssh.py", "tests/store/test_store_safety.py",
              "tests/e2e/test_races.py", "tests/e2e/test_serve.py", "tests/e2e/test_store_hardening.py")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    items.sort(key=lambda item: not item.nodeid.startswith(LONG_FIRST))  # stable: the rest keep their order
