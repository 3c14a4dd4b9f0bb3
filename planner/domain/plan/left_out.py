"""What left a session, or came back to it, since the same session the week before, in words.

Nothing in a plan changes without a reason. An exercise a session held only to use spare minutes (an
extra warm-up item, a third stretch) may make way as the slots' own work grows
(:mod:`planner.domain.plan.room`); before, it simply vanished from some days ("pelvic tilt" gone
from Fridays from week 3) while the stretches stayed at 3×30 s. The week now says which session left
out what, and what that session's slot still holds, so a warm-up is never silently gone.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from planner.domain.library.models import Category
from planner.domain.plan.model import DAY_NAMES
from planner.domain.plan.progression import is_stretch

if TYPE_CHECKING:
    from planner.domain.plan.progression import TrackState
    from planner.domain.plan.sessions import Item, SessionPlanner

# How the slots are named in the words: "an extra warm-up exercise", "an extra stretch".
_SLOT_WORDS = {"warm-up": "warm-up exercise", "stretch": "stretch", "bridge-hinge": "bridge or hinge exercise",
               "loaded": "loaded movement"}


def _names(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def left_out(builder: SessionPlanner, before: dict[int, list[Item]], layouts: list[list[Item]],
             states: dict[str, TrackState], dates: list[dt.date], said: str = "") -> list[str]:
    """One sentence for what each session left out since last week (and one for what came back).

    ``said`` is what the week already says about a joining slot's room (those names are not repeated)."""
    program = builder.program
    gone: list[str] = []
    back: list[str] = []
    new: list[str] = []
    for n, items in enumerate(layouts):
        if n not in before or n >= len(dates):
            continue
        now = {i.track for i in items}
        had = {i.track for i in before[n]}
        day = DAY_NAMES[dates[n].weekday()]
        by_slot: dict[int, list[str]] = {}
        for item in before[n]:
            name = states[item.track].exercise.name.lower()
            if item.track in now or item.spec in builder.apart or name in said:
                continue
            by_slot.setdefault(item.spec, []).append(name)
        for spec, names in by_slot.items():
            slot = program.slots[spec].slot.value
            words = _SLOT_WORDS.get(slot, slot + " exercise")
            kept = [states[i.track].exercise.name.lower() for i in items if i.spec == spec]
            still = f"; its {slot} keeps {_names(kept)}" if kept else f"; no {words} that day"
            plural = words + ("es" if words.endswith("ch") else "s")
            gone.append(f"{day}, {_names(names)} ({'an extra ' + words if len(names) == 1 else 'extra ' + plural}"
                        f"{still})")
        for item in items:
            name = states[item.track].exercise.name.lower()
            if item.track not in had and item.spec not in builder.apart and name not in said:
                (back if states[item.track].exercise.id in builder.seen else new).append(f"{day}: {name}")
    reasons = []
    # A stretch down to one day a week says so: the stretching guidance asks for two or three days a week.
    days_now = {t: sum(t in {i.track for i in items} for items in layouts) for items in layouts for t in
                {i.track for i in items}}
    days_before = {t: sum(t in {i.track for i in items} for items in before.values()) for items in before.values()
                   for t in {i.track for i in items}}
    once = sorted({states[t].exercise.name.lower() for t, n in days_now.items()
                   if n == 1 and days_before.get(t, 0) >= 2 and is_stretch(states[t].exercise)})
    if once:
        strength = any(states[i.track].exercise.category is Category.CORE for items in layouts for i in items)
        reasons.append(f"Once a week for now, so the {'strength' if strength else 'other'} work fits in your "
                       f"{builder.budget // 60} minutes: {_names(once)} (stretching guidance asks for two or three "
                       "days a week: stretching on a rest day as well keeps to it).")
    if gone:
        reasons.append(f"To make room in your {builder.budget // 60} minutes for the work that grows this week, "
                       "some sessions leave out an exercise that was there to use spare minutes (it comes back "
                       f"when there is room): {'; '.join(gone)}.")
    if back:
        reasons.append(f"Back in a session with room for it again: {'; '.join(back)}.")
    if new:
        reasons.append(f"New in a session, to use its spare minutes: {'; '.join(new)}.")
    return reasons
