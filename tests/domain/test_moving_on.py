"""A plan week moves on only when its work was done (issue 25, "the person's position advances by what they
did"): a week with fewer than half its sessions done repeats; a hold, a pause and the gap rule are never
doubled by it; it never moves anyone on. The rule runs in process on the domain; the stories through the
real ``planner`` command are in tests/e2e/test_weeks_follow_the_work_cli.py."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from planner.domain.days.day import day_view, session_record
from planner.domain.days.projection import project_pain
from planner.domain.library.loading import Library
from planner.domain.pain.adaptation import AdaptationState, calendar_week, position
from planner.domain.pain.moving_on import catch_up, needed, repeat_adjustment, week_work
from planner.domain.plan.builder import build_plan
from planner.domain.plan.model import Plan, PlanInputs
from planner.domain.records import Adjustment, Completion, History, Skip

START = dt.date(2026, 3, 2)  # a Monday
RATE = 0.1


@pytest.fixture(scope="module")
def plan(library: Library) -> Plan:
    return build_plan(PlanInputs(program="core-foundation", days=["mon", "wed", "fri"], minutes=30, level=1,
                                 weeks=12, start=START), library)


def day_of(week: int, weekday: int) -> dt.date:
    return START + dt.timedelta(days=7 * (week - 1) + weekday)


def look(plan: Plan, history: History, day: dt.date) -> History:
    """The first look at ``day``: what it records is added to the history, as the store would keep it."""
    state = AdaptationState.load(history.adjustments[-1].state) if history.adjustments else AdaptationState()
    _, adjustments = catch_up(plan, state, history, day, RATE)
    return replace(history, adjustments=(*history.adjustments, *adjustments))


def state_of(history: History) -> AdaptationState:
    return AdaptationState.load(history.adjustments[-1].state) if history.adjustments else AdaptationState()


def check_off(plan: Plan, library: Library, history: History, day: dt.date, how: str = "done") -> History:
    """``day``'s session checked off: all of it ("done"), its first exercise only ("part"), only the walk
    apart from it ("walk"), or skipped."""
    history = look(plan, history, day)
    if how == "skip":
        return replace(history, skips=(*history.skips, Skip(day)))
    view = day_view(plan, library, state_of(history), history, day, RATE, day)
    chosen = view.exercises if how == "done" else view.walks if how == "walk" else view.exercises[:1]
    record = session_record(view)
    return replace(history, completions=(*history.completions, *(
        Completion(day, p.id, "done", p.sets, p.reps, p.hold_seconds, p.minutes) for p in chosen)),
        sessions=(*history.sessions, *([record] if record else [])))


def week_of(plan: Plan, history: History, day: dt.date) -> int:
    return position(plan, state_of(history), day, RATE)[0]


def test_half_rounded_up() -> None:
    assert [needed(n) for n in (1, 2, 3, 4, 5)] == [1, 1, 2, 2, 3]


def test_one_of_three_repeats_the_week(plan: Plan, library: Library) -> None:
    history = History()
    for weekday in (0, 2, 4):
        history = check_off(plan, library, history, day_of(1, weekday))
    history = check_off(plan, library, history, day_of(2, 0))
    assert not history.adjustments
    monday = day_of(3, 0)
    result = repeat_adjustment(plan, AdaptationState(), history, monday, RATE)
    assert result is not None
    state, adjustment = result
    assert adjustment.kind == "repeat" and adjustment.date == monday
    assert adjustment.reason.startswith("Last week 1 of 3 sessions was done, so this week repeats week 2's doses")
    assert "at least 2 of a week's 3 sessions are done" in adjustment.reason
    assert position(plan, state, monday, RATE)[0] == 2
    assert position(plan, state, day_of(3, 6), RATE)[0] == 2  # the whole week
    assert repeat_adjustment(plan, state, replace(history, adjustments=(adjustment,)), day_of(3, 2), RATE) is None


def test_two_of_three_moves_on(plan: Plan, library: Library) -> None:
    history = History()
    for weekday in (0, 2):
        history = check_off(plan, library, history, day_of(1, weekday))
    assert week_work(plan, history, 1) == (2, 0, 3)
    assert repeat_adjustment(plan, AdaptationState(), history, day_of(2, 0), RATE) is None
    assert week_of(plan, look(plan, history, day_of(2, 0)), day_of(2, 0)) == 2


def test_a_session_done_in_part_counts_as_half(plan: Plan, library: Library) -> None:
    history = check_off(plan, library, History(), day_of(1, 0))
    history = check_off(plan, library, history, day_of(1, 2), "part")
    assert week_work(plan, history, 1) == (1, 1, 3)
    result = repeat_adjustment(plan, AdaptationState(), history, day_of(2, 0), RATE)
    assert result is not None and "1 was done in part" in result[1].reason and "counts as half" in result[1].reason
    history = check_off(plan, library, history, day_of(1, 4), "part")
    assert repeat_adjustment(plan, AdaptationState(), history, day_of(2, 0), RATE) is None  # 1 + 2 halves


def test_a_walk_alone_is_not_a_session_done_in_part(plan: Plan, library: Library) -> None:
    """The walk apart from the session is for any time of the day: on its own it moves no strength work on."""
    history = check_off(plan, library, History(), day_of(1, 0))
    assert check_off(plan, library, History(), day_of(1, 2), "walk").completions, "the day has a walk"
    for weekday in (2, 4):
        history = check_off(plan, library, history, day_of(1, weekday), "walk")
    assert week_work(plan, history, 1) == (1, 0, 3)
    assert repeat_adjustment(plan, AdaptationState(), history, day_of(2, 0), RATE) is not None


def test_skipped_sessions_do_not_count(plan: Plan, library: Library) -> None:
    history = check_off(plan, library, History(), day_of(1, 0))
    history = check_off(plan, library, history, day_of(1, 2), "skip")
    history = check_off(plan, library, history, day_of(1, 4), "skip")
    assert week_work(plan, history, 1) == (1, 0, 3)
    assert repeat_adjustment(plan, AdaptationState(), history, day_of(2, 0), RATE) is not None


def test_two_short_weeks_repeat_twice(plan: Plan, library: Library) -> None:
    history = History()
    for week in (1, 2):
        history = check_off(plan, library, history, day_of(week, 0))
    history = look(plan, history, day_of(3, 0))
    assert [a.kind for a in history.adjustments] == ["repeat", "repeat"]
    assert "fewer days" not in history.adjustments[0].reason
    assert "Two weeks running: if fewer days a week fit your life better" in history.adjustments[1].reason
    assert week_of(plan, history, day_of(3, 0)) == 1
    for weekday in (0, 2):  # week 3 done: the plan moves on to week 2's doses
        history = check_off(plan, library, history, day_of(3, weekday))
    history = look(plan, history, day_of(4, 0))
    assert week_of(plan, history, day_of(4, 0)) == 2 and len(history.adjustments) == 2


def test_a_hold_in_force_is_not_doubled(plan: Plan, library: Library) -> None:
    held = AdaptationState(frozen_week=2, lag_weeks=0)
    history = History(adjustments=(Adjustment(day_of(2, 0), "hold", "pain", held.dump()),))
    history = check_off(plan, library, history, day_of(2, 2))
    assert repeat_adjustment(plan, held, history, day_of(3, 0), RATE) is None
    assert position(plan, held, day_of(3, 0), RATE)[0] == 2


def test_never_during_a_pause(plan: Plan, library: Library) -> None:
    paused = AdaptationState(pause="relief")
    history = History(adjustments=(Adjustment(day_of(1, 2), "pause", "8/10", paused.dump()),))
    assert repeat_adjustment(plan, paused, history, day_of(2, 0), RATE) is None


def test_a_hold_released_on_the_first_day_of_the_week_is_not_stepped_back(plan: Plan, library: Library) -> None:
    """A hold at week 2 lifted on the Monday of week 3 (a settled morning report) leaves week 3 on week 2's
    doses, where the held week was: the rule sees no move on and does not step back a second time."""
    history = History(adjustments=(Adjustment(day_of(2, 0), "hold", "pain", AdaptationState(frozen_week=2).dump()),
                                   Adjustment(day_of(3, 0), "progress", "ok", AdaptationState(lag_weeks=1).dump())))
    assert repeat_adjustment(plan, AdaptationState(lag_weeks=1), history, day_of(3, 0), RATE) is None


def test_the_gap_rule_and_this_rule_never_both_step_back_for_one_break(plan: Plan, library: Library) -> None:
    """Week 5: Monday done, then nothing. The Monday of week 6 repeats week 5 (a 7-day break is not a gap);
    the Tuesday, 8 days on, the gap rule steps down one from where the person left off (week 5), not from
    the repeat: week 4, never week 3."""
    history = History()
    for week in range(1, 5):
        for weekday in (0, 2, 4):
            history = check_off(plan, library, history, day_of(week, weekday))
    history = check_off(plan, library, history, day_of(5, 0))
    history = look(plan, history, day_of(6, 0))
    assert [a.kind for a in history.adjustments] == ["repeat"]
    assert week_of(plan, history, day_of(6, 0)) == 5
    history = look(plan, history, day_of(6, 1))
    assert [a.kind for a in history.adjustments] == ["repeat", "gap"]
    assert "at week 4's doses" in history.adjustments[-1].reason
    assert week_of(plan, history, day_of(6, 2)) == 4
    history = look(plan, history, day_of(6, 4))
    assert len(history.adjustments) == 2
    # Seen first on the Tuesday, the same break records the gap rule alone, with the same result.
    alone = look(plan, replace(history, adjustments=()), day_of(6, 1))
    assert [a.kind for a in alone.adjustments] == ["gap"]
    assert week_of(plan, alone, day_of(6, 2)) == 4


def test_a_week_begun_after_a_break_counts_from_the_return(plan: Plan, library: Library) -> None:
    """Back on the Wednesday after a break (the gap rule steps down that day): Monday was part of the break,
    so the week's Wednesday alone of its two sessions since is enough to move on."""
    history = History()
    for weekday in (0, 2, 4):
        history = check_off(plan, library, history, day_of(1, weekday))
    history = check_off(plan, library, history, day_of(3, 2))
    assert [a.kind for a in history.adjustments] == ["gap"]
    assert week_work(plan, history, 3) == (1, 0, 2)
    history = look(plan, history, day_of(4, 0))
    assert [a.kind for a in history.adjustments] == ["gap"]


def test_an_easier_week_still_comes(plan: Plan, library: Library) -> None:
    """Week 4 is a planned easier week: repeating week 3 instead would be more volume than the plan gives."""
    easier = next(w.number for w in plan.weeks if w.deload)
    history = History()
    for week in range(1, easier - 1):
        for weekday in (0, 2, 4):
            history = check_off(plan, library, history, day_of(week, weekday))
    history = check_off(plan, library, history, day_of(easier - 1, 0))
    assert repeat_adjustment(plan, AdaptationState(), history, day_of(easier, 0), RATE) is None


@pytest.mark.parametrize("pattern", ["100", "000", "110", "010", "111", "001"])
def test_it_never_moves_anyone_on(plan: Plan, library: Library, pattern: str) -> None:
    """Whatever was done, each week's position with the rule is never past the calendar's, and never past
    one more than the week before's."""
    history = History()
    previous = 1
    for week in range(1, 7):
        for weekday, mark in zip((0, 2, 4), pattern, strict=True):
            history = look(plan, history, day_of(week, weekday))
            if mark == "1":
                history = check_off(plan, library, history, day_of(week, weekday))
        at = week_of(plan, look(plan, history, day_of(week, 4)), day_of(week, 4))
        assert at <= calendar_week(plan, day_of(week, 4)) and at <= previous + 1, (pattern, week, at)
        previous = at


def test_simulate_runs_the_rule_from_a_short_week(plan: Plan, library: Library) -> None:
    """Today is the Friday of week 5 with Monday and Wednesday missed: the projection (every session from
    today done) repeats week 5's doses in week 6, as the first look at that Monday then does."""
    history = History()
    for week in range(1, 5):
        for weekday in (0, 2, 4):
            history = check_off(plan, library, history, day_of(week, weekday))
    friday = day_of(5, 4)
    weeks = project_pain(plan, library, AdaptationState(), history, friday, RATE, 1, weeks=3)
    assert any(r.startswith("Last week 1 of 3 sessions was done") for w in weeks for r in w.reasons)
    after = check_off(plan, library, history, friday)
    after = look(plan, after, day_of(6, 0))
    monday = day_view(plan, library, state_of(after), after, day_of(6, 0), RATE, day_of(6, 0))
    projected = next(s for w in weeks for s in w.sessions if s.date == day_of(6, 0))
    assert [(p.id, p.sets, p.reps, p.hold_seconds) for p in projected.exercises] == \
        [(p.id, p.sets, p.reps, p.hold_seconds) for p in monday.exercises]
    assert monday.week == 5


def test_a_session_checked_off_late_moves_the_week_on_after_all(plan: Plan, library: Library) -> None:
    """Friday's session was done but checked off on Monday, after Monday's first look repeated the week: the
    repeat is taken back, and the plan moves on after all."""
    history = History()
    for weekday in (0, 2, 4):
        history = check_off(plan, library, history, day_of(1, weekday))
    history = check_off(plan, library, history, day_of(2, 0))
    monday = day_of(3, 0)
    history = look(plan, history, monday)
    assert week_of(plan, history, monday) == 2
    view = day_view(plan, library, state_of(history), history, day_of(2, 4), RATE, day_of(2, 4))
    record = session_record(view)
    assert record is not None
    history = replace(history, completions=(*history.completions, *(
        Completion(day_of(2, 4), p.id, "done", p.sets, p.reps, p.hold_seconds, p.minutes) for p in view.exercises)),
        sessions=(*history.sessions, record))
    history = look(plan, history, monday)
    assert [a.kind for a in history.adjustments] == ["repeat", "repeat"]
    assert "moves on to week 3's doses after all" in history.adjustments[-1].reason
    assert week_of(plan, history, monday) == 3
    assert look(plan, history, day_of(3, 2)).adjustments == history.adjustments  # said once


def test_days_paused_are_not_a_break(plan: Plan, library: Library) -> None:
    """A relief pause from the Friday of week 1 to the Monday of week 3: the gap rule counts from the resume,
    so the first check-off after it (Wednesday) is not taken for a return from a break, and week 2, all of
    it paused, is not counted against the person either."""
    from planner.domain.pain.moving_on import gap_adjustment

    history = History()
    for weekday in (0, 2, 4):
        history = check_off(plan, library, history, day_of(1, weekday))
    paused = AdaptationState(pause="relief")
    resumed = AdaptationState(frozen_week=1, factor=0.5, growing_since=day_of(3, 0))
    history = replace(history, adjustments=(Adjustment(day_of(1, 4), "pause", "8/10", paused.dump()),
                                            Adjustment(day_of(3, 0), "resume", "settled", resumed.dump())))
    assert gap_adjustment(plan, resumed, history, day_of(3, 2), RATE) is None
    assert week_work(plan, history, 2) == (0, 0, 0)


def test_a_session_with_all_but_one_exercise_done_counts_as_done(plan: Plan, library: Library) -> None:
    """One exercise left undone in every session (a farmer's walk without a weight at home) no longer holds
    the whole plan on one week: the session counts as done, and that exercise stays behind on its own track
    (tests/domain/test_track_position.py). Two left undone is a session done in part."""
    def leave_out(history: History, day: dt.date, count: int) -> History:
        history = look(plan, history, day)
        view = day_view(plan, library, state_of(history), history, day, RATE, day)
        own = [p for p in view.exercises if not p.apart]
        chosen = own[:len(own) - count]
        return replace(history, completions=(*history.completions, *(
            Completion(day, p.id, "done", p.sets, p.reps, p.hold_seconds, p.minutes) for p in chosen)),
            sessions=(*history.sessions, session_record(view)))

    one = History()
    two = History()
    for weekday in (0, 2, 4):
        one = leave_out(one, day_of(1, weekday), 1)
        two = leave_out(two, day_of(1, weekday), 2)
    assert week_work(plan, one, 1) == (3, 0, 3)
    assert repeat_adjustment(plan, AdaptationState(), one, day_of(2, 0), RATE) is None
    assert week_work(plan, two, 1) == (0, 3, 3)
    assert repeat_adjustment(plan, AdaptationState(), two, day_of(2, 0), RATE) is not None
