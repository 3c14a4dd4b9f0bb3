"""New plans, changed days, imports, exports and the live calendar file, through the actions."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from planner.actions import files, pain, plans, reading, screening, sessions
from planner.domain.errors import InvalidFile, PlannerError
from planner.domain.records import PainReport
from planner.exports.live import LiveCalendar
from tests.actions.conftest import MONDAY, inputs


def test_screening_is_needed_before_the_first_plan(at) -> None:
    context = at()
    assert "safety questions" in (screening.screening_needed(context) or "")
    assert screening.screen(context, ()).alert is None
    assert screening.screening_needed(context) is None


def test_a_new_plan_carries_a_warning_sign_pause(planned) -> None:
    pain.report_pain(planned, PainReport(MONDAY, "after", 3, "", (), ("saddle",)))
    outcome = plans.new_plan(planned, inputs("core-foundation"))
    assert outcome.carried is not None and outcome.carried.reason in outcome.lines
    assert outcome.active is not None and outcome.active.state.pause == "red-flag"


def test_change_days_moves_the_days_from_next_week(planned) -> None:
    outcome = plans.change_days(planned, ["mon", "tue", "fri"])
    assert outcome.adjustment is not None and outcome.lines == [outcome.adjustment.reason]
    assert outcome.active is not None
    assert [s.date.weekday() for s in outcome.active.plan.weeks[1].sessions] == [0, 1, 4]  # mon, tue, fri


def test_import_keeps_a_pause_that_stands_and_a_bad_file_changes_nothing(planned, tmp_path: Path) -> None:
    exported = tmp_path / "plan.toml"
    exported.write_text(files.export_text(planned, "toml", dt.time(7)), encoding="utf-8")
    pain.report_pain(planned, PainReport(MONDAY, "after", 3, "", (), ("saddle",)))
    outcome = plans.import_plan(planned, exported)
    assert outcome.inputs is not None and outcome.lines  # the carried pause, said
    assert reading.standing(planned).pause == "red-flag"  # type: ignore[union-attr]
    bad = tmp_path / "bad.toml"
    bad.write_text("[plan]\nweeks = 'many'\n", encoding="utf-8")
    with pytest.raises(InvalidFile):
        plans.import_plan(planned, bad)


def test_a_bad_file_before_any_store_leaves_no_trace(at, tmp_path: Path) -> None:
    context = at()
    bad = tmp_path / "bad.toml"
    bad.write_text("not toml [", encoding="utf-8")
    with pytest.raises(InvalidFile):
        plans.import_plan(context, bad)
    assert not context.data_dir.exists()


def test_export_and_report_need_a_plan(at) -> None:
    with pytest.raises(PlannerError, match="no plan"):
        files.export_text(at(), "markdown", dt.time(7))
    with pytest.raises(PlannerError, match="no plan"):
        files.report_text(at(), "markdown", None)


def test_the_live_calendar_follows_every_change_from_the_committed_state(planned, tmp_path: Path) -> None:
    live = tmp_path / "live.ics"
    files.set_live_calendar(planned, LiveCalendar(live))
    before = live.read_text(encoding="utf-8")
    assert "week 1" in before and "✓ done" not in before
    outcome = sessions.check_off(planned, MONDAY)
    assert outcome.live_problem is None
    assert "✓ done" in live.read_text(encoding="utf-8")
    assert files.live_calendar(planned) == LiveCalendar(live)
    files.set_live_calendar(planned, None)
    assert files.live_calendar(planned) is None


def test_a_live_file_that_cannot_be_written_is_said_not_raised(planned, tmp_path: Path) -> None:
    live = tmp_path / "gone" / "live.ics"
    (tmp_path / "gone").mkdir()
    files.set_live_calendar(planned, LiveCalendar(live))
    (tmp_path / "gone" / "live.ics").unlink()
    (tmp_path / "gone").rmdir()
    outcome = sessions.check_off(planned, MONDAY)
    assert outcome.live_problem is not None and "not updated" in outcome.live_problem
    assert reading.active_plan(planned).history.completions  # type: ignore[union-attr]  # the change is kept
