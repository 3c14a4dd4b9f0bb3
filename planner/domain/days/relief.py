"""The relief routine, for a back that has just seized or a paused plan: the same everywhere.

In the order that usually helps (and that NICE's advice to stay active suggests):
first small, easy movements, then a supported rest position, then warmth on the
sore area with a timer, then slow breathing, and a short walk when you can.
Heat is the default; cold suits only the first day or two after an injury, and
the two are never offered in the same routine. Each step is chosen by its slot
(:mod:`planner.domain.plan.choice`), so a library of one's own can fill it.
"""

from __future__ import annotations

from planner.domain.library.loading import Library
from planner.domain.library.models import SlotSpec
from planner.domain.library.slots import Slot
from planner.domain.plan.choice import chains_for
from planner.domain.plan.model import Prescription, prescribe
from planner.domain.plan.progression import starting_dose

# (slot, how many, preferred chains: tried first, in order, when the library has them).
ROUTINE: tuple[tuple[Slot, int, tuple[str, ...]], ...] = (
    (Slot.GENTLE_MOVEMENT, 2, ("supine-knee-rocks", "pelvic-tilt", "single-knee-to-chest")),
    (Slot.REST_POSITION, 1, ("rest-pillows-under-knees", "rest-side-lying")),
    (Slot.HEAT_COLD, 1, ("heat-therapy",)),
    (Slot.BREATHING, 1, ()),
    (Slot.WALK, 1, ("short-walk",)),
)


def relief_routine(library: Library) -> list[Prescription]:
    """Movement, a rest position, heat (with its timer on the Relief screen), breathing, a short walk."""
    items: list[Prescription] = []
    for slot, count, preferred in ROUTINE:
        known = [c for c in preferred if c in library.exercises and slot in library.exercises[c].slots]
        chains = chains_for(library, SlotSpec(slot=slot, chains=known), 1) if known else []
        chains += [c for c in chains_for(library, SlotSpec(slot=slot), 1) if c not in chains]
        for chain in chains[:count]:
            if any(p.track == chain[0] for p in items):
                continue
            exercise = library.exercises[chain[0]]
            items.append(prescribe(exercise, starting_dose(exercise), chain[0], slot.value))
    return items
