"""Walks done apart from the session: a few more minutes each full week, towards about half an hour.

A walk inside a session competes with the strength and stretch work for the minutes asked
for, so in the core programs it shrank as that work grew (and at 20 minutes there was none).
A walk *apart* (``apart = true`` on the program's walk slot) is done at any time that day:
it takes none of the session's minutes, starts at the walk's own dose (10 minutes for the
easy walk) and adds the program's ``walk_step_minutes`` (2 to 5, 3 by default) each full
week up to the walk's cap (30 minutes). An easier week keeps it as it was, neither cut nor
grown; a week held or eased for pain repeats the held week's walk (see
:mod:`planner.domain.days.day`). Walking is outside the 10%-a-week limit, which is for the
strength and stretch work.

With ``walk_days = "all"`` (the default) the same walk, at the same minutes, is offered on the
days between the sessions too, with its own tick box (:func:`planner.domain.days.adapted.rest_day_walks`);
it is counted apart from the sessions, so a missed walk never makes a session partial.

Why: in the WalkBack trial (Pocovi et al., Lancet 2024) a progressive walking programme with
education kept people free of a recurrence of low back pain for longer; NICE NG59 advises
staying active.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from planner.domain.plan.progression import TrackState

if TYPE_CHECKING:
    from planner.domain.plan.sessions import Item, SessionPlanner

# The smallest and largest weekly rise of a walk, in minutes (the range of walk_step_minutes).
LEAST_WALK_STEP = 2
MOST_WALK_STEP = 5


def walk_cap(state: TrackState) -> int:
    """The walk's top: its ``progression.minutes.cap`` (30 minutes for the easy walk)."""
    step = state.exercise.progression.minutes
    return step.cap if step else state.dose.minutes or 0


def next_walk(state: TrackState, step: int) -> TrackState | None:
    """Next week's walk: ``step`` minutes more up to the cap, never a rise under 2 or over 5 minutes.

    Near the cap the last rise is evened out (27 → 30 rather than 29 → 30, which is a single minute).
    """
    minutes, cap = state.dose.minutes or 0, walk_cap(state)
    new = min(minutes + step, cap)
    if 0 < cap - new < LEAST_WALK_STEP:
        new = cap if cap - minutes <= MOST_WALK_STEP else cap - LEAST_WALK_STEP
    if new - minutes < LEAST_WALK_STEP:
        return None
    return TrackState(state.exercise, replace(state.dose, minutes=new))


def grow_walks_apart(builder: SessionPlanner, sessions: list[list[Item]], current: dict[str, TrackState],
                     fresh: frozenset[str]) -> list[str]:
    """One step for each walk apart (in ``current``) and the reason for it: "Easy walk: 10 → 13 min, …"."""
    reasons = []
    tracks = sorted({i.track for items in sessions for i in items if i.spec in builder.apart})
    for track in tracks:
        state = current[track]
        grown = None if track in fresh else next_walk(state, builder.program.walk_step_minutes)
        if grown is None:
            continue
        current[track] = grown
        before, after, cap = state.dose.minutes, grown.dose.minutes, walk_cap(state)
        goal = f"on the way to {cap}" if (after or 0) < cap else f"its full {cap} minutes"
        reasons.append(f"{state.exercise.name}: {before} → {after} min, {goal} (any time that day, apart from "
                       "the session)")
    return reasons


def walks_apart_start(builder: SessionPlanner, sessions: list[list[Item]]) -> list[str]:
    """Week 1's word on each walk apart: where it starts, how it grows, that it is not in the minutes."""
    reasons = []
    for track in sorted({i.track for items in sessions for i in items if i.spec in builder.apart}):
        state = builder.states[track]
        days = ("every day, session or not (walking most days, as in WalkBack)" if builder.inputs.walk_days == "all"
                else "on each session day")
        reasons.append(f"{state.exercise.name}: {state.dose.minutes} min {days}, at any time of the "
                       "day and not counted in the session's minutes; "
                       f"{builder.program.walk_step_minutes} min more each full week up to {walk_cap(state)}.")
    return reasons
