"""Writes that cannot race: real ``planner`` processes run side by side, and no safety state is lost.

Each case starts from the same prepared data folder (screened, an 8-week plan), runs its writers at once,
and checks what the database and the live calendar file say once they have all finished. Nothing waits on a
clock: the writers are started together and each trial is a bounded loop, so a lost write shows as a failure
in some trial, never as a slow test.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest

from tests.conftest import TODAY
from tests.fuzzing import budget

TRIALS = budget(2, 12)  # each trial a fresh race of processes; make fuzz runs many more
PLAN = ("plan", "new", "--program", "core-flexibility", "--days", "mon,wed,fri", "--minutes", "20", "--weeks", "8")


def _env(data: Path) -> dict[str, str]:
    env = {**os.environ, "PLANNER_DATA_DIR": str(data), "PLANNER_TODAY": TODAY}
    env.pop("PLANNER_LIBRARY", None)
    return env


def _run(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "planner", *args], capture_output=True, text=True,
                          env=_env(data), cwd=data.parent, timeout=120, stdin=subprocess.DEVNULL)


def _together(data: Path, *commands: Sequence[str]) -> list[tuple[int, str]]:
    """Start every command at once and wait for all; their exit codes and stderr, in order."""
    started = [subprocess.Popen([sys.executable, "-m", "planner", *c], stdout=subprocess.DEVNULL,
                                stderr=subprocess.PIPE, text=True, env=_env(data), cwd=data.parent,
                                stdin=subprocess.DEVNULL) for c in commands]
    return [(p.wait(timeout=120), p.stderr.read() if p.stderr else "") for p in started]


@pytest.fixture(scope="module")
def prepared(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data folder with the screening answered and the plan built (its caches warm), to copy per trial."""
    data = tmp_path_factory.mktemp("prepared") / "data"
    assert _run(data, "screen", "--none").returncode == 0
    assert _run(data, *PLAN).returncode == 0
    assert _run(data, "today").returncode == 0
    return data


def _fresh(prepared: Path, tmp_path: Path, trial: int) -> Path:
    data = tmp_path / f"trial{trial}" / "data"
    shutil.copytree(prepared, data)
    return data


def _state(data: Path):  # noqa: ANN202 - the adaptation state the committed records leave
    from planner.store.active_plan import standing_state
    from planner.store.store import Store

    with Store(data, create=False) as store:
        return standing_state(store), store.history(store.active_plan().id)  # type: ignore[union-attr]


def _paused_for_saddle(data: Path) -> None:
    state, history = _state(data)
    assert any("saddle" in p.flags for p in history.pain), "the saddle report is in the history"
    assert state.pause == "red-flag", f"the warning-sign pause was lost: {state}"
    today = _run(data, "today", "--json")
    assert '"alert": null' not in today.stdout, today.stdout
    assert "EMERGENCY" in _run(data, "status", "--line").stdout


def test_two_pain_reports_at_once_never_lose_the_warning_sign_pause(prepared: Path, tmp_path: Path) -> None:
    for trial in range(TRIALS):
        data = _fresh(prepared, tmp_path, trial)
        results = _together(data, ("pain", "3", "--flag", "saddle"), ("pain", "7"))
        assert [code for code, _ in results] == [0, 0], results
        _paused_for_saddle(data)


def test_undo_racing_a_new_report_leaves_the_records_and_the_plan_in_step(prepared: Path, tmp_path: Path) -> None:
    for trial in range(TRIALS):
        data = _fresh(prepared, tmp_path, trial)
        assert _run(data, "pain", "6").returncode == 0
        results = _together(data, ("undo", "--pain"), ("pain", "9"))
        assert [code for code, _ in results] == [0, 0], results
        state, history = _state(data)
        # Whichever went first, a report of 6 or 9 is left, and the plan must run below full volume for it.
        assert [p.score for p in history.pain] in ([9], [6]), history.pain
        assert state.factor < 1.0 or state.pause is not None, f"the plan runs at full volume after pain: {state}"


@pytest.mark.parametrize("other", ["plan new", "import"])
def test_a_new_plan_or_an_import_racing_a_warning_sign_keeps_the_pause(prepared: Path, tmp_path: Path,
                                                                      other: str) -> None:
    exported = tmp_path / "plan.toml"
    exported.write_text(_run(prepared, "export", "--format", "toml").stdout, encoding="utf-8")
    command = PLAN if other == "plan new" else ("import", str(exported))
    for trial in range(TRIALS):
        data = _fresh(prepared, tmp_path, trial)
        results = _together(data, ("pain", "3", "--flag", "saddle"), command)
        assert [code for code, _ in results] == [0, 0], results
        state, _ = _state(data)
        assert state.pause == "red-flag", f"{other} lost the warning-sign pause: {state}"
        assert "EMERGENCY" in _run(data, "status", "--line").stdout


def _calendar_without_stamps(text: str) -> list[str]:
    return [line for line in text.splitlines() if not line.startswith("DTSTAMP")]


def test_six_writers_leave_the_live_calendar_as_the_database_says(prepared: Path, tmp_path: Path) -> None:
    from planner.context import Context
    from planner.exports.live import live_setting, live_text
    from planner.store.active_plan import load_active
    from planner.store.store import Store

    for trial in range(TRIALS):
        data = _fresh(prepared, tmp_path, trial)
        live = data.parent / "live.ics"
        assert _run(data, "calendar", "--live", str(live)).returncode == 0
        results = _together(data, ("done",), ("pain", "4"), ("skip", "--date", "2026-03-02"), ("pain", "6"),
                            ("undo",), ("plan", "days", "mon,tue,fri"))
        assert all(code in (0, 1, 2) and "Traceback" not in err for code, err in results), results
        context = Context(data, [], __import__("datetime").date.fromisoformat(TODAY))
        with Store(data, create=False) as store:
            setting = live_setting(store)
            assert setting is not None
            expected = live_text(load_active(store, context.library, context.pain_rules), context.library,
                                 context.today, setting)
        assert _calendar_without_stamps(live.read_text(encoding="utf-8")) == _calendar_without_stamps(expected)
