"""The person's position, not the calendar, decides the week (issue 25, "What to build" 2): an easier week
comes after three progressing weeks of the person's own and never during a hold; a cut meeting an easier
week takes the lower of the two, not their product. Runs the engine ``planner simulate`` runs, in process."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
from dataclasses import replace

import pytest

from planner.domain.days import session_run
from planner.domain.days.day import day_view, session_record
from planner.domain.days.projection import project_pain
from planner.domain.library.loading import Library, Source, load_library
from planner.domain.library.models import Category, Dose
from planner.domain.pain.adaptation import AdaptationState, apply_pain_report
from planner.domain.plan.builder import build_plan
from planner.domain.plan.doses import TRANSITION_SECONDS
from planner.domain.plan.model import Plan, PlanInputs, Prescription, session_minutes
from planner.domain.plan.progression import is_round
from planner.domain.records import Completion, History, PainReport
from planner.locations import built_in_library

START = dt.date(2026, 3, 2)  # a Monday


@pytest.fixture(scope="module")
def plan(library: Library) -> Plan:
    return build_plan(PlanInputs(program="core-foundation", days=["mon", "wed", "fri"], minutes=30, level=1,
                                 weeks=12, start=START), library)


def session_load(items: list) -> int:
    return sum(p.volume_seconds for p in items if not p.apart)


def test_a_hold_has_no_easier_week_and_no_harder_work_in_week_8(plan: Plan, library: Library) -> None:
    """The issue's story: every session 5 after and 3 the next morning. The plan holds at week 1 for twelve
    weeks: the calendar's easier weeks 4 and 8 neither lift the hold (no curl-up 6-4, no full side plank, no
    farmer's walk) nor come during it (the held doses stay, not cut to an easier week's)."""
    weeks = project_pain(plan, library, AdaptationState(), History(), START, 0.1, 5, morning=3, weeks=12)
    first = [p.id for p in weeks[0].sessions[0].exercises]
    held = {s.volume_seconds for s in weeks[1].sessions}
    for week in weeks[1:]:
        assert not week.easier, week.number
        for session in week.sessions:
            assert session.volume_seconds in held, (week.number, session.date, session.volume_seconds, held)
    eighth = weeks[7].sessions
    assert all({p.id for p in s.exercises} <= set(first) | {p.id for s in weeks[0].sessions for p in s.exercises}
               for s in eighth)
    assert not {"farmers-walk", "side-plank", "curl-up"} & {p.id for s in eighth for p in s.exercises}


def test_a_cut_meeting_an_easier_week_takes_the_lower_of_the_two(plan: Plan, library: Library) -> None:
    """A cut to 70% made while the person is on an easier week (about 65% of the week before): the next
    sessions are the lower of the two shares of the full week, not 70% of 65% (about 46%)."""
    easier = next(w for w in plan.weeks if w.deload)
    full = plan.weeks[easier.number - 2]
    state = AdaptationState(frozen_week=easier.number, factor=0.7, ceiling=1.0)
    for slot, session in enumerate(easier.sessions):
        view = day_view(plan, library, state, History(), session.date, 0.1)
        shown = session_load(view.exercises)
        whole = session_load(full.sessions[slot].exercises)
        easier_share = session_load(session.exercises) / whole
        lower = min(0.7, easier_share)
        assert view.week == full.number
        training = [sum(p.volume_seconds for p in s.exercises if p.category in TRAINING and not p.apart)
                    for s in (session, full.sessions[slot])]
        said = min(0.7, training[0] / training[1])
        assert f"Today's volume is {said:.0%} of the plan's week {full.number}." in view.reasons, view.reasons
        assert shown >= 0.85 * lower * whole, (slot, shown, whole, easier_share)
        assert shown <= 1.05 * lower * whole, (slot, shown, whole, easier_share)


# --- the plans as built: every program x minutes {15, 20, 30, 45} x level -------------------------------------

PROGRAMS = sorted(load_library([Source(built_in_library(), built_in=True)]).programs)
TRAINING = (Category.CORE, Category.FLEXIBILITY)  # strength and stretch work: what the weekly rules bound


@functools.cache
def plans_of(program: str) -> list[Plan]:
    """Every plan of ``program`` over the minutes and levels, built once for all the properties below."""
    library = load_library([Source(built_in_library(), built_in=True)])
    return [build_plan(PlanInputs(program=program, days=["mon", "wed", "fri"], minutes=minutes, level=level,
                                  weeks=12, start=START), library)
            for minutes in (15, 20, 30, 45) for level in range(1, 6)]


def label(plan: Plan, week: int) -> str:
    return f"{plan.inputs.program} {plan.inputs.minutes} min level {plan.inputs.level} week {week}"


@functools.cache
def plans_easing(program: str, eases: str) -> list[Plan]:
    """Plans with an answer to "which eases your back?" (what it leaves out comes back after four weeks)."""
    library = load_library([Source(built_in_library(), built_in=True)])
    return [build_plan(PlanInputs(program=program, days=["mon", "wed", "fri"], minutes=minutes, level=level,
                                  weeks=12, start=START, eases=eases), library)
            for minutes in (15, 30) for level in (1, 3, 5)]


@pytest.mark.parametrize("program", PROGRAMS)
@pytest.mark.parametrize("eases", ["neither", "forward", "back"])
def test_at_most_one_new_or_harder_movement_a_week(program: str, eases: str) -> None:
    """One change a week, loaded movements included, so that if the back complains the cause is plain (core
    foundation at level 4 brought a Pallof press, sit to stand with a weight and a suitcase carry in week 5;
    the exercises an "eases" answer left out all came back in week 5)."""
    for plan in plans_of(program) if eases == "neither" else plans_easing(program, eases):
        seen: set[str] = set()
        for week in plan.weeks:
            ids = {p.id for s in week.sessions for p in s.exercises if p.category is not Category.RELIEF}
            if week.number > 1:
                assert len(ids - seen) <= 1, (label(plan, week.number), sorted(ids - seen))
            seen |= ids


CORE_PROGRAMS = [p for p in PROGRAMS if {"curl-up", "side-plank", "bird-dog"} <= {
    s.slot.value for s in load_library([Source(built_in_library(), built_in=True)]).programs[p].slots}]


@pytest.mark.parametrize("program", CORE_PROGRAMS)
def test_short_sessions_still_progress(library: Library, program: str) -> None:
    """At 15 minutes, level 1, a core program moves at least two exercises to their harder variant in 12
    weeks: when the minutes leave no room for more volume, the harder variant takes the easier one's place."""
    plan = plans_of(program)[0]
    assert (plan.inputs.minutes, plan.inputs.level) == (15, 1)
    variants: dict[str, list[str]] = {}
    for week in plan.weeks:
        for p in (p for s in week.sessions for p in s.exercises):
            if p.id not in variants.setdefault(p.track, []):
                variants[p.track].append(p.id)
    promoted = {t: ids for t, ids in variants.items() if len(ids) > 1 and all(
        library.easier_of.get(b) == a for a, b in zip(ids, ids[1:], strict=False))}
    assert sum(len(ids) - 1 for ids in promoted.values()) >= 2, variants
    assert any("has no room to grow in your 15 minutes" in r for w in plan.weeks for r in w.reasons)


@pytest.mark.parametrize("program", PROGRAMS)
def test_no_exercise_rises_more_than_a_set_or_half_its_volume_in_a_week(library: Library, program: str) -> None:
    """A single exercise grows by one set, or by at most half its volume (side plank 4-2 → 6-4 was +67%), and
    every dose stays round: whole numbers, holds above 10 s in steps of 5, descending sets above zero."""
    for plan in plans_of(program):
        last: dict[str, tuple[int, int]] = {}
        for week in plan.weeks:
            now: dict[str, tuple[int, int]] = {}
            for p in (p for s in week.sessions for p in s.exercises if p.category in TRAINING):
                exercise = library.exercises[p.id]
                dose = Dose(sets=p.sets, reps=p.reps, hold_seconds=p.hold_seconds, minutes=p.minutes,
                            descending=p.descending)
                assert is_round(exercise, dose), (label(plan, week.number), p.id, p.dose_text())
                now[p.id] = max(now.get(p.id, (0, 0)), (p.volume_seconds, p.sets))
            for exercise_id, (volume, sets) in now.items():
                if week.deload or exercise_id not in last:
                    continue
                before, before_sets = last[exercise_id]
                assert sets <= before_sets + 1, (label(plan, week.number), exercise_id)
                assert sets > before_sets or volume <= 1.5 * before, (label(plan, week.number), exercise_id,
                                                                      before, volume)
            if not week.deload:
                last = now


def runner_seconds(items: tuple[Prescription, ...]) -> int:
    """How long the session runner counts ``items`` with its timer: every hold, rep, let-go between holds,
    roll-over to the other side and rest between sets, one second at a time."""
    run = session_run.begin(items, [p.per_side for p in items], {})
    seconds = 0
    while not session_run.all_closed(run):
        if run.phase is session_run.Phase.READY:
            run = session_run.start(run).run
        else:  # the phase runs its course: its seconds at once, then the clock's last tick moves on
            seconds += run.remaining
            run = session_run.tick(dataclasses.replace(run, remaining=1), 1).run
        assert seconds < 6 * 3600, "the runner never finished"
    return seconds


@pytest.mark.parametrize("program", PROGRAMS)
def test_the_estimated_minutes_cover_the_work_and_rests_the_session_lists(program: str) -> None:
    """A "30 min" session was about 32-34 minutes in the runner: the rolls to the other side and the let-go
    between holds were left out. Each session's estimate covers what the runner counts and the half minute to
    move on to each next exercise, and it still fits in the minutes asked for."""
    sessions = {tuple(p for p in s.exercises if not p.apart): plan.inputs.minutes
                for plan in plans_of(program)[::2] for s in plan.sessions()}
    for items, minutes in sessions.items():
        estimate = sum(p.estimated_seconds for p in items)
        assert runner_seconds(items) + TRANSITION_SECONDS * len(items) <= estimate, [p.id for p in items]
        assert session_minutes(list(items)) <= minutes


def test_the_flare_up_worked_in_safety_md(plan: Plan, library: Library) -> None:
    """docs/safety.md's flare-up: 1-2 in weeks 1-2; a 7 after week 3's Monday and a 6 the next morning (one
    cut); 4 and 3 after the other sessions, falling; 2 from week 4 on. Week 4 stays on week 3's doses (the
    calendar's easier week does not come during the cut): the settled Saturday morning lets Monday take the
    first step back up, and Friday is back at the full week-3 doses (a week after Friday's 3 began the
    rebuild); calendar week 5 is the person's own easier week (the plan's week 4).

    It held all of week 4 at the cut before: the 4 and the 3 falling from the 7 were read as "higher than
    the week before" (the 1-2 before the flare), and the first step waited a week after the rebuild began."""
    after, morning = {14: 7, 16: 4, 18: 3}, {15: 6, 17: 3}
    state, history = AdaptationState(), History(usual_pain=2)
    seen: dict[int, list[tuple[int | None, int, list[str]]]] = {}

    def report(day: dt.date, when: str, score: int) -> None:
        nonlocal state, history
        pain = PainReport(day, when, score, settled=score <= 2)
        state, adjustments, _ = apply_pain_report(plan, library, state, history, pain, 0.1)
        history = replace(history, pain=(*history.pain, pain), adjustments=(*history.adjustments, *adjustments))

    for offset in range(49):
        day = START + dt.timedelta(days=offset)
        if offset and (day - dt.timedelta(days=1)).weekday() in (0, 2, 4):
            report(day, "next-morning", morning.get(offset, 2 if offset > 14 else 1))
        if day.weekday() not in (0, 2, 4):
            continue
        view = day_view(plan, library, state, history, day, 0.1, day)
        seen.setdefault(offset // 7 + 1, []).append((view.week, session_load(view.exercises),
                                                      [p.id for p in view.exercises]))
        record = session_record(view)
        assert record is not None
        history = replace(history, sessions=(*history.sessions, record), completions=(*history.completions, *(
            Completion(day, p.id, "done", p.sets, p.reps, p.hold_seconds, p.minutes) for p in view.exercises)))
        report(day, "after", after.get(offset, 2 if offset > 14 else 1))
    cut = seen[3][1]
    assert cut[0] == 3 and cut[1] < 0.75 * seen[3][0][1], "Wednesday of week 3 is cut to about 70%"
    assert [s[0] for s in seen[4]] == [3, 3, 3], "week 4 keeps week 3's doses: no easier week during the cut"
    assert cut[1] < seen[4][0][1] < seen[3][0][1], "Monday of week 4 is a first step up from the cut"
    assert seen[4][2][1] == seen[3][0][1], "Friday of week 4 is back at the full week-3 doses"
    assert {s[0] for s in seen[5]} == {4} and plan.weeks[3].deload, "the person's own easier week"
    assert {s[0] for s in seen[6]} == {5}, "then the plan moves on from where it was"
