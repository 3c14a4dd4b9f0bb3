"""Earned variants read a year of check-offs once, not once per day: every day gone by is worked out from a
copy of the history cut to that day (a new History around the same check-offs), and the grouping of done
check-offs by exercise is shared by all of them. Behaviour, not timing: the same grouping object comes
back, and a different set of check-offs gets its own."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from planner.domain.days.plan_variants import TrackWalk, find_variants, reaches, track_items, variants_before
from planner.domain.days.top_dose_done import done_at_top, done_by_exercise
from planner.domain.library.loading import Source, load_library
from planner.domain.plan.builder import build_plan
from planner.domain.plan.model import Plan, PlanInputs, Prescription
from planner.domain.records import Completion, History, PainReport
from planner.locations import built_in_library

DAY = dt.date(2026, 3, 2)


def test_a_history_cut_to_a_day_shares_the_grouping_of_its_check_offs() -> None:
    history = History(completions=(Completion(DAY, "cat-cow", "done", 1, 6),
                                   Completion(DAY, "curl-up", "partial", 1, 4)),
                      pain=(PainReport(DAY, "after", 2),))
    grouped = done_by_exercise(history)
    assert grouped == {"cat-cow": [history.completions[0]]}, "only what was done, by exercise"
    cut = dataclasses.replace(history, pain=())  # as days.day._as_of makes for a day gone by
    assert done_by_exercise(cut) is grouped


def test_other_check_offs_are_grouped_afresh() -> None:
    first = History(completions=(Completion(DAY, "cat-cow", "done", 1, 6),))
    second = History(completions=(*first.completions, Completion(DAY, "curl-up", "done", 1, 4)))
    assert set(done_by_exercise(first)) == {"cat-cow"}
    assert set(done_by_exercise(second)) == {"cat-cow", "curl-up"}
    assert set(done_by_exercise(first)) == {"cat-cow"}


# A year of days reads each track's weeks once, in order (``TrackWalk``), and counts the top-dose sessions before
# a day by bisecting the dates kept per top dose. Both must give exactly what reading from the start gives.

@pytest.fixture(scope="module")
def year_plan() -> Plan:
    library = load_library([Source(built_in_library(), built_in=True)])
    inputs = PlanInputs(program="core-flexibility", days=["mon", "tue", "wed", "thu", "fri", "sat", "sun"],
                        minutes=30, level=1, weeks=52, start=DAY)
    return build_plan(inputs, library)


def test_walking_a_track_in_order_gives_what_reading_from_the_start_gives(year_plan: Plan) -> None:
    tracks = {p.track for week in year_plan.weeks for s in week.sessions for p in s.exercises}
    changed = 0
    for track in sorted(tracks):
        items = track_items(year_plan, track)
        walk = TrackWalk(items)
        for week in range(1, len(year_plan.weeks) + 2):
            assert walk.to(week) == find_variants(items, week), (track, week)
        changed += len(find_variants(items, len(year_plan.weeks) + 1)) > 1
        # an earlier week asked after a later one is read again from the start
        assert variants_before(year_plan, track, 30) == find_variants(items, 30)
        assert variants_before(year_plan, track, 3) == find_variants(items, 3)
    assert changed, "some track moves to a harder variant over a year, or this checks nothing"


def _count_by_scanning(history: History, top: Prescription, top_dates: list[dt.date], before: dt.date) -> int:
    dates = set()
    for c in history.completions:
        if c.status != "done" or c.exercise_id != top.id or c.date >= before:
            continue
        undated = c.sets is None and c.reps is None and c.hold_seconds is None and c.minutes is None
        if (c.date in top_dates) if undated else reaches(c, top):
            dates.add(c.date)
    return len(dates)


def test_top_dose_sessions_before_a_day_are_counted_as_a_scan_counts_them(year_plan: Plan) -> None:
    top = next(p for week in year_plan.weeks for s in week.sessions for p in s.exercises if p.reps)
    days = [DAY + dt.timedelta(days=i) for i in range(12)]
    done = [Completion(days[0], top.id, "done", top.sets, top.reps),
            Completion(days[1], top.id, "done", top.sets, top.reps - 1),  # below the top dose
            Completion(days[2], top.id, "partial", top.sets, top.reps),  # not done
            Completion(days[3], top.id, "done"),  # no dose: counts on a day the plan had the top dose
            Completion(days[4], top.id, "done"),
            Completion(days[5], top.id, "done", top.sets, top.reps + 2),
            Completion(days[5], top.id, "done", top.sets, top.reps),  # twice on one day: one session
            Completion(days[7], "someone-else", "done", 9, 99)]
    history = History(completions=tuple(done))
    for top_dates in ([days[3]], [days[3], days[4]], []):
        for before in days:
            expected = _count_by_scanning(history, top, top_dates, before)
            assert done_at_top(year_plan, history, top, top_dates, before) == expected, (top_dates, before)
    assert done_at_top(year_plan, history, top, [days[3], days[4]], days[11]) == 4


def test_a_days_check_offs_are_the_last_of_each_exercise_that_day() -> None:
    first, again = Completion(DAY, "cat-cow", "partial", 1, 3), Completion(DAY, "cat-cow", "done", 1, 6)
    other = Completion(DAY + dt.timedelta(days=1), "curl-up", "done", 1, 4)
    history = History(completions=(first, Completion(DAY, "bird-dog", "done", 2, 5), again, other))
    on_day = history.completions_on(DAY)
    assert list(on_day) == ["cat-cow", "bird-dog"] and on_day["cat-cow"] is again
    on_day.clear()  # the caller's own dict: the next question is answered afresh
    assert history.completions_on(DAY)["cat-cow"] is again
    assert history.completions_on(DAY + dt.timedelta(days=1)) == {"curl-up": other}
    assert history.completions_on(DAY + dt.timedelta(days=2)) == {}
