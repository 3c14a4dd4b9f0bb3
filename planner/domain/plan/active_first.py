"""Movement first: lying-down relief fits around the movement and walks, never the other way round.

Staying active is what helps a sore back most (NICE NG59), so in any session the
still, lying-down relief items (a heat or cold pack, a rest position, slow
breathing) take no more minutes than the movement and walks of that session,
counting only the work itself (not the rests between sets or the moving on). A physiotherapist fits them in like this:

1. The pack goes on while lying in the supported rest position (its cues say how),
   so a session with a pack has no separate rest position.
2. When a session is laid out, the lying-down items get at most 45% of the minutes
   (a little under half, so that movement that changes later, a harder variant
   starting lower, still outweighs them),
   and never the minutes the movement and walk need at their first doses: first the
   pack at its shortest useful length (:data:`PACK_SHORTEST` minutes; less does
   little), then slow breathing, then a longer pack up to its own dose, and a rest
   position of its own only when no pack fits. A pack's length is shared by every
   session that holds it, so it is the shortest any of them allows.
3. Once a week is filled, a session whose lying-down items still outweigh its
   movement first gets a longer walk (within the walk's cap, a week's step and every
   session's minutes), then in week 1 a shorter pack (whole minutes, not under the
   shortest), then loses its breathing, then its pack; the week's reasons say so.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from planner.domain.library.models import Category, Exercise
from planner.domain.library.slots import Slot
from planner.domain.plan.progression import MAX_WALK_STEP, TrackState, is_walk

if TYPE_CHECKING:
    from planner.domain.plan.sessions import Item, SessionPlanner

# A heat or cold pack shorter than this does little (cold packs are usually 10-15 minutes, heat 15-20).
PACK_SHORTEST = 10
# Lying-down items take at most this share of a session's minutes.
LYING_SHARE = 0.45
# Which lying-down item is fitted first: the pack, then slow breathing, then the rest (a rest position, water).
ORDER = {Slot.HEAT_COLD.value: 0, Slot.BREATHING.value: 1}


def is_lying(exercise: Exercise) -> bool:
    """Relief done without moving (heat, cold, rest positions, breathing, a water break): not a walk."""
    return exercise.category is Category.RELIEF and not is_walk(exercise)


def _slot(builder: SessionPlanner, item: Item) -> str:
    return builder.program.slots[item.spec].slot.value


def _lying(builder: SessionPlanner, item: Item, states: dict[str, TrackState] | None = None) -> bool:
    return is_lying((states or builder.states)[item.track].exercise)


def _with_minutes(state: TrackState, minutes: int) -> TrackState:
    return TrackState(state.exercise, replace(state.dose, minutes=minutes))


def lying_seconds(builder: SessionPlanner, items: list[Item], states: dict[str, TrackState] | None = None) -> int:
    """Working seconds lying still (the time moving between exercises is not counted on either side)."""
    states = states or builder.states
    return sum(states[i.track].volume for i in items if _lying(builder, i, states))


def moving_seconds(builder: SessionPlanner, items: list[Item], states: dict[str, TrackState] | None = None) -> int:
    """Working seconds of movement and walking (the rests between sets and moving on are not counted)."""
    states = states or builder.states
    return sum(states[i.track].volume for i in items if not _lying(builder, i, states))


def settle(builder: SessionPlanner, items: list[Item]) -> list[Item]:
    """The session's lying-down items, fitted around its movement and walk (step 2 above)."""
    lying = sorted((i for i in items if _lying(builder, i)), key=lambda i: (ORDER.get(_slot(builder, i), 2), i.spec))
    if not lying:
        return items
    moving = [i for i in items if not _lying(builder, i)]
    room = min(LYING_SHARE * builder.budget, builder.budget - builder.seconds(moving))
    pack = next((i for i in lying if _slot(builder, i) == Slot.HEAT_COLD.value), None)
    kept: list[Item] = []
    if pack is not None:
        state = builder.states[pack.track]
        shortest = _with_minutes(state, min(state.dose.minutes or 0, PACK_SHORTEST))
        if shortest.estimated_seconds <= room:
            kept.append(pack)
            room -= shortest.estimated_seconds
        else:
            pack = None
    breathing = [i for i in lying if _slot(builder, i) == Slot.BREATHING.value]
    for item in breathing:
        if builder.seconds([item]) <= room:
            kept.append(item)
            room -= builder.seconds([item])
    if pack is not None:
        state = builder.states[pack.track]
        longest = min(state.dose.minutes or 0, PACK_SHORTEST + int(room // 60))
        if longest < (state.dose.minutes or 0):
            builder.states[pack.track] = _with_minutes(state, longest)
        room -= 60 * (longest - min(state.dose.minutes or 0, PACK_SHORTEST))
    else:
        for item in lying:
            if item not in kept and item not in breathing and builder.seconds([item]) <= room:
                kept.append(item)
                room -= builder.seconds([item])
    return [i for i in items if not _lying(builder, i) or i in kept]


def settle_week(builder: SessionPlanner, week: int, layouts: list[list[Item]], states: dict[str, TrackState],
                last_full: dict[str, TrackState] | None = None) -> list[str]:
    """A filled week: where lying-down items still outweigh the movement, put it right (step 3 above).

    After week 1 (``last_full`` is the last full week's doses) a walk grows only by a week's step (2 to
    5 minutes on the last full week) and a pack keeps its length: relief items never change.
    """

    if not any(spec.slot is Slot.HEAT_COLD for spec in builder.program.slots) and \
            not any(_lying(builder, i, states) for items in layouts for i in items):
        return []  # no lying-down relief this week and no pack to miss: nothing to balance
    def over(items: list[Item]) -> bool:
        return lying_seconds(builder, items, states) > moving_seconds(builder, items, states)

    def holding(track: str) -> list[list[Item]]:
        return [items for items in layouts if any(i.track == track for i in items)]

    def longer_walk(walk: str) -> TrackState | None:
        state = states[walk]
        step = state.exercise.progression.minutes
        minutes = (state.dose.minutes or 0) + 1
        top = step.cap if step is not None else 0
        before = last_full.get(walk) if last_full is not None else None
        if last_full is not None:
            if before is None:
                return None
            minutes = max(minutes, (before.dose.minutes or 0) + 2)
            top = min(top, (before.dose.minutes or 0) + MAX_WALK_STEP)
        longer = _with_minutes(state, minutes)
        trial = {**states, walk: longer}
        if minutes > top or any(builder.seconds(other, trial) > builder.budget for other in holding(walk)):
            return None
        return longer

    dropped = []
    for items in layouts:
        while over(items):
            walk = next((i.track for i in items if is_walk(states[i.track].exercise)), None)
            longer = longer_walk(walk) if walk is not None else None
            if walk is not None and longer is not None:
                states[walk] = longer
                continue
            pack = next((i for i in items if _slot(builder, i) == Slot.HEAT_COLD.value), None)
            if last_full is None and pack is not None and (states[pack.track].dose.minutes or 0) > PACK_SHORTEST:
                states[pack.track] = _with_minutes(states[pack.track], (states[pack.track].dose.minutes or 0) - 1)
                continue
            lying = {_slot(builder, i): i for i in items if _lying(builder, i, states)}
            gone = (lying.get(Slot.BREATHING.value) or lying.get(Slot.HEAT_COLD.value)
                    or next(i for i in reversed(items) if _lying(builder, i, states)))
            items.remove(gone)
            dropped.append(states[gone.track].exercise.name.lower())
    reasons = []
    missing = [n for n, items in enumerate(layouts)
               if any(builder.program.slots[index].slot is Slot.HEAT_COLD for index in builder.active(week, n))
               and not any(_slot(builder, i) == Slot.HEAT_COLD.value for i in items)]
    if missing:
        where = "no session has" if len(missing) == len(layouts) else "not every session has"
        reasons.append(f"At {builder.budget // 60} minutes a session {where} room for the heat or cold pack beside "
                       "the movement and walk, which come first: where a session has none, put the pack on while "
                       "you rest later in the day (cold on the first two days, heat after).")
    elif dropped:
        reasons.append(f"Movement and walking come first: {', '.join(dict.fromkeys(dropped))} left out where "
                       "it would have taken more of the session than the movement.")
    return reasons
