"""Another exercise for the same purpose, for one that pain or tingling took out of the plan.

When an exercise hurts even at its easiest variant, it is dropped. Without a replacement its slot stays empty for the rest of the plan: no curl-up slot,
no stretch to finish. A physiotherapist would offer another exercise for the same purpose,
started gently. The replacement is:

1. another chain of the same program slot, chosen by purpose (:func:`chains_for`), else
2. any chain of the same kind of work (core, mobility, stretch) that works the same areas,
   starting no harder than the dropped exercise,

never one the plan already uses, and never a stretch for the same area as a dropped stretch
(it would pull on the same tissue). While tingling in a leg is reported, the replacement is never a
stretch that pulls on the nerve (:data:`planner.domain.pain.tingling.NERVE_LOADING`), so a session keeps a
stretch that does not. The replacement starts at its easiest variant and first dose, never above the volume it replaces
(see :mod:`planner.domain.days.day`).
"""

from __future__ import annotations

from planner.domain.library.loading import Library
from planner.domain.library.models import Category, Exercise
from planner.domain.plan.choice import all_chains, chains_for
from planner.domain.plan.model import Plan
from planner.domain.plan.progression import is_stretch

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

    def fits(chain: list[str]) -> bool:
        first: Exercise = library.exercises[chain[0]]
        return (chain[0] not in in_plan and chain[0] not in unavailable and first.category is gone.category
                and not (is_stretch(gone) and set(first.targets) & set(gone.targets)))

    for spec in program.slots:
        if spec.slot.value in slots:
            for chain in chains_for(library, spec, plan.inputs.level):
                if fits(chain):
                    return chain[0]
    areas = set(gone.targets)
    nearby = [chain for chain in all_chains(library) if fits(chain)
              and library.exercises[chain[0]].level <= gone.level
              and (is_stretch(gone) or areas & set(library.exercises[chain[0]].targets))]
    if not nearby:
        return None
    best = min(nearby, key=lambda c: (-len(areas & set(library.exercises[c[0]].targets)),
                                      gone.level - library.exercises[c[0]].level, c[0]))
    return best[0]

