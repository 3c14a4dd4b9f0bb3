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
from planner.domain.library.models import Category, Program
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
# Walks grow by at most this many minutes a week.
MAX_WALK_STEP = 5
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
        self.joins = [spec.from_week for spec in program.slots]  # a slot may join later than asked (see below)

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
            if self.joins[i] <= week + 1 and self.chains[i]
            and (spec.first_sessions == 0 or number < spec.first_sessions) and number >= spec.after_sessions
        )

    def layout(self, week: int, session: int) -> list[_Item]:
        key = (self.active(week, session), session)
        if key not in self.layouts:
            self.layouts[key] = self._new_layout(key)
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

    def _new_layout(self, key: Key) -> list[_Item]:
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
            items = self._fill(items, active, session)
        return sorted(items, key=lambda i: (i.spec, i.extra))

    def _fit(self, items: list[_Item], session: int) -> list[_Item]:
        """Leave out what does not fit: second exercises of a slot, then whole middle slots in turn."""
        # Fillers go first, the extra exercises before a walk (which is long, and grows week by week).
        extras = sorted((i for i in reversed(items) if i.extra), key=lambda i: is_walk(self.states[i.track].exercise))
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
            # Not even one of this session's exercises fits: the shortest any of its slots could offer.
            options = sorted((self.state(chain).estimated_seconds, chain[0], spec)
                             for spec in sorted({i.spec for i in items}) for chain in self.chains[spec])
            if options and options[0][0] <= self.budget:
                return [_Item(options[0][1], options[0][2])]
            shortest = options[0][0] if options else 0
            raise UsageError(
                f"--minutes {self.budget // 60} is too short for '{self.program.id}': its shortest exercise "
                f"needs {-(-shortest // 60)} minutes"
            )
        return kept

    def add_extras(self, items: list[_Item], active: tuple[int, ...], session: int, ceiling: float,
                   enough: float, *, reserve: bool = True) -> list[_Item]:
        """More exercises for the session's own slots, a slot at a time, until ``enough`` seconds."""
        program = self.program
        items = list(items)
        taken = {i.track for i in items}
        nth = {index: program.slots[index].count for index in active}
        # Room is kept for the optional slots (a walk), which come after more sets.
        most = program.max_exercises - reserve * sum(1 for i in active if program.slots[i].optional and i not in
                                                     {item.spec for item in items})
        grew = True
        while grew and self.seconds(items) < enough and len(items) < most:
            grew = False
            for index in active:
                spec = program.slots[index]
                if spec.optional or nth[index] >= len(self.chains[index]) or len(items) >= most:
                    continue
                track = self._pick(index, session, nth[index], taken)
                nth[index] += 1
                if track is None:
                    continue
                candidate = [*items, _Item(track, index, extra=True)]
                if self.seconds(candidate) <= ceiling:
                    items, grew = candidate, True
                    taken.add(track)
                    if self.seconds(items) >= enough:
                        break
        return sorted(items, key=lambda i: (i.spec, i.extra))

    def _fill(self, items: list[_Item], active: tuple[int, ...], session: int) -> list[_Item]:
        """Top a short session up with more exercises of its own slots, then its optional slots as they are.

        (Doses are raised to fill week 1 in :meth:`fill_doses`, for all its sessions at once.)
        """
        ceiling = max(self.target, FILL_CEILING * self.budget)
        items = self.add_extras(items, active, session, ceiling, self.target)
        taken = {i.track for i in items}
        for index in active:
            if not self.program.slots[index].optional or self.seconds(items) >= self.target:
                continue
            track = self._pick(index, session, 0, taken)
            if track is not None and self.seconds([*items, _Item(track, index, extra=True)]) <= ceiling:
                items = sorted([*items, _Item(track, index, extra=True)], key=lambda i: (i.spec, i.extra))
                taken.add(track)
        return items

    def fill_doses(self, week: int, layouts: list[list[_Item]]) -> None:
        """Week 1, all sessions at once: more sets, then the optional slots (a walk), then longer doses.

        The sessions share each exercise's dose, so a change is taken only when every session
        holding the exercise still fits, and only while some session holding it is short.
        """
        ceiling = max(self.target, FILL_CEILING * self.budget)

        def short(track: str) -> bool:
            return any(self.seconds(items) < self.target for items in layouts if any(i.track == track for i in items))

        def fits(track: str, new: TrackState) -> bool:
            trial = {**self.states, track: new}
            return all(self.seconds(items, trial) <= ceiling for items in layouts if any(i.track == track for i in items))

        def grow(change) -> None:  # noqa: ANN001 - a function from a state to a bigger one, or None
            grew = True
            while grew:
                grew = False
                for track in dict.fromkeys(i.track for items in layouts for i in items):
                    new = change(self.states[track])
                    if new is not None and short(track) and fits(track, new):
                        self.states[track] = new
                        grew = True

        # 1. More sets (up to each exercise's cap), for the strength and stretch work.
        grow(lambda s: TrackState(s.exercise, d) if is_load(s.exercise) and (d := with_more_sets(s.exercise, s.dose))
             else None)
        # 2. The optional slots (a walk), at a length that fits every short session.
        for n, items in enumerate(layouts):
            if self.seconds(items) >= self.target:
                continue
            for index in self.active(week, n):
                spec = self.program.slots[index]
                if not spec.optional or self.seconds(items) >= self.target:
                    continue
                track = self._pick(index, n, 0, {i.track for i in items})
                if track is None:
                    continue
                state = self.states[track]
                # Past the usual ceiling, up to the minutes themselves, when the session would stay too short.
                limit = self.budget if self.seconds(items) < MIN_FILL * self.budget else ceiling
                room = int(limit - self.seconds(items) - state.estimated_seconds + state.volume) // 60
                if is_walk(state.exercise) and MIN_WALK <= room < (state.dose.minutes or 0):
                    self.states[track] = TrackState(state.exercise, replace(state.dose, minutes=room))
                if self.seconds([*items, _Item(track, index, extra=True)]) <= limit:
                    items.append(_Item(track, index, extra=True))
                    items.sort(key=lambda i: (i.spec, i.extra))
        # 3. Only then a longer walk, and last of all bigger doses along each exercise's own ladder.
        grow(lambda s: step.state if is_walk(s.exercise) and (step := next_step(s, None))
             and (step.state.dose.minutes or 0) <= WALK_START_CAP else None)
        grow(lambda s: step.state if is_load(s.exercise) and (step := next_step(s, None)) else None)


def _load(states: dict[str, TrackState], sessions: list[list[_Item]]) -> int:
    """The week's training load: working seconds of strength, stretch and mobility work."""
    return sum(states[i.track].volume for items in sessions for i in items if is_load(states[i.track].exercise))


def _make_room(
    builder: _Builder, sessions: list[list[_Item]], crowded: list[int], track: str, change: int,
    seconds: list[int], states: dict[str, TrackState], shortened: dict[str, int],
) -> bool:
    """Let a slot's own exercise (or a walk) grow by leaving out fillers, keeping each session 75% full.

    Fillers were only there to use the minutes; the slot's main work growing matters more. A walk
    that only fills spare minutes is shortened rather than left out (it is usually the longest item).
    """
    plans: list[tuple[int, list[_Item]]] = []
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
    shortened: dict[str, int] = {}  # filler walks shortened to make room: their minutes before
    held_by_load = held_by_minutes = False
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
    for track in sorted(rotated, key=rank):
        state = current[track]
        if not may_grow(state.exercise) or (track in fillers and is_walk(state.exercise)):
            continue  # relief items stay as they are; a walk that only fills spare minutes does not grow
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
            if not _make_room(builder, sessions, crowded, track, change, seconds, current, shortened):
                held_by_minutes = True
                continue
            slots_of, weights = where()
            volume = _load(current, sessions)
        volume += load_change
        for n in slots_of[track]:
            seconds[n] += change
        current[track] = step.state
        steps.append(step.reason)
    for walk, before in shortened.items():
        steps.append(f"{current[walk].exercise.name}: {before} min → {current[walk].dose.minutes} min, "
                     "making room for the strength and stretch work")
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
    elif steps:
        reasons.append("What limits this week: one step at a time for each exercise.")
    else:
        reasons.append("What limits this week: every exercise is at the top of its chain.")
    return current, reasons


def _refill(builder: _Builder, layouts: list[list[_Item]], states: dict[str, TrackState],
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
            if track is not None and track in states and \
                    builder.seconds([*items, _Item(track, index, extra=True)], states) <= builder.budget:
                items.append(_Item(track, index, extra=True))
                items.sort(key=lambda i: (i.spec, i.extra))
        for item in items:
            state = states[item.track]
            before = last_full.get(item.track)
            if builder.seconds(items, states) >= low or not is_walk(state.exercise) or before is None:
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
            if _load(states, layouts) + sum(states[i.track].volume for i in added
                                             if is_load(states[i.track].exercise)) <= bound:
                items[:] = more


def _joining(builder: _Builder, index: int, session: int) -> list[str]:
    """The tracks slot ``index`` would bring into a session, as the layout will pick them."""
    taken = {i.track for i in builder.latest.get(session, [])}
    picked: list[str] = []
    for nth in range(builder.program.slots[index].count):
        track = builder._pick(index, session, nth, taken)
        if track is not None:
            picked.append(track)
            taken.add(track)
    return picked


def _has_minutes_for(builder: _Builder, index: int) -> bool:
    """Whether each session can take the slot's exercises, leaving out fillers, and stay 75% full."""
    for n, items in builder.latest.items():
        added = sum(builder.states[t].estimated_seconds for t in _joining(builder, index, n))
        total = builder.seconds(items) + added
        fillers = sorted((i for i in items if i.extra),
                         key=lambda i: (is_walk(builder.states[i.track].exercise), -builder.seconds([i])))
        for item in fillers:
            if total <= builder.budget:
                break
            total -= builder.seconds([item])
        if total > builder.budget or total < MIN_FILL * builder.budget:
            return False
    return True


def _delay_joins(builder: _Builder, number: int, deload: bool, room: float) -> None:
    """A slot due to join this week waits for a full week with room for it within the weekly limit.

    The room is what the limit leaves plus the fillers it can replace.
    """
    program = builder.program
    for index, spec in enumerate(program.slots):
        if builder.joins[index] != number or not builder.chains[index]:
            continue
        if deload:
            builder.joins[index] += 1
            continue
        added = sum(builder.states[t].volume for n in range(builder.per_week) for t in _joining(builder, index, n))
        fillers = sum(builder.states[i.track].volume for items in builder.latest.values() for i in items
                      if i.extra and is_load(builder.states[i.track].exercise))
        if not spec.optional and (added > room + fillers or not _has_minutes_for(builder, index)):
            builder.joins[index] += 1


def _trim(layouts: list[list[_Item]], states: dict[str, TrackState], bound: float) -> None:
    """A slot that joins (say a loaded pattern in week 5) takes the place of fillers, within the weekly limit."""
    while _load(states, layouts) > bound:
        fillers = [(n, i) for n, items in enumerate(layouts) for i in items
                   if i.extra and is_load(states[i.track].exercise)]
        if not fillers:
            return
        n, item = max(fillers, key=lambda pair: (states[pair[1].track].volume, pair[0]))
        layouts[n].remove(item)


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
        deload = number % program.deload_every == 0 and number != inputs.weeks
        if number > 1:
            _delay_joins(builder, number, deload, full_load * (1 + program.max_weekly_increase) - full_load)
        layouts = [builder.layout(index, n) for n in range(count)]
        if index == 0:
            builder.fill_doses(index, layouts)
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
            bound = full_load * (1 + program.max_weekly_increase)
            _trim(layouts, builder.states, bound)
            week_states, reasons = _progress(builder, layouts, full_load, number)
            _refill(builder, layouts, week_states, full_states, index, bound)
        if not deload:
            builder.states = {**builder.states, **week_states}
            full_states = dict(builder.states)
            full_load = _load(full_states, layouts)
        states = {**builder.states, **week_states}
        joining = sorted({states[i.track].exercise.name for items in layouts for i in items
                          if number > 1 and builder.joins[i.spec] == number and program.slots[i.spec].from_week > 1})
        if joining:
            reasons.insert(1 if len(reasons) > 1 else 0,
                           f"New this week, an everyday loaded movement: {', '.join(joining)}.")
        weeks.append(Week(number=number, deload=deload, reasons=reasons,
                          sessions=_sessions(builder, inputs, layouts, states, index)))
    return Plan(inputs=inputs, program_name=program.name, weeks=weeks)
