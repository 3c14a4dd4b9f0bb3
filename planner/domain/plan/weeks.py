"""A plan's weeks after the first: one step per exercise, within the weekly limit and the minutes.

Steps are taken in order of importance (a walk that is a slot of its own, then the
strength work, stretches, mobility, fillers last) while the training load (strength
and stretch work) stays within the program's ``max_weekly_increase`` of the last full
week and every session still fits. A filler (an extra exercise, a walk that only uses
spare minutes) makes way for a slot's own exercise, except a strength filler
(:mod:`planner.domain.plan.room`). A stretch takes a third set only in sessions whose
strength work was not held back this week: a third hold of a stretch matters less than
the strength work's next step. A slot that joins later waits for a week with room for
it (:mod:`planner.domain.plan.joins`). Easier weeks cut only the strength and stretch
work (:mod:`planner.domain.plan.weekly_load`). A walk apart from the session is outside
all this: it takes its own weekly step (:mod:`planner.domain.plan.walks`).
"""

from __future__ import annotations

from planner.domain.library.models import Category
from planner.domain.plan.progression import (
    STRETCH_SETS_MIN,
    Step,
    TrackState,
    describe,
    is_load,
    is_stretch,
    is_walk,
    may_grow,
    next_step,
    starting_dose,
)
from planner.domain.plan.room import is_strength, make_room
from planner.domain.plan.sessions import Item, SessionPlanner
from planner.domain.plan.walks import grow_walks_apart
from planner.domain.plan.weekly_load import week_load
from planner.domain.plan.wording import load_change_words

__all__ = ["progress_week"]


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
    # Sessions whose strength work was held back this week (no room, or the weekly limit): a stretch in
    # them takes no third set, so the minutes and the allowance go to the strength work first.
    full_for_strength: set[int] = set()
    two_sets: list[str] = []
    rotated = tracks[offset:] + tracks[:offset]

    def rank(track: str) -> tuple[int, bool]:
        """Walks of their own first, then the slots' strength work (a step towards one of McGill's big three
        first), stretches, mobility, fillers last."""
        exercise = current[track].exercise
        if track in fillers:
            return 4, True
        if is_walk(exercise):
            return 0, True
        return {Category.CORE: 1, Category.FLEXIBILITY: 2}.get(exercise.category, 3), track not in learning

    learning = learning_steps(builder, sessions, current)

    # A walk that is a slot of its own goes first (walking is the backbone of a return to activity);
    # fillers (an extra exercise, a walk that only uses spare minutes) go last.
    fillers = {t for t in tracks if all(i.extra for items in sessions for i in items if i.track == t)}
    # A slot may keep its exercises at their own variants (``harder = false``: the first days after a spasm).
    same_variant = {i.track for items in sessions for i in items if not program.slots[i.spec].harder}
    promotions = [t for t in _promotions(builder, current, tracks, fresh, week_number, sorted(rotated, key=rank),
                                         learning) if t not in same_variant]
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
        if _third_set(state, step) and full_for_strength & set(slots_of[track]):
            held_by_minutes = True  # the minutes go to the strength work first
            two_sets.append(state.exercise.name.lower())
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
                if is_strength(state.exercise):
                    full_for_strength.update(slots_of[track])
            continue
        crowded = [n for n in slots_of[track] if seconds[n] + change > builder.budget]
        if crowded:
            if not make_room(builder, sessions, crowded, track, change, seconds, current, shortened):
                held_by_minutes = True
                stuck.append(track)
                if is_strength(state.exercise):
                    full_for_strength.update(crowded)
                continue
            slots_of, weights = where()
            volume = week_load(current, sessions)
        volume += load_change
        for n in slots_of[track]:
            seconds[n] += change
        current[track] = step.state
        steps.append(step.reason)
        promoted += step.promoted
    if not promoted and not fresh and harder_left > 0:
        # No room for more of the same: a harder variant takes the easier one's place instead, so short
        # sessions still progress (one that has not grown for two weeks, one a week).
        swap = _harder_instead(builder, current, sorted((t for t in stuck if t not in same_variant),
                                                        key=lambda t: t not in learning), week_number,
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
    # A step the limit turned away may fit after all once fillers made way for others or a harder variant
    # started lower: a week whose load ends level must not name the weekly limit as what held it back.
    for track, step in deferred:
        change = step.state.estimated_seconds - current[track].estimated_seconds
        load_change = weights[track] * (step.state.volume - current[track].volume)
        if volume + load_change <= bound and all(seconds[n] + change <= builder.budget for n in slots_of[track]):
            volume += load_change
            for n in slots_of[track]:
                seconds[n] += change
            current[track] = step.state
            steps.append(step.reason)
        elif volume + load_change > bound:
            held_by_load = True
        else:
            held_by_minutes = True  # the load would fit now; the minutes do not
    builder.stuck_since = {t: builder.stuck_since.get(t, week_number) for t in stuck}
    for walk, before in shortened.items():
        steps.append(f"{current[walk].exercise.name}: {before} min → {current[walk].dose.minutes} min, "
                     "making room for the strength and stretch work")
    reasons: list[str] = []
    if steps:
        reasons.append(load_change_words(volume / base - 1 if base else 0, program.max_weekly_increase))
        reasons += steps
    elif not walked:
        reasons.append("Doses stay as they were.")
    reasons += walked
    new_two_sets = sorted(set(two_sets) - builder.told_two_sets)  # said once, the first week it happens
    if new_two_sets:
        builder.told_two_sets.update(new_two_sets)
        reasons.append(f"{_listed(new_two_sets).capitalize()} {'stay' if len(new_two_sets) > 1 else 'stays'} at "
                       "two sets while the strength work in the same sessions needs the minutes.")
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


def learning_steps(builder: SessionPlanner, sessions: list[list[Item]], states: dict[str, TrackState]) -> frozenset[str]:
    """The tracks at a variant easier than the exercise their slot is named after (the hands-and-knees arm
    reach in the bird-dog slot, the side plank on the knees in the side-plank slot): steps towards the
    named form of one of McGill's big three, which go before the other strength work's steps and
    harder variants (the one change a week is theirs first)."""
    library = builder.library
    learning = set()
    for items in sessions:
        for item in items:
            named = builder.program.slots[item.spec].slot.value
            at = states[item.track].exercise.id
            if named not in library.exercises or at == named:
                continue
            seen = {at}
            while at in library.harder_of and library.harder_of[at] not in seen:
                at = library.harder_of[at]
                seen.add(at)
                if at == named:
                    learning.add(item.track)
                    break
    return frozenset(learning)


def _third_set(state: TrackState, step: Step) -> bool:
    """Whether the step gives a stretch a third set (two holds of 15-60 s are the common guidance)."""
    return is_stretch(state.exercise) and step.state.dose.sets > max(STRETCH_SETS_MIN, state.dose.sets)


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
        # As built, the harder variant is in this week's sessions; while it waits for the easier one's top
        # dose to be done, the day says so (planner.domain.days.earned).
        reason = f"{state.exercise.name}{why}: it moves up to {harder.name} at {describe(harder, new.dose)} instead"
        return track, new, reason, load_change, change
    return None


def _promotions(builder: SessionPlanner, states: dict[str, TrackState], tracks: list[str], fresh: frozenset[str],
                week_number: int, in_order: list[str], learning: frozenset[str] = frozenset()) -> list[str]:
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
    return sorted(ready, key=lambda t: (t not in learning, builder.ready_since[t], in_order.index(t)))
