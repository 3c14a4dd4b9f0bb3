"""The quick commands stay light: what they import, a layering contract checked through the real command.

Timings belong in benchmarks/; this only checks which packages load. `planner today` on a phone over SSH
must not pay for Textual (the app) or pydantic (checking files), once the library is cached.
"""

from __future__ import annotations

import subprocess

from tests.conftest import RunPlanner

HEAVY = ("textual", "rich", "pydantic", "pydantic_core", "icalendar", "tomli_w")


def imported(result: subprocess.CompletedProcess[str]) -> set[str]:
    """Module names from Python's import-time trace (PYTHONPROFILEIMPORTTIME) on stderr."""
    return {line.rsplit("|", 1)[1].strip() for line in result.stderr.splitlines() if line.startswith("import time:")}


def test_quick_commands_load_no_ui_and_no_validation_once_the_library_is_cached(run_planner: RunPlanner) -> None:
    first = run_planner("plan", "new", "--program", "core-flexibility", env={"PYTHONPROFILEIMPORTTIME": "1"})
    assert first.returncode == 0, first.stderr
    assert "pydantic" in imported(first), "the first run checks the library files (and caches them)"
    for args in (["today"], ["today", "--json"], ["done"], ["pain", "2"], ["undo"]):
        result = run_planner(*args, env={"PYTHONPROFILEIMPORTTIME": "1"})
        assert result.returncode == 0, result.stderr
        modules = imported(result)
        assert "planner.cli" in modules, "the trace is there"
        assert not {m for m in modules if m.split(".")[0] in HEAVY}, (args, sorted(modules))
