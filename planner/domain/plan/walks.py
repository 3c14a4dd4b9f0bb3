"""Walks done apart from the session: a few more minutes each full week, towards about half an hour.

A walk inside a session competes with the strength and stretch work for the minutes asked
for, so in the core programs it shrank as that work grew (and at 20 minutes there was none).
A walk *apart* (``apart = true`` on the program's walk slot) is done at any time that day:
it takes none of the session's minutes, starts at the walk's own dose (10 minutes for the
easy walk) and each full week grows by the program's weekly limit (``max_weekly_increase``,
8-10%) on its own minutes, in whole minutes and at least one, never more than the program's
``walk_step_minutes``, up to the walk's cap (30 minutes). From 10 minutes that is 10, 11, 12, 13 ...:
about 19 minutes after twelve weeks, on the way to half an hour over the months that follow. An easier week keeps it as it was, neither cut nor
grown; a week held or eased for pain repeats the held week's walk (see
:mod:`planner.domain.days.day`). Walking is outside the 10%-a-week limit, which is for the
strength and stretch work.

With ``walk_days = "all"`` (the default) the same walk, at the same minutes, is offered on the
days between the sessions too, with its own tick box (:func:`planner.domain.days.adapted.rest_day_walks`);
it is counted apart from the sessions, so a missed walk never makes a session partial.

Why: in the WalkBack trial (Pocovi et al., Lancet 2024) a progressive walking programme with
education kept people free of a recurrence of low back pain for longer; its walking was built up
gradually over months (towards about 30 minutes, five times a week, by six months), not in weeks.
NICE NG59 advises staying active. A 3-minute weekly step (10 → 13 → 16 ...) was +30% a week at the
start, three times the limit the rest of the plan keeps to.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from planner.domain.plan.progression import TrackState

if TYPE_CHECKING:
    from planner.domain.plan.model import PlanInputs
    from planner.domain.plan.sessions import Item, SessionPlanner

# The smallest and largest weekly rise of a walk, in minutes (the range of walk_step_minutes).
LEAST_WALK_STEP = 2
MOST_WALK_STEP = 5
# WalkBack's walking days a week at its target (about five: "most days").
WALKBACK_DAYS = 5


def walk_days(inputs: PlanInputs) -> int:
    """The days a week the walk apart is offered: every day, or the session days only."""
    return 7 if inputs.walk_days == "all" else len(inputs.days)


def walk_days_words(inputs: PlanInputs) -> str:
    days = walk_days(inputs)
    return f"{days} day{'s' if days != 1 else ''} a week"


def walk_cap(state: TrackState) -> int:
    """The walk's top: its ``progression.minutes.cap`` (30 minutes for the easy walk)."""
    step = state.exercise.progression.minutes
    return step.cap if step else state.dose.minutes or 0


def walk_rise(minutes: int, limit: float, most: int) -> int:
    """A week's rise of a walk apart: the weekly limit on its own minutes, in whole minutes, at least one.

    One minute is the smallest step a person can time, so a 10-minute walk at an 8% limit still takes
    one (10%); from about 12 minutes on, a minute is within the limit. ``most`` (the program's
    ``walk_step_minutes``) is the largest rise.
    """
    return max(1, min(most, int(minutes * limit + 1e-9)))


def next_walk(state: TrackState, limit: float, most: int = MOST_WALK_STEP) -> TrackState | None:
    """Next week's walk: :func:`walk_rise` more minutes, up to the cap; ``None`` at the cap."""
    minutes, cap = state.dose.minutes or 0, walk_cap(state)
    new = min(minutes + walk_rise(minutes, limit, most), cap)
    if new <= minutes:
        return None
    return TrackState(state.exercise, replace(state.dose, minutes=new))


def grow_walks_apart(builder: SessionPlanner, sessions: list[list[Item]], current: dict[str, TrackState],
                     fresh: frozenset[str]) -> list[str]:
    """One step for each walk apart (in ``current``) and the reason for it: "Easy walk: 10 → 11 min, …"."""
    reasons = []
    tracks = sorted({i.track for items in sessions for i in items if i.spec in builder.apart})
    for track in tracks:
        state = current[track]
        program = builder.program
        grown = None if track in fresh else next_walk(state, program.max_weekly_increase, program.walk_step_minutes)
        if grown is None:
            continue
        current[track] = grown
        before, after, cap = state.dose.minutes, grown.dose.minutes, walk_cap(state)
        goal = f"on the way to {cap}" if (after or 0) < cap else f"its full {cap} minutes"
        reasons.append(f"{state.exercise.name}: {before} → {after} min, {goal} (any time that day, apart from "
                       f"the session), {walk_days_words(builder.inputs)}")
    return reasons


def walks_apart_start(builder: SessionPlanner, sessions: list[list[Item]]) -> list[str]:
    """Week 1's word on each walk apart: where it starts, how it grows, that it is not in the minutes."""
    reasons = []
    for track in sorted({i.track for items in sessions for i in items if i.spec in builder.apart}):
        state = builder.states[track]
        inputs = builder.inputs
        days = (f"every day, session or not: {walk_days_words(inputs)} (WalkBack built up to walking on most days, "
                f"about {WALKBACK_DAYS} a week)" if inputs.walk_days == "all" else
                f"on each session day: {walk_days_words(inputs)} (WalkBack built up to walking on most days, about "
                f"{WALKBACK_DAYS} a week; 'planner plan new --walk-days all' offers it every day)")
        reasons.append(f"{state.exercise.name}: {state.dose.minutes} min {days}, at any time of the "
                       "day and not counted in the session's minutes; each full week it grows by about "
                       f"{builder.program.max_weekly_increase:.0%} (a minute or two) towards {walk_cap(state)}, the "
                       "same gradual build as the rest of the plan.")
    return reasons
