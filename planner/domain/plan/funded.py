"""A big-three exercise that joins a program later is paid for by the stretches' third sets.

Gentle return is mostly easy mobility and stretches, with one strength exercise (the bridge, from week 3).
Review 8 found about 70% of its 12 weeks was stretching; a physiotherapist would add one of McGill's big
three once the back has taken the bridge for some weeks, at its gentlest form and in short holds (the side
plank on the knees, 4-2 holds of 10 seconds on each side), and pay for its minutes with the stretches:
two holds of a stretch are already within the ACSM's 2 to 4, so the third goes first.

So when a big-three slot (``curl-up``, ``side-plank``, ``bird-dog``) joins the plan after week 1
(``from_week`` on the program's slot), every stretch of the plan keeps two sets from that week on: a stretch
at three sets goes down to two that week, and none takes a third set after it (the sets' cap is two for the
rest of the plan). The week says so, naming each stretch and its dose. If the slot's join is put off (no
room that week, or an easier week), the stretches wait with it.
"""

from __future__ import annotations

from dataclasses import replace

from planner.domain.plan.big_three import BIG_THREE
from planner.domain.plan.doses import dose_text
from planner.domain.plan.progression import TrackState, is_stretch
from planner.domain.plan.sessions import SessionPlanner

TWO_SETS = 2


def big_three_joining(builder: SessionPlanner, number: int) -> list[int]:
    """The program's big-three slots due to join in week ``number`` (after week 1)."""
    return [index for index, spec in enumerate(builder.program.slots)
            if spec.from_week > 1 and spec.slot.value in BIG_THREE and builder.joins[index] == number
            and builder.chains[index]]


def two_sets(state: TrackState) -> TrackState:
    """A stretch kept to two sets: its dose, and its sets' cap for the rest of the plan."""
    exercise = state.exercise
    sets = exercise.progression.sets
    if sets is not None and sets.cap > TWO_SETS:
        exercise = replace(exercise, progression=replace(exercise.progression, sets=replace(sets, cap=TWO_SETS)))
    return TrackState(exercise, replace(state.dose, sets=min(state.dose.sets, TWO_SETS)))


def fund(states: dict[str, TrackState]) -> tuple[dict[str, TrackState], list[str]]:
    """``states`` with every stretch kept to two sets, and "child's pose 3×30s → 2×30s" for each that drops."""
    out, changes = dict(states), []
    for track, state in states.items():
        if not is_stretch(state.exercise):
            continue
        out[track] = two_sets(state)
        if out[track].dose.sets < state.dose.sets:
            changes.append(f"{state.exercise.name.lower()} {_dose(state)} → {_dose(out[track])}")
    return out, changes


def _dose(state: TrackState) -> str:
    d, e = state.dose, state.exercise
    return dose_text(e.kind, d.sets, d.reps, d.hold_seconds, d.minutes, d.seconds_per_rep, per_side=e.per_side)


def funded_words(names: list[str], changes: list[str], after_easier: bool) -> str:
    """The week's reason: what joins, why, and what pays for it."""
    what = " and ".join(names)
    paid = (f"; to make room, the stretches keep two sets from this week ({'; '.join(changes)}): two holds of a "
            "stretch are already within the guidance" if changes else "; the stretches keep two sets from this week")
    return (f"{what} joins as the program's second strength exercise, one of McGill's big three for the trunk's "
            f"endurance, at its gentlest form and in short holds, now the back has had weeks of the bridge"
            f"{' and a lighter week' if after_easier else ''}{paid}.")
