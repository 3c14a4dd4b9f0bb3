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
all this: it takes its own weekly step (:mod:`planner.domain.plan.walks`). A stretch never
moves to the next stretch of its chain (another position, not more work): at its top dose it stays.
Which exercise takes its harder variant, and which goes first, is
:mod:`planner.domain.plan.harder_variants`'s.
"""

from __future__ import annotations

from planner.domain.library.models import Category
from planner.domain.plan.big_three import big_three_tracks, waiting_for_the_big_change, waiting_words
from planner.domain.plan.harder_variants import (
    harder_instead,
    harder_within,
    learning_steps,
    ready_for_harder,
)
from planner.domain.plan.progression import (
    MAX_STEP_RISE,
    STRETCH_SETS_MIN,
    Step,
    TrackState,
    describe,
    is_load,
    is_stretch,
    is_walk,
    may_grow,
    next_step,
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
    reason_of: dict[str, str] = {}  # each track's step this week, as said
    shortened: dict[str, int] = {}  # filler walks shortened to make room: their minutes before
    held_by_load = held_by_minutes = False
    too_big: list[str] = []  # a step alone adds more than the week's allowance (a small load, a big step)
    big_steps: set[str] = set()  # their tracks
    deferred: list[tuple[str, Step]] = []  # turned away by the weekly limit: tried again at the end
    # One new thing at a time: a movement joining counts, so that if the back complains, the cause is plain.
    harder_left = program.harder_per_week - (1 if fresh else 0)
    # Past the named forms of McGill's big three, a harder variant needs a week with no new or harder
    # exercise before it: last week's change gets a week of its own first (see ``learning`` below).
    # One more set of strength work (the bridge's 2×12 → 3×12, half as much work again) is a step up too:
    # never in a week with a harder variant or a new movement, and the week after it is not a week with none.
    set_resting = builder.set_added == week_number - 1 > 0
    resting = builder.last_change == week_number - 1 > 0 or set_resting
    added: list[tuple[str, TrackState, int, int, str]] = []  # sets added: (track, before, load, seconds, reason)
    paced: list[str] = []  # sets waiting for a week without a new or harder exercise
    waiting: list[str] = []  # ready for a harder variant, waiting for a week of its own
    rested: list[str] = []  # ready, waiting for the week after last week's change
    at_top: list[str] = []  # at the top of their chain (or of the program's levels): no step left
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
    # An everyday loaded movement (a carry, a sit to stand) grows within the weekly limit on its own volume:
    # the farmer's walk went 30 → 40 → 50 → 60 s (+33%, +25%, +20%); now 30 → 35 → 40 ... (the smallest
    # round step, 5 s, when even that is more).
    loaded = {i.track for items in sessions for i in items if program.slots[i.spec].slot.value == "loaded"}

    # A walk that is a slot of its own goes first (walking is the backbone of a return to activity);
    # fillers (an extra exercise, a walk that only uses spare minutes) go last.
    fillers = {t for t in tracks if all(i.extra for items in sessions for i in items if i.track == t)}
    # A slot may keep its exercises at their own variants (``harder = false``: the first days after a spasm).
    same_variant = {i.track for items in sessions for i in items if not program.slots[i.spec].harder}
    promotions = [t for t in ready_for_harder(builder, current, tracks, fresh, week_number,
                                              sorted(rotated, key=rank), learning)
                  if t not in same_variant and (t in learning or not resting)]
    # A week that brings one of the big three a harder variant is that exercise's week: the other two wait,
    # and their sessions' minutes stay with the strength work (no third stretch set there).
    big_tracks = big_three_tracks(builder, sessions)
    big_first = next((t for t in promotions[:harder_left] if t in big_tracks), None)
    big_waits: list[str] = []
    for track in sorted(rotated, key=rank):
        state = current[track]
        if track in fresh:
            continue  # a movement new this week is learnt at its first dose before it grows
        if not may_grow(state.exercise) or (track in fillers and is_walk(state.exercise)):
            continue  # relief items stay as they are; a walk that only fills spare minutes does not grow
        # A stretch keeps its position: the library's next stretch of a chain (double knee to chest after
        # single, standing hamstring stretch after the strap) is another position, not more work.
        harder_id = harder_within(builder, state.exercise.id) \
            if track not in same_variant and not is_stretch(state.exercise) else None
        step = next_step(state, library.exercises.get(harder_id) if harder_id else None,
                         1 + program.max_weekly_increase if track in loaded else MAX_STEP_RISE)
        if step is None:
            at_top.append(state.exercise.name.lower())
            continue
        if big_first is not None and track in big_tracks and track != big_first:
            big_waits.append(track)
            full_for_strength.update(slots_of[track])
            continue
        # Any harder variant counts, a mobility one too (lying on the elbows → press-ups): one change a week.
        if step.promoted and state.exercise.category is not Category.RELIEF and track not in promotions[:harder_left]:
            (rested if resting and track not in learning else waiting).append(
                f"{state.exercise.name} → {step.state.exercise.name}")
            continue
        more_set = is_strength(state.exercise) and not step.promoted and step.state.dose.sets > state.dose.sets
        if more_set and (fresh or promoted):
            full_for_strength.update(slots_of[track])  # its minutes are kept for it: no third stretch set there
            paced.append(f"{state.exercise.name} {describe(state.exercise, state.dose)} → "
                         f"{describe(step.state.exercise, step.state.dose)}")
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
        if more_set:
            added.append((track, state, load_change, change, step.reason))
        current[track] = step.state
        steps.append(step.reason)
        reason_of[track] = step.reason
        promoted += step.promoted
    if not promoted and not fresh and harder_left > 0:
        # No room for more of the same: a harder variant takes the easier one's place instead, so short
        # sessions still progress (one that has not grown for two weeks, one a week). Not one of the big
        # three when another of them grew this week: that week is theirs (one big-three change at a time).
        grown = any(current[t] != builder.states.get(t) for t in big_tracks)
        swap = harder_instead(builder, current, sorted((t for t in stuck if t not in same_variant
                                                        and (t in learning or not resting)
                                                        and not (grown and t in big_tracks)),
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
            reason_of[track] = reason
            stuck.remove(track)
            promoted += 1
    if promoted and added:  # a harder variant came this week after all: the added sets wait for next week
        for track, before, load_change, change, reason in added:
            current[track] = before
            volume -= load_change
            for n in slots_of[track]:
                seconds[n] -= change
            steps.remove(reason)
            paced.append(f"{before.exercise.name} {describe(before.exercise, before.dose)} → "
                         f"{reason.split(' → ', 1)[1].split(' (', 1)[0]}")
        added = []
    # A step the limit turned away may fit after all once fillers made way for others or a harder variant
    # started lower: a week whose load ends level must not name the weekly limit as what held it back.
    for track, step in deferred:
        if is_strength(step.state.exercise) and step.state.dose.sets > current[track].dose.sets and \
                (fresh or promoted):
            continue  # one more set is a step up: not in a week with a new or harder exercise
        change = step.state.estimated_seconds - current[track].estimated_seconds
        load_change = weights[track] * (step.state.volume - current[track].volume)
        if volume + load_change <= bound and all(seconds[n] + change <= builder.budget for n in slots_of[track]):
            volume += load_change
            for n in slots_of[track]:
                seconds[n] += change
            if is_strength(step.state.exercise) and step.state.dose.sets > current[track].dose.sets:
                added.append((track, current[track], load_change, change, step.reason))
            current[track] = step.state
            steps.append(step.reason)
            reason_of[track] = step.reason
        elif volume + load_change > bound:
            held_by_load = True
        else:
            held_by_minutes = True  # the load would fit now; the minutes do not
    # One of the big three changing form or gaining a set is that week's only big-three change.
    big, waits = waiting_for_the_big_change(big_tracks, builder.states, current)
    for track in waits:
        before, after = builder.states[track], current[track]
        volume -= weights[track] * (after.volume - before.volume) if is_load(after.exercise) else 0
        for n in slots_of[track]:
            seconds[n] -= after.estimated_seconds - before.estimated_seconds
        current[track] = before
        steps.remove(reason_of.pop(track))
        added = [a for a in added if a[0] != track]
    waits += [t for t in big_waits if big is not None and t != big and t not in waits]
    if added:
        builder.set_added = week_number
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
    if waits and big is not None:
        was, now = builder.states[big], current[big]
        what = f"{now.exercise.name} takes the place of {was.exercise.name.lower()}" \
            if was.exercise.id != now.exercise.id else f"{was.exercise.name} takes one more set"
        reasons.append(waiting_words([builder.states[t].exercise.name.lower() for t in waits], what))
    if paced:
        reasons.append("One more set is a step up too, so it waits for a week without a new or harder exercise: "
                       + "; ".join(paced) + ".")
    if rested:
        last = "gave a strength exercise one more set" if set_resting and builder.last_change != week_number - 1 \
            else "brought a new or harder exercise"
        reasons.append(f"Ready for a harder variant, waiting until next week: last week {last}, and past "
                       "the named forms of the big three a week with none comes between two, so each change has "
                       "a week to settle: " + "; ".join(rested) + ".")
    if waiting:
        reasons.append("Ready for a harder variant, each waiting for a week of its own (one new or harder "
                       "exercise a week, so that if your back complains you know which change to undo): "
                       + "; ".join(waiting) + ".")
    limits = []
    if held_by_load:
        limits.append(f"the {program.max_weekly_increase:.0%} weekly limit on strength and stretch work")
    if held_by_minutes:
        limits.append(f"your {builder.budget // 60} minutes a session")
    if waiting or paced:
        limits.append("one new or harder exercise a week")
    if rested:
        limits.append("a settling week between harder variants")
    if waits:
        limits.append("one change at a time in the big three")
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
    elif steps and at_top:
        # Said as it is: the rest have no step left, not "one step at a time" (which read as a choice).
        rest = _listed(sorted(at_top)) if len(at_top) <= 4 else f"the other {len(at_top)} exercises"
        reasons.append(f"What limits this week: {rest} {'is' if len(at_top) == 1 else 'are'} at the top of "
                       "the program's dose for now; only what can still grow steps up.")
    elif steps:
        reasons.append("What limits this week: one step at a time for each exercise.")
    elif walked:
        reasons.append("What limits this week: every other exercise is at the top of its chain.")
    else:
        reasons.append("What limits this week: every exercise is at the top of its chain.")
    return current, reasons


def _third_set(state: TrackState, step: Step) -> bool:
    """Whether the step gives a stretch a third set (two holds of 15-60 s are the common guidance)."""
    return is_stretch(state.exercise) and step.state.dose.sets > max(STRETCH_SETS_MIN, state.dose.sets)


def _listed(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
