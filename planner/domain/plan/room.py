"""A full session: who makes way when an exercise grows, and how a session left short is topped up.

Fillers (an extra exercise of a slot, a walk that only uses spare minutes) were only there to use the
minutes, so a slot's own exercise growing may leave them out, the smallest first, keeping each session
75% full; a filler walk is shortened instead. A strength filler is the exception: the second exercise
of the bridge-or-hinge slot (a pelvic tilt bridge beside the hip hinge) stays in every session, and
the stretches and the big three grow around it. A physiotherapist keeps the hinge, the movement that
underlies safe lifting, and the bridge side by side rather than trading one of them for a longer
stretch; when nothing can grow any more, a harder variant takes an exercise's place instead
(:mod:`planner.domain.plan.weeks`).

A session left short of 75% (a harder variant starts lower) gets its walk back or a longer walk, and
only then another exercise of its own slots, within the weekly limit (:func:`refill`).
"""

from __future__ import annotations

from dataclasses import replace

from planner.domain.library.models import Category, Exercise
from planner.domain.plan.progression import MAX_WALK_STEP, TrackState, is_load, is_walk
from planner.domain.plan.sessions import FILL_CEILING, MIN_FILL, MIN_WALK, Item, SessionPlanner
from planner.domain.plan.weekly_load import week_load


def is_strength(exercise: Exercise) -> bool:
    """Strength work: the trunk, hip and loaded exercises (a bridge, a hinge, a carry, the big three)."""
    return exercise.category is Category.CORE


def make_room(
    builder: SessionPlanner, sessions: list[list[Item]], crowded: list[int], track: str, change: int,
    seconds: list[int], states: dict[str, TrackState], shortened: dict[str, int],
) -> bool:
    """Let a slot's own exercise (or a walk) grow by leaving out fillers, keeping each session 75% full.

    Fillers were only there to use the minutes; the slot's main work growing matters more. A walk
    that only fills spare minutes is shortened rather than left out (it is usually the longest item),
    and a strength filler is never left out (the second exercise of the bridge-or-hinge slot).
    """
    plans: list[tuple[int, list[Item]]] = []
    shorter: dict[str, int] = {}
    for n in crowded:
        items = sessions[n]
        mine = next(i for i in items if i.track == track)
        if mine.extra:
            return False  # a filler (an extra exercise, an optional walk) grows only into free minutes
        kept, total = list(items), seconds[n]
        # The smallest fillers go first, so as little as possible is left out; a walk is shortened instead.
        # A strength filler stays (see the module's docstring).
        for extra in sorted((i for i in items if i.extra and i.track != track
                             and not is_walk(states[i.track].exercise) and not is_strength(states[i.track].exercise)),
                            key=lambda i: (states[i.track].estimated_seconds, i.spec, i.track)):
            if total + change <= builder.budget:
                break
            kept.remove(extra)
            total -= states[extra.track].estimated_seconds
        walk = next((i.track for i in kept if i.extra and is_walk(states[i.track].exercise)), None)
        if total + change > builder.budget and walk is not None:
            minutes = states[walk].dose.minutes or 0
            cut = -(-(total + change - builder.budget) // 60)
            if minutes - cut >= MIN_WALK:
                shorter[walk] = min(shorter.get(walk, minutes), minutes - cut)
                total -= 60 * (minutes - shorter[walk])
            else:  # too short to be worth it: the filler walk makes way altogether
                kept = [i for i in kept if i.track != walk]
                total -= states[walk].estimated_seconds
        if total + change > builder.budget or total + change < MIN_FILL * builder.budget:
            return False
        plans.append((n, kept))
    trial = dict(states)
    for walk, minutes in shorter.items():
        trial[walk] = TrackState(trial[walk].exercise, replace(trial[walk].dose, minutes=minutes))
    crowded_set = set(crowded)
    for n, items in enumerate(sessions):
        if n not in crowded_set and any(i.track in shorter for i in items) and \
                builder.seconds(items, trial) < MIN_FILL * builder.budget:
            return False  # shortening the shared walk would leave another session too short
    for walk in shorter:
        shortened.setdefault(walk, states[walk].dose.minutes or 0)
    states.update(trial)
    for n, kept in plans:
        sessions[n][:] = kept
    for n, items in enumerate(sessions):
        seconds[n] = builder.seconds(items, states)
    return True


def refill(builder: SessionPlanner, layouts: list[list[Item]], states: dict[str, TrackState],
            last_full: dict[str, TrackState], week: int, bound: float) -> None:
    """A session left short of 75% of the minutes (a harder variant starts lower, a joining slot took a
    filler's place) gets its walk back or a longer walk (up to 5 minutes more than last week), and
    only then another exercise of its own slots, within the weekly limit.
    """
    low = MIN_FILL * builder.budget
    ceiling = FILL_CEILING * builder.budget
    for n, items in enumerate(layouts):
        if builder.seconds(items, states) >= low:
            continue
        active = builder.active(week, n)
        for index in active:
            spec = builder.program.slots[index]
            if not spec.optional or any(i.spec == index for i in items):
                continue
            track = builder._pick(index, n, 0, {i.track for i in items})
            if track is None or track not in states:
                continue
            exercise = states[track].exercise
            new = builder.new_left is not None and exercise.id not in builder.seen and \
                exercise.category is not Category.RELIEF
            if new and not builder.new_left:
                continue  # this week already brings its new or harder movement
            if builder.seconds([*items, Item(track, index, extra=True)], states) <= builder.budget:
                items.append(Item(track, index, extra=True))
                items.sort(key=lambda i: (i.spec, i.extra))
                if new and builder.new_left is not None:
                    builder.new_left -= 1
                    builder.seen.add(exercise.id)
        for item in items:
            state = states[item.track]
            before = last_full.get(item.track)
            if builder.seconds(items, states) >= low or not is_walk(state.exercise) or before is None \
                    or item.spec in builder.apart:
                continue
            step = state.exercise.progression.minutes
            top = min((before.dose.minutes or 0) + MAX_WALK_STEP, step.cap if step else 0)
            while (state.dose.minutes or 0) < top and builder.seconds(items, states) < low:
                # Never by a single minute: a walk grows by 2 to 5 minutes on the week before.
                minutes = max((state.dose.minutes or 0) + 1, (before.dose.minutes or 0) + 2)
                grown = TrackState(state.exercise, replace(state.dose, minutes=min(minutes, top)))
                trial = {**states, item.track: grown}
                if any(builder.seconds(other, trial) > builder.budget
                       for other in layouts if any(i.track == item.track for i in other)):
                    break
                states[item.track] = state = grown
        if builder.seconds(items, states) < low:
            saved, builder.states = builder.states, states
            try:
                more = builder.add_extras(items, active, n, ceiling, low, reserve=False)
            finally:
                builder.states = saved
            added = [i for i in more if i not in items]
            if week_load(states, layouts) + sum(states[i.track].volume for i in added
                                             if is_load(states[i.track].exercise)) <= bound:
                items[:] = more
