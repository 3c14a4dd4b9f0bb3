"""Build a progressive weekly plan from a program template: pure and deterministic.

How a plan comes about:

1. Each block of the template offers *chains* (an exercise and its easier and
   harder variants). The person's level picks where in each chain they start.
2. Week 1's sessions are filled block by block, rotating through the chains
   so that each session differs and every target gets work in the week, until
   the session reaches the template's ``fill`` share of the minutes (the rest
   is room to grow). Later weeks keep the same exercises in the same slots.
3. Each following week takes at most one step up per slot, accepting steps
   only while the week's volume stays within ``max_weekly_increase`` of the
   last full week and every session still fits the minutes.
4. Every ``deload_every``-th week is an easier week at ``deload_factor`` of
   the week before; the next week picks up where the last full week was.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from planner.domain.errors import UsageError
from planner.domain.library.loading import Library, chains_in
from planner.domain.library.models import Block, Exercise, Program
from planner.domain.plan.model import (
    DAY_NAMES,
    WEEKDAYS,
    Plan,
    PlanInputs,
    Prescription,
    Session,
    Week,
    prescribe,
)
from planner.domain.plan.progression import TrackState, dose_volume, next_step, scaled_dose, starting_dose

# An easier week keeps between half and four fifths of the week before (the range of deload_factor).
DELOAD_FLOOR = 0.5
DELOAD_CEILING = 0.8


def _track_prescription(track: str, state: TrackState) -> Prescription:
    return prescribe(state.exercise, state.dose, track)


def starting_variant(library: Library, chain: Sequence[str], level: int) -> Exercise:
    """The hardest variant at or below the person's level (the easiest when none is)."""
    chosen = library.exercises[chain[0]]
    for exercise_id in chain:
        exercise = library.exercises[exercise_id]
        if exercise.level <= level:
            chosen = exercise
    return chosen


def block_chains(library: Library, block: Block) -> list[list[str]]:
    if block.exercises:
        chains: list[list[str]] = []
        for ref in block.exercises:
            chain = library.chain(ref)
            if chain not in chains:
                chains.append(chain)
        return chains
    return chains_in(library, block.category)


def session_dates(inputs: PlanInputs, week_index: int) -> list[dt.date]:
    first = inputs.start + dt.timedelta(days=7 * week_index)
    wanted = {WEEKDAYS.index(d) for d in inputs.days_in_week(week_index)}
    return [d for d in (first + dt.timedelta(days=i) for i in range(7)) if d.weekday() in wanted]


@dataclass
class _Layout:
    """Which tracks each session slot holds, fixed for the whole plan."""

    slots: list[list[str]]
    states: dict[str, TrackState]


def _fits(states: dict[str, TrackState], tracks: Sequence[str], seconds: float) -> bool:
    return _seconds(states, tracks) <= seconds


def _seconds(states: dict[str, TrackState], tracks: Sequence[str]) -> int:
    return sum(states[t].estimated_seconds for t in tracks)


def _layout(program: Program, library: Library, inputs: PlanInputs, sessions_per_week: int) -> _Layout:
    blocks = [block_chains(library, b) for b in program.blocks]
    states: dict[str, TrackState] = {}
    for chains in blocks:
        for chain in chains:
            exercise = starting_variant(library, chain, inputs.level)
            states.setdefault(chain[0], TrackState(exercise, starting_dose(exercise)))
    budget = inputs.minutes * 60
    slots: list[list[str]] = []
    for slot in range(sessions_per_week):
        chosen: list[str] = []
        cursors = [slot * block.count for block in program.blocks]
        tried = [0] * len(blocks)
        progress = True
        while progress and len(chosen) < program.max_exercises:
            progress = False
            for b, (block, chains) in enumerate(zip(program.blocks, blocks, strict=False)):
                taken = 0
                while taken < block.count and tried[b] < len(chains) and len(chosen) < program.max_exercises:
                    track = chains[cursors[b] % len(chains)][0]
                    cursors[b] += 1
                    tried[b] += 1
                    if track in chosen:
                        continue
                    limit = budget * program.fill if chosen else budget
                    if _fits(states, [*chosen, track], limit):
                        chosen.append(track)
                        taken += 1
                        progress = True
        if not chosen:
            shortest = min(_track_prescription(t, s).estimated_seconds for t, s in states.items())
            raise UsageError(
                f"--minutes {inputs.minutes} is too short for '{program.id}': its shortest exercise "
                f"needs {-(-shortest // 60)} minutes"
            )
        slots.append(chosen)
    return _Layout(slots, states)


def _week_volume(layout: _Layout, states: dict[str, TrackState]) -> int:
    return sum(states[t].volume for slot in layout.slots for t in slot)


def _progress(
    program: Program, library: Library, layout: _Layout, states: dict[str, TrackState],
    budget: int, week_number: int,
) -> tuple[dict[str, TrackState], list[str]]:
    """Take at most one step per slot, within the weekly bound and the minutes."""
    current = dict(states)
    base = _week_volume(layout, states)
    bound = base * (1 + program.max_weekly_increase)
    # How many sessions a week hold each track: a trial step changes the week by that many times its own
    # change, so the week is never summed again per trial (that made long plans grow faster than linearly).
    weights = Counter(t for slot in layout.slots for t in slot)
    volume = base
    # Likewise each session's minutes: kept up to date step by step, checked only where the track is.
    seconds = [_seconds(current, slot) for slot in layout.slots]
    slots_of = {t: [i for i, slot in enumerate(layout.slots) if t in slot] for t in current}
    tracks = sorted(current)
    if not tracks:
        return current, []
    offset = (week_number - 1) % len(tracks)
    reasons: list[str] = []
    for track in tracks[offset:] + tracks[:offset]:
        state = current[track]
        harder_id = library.harder_of.get(state.exercise.id)
        step = next_step(state, library.exercises.get(harder_id) if harder_id else None)
        if step is None:
            continue
        trial_volume = volume + weights[track] * (step.state.volume - state.volume)
        if trial_volume > bound:
            continue
        change = step.state.estimated_seconds - state.estimated_seconds
        if not all(seconds[i] + change <= budget for i in slots_of[track]):
            continue
        for i in slots_of[track]:
            seconds[i] += change
        current[track] = step.state
        volume = trial_volume
        reasons.append(step.reason)
    if not reasons:
        reasons.append("Doses stay as they were: every exercise is at its top dose or there is no room to grow.")
    else:
        rise = volume / base - 1 if base else 0
        reasons.insert(0, f"Volume up {rise:.0%} on week before (the limit is {program.max_weekly_increase:.0%}):")
    return current, reasons


def _deload(layout: _Layout, states: dict[str, TrackState], factor: float) -> dict[str, TrackState]:
    """Each slot at about ``factor`` of its volume, and never below the easier week's floor.

    Coarse doses cannot always come close (3 minutes becomes 2 or 1): then the nearest dose
    up to the ceiling is taken rather than cutting the work by two thirds.
    """
    easier = {}
    for track, state in states.items():
        dose = scaled_dose(state, factor)
        if dose_volume(state.exercise, dose) < DELOAD_FLOOR * state.volume:
            higher = scaled_dose(state, DELOAD_CEILING)
            if dose_volume(state.exercise, higher) >= DELOAD_FLOOR * state.volume:
                dose = higher
        easier[track] = TrackState(state.exercise, dose)
    return easier


def _sessions(inputs: PlanInputs, layout: _Layout, states: dict[str, TrackState], index: int) -> list[Session]:
    return [
        Session(date=day, slot=slot, exercises=[_track_prescription(t, states[t]) for t in layout.slots[slot]])
        for slot, day in enumerate(session_dates(inputs, index))
    ]


def build_plan(inputs: PlanInputs, library: Library) -> Plan:
    """Every week and session of the plan, with the reason for each change."""
    program = library.programs.get(inputs.program)
    if program is None:
        raise UsageError(
            f"unknown program '{inputs.program}'; choose one of: {', '.join(sorted(library.programs))}"
        )
    if inputs.start > dt.date.max - dt.timedelta(days=7 * inputs.weeks):
        raise UsageError(f"--start: {inputs.start.isoformat()} is too late: {inputs.weeks} weeks from then "
                         "would run past the year 9999")
    layout = _layout(program, library, inputs, len(inputs.days))
    used = {t for slot in layout.slots for t in slot}
    states = {t: s for t, s in layout.states.items() if t in used}
    budget = inputs.minutes * 60
    weeks: list[Week] = []
    full_week = states
    day_list = ", ".join(DAY_NAMES[WEEKDAYS.index(d)] for d in inputs.days)
    for index in range(inputs.weeks):
        number = index + 1
        if number == 1:
            week_states = states
            reasons = [f"Starting doses for {program.name}, level {inputs.level}, "
                       f"{inputs.minutes} minutes on {day_list}."]
            deload = False
        elif number % program.deload_every == 0:
            week_states = _deload(layout, full_week, program.deload_factor)
            reasons = [f"Easier week: about {program.deload_factor:.0%} of week {number - 1}'s volume, "
                       "so the body can absorb the work before the next step."]
            deload = True
        else:
            week_states, reasons = _progress(program, library, layout, full_week, budget, number)
            deload = False
        if not deload:
            full_week = week_states
        weeks.append(Week(number=number, deload=deload, reasons=reasons,
                          sessions=_sessions(inputs, layout, week_states, index)))
    return Plan(inputs=inputs, program_name=program.name, weeks=weeks)
