"""One new or harder exercise a week, and none during a hold, in the plan as *lived* (issue 25, "What to
build" 2): a harder variant earned late (its easier one's top dose done weeks after the plan moved it up)
is a change of its own. Day by day through the engine Today runs (catch-up, day view, the session record,
pain reports), in process."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.domain.days.adapted import slot_on
from planner.domain.days.day import DayView, day_view, session_record
from planner.domain.days.earned import HELD_WHY
from planner.domain.library.loading import Library
from planner.domain.library.models import Category
from planner.domain.pain.adaptation import AdaptationState, apply_pain_report, position, settle
from planner.domain.pain.moving_on import catch_up
from planner.domain.plan.builder import build_plan
from planner.domain.plan.model import PlanInputs, Prescription
from planner.domain.records import Completion, History, PainReport

START = dt.date(2026, 3, 2)  # a Monday
INCREASE = 0.1
PROGRAMS = ["core-flexibility", "core-foundation", "desk-posture", "first-days-relief", "flexibility",
            "gentle-return"]

Skips = Callable[[int, Prescription], bool]  # (calendar week, item) -> left undone


def live(library: Library, program: str, minutes: int, level: int, skips: Skips,
         pain: Callable[[int], int] = lambda week: 1,
         held: dict[dt.date, bool] | None = None, weeks: int = 12) -> list[tuple[dt.date, int, DayView]]:
    """Twelve weeks of a person who checks off every session except what ``skips`` leaves out, reporting
    ``pain(week)`` after each: (day, calendar week, the day's view) for every session day; ``held`` gets
    whether a hold, cut or rebuild was in force on each."""
    held = {} if held is None else held
    plan = build_plan(PlanInputs(program=program, days=["mon", "wed", "fri"], minutes=minutes, level=level,
                                 weeks=weeks, start=START), library)
    state, history, days = AdaptationState(), History(usual_pain=1), []
    for offset in range(7 * weeks):
        day = START + dt.timedelta(days=offset)
        if slot_on(plan, day) is None:
            continue
        week = offset // 7 + 1
        state, due = catch_up(plan, state, history, day, INCREASE)
        history = replace(history, adjustments=(*history.adjustments, *due))
        view = day_view(plan, library, state, history, day, INCREASE, day)
        held[day] = settle(plan, state, day, INCREASE).frozen_week is not None \
            or position(plan, state, day, INCREASE)[1] < 1.0
        days.append((day, week, view))
        done = tuple(Completion(day, p.id, "done", p.sets, p.reps, p.hold_seconds, p.minutes)
                     for p in view.exercises if not skips(week, p))
        record = session_record(view) if done else None
        history = replace(history, completions=(*history.completions, *done),
                          sessions=(*history.sessions, *([record] if record else [])))
        report = PainReport(day, "after", pain(week), settled=pain(week) <= 2)
        state, adjustments, _ = apply_pain_report(plan, library, state, history, report, INCREASE)
        history = replace(history, pain=(*history.pain, report), adjustments=(*history.adjustments, *adjustments))
    return days


def changes_by_week(days: list[tuple[dt.date, int, DayView]]) -> dict[int, set[str]]:
    seen: set[str] = set()
    weeks: dict[int, set[str]] = {}
    for _, week, view in days:
        if view.status == "paused":
            continue  # the relief routine of a rest-and-relief pause is not the plan moving on
        ids = {p.id for p in view.exercises if p.category is not Category.RELIEF}
        if week > 1:
            weeks.setdefault(week, set()).update(ids - seen)
        seen |= ids
    return weeks


def test_a_harder_variant_earned_late_waits_for_a_week_of_its_own(library: Library) -> None:
    """Core flexibility at 15 minutes: the bridge/hinge work left undone in weeks 3-7 earned the hip hinge
    late, and it came in week 11 together with the plan's own step to the bird dog. Now it waits a week,
    and the day says why. (Since the bird-dog's steps come first, the plan reaches the bird dog in week 6;
    the side plank left undone in weeks 5-7 is the late one now.)"""
    days = live(library, "core-flexibility", 15, 1, lambda week, p: p.slot == "side-plank" and 5 <= week <= 7)
    weeks = changes_by_week(days)
    assert all(len(new) <= 1 for new in weeks.values()), weeks
    waits = [(day, r) for day, _, view in days for r in view.reasons if "this week already brings one" in r]
    assert waits, "a late harder variant waited at least once, with its reason"
    assert all(" waits: you stay on " in r for _, r in waits)


def test_one_exercise_moves_up_one_variant_a_week_at_most(library: Library) -> None:
    """Core flexibility at 15 minutes, the side plank left undone in weeks 3-7: in week 12 the knee side plank
    became the side plank on Monday and the side plank with a leg lift on Friday (two steps of one exercise
    in a week). Now the second waits, and says why."""
    days = live(library, "core-flexibility", 15, 1, lambda week, p: p.slot == "side-plank" and 3 <= week <= 7)
    weeks = changes_by_week(days)
    assert all(len(new) <= 1 for new in weeks.values()), weeks
    # The plan itself now puts a settling week before a harder variant past the big three's named forms, so
    # the knee side plank → side plank → side plank with a leg lift no longer fall in one lived week here.


def test_a_harder_variant_earned_during_a_hold_waits_until_the_hold_ends(library: Library) -> None:
    """Core foundation moves the leg reach on to the bird-dog in week 6. Its top dose (5-3) was done on the
    Friday of week 5 and on Monday and Wednesday of week 6: the bird-dog is earned by Friday. Without a hold it comes on Friday; with a hold in force (pain held week 6) it does
    not, and the day says why: nothing harder while a hold is in force. (The curl-up in week 3 was the
    example until the big three grew by one hold a week.)"""
    plan = build_plan(PlanInputs(program="core-foundation", days=["mon", "wed", "fri"], minutes=30, level=1,
                                 weeks=12, start=START), library)
    top = next(p for s in plan.weeks[4].sessions for p in s.exercises if p.id == "quadruped-leg-reach")
    assert "bird-dog" in {p.id for p in plan.weeks[5].sessions[2].exercises}
    monday, wednesday, friday = (START + dt.timedelta(days=35 + n) for n in (0, 2, 4))
    start = next(p for p in plan.weeks[0].sessions[0].exercises if p.slot == "bird-dog")
    assert start != top
    history = History(usual_pain=1, completions=(
        *(Completion(day, start.id, "done", start.sets, start.reps, start.hold_seconds, start.minutes)
          for day in (START, START + dt.timedelta(days=2))),  # the arm reach, learnt in week 1
        *(Completion(day, top.id, "done", top.sets, top.reps, top.hold_seconds, top.minutes)
          for day in (monday - dt.timedelta(days=3), monday, wednesday))))
    free = day_view(plan, library, AdaptationState(), history, friday, INCREASE, friday)
    assert "bird-dog" in {p.id for p in free.exercises}, free.reasons
    held = day_view(plan, library, AdaptationState(frozen_week=6), history, friday, INCREASE, friday)
    ids = {p.id for p in held.exercises}
    assert "bird-dog" not in ids and "quadruped-leg-reach" in ids
    assert any(HELD_WHY in r for r in held.reasons), held.reasons
    cut = day_view(plan, library, AdaptationState(frozen_week=6, factor=0.7, ceiling=1.0), history, friday,
                   INCREASE, friday)
    assert "bird-dog" not in {p.id for p in cut.exercises}, "nor during a cut"


SLOTS = ["curl-up", "side-plank", "bird-dog", "bridge-hinge", "stretch", "loaded", "none"]


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(program=st.sampled_from(PROGRAMS), minutes=st.sampled_from([15, 20, 30, 45]), level=st.integers(1, 5),
       slot=st.sampled_from(SLOTS), missed=st.tuples(st.integers(2, 8), st.integers(0, 5)),
       sore=st.tuples(st.integers(3, 10), st.integers(0, 3), st.sampled_from([3, 4, 5, 7])))
def test_the_lived_plan_brings_one_change_a_week_and_none_while_held(
        library: Library, program: str, minutes: int, level: int, slot: str, missed: tuple[int, int],
        sore: tuple[int, int, int]) -> None:
    """Property over every program x minutes x level: a person who leaves one slot's work undone for some
    weeks and has a sore spell (a hold or a cut) sees at most one new or harder exercise a week, and while a
    hold, cut or rebuild is in force, nothing they had not been shown before it."""
    first_missed, missed_weeks = missed
    first_sore, sore_weeks, score = sore
    held: dict[dt.date, bool] = {}
    days = live(library, program, minutes, level,
                lambda week, p: p.slot == slot and first_missed <= week < first_missed + missed_weeks,
                pain=lambda week: score if first_sore <= week < first_sore + sore_weeks else 1, held=held)
    weeks = changes_by_week(days)
    assert all(len(new) <= 1 for new in weeks.values()), weeks
    seen: set[str] = set()
    for day, _, view in days:
        if view.status == "paused":
            continue
        ids = {p.id for p in view.exercises if p.category is not Category.RELIEF}
        if held[day]:
            assert ids <= seen, (day, sorted(ids - seen))
        seen |= ids
