"""The quick commands stay light: what they import, a layering contract checked through the real command.

Timings belong in benchmarks/; this only checks which packages load. `planner today` on a phone over SSH
must not pay for Textual (the app) or pydantic (checking files), once the library is cached.
"""

from __future__ import annotations

import subprocess

from tests.conftest import RunPlanner

FIGURE_CODE = "planner.domain.figures"  # the renderer; the figure's data model (library/figure.py) is light
HEAVY = ("textual", "rich", "pydantic", "pydantic_core", "icalendar", "tomli_w")
# planner's own modules the quick path must not load: the app and its widgets (the figure widget among
# them), the plan builder (the plan is read from its cache), the exports, the file-validation models.
NOT_QUICK = ("planner.app", "planner.domain.plan.builder", "planner.domain.plan.weeks", "planner.domain.exchange",
             "planner.domain.files.validation", "planner.reports", "planner.app.widgets.figure")
# With a kept view (planner/store/views.py), today and status load none of these either: no action but the
# read model's door (planner.actions.views), no domain model, no store beyond the read model itself.
NOT_FROM_A_VIEW = ("planner.actions.sessions", "planner.actions.situation", "planner.actions.reading",
                   "planner.actions.pain", "planner.context", "planner.domain.plan", "planner.domain.library",
                   "planner.domain.days", "planner.domain.records", "planner.store.store", "planner.store.database")
# Standard library the floor (argparse, sqlite3, json, dataclasses, pathlib, datetime) does not load and a kept
# view does not need: typing alone is ~7 % of the floor (annotations import it only under TYPE_CHECKING).
NOT_STDLIB_FROM_A_VIEW = ("typing",)


def imported(result: subprocess.CompletedProcess[str]) -> set[str]:
    """Module names from Python's import-time trace (PYTHONPROFILEIMPORTTIME) on stderr."""
    return {line.rsplit("|", 1)[1].strip() for line in result.stderr.splitlines() if line.startswith("import time:")}


def test_quick_commands_load_no_ui_and_no_validation_once_the_library_is_cached(run_planner: RunPlanner) -> None:
    first = run_planner("plan", "new", "--program", "core-flexibility", env={"PYTHONPROFILEIMPORTTIME": "1"})
    assert first.returncode == 0, first.stderr
    assert "pydantic" in imported(first), "the first run checks the library files (and caches them)"
    for args in (["today"], ["today", "--json"], ["status", "--line"], ["status", "--json"], ["done"], ["function"],
                 ["pain", "2"], ["undo"], ["skip"]):
        result = run_planner(*args, env={"PYTHONPROFILEIMPORTTIME": "1"})
        assert result.returncode == 0, result.stderr
        modules = imported(result)
        assert "planner.cli" in modules, "the trace is there"
        assert not {m for m in modules if m.split(".")[0] in HEAVY}, (args, sorted(modules))
        assert not {m for m in modules if m.startswith(FIGURE_CODE)}, (args, "the figure drawing code is not loaded")
        assert not {m for m in modules if m.startswith(NOT_QUICK)}, (args, sorted(modules))
        if args[0] in ("done", "pain", "undo", "skip"):
            assert "planner.actions" in {m.rsplit(".", 1)[0] for m in modules}, "writes go through the action layer"
        if args in (["today"], ["done"], ["function"]):  # no pain reported yet: no usual pain to work out
            assert not modules & {"statistics", "decimal", "fractions"}, (args, "statistics loads where it is used")


def test_today_and_status_from_a_kept_view_load_neither_actions_nor_domain(run_planner: RunPlanner) -> None:
    assert run_planner("plan", "new", "--program", "core-flexibility").returncode == 0
    for args in (["today"], ["today", "--json"], ["status", "--line"], ["status", "--json"], ["status"]):
        assert run_planner(*args).returncode == 0  # works the view out, and keeps it
        result = run_planner(*args, env={"PYTHONPROFILEIMPORTTIME": "1"})
        assert result.returncode == 0, result.stderr
        modules = imported(result)
        assert {"planner.store.views", "planner.actions.views"} <= modules, "the trace is there"
        assert not {m for m in modules if m.startswith(NOT_FROM_A_VIEW) or m.split(".")[0] in HEAVY}, \
            (args, sorted(modules))
        assert not modules & set(NOT_STDLIB_FROM_A_VIEW), (args, sorted(modules & set(NOT_STDLIB_FROM_A_VIEW)))


def test_done_and_pain_from_prepared_writes_load_neither_actions_nor_domain(run_planner: RunPlanner) -> None:
    """A plain ``done`` and the ``pain N`` after it replay the rows rehearsed when the views were kept
    (planner/cli/prepared_writes.py): the read model's door and the replay, no action, no domain model."""
    assert run_planner("plan", "new", "--program", "core-flexibility").returncode == 0
    assert run_planner("today").returncode == 0  # works the day out, keeps it, rehearses done and pain N
    for args in (["done"], ["pain", "1"]):
        result = run_planner(*args, env={"PYTHONPROFILEIMPORTTIME": "1"})
        assert result.returncode == 0, result.stderr
        assert "session done" in result.stdout or "Pain 1 recorded" in result.stdout, result.stdout
        modules = imported(result)
        assert {"planner.store.prepared", "planner.actions.views"} <= modules, "the trace is there"
        assert not {m for m in modules if m.startswith(NOT_FROM_A_VIEW) or m.split(".")[0] in HEAVY}, \
            (args, sorted(modules))
        assert not modules & set(NOT_STDLIB_FROM_A_VIEW), (args, sorted(modules & set(NOT_STDLIB_FROM_A_VIEW)))


def test_a_live_calendar_file_costs_icalendar_only_when_one_is_set(run_planner: RunPlanner, tmp_path) -> None:
    """With a live .ics set, a check-off rewrites it (icalendar), still without Textual or pydantic."""
    assert run_planner("plan", "new", "--program", "core-flexibility").returncode == 0
    assert run_planner("calendar", "--live", str(tmp_path / "live.ics")).returncode == 0
    run_planner("today")  # the library cache
    for args in (["done"], ["status", "--line"]):
        result = run_planner(*args, env={"PYTHONPROFILEIMPORTTIME": "1"})
        assert result.returncode == 0, result.stderr
        modules = {m.split(".")[0] for m in imported(result)}
        assert not modules & {"textual", "rich", "pydantic", "pydantic_core"}, (args, sorted(modules))
        assert ("icalendar" in modules) == (args == ["done"]), args
