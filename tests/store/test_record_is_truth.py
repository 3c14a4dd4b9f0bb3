"""The record is the truth: a day that was checked off reads as it was prescribed then, and nothing
written later (a pain report, a rule change, a library edit) rewrites a day gone by.

Driven through the functions the CLI and the app call (the store, ``ActivePlan.check_off``,
``apply_pain_report`` and ``day_view``), in process so the property runs in seconds.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import sqlite3
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.domain.days.day import day_view
from planner.domain.library.loading import Library, Source, load_library
from planner.domain.pain.adaptation import AdaptationState, apply_pain_report
from planner.domain.pain.rules import PainRules
from planner.domain.plan.builder import build_plan
from planner.domain.plan.model import PlanInputs
from planner.domain.records import Completion, History, PainReport
from planner.locations import built_in_library
from planner.store.active_plan import ActivePlan, load_active, start_plan
from planner.store.store import Store

START = dt.date(2026, 3, 2)  # a Monday
PROGRAMS = ["core-foundation", "core-flexibility", "flexibility", "gentle-return"]


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library([Source(built_in_library(), built_in=True)])


def new_plan(store: Store, library: Library, program: str = "core-foundation", minutes: int = 30,
             level: int = 1) -> ActivePlan:
    inputs = PlanInputs(program=program, days=["mon", "wed", "fri"], minutes=minutes, level=level, weeks=8,
                        start=START)
    start_plan(store, inputs, build_plan(inputs, library).program_name, START)
    active = load_active(store, library)
    assert active is not None
    return active


def view(active: ActivePlan, library: Library, day: dt.date, today: dt.date, rules: PainRules | None = None) -> str:
    shown = day_view(active.plan, library, active.state, active.history, day, active.weekly_increase, today,
                     rules or active.rules)
    return json.dumps(shown.as_json(), sort_keys=True)


def check_off_all(active: ActivePlan, library: Library, day: dt.date) -> None:
    shown = day_view(active.plan, library, active.state, active.history, day, active.weekly_increase, day)
    active.check_off([Completion(day, p.id, "done", p.sets, p.reps, p.hold_seconds, p.minutes)
                      for p in shown.exercises], shown)


def report(active: ActivePlan, library: Library, day: dt.date, when: str, score: int) -> None:
    pain = PainReport(day, when, score)  # type: ignore[arg-type]
    _, adjustments, _ = apply_pain_report(active.plan, library, active.state, active.history, pain,
                                          active.weekly_increase, active.rules)
    active.store.record_pain(active.record.id, pain, adjustments)
    active.reload()


def test_a_done_session_is_not_rewritten_by_a_pain_report_the_same_day(library: Library, tmp_path: Path) -> None:
    """The issue's story: check a session off at full doses, then `pain 6 --when after`: that day still
    shows the doses that were done, today and on every later look; the next session is the one cut."""
    with Store(tmp_path) as store:
        active = new_plan(store, library)
        check_off_all(active, library, START)
        before = view(active, library, START, START)
        report(active, library, START, "after", 6)
        assert any(a.kind == "reduce" for a in active.history.adjustments), "the report must cut something"
        assert view(active, library, START, START) == before
        assert view(active, library, START, START + dt.timedelta(days=3)) == before
        recorded = active.history.session_on(START)
        assert recorded is not None
        planned = day_view(active.plan, library, AdaptationState(), History(), START, active.weekly_increase)
        assert list(recorded.exercises) == planned.exercises  # read back exactly, enums and all
        shown = json.loads(before)
        assert shown["status"] == "done"
        wednesday = START + dt.timedelta(days=2)
        cut = day_view(active.plan, library, active.state, active.history, wednesday, active.weekly_increase,
                       wednesday)
        planned = next(s for s in active.plan.sessions() if s.date == wednesday)
        assert sum(p.volume_seconds for p in cut.exercises) < planned.volume_seconds


def test_a_rule_change_or_a_library_edit_does_not_rewrite_a_done_day(library: Library, tmp_path: Path) -> None:
    with Store(tmp_path) as store:
        active = new_plan(store, library)
        check_off_all(active, library, START)
        before = view(active, library, START, START + dt.timedelta(days=1))
        stricter = PainRules(progress_max=1, hold_max=3, reduce_factor=0.5)
        assert view(active, library, START, START + dt.timedelta(days=1), stricter) == before
        first = json.loads(before)["exercises"][0]["id"]
        edited = dataclasses.replace(library, exercises={
            **library.exercises, first: dataclasses.replace(library.exercises[first], name="Renamed")})
        assert view(active, edited, START, START + dt.timedelta(days=1)) == before


def test_taking_every_check_off_back_forgets_the_record(library: Library, tmp_path: Path) -> None:
    with Store(tmp_path) as store:
        active = new_plan(store, library)
        check_off_all(active, library, START)
        assert active.history.session_on(START) is not None
        store.remove_completions(active.record.id, START, None)
        active.reload()
        assert active.history.session_on(START) is None


def test_an_older_database_keeps_its_data_and_gains_the_record(library: Library, tmp_path: Path) -> None:
    """Migration 8 adds the session records (and a report's "settled"); check-offs made before it stay and
    read as the plan stood."""
    with Store(tmp_path) as store:
        active = new_plan(store, library)
        check_off_all(active, library, START)
        path = store.path
    connection = sqlite3.connect(path)
    connection.execute("DROP TABLE session_records")
    connection.execute("ALTER TABLE pain_reports DROP COLUMN settled")
    connection.execute("PRAGMA user_version = 7")  # schema 7: before the session records
    connection.commit()
    connection.close()
    with Store(tmp_path) as store:
        active = load_active(store, library)
        assert active is not None
        assert active.history.completions and not active.history.sessions
        assert json.loads(view(active, library, START, START + dt.timedelta(days=1)))["status"] == "done"


SCORES = st.integers(min_value=0, max_value=9)
EVENTS = st.lists(st.tuples(st.booleans(), st.sampled_from(["after", "next-morning"]), SCORES),
                  min_size=4, max_size=9)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(program=st.sampled_from(PROGRAMS), minutes=st.sampled_from([15, 20, 30, 45]),
       level=st.integers(min_value=1, max_value=3), events=EVENTS)
def test_past_days_are_byte_identical_after_any_later_report(
        library: Library, program: str, minutes: int, level: int, events: list) -> None:
    """Over programs, minutes and levels: each session day in turn is done (or missed) and followed by a
    report; every day before the report's day, and every day checked off, reads byte for byte as it did."""
    with tempfile.TemporaryDirectory() as folder, Store(Path(folder)) as store:
        active = new_plan(store, library, program, minutes, level)
        sessions = [s.date for s in active.plan.sessions()][:len(events)]
        for day, (done, when, score) in zip(sessions, events, strict=False):
            if active.state.pause is None and done:
                check_off_all(active, library, day)
            said = day + dt.timedelta(days=1) if when == "next-morning" else day
            looked = said + dt.timedelta(days=1)
            before = {d: view(active, library, d, looked) for d in sessions
                      if d < said or active.history.session_on(d) is not None}
            report(active, library, said, when, score)
            after = {d: view(active, library, d, looked) for d in before}
            assert after == before
