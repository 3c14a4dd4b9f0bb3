"""Another exercise for the same purpose, for one that pain or tingling took out of the plan.

When an exercise hurts even at its easiest variant, it is dropped. Without a replacement its slot stays empty
for the rest of the plan: no curl-up slot, no stretch to finish. A physiotherapist would offer another exercise
for the same movement, started gently. The replacement is:

1. another chain of the same program slot, chosen by purpose (:func:`chains_for`), then one kept for that slot
   alone (``replacement_only``: the side-lying leg lift for the side plank), else
2. any chain of the same kind of work (core, mobility, stretch) that works the dropped exercise's main area
   (its first target), starting no harder than the dropped exercise; for a stretch, any other stretch, and
   when every one is already in the plan, one of those (a session that had only the dropped stretch then
   does that one, so no session loses all its stretches),

never one the plan already uses (but that last case), never one that bends the lower back the other way
(a neutral pelvic tilt is not replaced by lying on the elbows: the plan may be keeping that direction out),
and never a stretch for the same area as a dropped stretch (it would pull on the same tissue). While tingling in a leg is reported, the replacement is never a
stretch that pulls on the nerve (:data:`planner.domain.pain.tingling.NERVE_LOADING`), so a session keeps a
stretch that does not. Side trunk work is never replaced by front trunk work (abdominal bracing for a side
plank): with no side work left, the slot stays empty rather than doing something else under its name.

The replacement starts at its easiest variant and first dose and then moves up its own progression (reps, then
sets), a step for each week the person's place in the plan moves on (not while a hold or a cut keeps it), never
above the volume planned for what it replaces (:func:`replacement_dose`).
"""

from __future__ import annotations

from planner.domain.library.loading import Library
from planner.domain.library.models import Category, Direction, Dose, Exercise
from planner.domain.plan.choice import all_chains, chains_for, serving_chains
from planner.domain.plan.model import Plan
from planner.domain.plan.progression import (
    TrackState,
    dose_volume,
    is_stretch,
    next_step,
    scaled_dose,
    starting_dose,
)

REPLACEABLE = (Category.CORE, Category.FLEXIBILITY, Category.MOBILITY)


def replacement_for(library: Library, plan: Plan, track: str, unavailable: set[str]) -> str | None:
    """The chain (its easiest id) to take ``track``'s place, or ``None`` when none fits.

    ``unavailable``: tracks already dropped or replacing another.
    """
    gone = library.exercises.get(track)
    program = library.programs.get(plan.inputs.program)
    if gone is None or program is None or gone.category not in REPLACEABLE:
        return None
    in_plan = {p.track for session in plan.sessions() for p in session.exercises}
    slots = {p.slot for session in plan.sessions() for p in session.exercises if p.track == track}

    def fits(chain: list[str], fresh: bool = True) -> bool:
        first: Exercise = library.exercises[chain[0]]
        return (chain[0] != track and (not fresh or chain[0] not in in_plan) and chain[0] not in unavailable
                and first.category is gone.category
                and first.direction in (gone.direction, Direction.NEUTRAL)
                and not (is_stretch(gone) and set(first.targets) & set(gone.targets)))

    for spec in program.slots:
        if spec.slot.value in slots:
            same = [*chains_for(library, spec, plan.inputs.level),
                    *serving_chains(library, spec.slot.value, replacements=True)]
            chosen = next((chain for chain in same if fits(chain)), None)
            if chosen is not None:
                return chosen[0]
    areas = set(gone.targets)
    main = gone.targets[0]

    def near(chain: list[str]) -> bool:
        first = library.exercises[chain[0]]
        return (not first.replacement_only and first.level <= gone.level
                and (is_stretch(gone) or main in first.targets))

    def best(chains: list[list[str]]) -> str:
        return min(chains, key=lambda c: (-len(areas & set(library.exercises[c[0]].targets)),
                                          gone.level - library.exercises[c[0]].level, c[0]))[0]

    nearby = [chain for chain in all_chains(library) if fits(chain) and near(chain)]
    if nearby:
        return best(nearby)
    if is_stretch(gone):  # every other stretch is in the plan already: one of them, so no session goes without
        kept = [chain for chain in all_chains(library) if fits(chain, fresh=False) and near(chain)]
        return best(kept) if kept else None
    return None


def replacement_dose(exercise: Exercise, volume: int, steps: int = 0) -> Dose:
    """The replacement's dose in a place planned at ``volume`` seconds, ``steps`` weeks of the plan after it
    came in: its first dose, moved up its own progression (reps, then sets, as its file says) one step a week,
    never above ``volume``; below its first dose (scaled down) when even that is more."""
    dose = starting_dose(exercise)
    if volume <= 0:
        return dose
    if dose_volume(exercise, dose) > volume:
        return scaled_dose(TrackState(exercise, dose), volume / dose_volume(exercise, dose))
    for _ in range(max(0, steps)):
        step = next_step(TrackState(exercise, dose), None)
        if step is None or dose_volume(exercise, step.state.dose) > volume:
            break
        dose = step.state.dose
    return dose
