"""A plan's weeks after the first: one step per exercise, within the weekly limit and the minutes.

Steps are taken in order of importance (a walk that is a slot of its own, then the
strength work, stretches, mobility, fillers last) while the training load (strength
and stretch work) stays within the program's ``max_weekly_increase`` of the last full
week and every session still fits. A filler (an extra exercise, a walk that only uses
spare minutes) makes way for a slot's own exercise; a session left short by a harder
variant's lower start is topped up again. A slot that joins later (a loaded movement)
waits for a week with room for it. Easier weeks cut only the strength and stretch work.
A walk apart from the session is outside all this: it takes its own weekly step
(:mod:`planner.domain.plan.walks`).
"""

from __future__ import annotations

from dataclasses import replace

from planner.domain.library.models import Category
from planner.domain.plan.progression import (
    MAX_WALK_STEP,
    Step,
    TrackState,
    describe,
    is_load,
    is_walk,
    may_grow,
    next_step,
    scaled_dose,
    starting_dose,
)
from planner.domain.plan.sessions import (
    DELOAD_CEILING,
    DELOAD_FLOOR,
    FILL_CEILING,
    MIN_FILL,
    MIN_WALK,
    Item,
    SessionPlanner,
)
from planner.domain.plan.walks import grow_walks_apart


def week_load(states: dict[str, TrackState], sessions: list[list[Item]]) -> int:
    """The week's training load: working seconds of strength, stretch and mobility work."""
    return sum(states[i.track].volume for items in sessions for i in items if is_load(states[i.track].exercise))


def make_room(
    builder: SessionPlanner, sessions: list[list[Item]], crowded: list[int], track: str, change: int,
    seconds: list[int], states: dict[str, TrackState], shortened: dict[str, int],
) -> bool:
    """Let a slot's own exercise (or a walk) grow by leaving out fillers, keeping each session 75% full.

    Fillers were only there to use the minutes; the slot's main work growing matters more. A walk
    that only fills spare minutes is shortened rather than left out (it is usually the longest item).
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
        for extra in sorted((i for i in items if i.extra and i.track != track
                             and not is_walk(states[i.track].exercise)),
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


def progress_week(
    builder: SessionPlanner, sessions: list[list[Item]], base: int,
    week_number: int, fresh: frozenset[str] = frozenset(),
) -> tuple[dict[str, TrackState], list[str]]:
    """Take at most one step per exercise, within the weekly bound and the minutes; say what held it back.

    ``fresh`` tracks join this week: they start at their first dose and take no step until next week."""
    program, library = builder.program, builder.library
    current = dict(builder.states)
    bound = base * (1 + program.max_weekly_increase)
    volume = week_load(current, sessions)
    seconds = [builder.seconds(items, current) for items in sessions]
    tracks = sorted({i.track for items in sessions for i in items if i.spec not in builder.apart})
    walked = grow_walks_apart(builder, sessions, current, fresh)  # walks apart: their own weekly step

    def where() -> tuple[dict[str, list[int]], dict[str, int]]:
        slots_of = {t: [n for n, items in enumerate(sessions) if any(i.track == t for i in items)] for t in tracks}
        return slots_of, {t: len(s) for t, s in slots_of.items()}

    slots_of, weights = where()
    offset = (week_number - 1) % len(tracks) if tracks else 0
    steps: list[str] = []
    shortened: dict[str, int] = {}  # filler walks shortened to make room: their minutes before
    held_by_load = held_by_minutes = False
    too_big: list[str] = []  # a step alone adds more than the week's allowance (a small load, a big step)
    big_steps: set[str] = set()  # their tracks
    deferred: list[tuple[str, Step]] = []  # turned away by the weekly limit: tried again at the end
    # One new thing at a time: a movement joining counts, so that if the back complains, the cause is plain.
    harder_left = program.harder_per_week - (1 if fresh else 0)
    waiting: list[str] = []  # ready for a harder variant, waiting for a week of its own
    stuck: list[str] = []  # could not take its step this week: no room in the minutes
    promoted = 0
    rotated = tracks[offset:] + tracks[:offset]

    def rank(track: str) -> int:
        """Walks of their own first, then the slots' strength work, stretches, mobility, fillers last."""
        exercise = current[track].exercise
        if track in fillers:
            return 4
        if is_walk(exercise):
            return 0
        return {Category.CORE: 1, Category.FLEXIBILITY: 2}.get(exercise.category, 3)

    # A walk that is a slot of its own goes first (walking is the backbone of a return to activity);
    # fillers (an extra exercise, a walk that only uses spare minutes) go last.
    fillers = {t for t in tracks if all(i.extra for items in sessions for i in items if i.track == t)}
    # A slot may keep its exercises at their own variants (``harder = false``: the first days after a spasm).
    same_variant = {i.track for items in sessions for i in items if not program.slots[i.spec].harder}
    promotions = [t for t in _promotions(builder, current, tracks, fresh, week_number, sorted(rotated, key=rank))
                  if t not in same_variant]
    for track in sorted(rotated, key=rank):
        state = current[track]
        if track in fresh:
            continue  # a movement new this week is learnt at its first dose before it grows
        if not may_grow(state.exercise) or (track in fillers and is_walk(state.exercise)):
            continue  # relief items stay as they are; a walk that only fills spare minutes does not grow
        harder_id = library.harder_of.get(state.exercise.id) if track not in same_variant else None
        step = next_step(state, library.exercises.get(harder_id) if harder_id else None)
        if step is None:
            continue
        # Any harder variant counts, a mobility one too (lying on the elbows → press-ups): one change a week.
        if step.promoted and state.exercise.category is not Category.RELIEF and track not in promotions[:harder_left]:
            waiting.append(f"{state.exercise.name} → {step.state.exercise.name}")
            continue
        change = step.state.estimated_seconds - state.estimated_seconds
        load_change = weights[track] * (step.state.volume - state.volume) if is_load(state.exercise) else 0
        if load_change > 0 and volume + load_change > bound:
            if load_change > bound - base:  # bigger than a whole week's allowance: it never fits alone
                too_big.append(state.exercise.name)
                stuck.append(track)  # it cannot grow by its own steps: in time a harder variant takes its place
                big_steps.add(track)
            else:
                deferred.append((track, step))
            continue
        crowded = [n for n in slots_of[track] if seconds[n] + change > builder.budget]
        if crowded:
            if not make_room(builder, sessions, crowded, track, change, seconds, current, shortened):
                held_by_minutes = True
                stuck.append(track)
                continue
            slots_of, weights = where()
            volume = week_load(current, sessions)
        volume += load_change
        for n in slots_of[track]:
            seconds[n] += change
        current[track] = step.state
        steps.append(step.reason)
        promoted += step.promoted
    # A step the limit turned away may fit after all once fillers made way for others: a week whose load
    # ends level must not name the weekly limit as what held it back.
    for track, step in deferred:
        change = step.state.estimated_seconds - current[track].estimated_seconds
        load_change = weights[track] * (step.state.volume - current[track].volume)
        if volume + load_change <= bound and all(seconds[n] + change <= builder.budget for n in slots_of[track]):
            volume += load_change
            for n in slots_of[track]:
                seconds[n] += change
            current[track] = step.state
            steps.append(step.reason)
        else:
            held_by_load = True
    if not promoted and not fresh and harder_left > 0:
        # No room for more of the same: a harder variant takes the easier one's place instead, so short
        # sessions still progress (one that has not grown for two weeks, one a week).
        swap = _harder_instead(builder, current, [t for t in stuck if t not in same_variant], week_number,
                               slots_of, weights, seconds, volume, bound, big_steps)
        if swap is not None:
            track, state, reason, load_change, change = swap
            if track in big_steps:  # it did move on this week, by its harder variant
                too_big.remove(current[track].exercise.name)
            current[track] = state
            volume += load_change
            for n in slots_of[track]:
                seconds[n] += change
            steps.append(reason)
            stuck.remove(track)
    builder.stuck_since = {t: builder.stuck_since.get(t, week_number) for t in stuck}
    for walk, before in shortened.items():
        steps.append(f"{current[walk].exercise.name}: {before} min → {current[walk].dose.minutes} min, "
                     "making room for the strength and stretch work")
    reasons: list[str] = []
    if steps:
        rise = volume / base - 1 if base else 0
        change = (f"up {rise:.0%}" if rise >= 0.005 else f"down {-rise:.0%}" if rise <= -0.005 else "about level")
        reasons.append(f"Training load {change} on the last full week (the limit is {program.max_weekly_increase:.0%} "
                       "up):")
        reasons += steps
    elif not walked:
        reasons.append("Doses stay as they were.")
    reasons += walked
    if waiting:
        reasons.append("Ready for a harder variant, each waiting for a week of its own (one new or harder "
                       "exercise a week, so that if your back complains you know which change to undo): "
                       + "; ".join(waiting) + ".")
    limits = []
    if held_by_load:
        limits.append(f"the {program.max_weekly_increase:.0%} weekly limit on strength and stretch work")
    if held_by_minutes:
        limits.append(f"your {builder.budget // 60} minutes a session")
    if waiting:
        limits.append("one new or harder exercise a week")
    if too_big:
        # Said as it is: the load did not rise, the step is too big for the limit (not "the limit was reached").
        names = sorted({name.lower() for name in too_big})
        limits = [" and ".join(limits)] if limits else []
        limits.append(f"{'each next step' if len(names) > 1 else 'the next step'} of {_listed(names)} would on "
                      f"its own add more than {program.max_weekly_increase:.0%} to the week's strength and stretch "
                      "work")
        reasons.append("What limits this week: " + "; and ".join(limits) + ".")
    elif limits:
        reasons.append("What limits this week: " + " and ".join(limits) + ".")
    elif steps:
        reasons.append("What limits this week: one step at a time for each exercise.")
    elif walked:
        reasons.append("What limits this week: every other exercise is at the top of its chain.")
    else:
        reasons.append("What limits this week: every exercise is at the top of its chain.")
    return current, reasons


def _listed(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _harder_instead(
    builder: SessionPlanner, current: dict[str, TrackState], stuck: list[str], week_number: int,
    slots_of: dict[str, list[int]], weights: dict[str, int], seconds: list[int], volume: int, bound: float,
    big_steps: set[str] = frozenset(),  # type: ignore[assignment]
) -> tuple[str, TrackState, str, int, int] | None:
    """The first track stuck since last week whose harder variant, at its first dose, fits the minutes and
    the weekly limit: (track, its new state, the reason, the change in load, the change in seconds)."""
    library = builder.library
    for track in stuck:
        state = current[track]
        harder_id = library.harder_of.get(state.exercise.id)
        if harder_id is None or harder_id not in library.exercises or not is_load(state.exercise) or \
                builder.stuck_since.get(track, week_number) > week_number - 1:
            continue
        harder = library.exercises[harder_id]
        new = TrackState(harder, starting_dose(harder))
        change = new.estimated_seconds - state.estimated_seconds
        load_change = weights[track] * (new.volume - state.volume)
        if load_change > 0 and volume + load_change > bound or \
                any(seconds[n] + change > builder.budget for n in slots_of[track]):
            continue
        why = (f"'s next step would add more than {builder.program.max_weekly_increase:.0%} to the week's work"
               if track in big_steps else f" has no room to grow in your {builder.budget // 60} minutes")
        reason = (f"{state.exercise.name}{why}: it moves up to {harder.name} at {describe(harder, new.dose)} "
                  f"instead, once you have done {describe(state.exercise, state.dose)}")
        return track, new, reason, load_change, change
    return None


def _promotions(builder: SessionPlanner, states: dict[str, TrackState], tracks: list[str], fresh: frozenset[str],
                week_number: int, in_order: list[str]) -> list[str]:
    """The tracks ready for a harder variant, longest waiting first (then in the week's order of importance).

    Strength and stretch work only; a movement joining this week is not ready. Records since when each
    has been ready, so that one waiting for weeks goes before one that became ready this week.
    """
    library = builder.library
    ready = []
    for track in tracks:
        state = states[track]
        harder_id = library.harder_of.get(state.exercise.id)
        if track in fresh or state.exercise.category is Category.RELIEF or harder_id is None:
            continue
        step = next_step(state, library.exercises.get(harder_id))
        if step is not None and step.promoted:
            ready.append(track)
    builder.ready_since = {t: builder.ready_since.get(t, week_number) for t in ready}
    return sorted(ready, key=lambda t: (builder.ready_since[t], in_order.index(t)))


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


def joining(builder: SessionPlanner, index: int, session: int) -> list[str]:
    """The tracks slot ``index`` would bring into a session, as the layout will pick them."""
    taken = {i.track for i in builder.latest.get(session, [])}
    picked: list[str] = []
    for nth in range(builder.program.slots[index].count):
        track = builder._pick(index, session, nth, taken)
        if track is not None:
            picked.append(track)
            taken.add(track)
    return picked


def joined_layout(builder: SessionPlanner, index: int, session: int) -> list[Item] | None:
    """The session as it would be with slot ``index`` joining, or None when the slot cannot come in whole.

    To make room, the session leaves out its fillers and then the second exercises of slots that hold
    two (one stretch instead of two), just as the layout will (:meth:`SessionPlanner._fit`); a slot of
    its own (the walk, a strength slot) is never left out for it, and the session stays 75% full.
    """
    items = builder.latest.get(session, [])
    if index in builder.apart:
        candidate = list(items)
    else:
        new = [Item(track, index) for track in joining(builder, index, session)]
        candidate = builder._fit(sorted([*items, *new], key=lambda i: (i.spec, i.extra)), session)
        if any(i not in candidate for i in new):
            return None
    if {i.spec for i in items} - {i.spec for i in candidate}:
        return None
    total = builder.seconds(candidate)
    if total > builder.budget or total < MIN_FILL * builder.budget:
        return None
    return candidate


def has_minutes_for(builder: SessionPlanner, index: int) -> bool:
    """Whether each session can take the slot's exercises in place of fillers or second exercises, 75% full."""
    return all(joined_layout(builder, index, n) is not None for n in builder.latest)


def delay_joins(builder: SessionPlanner, number: int, deload: bool, room: float) -> None:
    """A slot due to join this week waits for a full week with room for it within the weekly limit.

    The room is what the limit leaves plus what the slot's exercises replace: fillers, or the second
    exercise of a slot that holds two (:func:`joined_layout`).
    """
    program = builder.program
    for index, spec in enumerate(program.slots):
        if builder.joins[index] != number or not builder.chains[index]:
            continue
        if deload:
            builder.joins[index] += 1
            continue
        if spec.optional or spec.apart:
            continue
        layouts = [joined_layout(builder, index, n) for n in builder.latest]
        if any(items is None for items in layouts):
            builder.joins[index] += 1
            continue
        # The load with the slot in, less the fillers that may still make way for it (trim_fillers).
        before = week_load(builder.states, list(builder.latest.values()))
        after = week_load(builder.states, [items for items in layouts if items is not None])
        fillers = sum(builder.states[i.track].volume for items in layouts if items is not None for i in items
                      if i.extra and is_load(builder.states[i.track].exercise))
        if after - fillers > before + room:
            builder.joins[index] += 1


def trim_fillers(layouts: list[list[Item]], states: dict[str, TrackState], bound: float) -> None:
    """A slot that joins (say a loaded pattern in week 5) takes the place of fillers, within the weekly limit."""
    while week_load(states, layouts) > bound:
        fillers = [(n, i) for n, items in enumerate(layouts) for i in items
                   if i.extra and is_load(states[i.track].exercise)]
        if not fillers:
            return
        n, item = max(fillers, key=lambda pair: (states[pair[1].track].volume, pair[0]))
        layouts[n].remove(item)


def easier_week(states: dict[str, TrackState], factor: float) -> dict[str, TrackState]:
    """Training load at about ``factor``, in round doses; walks and relief items stay as they are.

    Coarse doses cannot always come close (3 sets of 6 has no round dose at 65%): then the
    nearest dose up to the ceiling is taken rather than cutting the work by two thirds.
    """
    easier = {}
    for track, state in states.items():
        if not is_load(state.exercise):
            easier[track] = state
            continue
        dose = scaled_dose(state, factor)
        if TrackState(state.exercise, dose).volume < DELOAD_FLOOR * state.volume:
            higher = scaled_dose(state, DELOAD_CEILING)
            if TrackState(state.exercise, higher).volume >= DELOAD_FLOOR * state.volume:
                dose = higher
        easier[track] = TrackState(state.exercise, dose)
    return easier
