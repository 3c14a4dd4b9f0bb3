"""The relief routine, for a back that has just seized or a paused plan: the same everywhere.

One source for every number about it: the Relief screen, ``planner relief``, a
paused plan's day, the heat-or-cold lesson and the pack cards' checks all read
the constants and :func:`relief_items` here.

In the order that usually helps (and that NICE's advice to stay active suggests):
small, easy movements, a supported rest position, warmth on the sore area with a
timer (or cold instead, in the first two days after a strain only; never both),
a glass of water standing up, and a walk. Movement first: lying still takes at most
:data:`~planner.domain.plan.active_first.LYING_SHARE` of the routine's minutes,
the project's own rule for every session, so the walk is made long enough to
keep it. Each step is chosen by its slot (:mod:`planner.domain.plan.choice`), so
a library of one's own can fill it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from typing import Literal

from planner.domain.library.loading import Library
from planner.domain.library.models import SlotSpec
from planner.domain.library.slots import Slot
from planner.domain.plan.active_first import LYING_SHARE, PACK_SHORTEST
from planner.domain.plan.choice import chains_for
from planner.domain.plan.model import Prescription, prescribe
from planner.domain.plan.progression import starting_dose

ReliefKind = Literal["movement", "position", "heat", "cold", "water"]

HEAT_MAX_MINUTES = 20  # longer risks the skin (a burn, or mottling from repeated heat)
COLD_MAX_MINUTES = 15  # longer risks cold injury to the skin
COLD_DAYS = 2  # cold suits only the first days after a strain; heat after that
POSITION_MINUTES = 3  # settling into the rest position before the pack goes on

# (slot, how many, preferred chains: tried first, in order, when the library has them).
ROUTINE: tuple[tuple[Slot, int, tuple[str, ...]], ...] = (
    (Slot.GENTLE_MOVEMENT, 2, ("supine-knee-rocks", "pelvic-tilt", "single-knee-to-chest")),
    (Slot.REST_POSITION, 1, ("rest-pillows-under-knees", "rest-side-lying")),
    (Slot.HEAT_COLD, 2, ("heat-therapy", "cold-therapy")),
    (Slot.WATER, 1, ("hydration-break",)),
    (Slot.WALK, 1, ("short-walk",)),
)
KINDS: dict[str, ReliefKind] = {Slot.GENTLE_MOVEMENT.value: "movement", Slot.WALK.value: "movement",
                                Slot.REST_POSITION.value: "position", Slot.WATER.value: "water"}


@dataclass(frozen=True)
class ReliefItem:
    """One step: its kind, its minutes, its cues; a pack also has its own timer's limits."""

    kind: ReliefKind
    prescription: Prescription
    cues: tuple[str, ...]
    timer: tuple[int, int] | None = None  # (shortest, longest) minutes, heat and cold only
    instead_of: str | None = None  # cold: done instead of the heat pack, never with it

    @property
    def minutes(self) -> int:
        if self.prescription.minutes:
            return self.prescription.minutes
        return max(1, math.ceil(self.prescription.estimated_seconds / 60))

    @property
    def counted(self) -> bool:
        """In the routine's minutes (cold replaces heat, so it is not counted on top)."""
        return self.instead_of is None

    def as_json(self) -> dict:
        return {"id": self.prescription.id, "name": self.prescription.name, "kind": self.kind,
                "minutes": self.minutes, "dose": self.prescription.dose_text(), "cues": list(self.cues),
                "timer": {"shortest": self.timer[0], "longest": self.timer[1]} if self.timer else None,
                "instead_of": self.instead_of}


def pack_kind(prescription: Prescription) -> ReliefKind:
    return "cold" if "cold" in f"{prescription.id} {prescription.name}".lower() else "heat"


def timer_limits(kind: ReliefKind) -> tuple[int, int]:
    return (PACK_SHORTEST, COLD_MAX_MINUTES if kind == "cold" else HEAT_MAX_MINUTES)


def pack_cue(kind: ReliefKind) -> str:
    shortest, longest = timer_limits(kind)
    if kind == "cold":
        return (f"Instead of heat, and only in the first {COLD_DAYS} days after a strain: {shortest} to {longest} "
                "minutes, never longer, and never heat and cold in the same session.")
    return f"{shortest} to {longest} minutes, never longer; the timer stops at {longest}."


def relief_items(library: Library) -> list[ReliefItem]:
    """The whole routine, in order, each step with its kind, minutes and cues."""
    chosen: list[Prescription] = []
    for slot, count, preferred in ROUTINE:
        known = [c for c in preferred if c in library.exercises and slot in library.exercises[c].slots]
        chains = chains_for(library, SlotSpec(slot=slot, chains=known), 1) if known else []
        chains += [c for c in chains_for(library, SlotSpec(slot=slot), 1) if c not in chains]
        for chain in chains[:count]:
            if any(p.track == chain[0] for p in chosen):
                continue
            exercise = library.exercises[chain[0]]
            chosen.append(prescribe(exercise, starting_dose(exercise), chain[0], slot.value))
    items: list[ReliefItem] = []
    heat_taken = False
    for p in chosen:
        cues = tuple(library.exercises[p.id].cues)
        if p.slot == Slot.HEAT_COLD.value:
            kind = pack_kind(p)
            if kind == "heat" and heat_taken or kind == "cold" and any(i.kind == "cold" for i in items):
                continue
            heat_taken = heat_taken or kind == "heat"
            p = replace(p, minutes=PACK_SHORTEST)
            items.append(ReliefItem(kind, p, (*cues, pack_cue(kind)), timer_limits(kind)))
            continue
        if p.slot == Slot.REST_POSITION.value:
            p = replace(p, minutes=POSITION_MINUTES)
        items.append(ReliefItem(KINDS.get(p.slot or "", "movement"), p, cues))
    packs = [i for i in items if i.kind in ("heat", "cold")]
    if len(packs) == 2:  # cold is the alternative to heat: listed, timed, never counted on top of it
        cold = next(i for i in packs if i.kind == "cold")
        items[items.index(cold)] = replace(cold, instead_of=next(i for i in packs if i.kind == "heat").prescription.id)
    return _movement_first(items)


def lying_minutes(items: list[ReliefItem]) -> int:
    return sum(i.minutes for i in items if i.counted and i.kind in ("position", "heat", "cold"))


def movement_minutes(items: list[ReliefItem]) -> int:
    return sum(i.minutes for i in items if i.counted and i.kind == "movement")


def total_minutes(items: list[ReliefItem]) -> int:
    return sum(i.minutes for i in items if i.counted)


def _movement_first(items: list[ReliefItem]) -> list[ReliefItem]:
    """Lengthen the walk (the last movement) until lying still is at most LYING_SHARE of the minutes."""
    walks = [i for i in items if i.kind == "movement" and i.prescription.minutes]
    if not walks:
        return items
    walk = walks[-1]
    lying = lying_minutes(items)
    others = total_minutes(items) - walk.minutes
    needed = max(walk.minutes, math.ceil(lying / LYING_SHARE - others - 1e-9))
    if needed == walk.minutes:
        return items
    longer = replace(walk, prescription=replace(walk.prescription, minutes=needed),
                     cues=(*walk.cues, f"This time {needed} minutes in all (two shorter walks with a rest "
                                       "between are as good)."))
    return [longer if i is walk else i for i in items]


def relief_routine(library: Library) -> list[Prescription]:
    """The routine as a paused plan's day lists it (the cold pack, heat's alternative, left out)."""
    return [i.prescription for i in relief_items(library) if i.counted]
