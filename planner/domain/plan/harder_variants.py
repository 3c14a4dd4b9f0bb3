"""When an exercise moves to its harder variant, and which one goes first.

A harder variant is taken within the program's levels (:func:`harder_within`). Steps towards the named form
of one of McGill's big three go before the others (:func:`learning_steps`); of the tracks ready, the one
waiting longest goes first (:func:`ready_for_harder`); and a strength exercise with no room left to grow in
the minutes or the weekly limit moves up to its harder variant instead (:func:`harder_instead`). How many
harder variants a week may bring, and when they wait, is :func:`planner.domain.plan.weeks.progress_week`'s.
"""

from __future__ import annotations

from planner.domain.library.models import Category
from planner.domain.plan.progression import TrackState, describe, is_stretch, next_step, starting_dose
from planner.domain.plan.room import is_strength
from planner.domain.plan.sessions import Item, SessionPlanner


def harder_within(builder: SessionPlanner, exercise_id: str) -> str | None:
    """The harder variant of an exercise, when its level is within the program's ``max_level``.

    A gentle program's easy forms are the point (Gentle return stops at level 2: the glute bridge, not
    the single-leg bridge at level 4); a program without a ``max_level`` (5) climbs its whole chains."""
    harder_id = builder.library.harder_of.get(exercise_id)
    harder = builder.library.exercises.get(harder_id) if harder_id else None
    return harder_id if harder is None or harder.level <= builder.program.max_level else None


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


def harder_instead(
    builder: SessionPlanner, current: dict[str, TrackState], stuck: list[str], week_number: int,
    slots_of: dict[str, list[int]], weights: dict[str, int], seconds: list[int], volume: int, bound: float,
    big_steps: set[str] = frozenset(),  # type: ignore[assignment]
) -> tuple[str, TrackState, str, int, int] | None:
    """The first strength track stuck since last week whose harder variant, at its first dose, fits the
    minutes and the weekly limit (never a stretch: its next one in the library is another position, not a
    progression): (track, its new state, the reason, the change in load, the change in seconds)."""
    library = builder.library
    for track in stuck:
        state = current[track]
        harder_id = harder_within(builder, state.exercise.id)
        if harder_id is None or harder_id not in library.exercises or not is_strength(state.exercise) or \
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


def ready_for_harder(builder: SessionPlanner, states: dict[str, TrackState], tracks: list[str], fresh: frozenset[str],
                week_number: int, in_order: list[str], learning: frozenset[str] = frozenset()) -> list[str]:
    """The tracks ready for a harder variant, longest waiting first (then in the week's order of importance).

    Strength and stretch work only; a movement joining this week is not ready. Records since when each
    has been ready, so that one waiting for weeks goes before one that became ready this week.
    """
    library = builder.library
    ready = []
    for track in tracks:
        state = states[track]
        harder_id = harder_within(builder, state.exercise.id)
        if track in fresh or state.exercise.category is Category.RELIEF or harder_id is None or \
                is_stretch(state.exercise):
            continue
        step = next_step(state, library.exercises.get(harder_id))
        if step is not None and step.promoted:
            ready.append(track)
    builder.ready_since = {t: builder.ready_since.get(t, week_number) for t in ready}
    return sorted(ready, key=lambda t: (t not in learning, builder.ready_since[t], in_order.index(t)))
