"""Build a progressive weekly plan from a program template: pure and deterministic.

How a plan comes about:

1. The template names *slots* in the order a session runs (a warm-up, the
   strength slots, perhaps a walk, stretches last). Each slot rotates through
   the chains chosen for it by purpose (:mod:`planner.domain.plan.choice`), so
   the sessions of a week differ while every slot is served.
2. Week 1's sessions hold every slot. When the minutes are short, extra
   exercises of a slot go first, then whole strength slots in turn (a
   different one each session). When they are long, the session is filled to
   the template's ``fill`` share of the minutes: more exercises of its slots,
   then more sets, then the optional slots (a walk), and only then a longer
   walk or a bigger dose. A session never runs past the minutes.
3. Each following week takes at most one step per exercise
   (:mod:`planner.domain.plan.progression`), accepting steps only while the
   training load (strength, stretch and mobility work) stays within
   ``max_weekly_increase`` of the last full week and every session still fits.
   Walks grow by their own step (a few minutes a week) while there is room.
4. Every ``deload_every``-th week is an easier week at about ``deload_factor``
   of the training load; walks and relief items (heat, cold, rest positions,
   water) are never cut. A plan never ends on an easier week.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from planner.domain.errors import UsageError
from planner.domain.library.loading import Library
from planner.domain.library.models import Program
from planner.domain.plan.choice import chains_for, starting_variant
from planner.domain.plan.model import DAY_NAMES, WEEKDAYS, Plan, PlanInputs, Session, Week, prescribe
from planner.domain.plan.progression import (
    TrackState,
    is_load,
    is_walk,
    may_grow,
    next_step,
    scaled_dose,
    starting_dose,
    with_more_sets,
)

__all__ = ["build_plan", "session_dates", "starting_variant"]

# An easier week keeps between half and four fifths of the week before (the range of deload_factor).
DELOAD_FLOOR = 0.5
DELOAD_CEILING = 0.8
# Week 1 is filled no further than this share of the minutes, so doses have room to grow.
FILL_CEILING = 0.9
# However long the session, a walk in it starts no longer than this.
WALK_START_CAP = 20
# Every full session fills at least this share of the minutes.
MIN_FILL = 0.75
# A walk shorter than this is not worth putting on its own line.
MIN_WALK = 5


def session_dates(inputs: PlanInputs, week_index: int) -> list[dt.date]:
    first = inputs.start + dt.timedelta(days=7 * week_index)
    wanted = {WEEKDAYS.index(d) for d in inputs.days_in_week(week_index)}
    return [d for d in (first + dt.timedelta(days=i) for i in range(7)) if d.weekday() in wanted]


@dataclass(frozen=True)
class _Item:
    """One exercise of a session layout: its chain (``track``), the slot it fills, whether it is a filler."""

    track: str
    spec: int
    extra: bool = False


Key = tuple[tuple[int, ...], int]  # (active slot indices, session index in the week)


class _Builder:
    """The state of one build: chains per slot, each track's dose, the layout of each kind of session."""

    def __init__(self, program: Program, library: Library, inputs: PlanInputs, minutes: int) -> None:
        self.program, self.library, self.inputs = program, library, inputs
        self.per_week = len(inputs.days)
        self.chains = [chains_for(library, spec, inputs.level) for spec in program.slots]
        self.states: dict[str, TrackState] = {}
        self.budget = minutes * 60
        self.target = program.fill * self.budget
        self.layouts: dict[Key, list[_Item]] = {}
        self.latest: dict[int, list[_Item]] = {}  # the last layout made for each session of the week

    # --- tracks -------------------------------------------------------------------------------------------
    def state(self, chain: list[str]) -> TrackState:
        track = chain[0]
        if track not in self.states:
            exercise = starting_variant(self.library, chain, self.inputs.level)
            dose = starting_dose(exercise)
            if is_walk(exercise) and dose.minutes and dose.minutes > WALK_START_CAP:
                dose = replace(dose, minutes=WALK_START_CAP)
            self.states[track] = TrackState(exercise, dose)
        return self.states[track]

    def seconds(self, items: list[_Item], states: dict[str, TrackState] | None = None) -> int:
        states = states or self.states
        return sum(states[i.track].estimated_seconds for i in items)

    # --- layouts ------------------------------------------------------------------------------------------
    def active(self, week: int, session: int) -> tuple[int, ...]:
        number = week * self.per_week + session  # sessions of the plan so far
        return tuple(
            i for i, spec in enumerate(self.program.slots)
            if spec.from_week <= week + 1 and self.chains[i]
            and (spec.first_sessions == 0 or number < spec.first_sessions) and number >= spec.after_sessions
        )

    def layout(self, week: int, session: int, *, may_change_doses: bool) -> list[_Item]:
        key = (self.active(week, session), session)
        if key not in self.layouts:
            self.layouts[key] = self._new_layout(key, may_change_doses)
        self.latest[session] = self.layouts[key]
        return self.layouts[key]

    def _pick(self, spec_index: int, session: int, nth: int, taken: set[str]) -> str | None:
        """The ``nth`` chain of a slot for this session (rotating across the week), skipping ones in use."""
        chains = self.chains[spec_index]
        count = self.program.slots[spec_index].count
        for offset in range(len(chains)):
            chain = chains[(session * count + nth + offset) % len(chains)]
            if chain[0] not in taken:
                self.state(chain)
                return chain[0]
        return None

    def _new_layout(self, key: Key, may_change_doses: bool) -> list[_Item]:
        active, session = key
        program = self.program
        # A session that changes (a slot joins or ends) keeps what it had, so the plan runs on smoothly.
        items = [i for i in self.latest.get(session, []) if i.spec in active]
        taken = {i.track for i in items}
        had = {i.spec for i in items}
        for index in active:
            spec = program.slots[index]
            if spec.optional or index in had:
                continue
            for nth in range(spec.count):
                track = self._pick(index, session, nth, taken)
                if track is not None:
                    items.append(_Item(track, index))
                    taken.add(track)
        items = self._fit(items, session)
        if self.seconds(items) < self.target:
            items = self._fill(items, active, session, may_change_doses)
        return sorted(items, key=lambda i: (i.spec, i.extra))

    def _fit(self, items: list[_Item], session: int) -> list[_Item]:
        """Leave out what does not fit: second exercises of a slot, then whole middle slots in turn."""
        extras = [i for i in reversed(items) if i.extra]
        while extras and self.seconds(items) > self.budget:
            dropped = extras.pop(0)
            items = [i for i in items if i is not dropped]
        if self.seconds(items) <= self.budget:
            return items
        specs = sorted({i.spec for i in items})
        first, last = specs[0], specs[-1]
        seconds_of_spec = [i for i in items if i.spec not in (first, last)]
        repeats = [i for i in reversed(items) if [j.spec for j in items].count(i.spec) > 1]
        middle = sorted({i.spec for i in seconds_of_spec})
        rotated = middle[session % len(middle):] + middle[:session % len(middle)] if middle else []
        order: list[_Item] = list(repeats)
        for spec in reversed(rotated):
            order += [i for i in items if i.spec == spec and i not in order]
        order += [i for i in items if i.spec == last and i not in order]
        kept = list(items)
        for item in order:
            if self.seconds(kept) <= self.budget or len(kept) == 1:
                break
            kept.remove(item)
        if self.seconds(kept) > self.budget:
            shortest = min(s.estimated_seconds for s in self.states.values())
            raise UsageError(
                f"--minutes {self.budget // 60} is too short for '{self.program.id}': its shortest exercise "
                f"needs {-(-shortest // 60)} minutes"
            )
        return kept

    def _in_use(self) -> set[str]:
        return {i.track for items in self.layouts.values() for i in items}

    def _sessions_with(self, track: str, extra: list[_Item]) -> list[list[_Item]]:
        return [items for items in [*self.layouts.values(), extra] if any(i.track == track for i in items)]

    def _fits_everywhere(self, track: str, new: TrackState, current: list[_Item], limit: float) -> bool:
        trial = {**self.states, track: new}
        return all(self.seconds(items, trial) <= (limit if items is current else self.budget)
                   for items in self._sessions_with(track, current))

    def _fill(self, items: list[_Item], active: tuple[int, ...], session: int, may_change_doses: bool) -> list[_Item]:
        """Top a short session up towards ``fill`` of the minutes, in the order a physiotherapist would."""
        program = self.program
        ceiling = max(self.target, FILL_CEILING * self.budget)
        taken = {i.track for i in items}
        # 1. More exercises for the session's own slots, one slot at a time.
        nth = {index: program.slots[index].count for index in active}
        grew = True
        while grew and self.seconds(items) < self.target and len(items) < program.max_exercises:
            grew = False
            for index in active:
                spec = program.slots[index]
                if spec.optional or nth[index] >= len(self.chains[index]) or len(items) >= program.max_exercises:
                    continue
                track = self._pick(index, session, nth[index], taken)
                nth[index] += 1
                if track is None:
                    continue
                candidate = [*items, _Item(track, index, extra=True)]
                if self.seconds(candidate) <= ceiling:
                    items, grew = candidate, True
                    taken.add(track)
                    if self.seconds(items) >= self.target:
                        break
        if not may_change_doses:
            return items
        # 2. More sets (up to each exercise's cap), for the strength and stretch work.
        grew = True
        while grew and self.seconds(items) < self.target:
            grew = False
            for item in items:
                state = self.states[item.track]
                if not is_load(state.exercise):
                    continue
                dose = with_more_sets(state.exercise, state.dose)
                if dose is None:
                    continue
                new = TrackState(state.exercise, dose)
                if self._fits_everywhere(item.track, new, items, ceiling):
                    self.states[item.track] = new
                    grew = True
                    if self.seconds(items) >= self.target:
                        break
        # 3. The optional slots (a walk).
        for index in active:
            spec = program.slots[index]
            if not spec.optional or self.seconds(items) >= self.target:
                continue
            track = self._pick(index, session, 0, taken)
            if track is None:
                continue
            state = self.states[track]
            room = (ceiling - self.seconds(items) - state.estimated_seconds + state.volume) // 60
            if is_walk(state.exercise) and room < (state.dose.minutes or 0) and track not in self._in_use():
                # A shorter warm-up walk where the usual one does not fit (it grows week by week).
                shorter = TrackState(state.exercise, replace(state.dose, minutes=int(room)))
                if room >= MIN_WALK:
                    self.states[track] = shorter
            if self.seconds([*items, _Item(track, index)]) <= ceiling:
                items = [*items, _Item(track, index)]
                taken.add(track)
        # 4. Only then a longer walk, and last of all bigger doses along each exercise's own ladder.
        for walks_only in (True, False):
            grew = True
            while grew and self.seconds(items) < self.target:
                grew = False
                for item in items:
                    state = self.states[item.track]
                    if is_walk(state.exercise) != walks_only or (not walks_only and not is_load(state.exercise)):
                        continue
                    step = next_step(state, None)
                    if step is None or (walks_only and (step.state.dose.minutes or 0) > WALK_START_CAP):
                        continue
                    if self._fits_everywhere(item.track, step.state, items, ceiling):
                        self.states[item.track] = step.state
                        grew = True
                        if self.seconds(items) >= self.target:
                            break
        return items


def _load(states: dict[str, TrackState], sessions: list[list[_Item]]) -> int:
    """The week's training load: working seconds of strength, stretch and mobility work."""
    return sum(states[i.track].volume for items in sessions for i in items if is_load(states[i.track].exercise))


def _make_room(
    builder: _Builder, sessions: list[list[_Item]], crowded: list[int], track: str, change: int,
    seconds: list[int], states: dict[str, TrackState],
) -> bool:
    """Let a slot's own exercise (or a walk) grow by leaving out fillers, keeping each session 75% full.

    Fillers were only there to use the minutes; the slot's main work growing matters more.
    """
    plans: list[tuple[int, list[_Item]]] = []
    for n in crowded:
        items = sessions[n]
        mine = next(i for i in items if i.track == track)
        if mine.extra and not is_walk(states[track].exercise):
            return False
        kept, total = list(items), seconds[n]
        for extra in [i for i in reversed(items) if i.extra and i.track != track]:
            if total + change <= builder.budget:
                break
            kept.remove(extra)
            total -= states[extra.track].estimated_seconds
        if total + change > builder.budget or total + change < MIN_FILL * builder.budget:
            return False
        plans.append((n, kept))
    for n, kept in plans:
        sessions[n][:] = kept
        seconds[n] = builder.seconds(kept, states)
    return True


def _progress(
    builder: _Builder, sessions: list[list[_Item]], base: int,
    week_number: int,
) -> tuple[dict[str, TrackState], list[str]]:
    """Take at most one step per exercise, within the weekly bound and the minutes; say what held it back."""
    program, library = builder.program, builder.library
    current = dict(builder.states)
    bound = base * (1 + program.max_weekly_increase)
    volume = _load(current, sessions)
    seconds = [builder.seconds(items, current) for items in sessions]
    tracks = sorted({i.track for items in sessions for i in items})

    def where() -> tuple[dict[str, list[int]], dict[str, int]]:
        slots_of = {t: [n for n, items in enumerate(sessions) if any(i.track == t for i in items)] for t in tracks}
        return slots_of, {t: len(s) for t, s in slots_of.items()}

    slots_of, weights = where()
    offset = (week_number - 1) % len(tracks) if tracks else 0
    steps: list[str] = []
    held_by_load = held_by_minutes = False
    rotated = tracks[offset:] + tracks[:offset]
    # Walks first: a few more minutes of walking a week is the backbone of a return to activity.
    for track in sorted(rotated, key=lambda t: not is_walk(current[t].exercise)):
        state = current[track]
        if not may_grow(state.exercise):
            continue  # relief items stay as they are
        harder_id = library.harder_of.get(state.exercise.id)
        step = next_step(state, library.exercises.get(harder_id) if harder_id else None)
        if step is None:
            continue
        change = step.state.estimated_seconds - state.estimated_seconds
        load_change = weights[track] * (step.state.volume - state.volume) if is_load(state.exercise) else 0
        if load_change > 0 and volume + load_change > bound:
            held_by_load = True
            continue
        crowded = [n for n in slots_of[track] if seconds[n] + change > builder.budget]
        if crowded:
            if not _make_room(builder, sessions, crowded, track, change, seconds, current):
                held_by_minutes = True
                continue
            slots_of, weights = where()
            volume = _load(current, sessions)
        volume += load_change
        for n in slots_of[track]:
            seconds[n] += change
        current[track] = step.state
        steps.append(step.reason)
    reasons: list[str] = []
    if steps:
        rise = volume / base - 1 if base else 0
        reasons.append(f"Training load {'up' if rise >= 0.005 else 'down' if rise <= -0.005 else 'about level'} "
                       f"{abs(rise):.0%} on the last full week (the limit is {program.max_weekly_increase:.0%} up):")
        reasons += steps
    else:
        reasons.append("Doses stay as they were.")
    limits = []
    if held_by_load:
        limits.append(f"the {program.max_weekly_increase:.0%} weekly limit on strength and stretch work")
    if held_by_minutes:
        limits.append(f"your {builder.budget // 60} minutes a session")
    if limits:
        reasons.append("What limits this week: " + " and ".join(limits) + ".")
    elif not steps:
        reasons.append("What limits this week: every exercise is at the top of its chain.")
    return current, reasons


def _deload(states: dict[str, TrackState], factor: float) -> dict[str, TrackState]:
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


def _sessions(builder: _Builder, inputs: PlanInputs, layouts: list[list[_Item]], states: dict[str, TrackState],
              index: int) -> list[Session]:
    slots = builder.program.slots
    return [
        Session(date=day, slot=n, exercises=[
            prescribe(states[i.track].exercise, states[i.track].dose, i.track, slots[i.spec].slot.value)
            for i in layouts[n]])
        for n, day in enumerate(session_dates(inputs, index))
    ]


def build_plan(inputs: PlanInputs, library: Library) -> Plan:
    """Every week and session of the plan, with the reason for each change."""
    program = library.programs.get(inputs.program)
    if program is None:
        raise UsageError(
            f"unknown program '{inputs.program}'; choose one of: {', '.join(sorted(library.programs))}"
        )
    notes: list[str] = []
    if inputs.weeks > program.max_weeks:
        notes.append(f"This program lasts at most {program.max_weeks} week{'s' if program.max_weeks > 1 else ''} "
                     f"(you asked for {inputs.weeks}): after that, build a plan from another program.")
        inputs = replace(inputs, weeks=program.max_weeks)
    if inputs.start > dt.date.max - dt.timedelta(days=7 * inputs.weeks):
        raise UsageError(f"--start: {inputs.start.isoformat()} is too late: {inputs.weeks} weeks from then "
                         "would run past the year 9999")
    minutes = min(inputs.minutes, program.max_minutes)
    if minutes < inputs.minutes:
        notes.append(f"Sessions are kept to at most {minutes} minutes (you asked for {inputs.minutes}): "
                     "this program keeps them short on purpose.")
    builder = _Builder(program, library, inputs, minutes)
    weeks: list[Week] = []
    full_states: dict[str, TrackState] = {}
    full_load = 0
    day_list = ", ".join(DAY_NAMES[WEEKDAYS.index(d)] for d in inputs.days)
    for index in range(inputs.weeks):
        number = index + 1
        count = len(session_dates(inputs, index))
        layouts = [builder.layout(index, n, may_change_doses=index == 0) for n in range(count)]
        deload = number % program.deload_every == 0 and number != inputs.weeks
        if number == 1:
            week_states = dict(builder.states)
            reasons = [f"Starting doses for {program.name}, level {inputs.level}, "
                       f"{inputs.minutes} minutes on {day_list}.", *notes]
        elif deload:
            week_states = _deload(full_states, program.deload_factor)
            reasons = [f"Easier week: strength and stretch work at about {program.deload_factor:.0%} of week "
                       f"{number - 1}'s, so the body can absorb the work before the next step; walks, heat "
                       "and rest positions stay as they were.",
                       "What limits this week: it is an easier week."]
        else:
            builder.states = {**builder.states, **full_states}
            week_states, reasons = _progress(builder, layouts, full_load, number)
        if not deload:
            builder.states = {**builder.states, **week_states}
            full_states = dict(builder.states)
            full_load = _load(full_states, layouts)
        states = {**builder.states, **week_states}
        weeks.append(Week(number=number, deload=deload, reasons=reasons,
                          sessions=_sessions(builder, inputs, layouts, states, index)))
    return Plan(inputs=inputs, program_name=program.name, weeks=weeks)
