"""The sessions of a plan: which exercises each holds, filled to the minutes asked for.

Each session runs the template's slots in order, rotating through the chains chosen
for each slot (:mod:`planner.domain.plan.choice`). When the minutes are short, extra
exercises of a slot go first, then whole strength slots in turn (a different one each
session). When they are long, a session is filled to the template's ``fill`` share of
the minutes: more exercises of its own slots, then more sets, then the optional slots
(a walk), and only then a longer walk or a bigger dose. A session never runs past the
minutes. The exercises' doses are shared by every session that holds them.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from planner.domain.errors import UsageError
from planner.domain.library.loading import Library
from planner.domain.library.models import Program
from planner.domain.library.slots import Slot
from planner.domain.plan.active_first import is_lying, settle, settle_week
from planner.domain.plan.choice import chains_for, starting_variant
from planner.domain.plan.model import PlanInputs
from planner.domain.plan.progression import (
    TrackState,
    is_load,
    is_walk,
    next_step,
    starting_dose,
    with_more_sets,
)

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
# Slots never topped up with a second exercise: some backs dislike leaning back, so one a session is plenty.
ONE_ONLY = frozenset({Slot.EXTENSION})


@dataclass(frozen=True)
class Item:
    """One exercise of a session layout: its chain (``track``), the slot it fills, whether it is a filler."""

    track: str
    spec: int
    extra: bool = False


Key = tuple[tuple[int, ...], int]  # (active slot indices, session index in the week)


class SessionPlanner:
    """The state of one build: chains per slot, each track's dose, the layout of each kind of session."""

    def __init__(self, program: Program, library: Library, inputs: PlanInputs, minutes: int) -> None:
        self.program, self.library, self.inputs = program, library, inputs
        self.per_week = len(inputs.days)
        self.chains = [chains_for(library, spec, inputs.level) for spec in program.slots]
        self.states: dict[str, TrackState] = {}
        self.budget = minutes * 60
        self.target = program.fill * self.budget
        self.layouts: dict[Key, list[Item]] = {}
        self.latest: dict[int, list[Item]] = {}  # the last layout made for each session of the week
        self.ready_since: dict[str, int] = {}  # tracks at their top dose, waiting for a harder variant: since week
        # The exercises of the weeks built so far, and how many new ones a top-up may still bring this week
        # (``None``: no limit, as in week 1): one new or harder movement a week.
        self.seen: set[str] = set()
        self.new_left: int | None = None
        self.last_change = 0  # the last week that brought a new or harder exercise (0: none yet)
        self.stuck_since: dict[str, int] = {}  # tracks with no room to grow in the minutes: since week
        self.told_two_sets: set[str] = set()  # stretches already said to stay at two sets for the strength work
        self.joins = [spec.from_week for spec in program.slots]  # a slot may join later than asked (see below)
        self.dates: dict[int, list] = {}  # each week's session dates, for slots bound to calendar days
        # Lying-down relief (heat, cold, rest positions, breathing) never gets extra exercises: movement comes first.
        self.lying = [bool(c) and all(is_lying(library.exercises[chain[0]]) for chain in c) for c in self.chains]
        # Walks done apart from the session (at any time that day): in every session, outside its minutes.
        self.apart = frozenset(i for i, spec in enumerate(program.slots) if spec.apart)

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

    def seconds(self, items: list[Item], states: dict[str, TrackState] | None = None) -> int:
        states = states or self.states
        return sum(states[i.track].estimated_seconds for i in items if i.spec not in self.apart)

    # --- layouts ------------------------------------------------------------------------------------------
    def active(self, week: int, session: int) -> tuple[int, ...]:
        number = week * self.per_week + session  # sessions of the plan so far
        dates = self.dates.get(week) or self.dates.setdefault(week, self.inputs.session_dates(week))
        day = (dates[session] - self.inputs.start).days if session < len(dates) else 7 * week + session
        return tuple(
            i for i, spec in enumerate(self.program.slots)
            if self.joins[i] <= week + 1 and self.chains[i] and spec.on_day(day, number)
        )

    def layout(self, week: int, session: int) -> list[Item]:
        key = (self.active(week, session), session)
        if key not in self.layouts:
            self.layouts[key] = self._new_layout(key)
        self.latest[session] = self.layouts[key]
        return self.layouts[key]

    def _pick(self, spec_index: int, session: int, nth: int, taken: set[str]) -> str | None:
        """The ``nth`` chain of a slot for this session (rotating across the week), skipping ones in use."""
        chains = self.chains[spec_index]
        spec = self.program.slots[spec_index]
        # A slot that joins later (the loaded pattern in week 5) brings one movement, the same in every
        # session: one new movement a week, so that if the back complains, the cause is plain.
        turn = 0 if spec.from_week > 1 else session * spec.count
        # So it is the same in every session, it skips a movement another slot holds in any of them.
        elsewhere = {i.track for items in self.latest.values() for i in items if i.spec != spec_index} \
            if spec.from_week > 1 else set()
        for skip in (taken | elsewhere, taken):
            for offset in range(len(chains)):
                chain = chains[(turn + nth + offset) % len(chains)]
                if chain[0] not in skip:
                    self.state(chain)
                    return chain[0]
        return None

    def _new_layout(self, key: Key) -> list[Item]:
        active, session = key
        program = self.program
        # A session that changes (a slot joins or ends) keeps what it had, so the plan runs on smoothly.
        items = [i for i in self.latest.get(session, []) if i.spec in active and i.spec not in self.apart]
        taken = {i.track for i in items}
        had = {i.spec for i in items}
        for index in active:
            spec = program.slots[index]
            if spec.optional or index in had or index in self.apart:
                continue
            for nth in range(spec.count):
                track = self._pick(index, session, nth, taken)
                if track is not None:
                    items.append(Item(track, index))
                    taken.add(track)
        items = self._fit(settle(self, items), session)
        if self.seconds(items) < self.target:
            items = self._fill(items, active, session)
        for index in active:  # the walk apart: it takes none of the minutes, so it is never left out
            track = self._pick(index, session, 0, taken) if index in self.apart else None
            if track is not None:
                items.append(Item(track, index))
                taken.add(track)
        return sorted(items, key=lambda i: (i.spec, i.extra))

    def _fit(self, items: list[Item], session: int) -> list[Item]:
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
        firsts = {i.spec: i for i in reversed(items)}  # each slot's first exercise: kept while the slot is
        repeats = [i for i in reversed(items) if firsts[i.spec] is not i]
        middle = sorted({i.spec for i in seconds_of_spec})
        rotated = middle[session % len(middle):] + middle[:session % len(middle)] if middle else []
        order: list[Item] = list(repeats)
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
                return [Item(options[0][1], options[0][2])]
            shortest = options[0][0] if options else 0
            raise UsageError(
                f"{self.budget // 60} is too short for '{self.program.id}': its shortest exercise "
                f"needs {-(-shortest // 60)} minutes", field="minutes"
            )
        return kept

    def add_extras(self, items: list[Item], active: tuple[int, ...], session: int, ceiling: float,
                   enough: float, *, reserve: bool = True) -> list[Item]:
        """More exercises for the session's own slots, a slot at a time, until ``enough`` seconds."""
        program = self.program
        items = list(items)
        taken = {i.track for i in items}
        nth = {index: program.slots[index].count for index in active}
        # Room is kept for the optional slots (a walk), which come after more sets.
        most = program.max_exercises - reserve * sum(1 for i in active if program.slots[i].optional and i not in
                                                     {item.spec for item in items})
        most += sum(1 for i in items if i.spec in self.apart)  # a walk apart is not one of the session's exercises
        grew = True
        while grew and self.seconds(items) < enough and len(items) < most:
            grew = False
            for index in active:
                spec = program.slots[index]
                if spec.optional or self.lying[index] or index in self.apart or nth[index] >= len(self.chains[index]) \
                        or spec.slot in ONE_ONLY or len(items) >= most:
                    continue
                track = self._pick(index, session, nth[index], taken)
                nth[index] += 1
                if track is None:
                    continue
                exercise_id = self.states[track].exercise.id
                new = self.new_left is not None and exercise_id not in self.seen
                if new and not self.new_left:
                    continue  # this week already brings its new or harder movement
                candidate = [*items, Item(track, index, extra=True)]
                if self.seconds(candidate) <= ceiling:
                    items, grew = candidate, True
                    taken.add(track)
                    if new and self.new_left is not None:
                        self.new_left -= 1
                        self.seen.add(exercise_id)
                    if self.seconds(items) >= enough:
                        break
        return sorted(items, key=lambda i: (i.spec, i.extra))

    def _fill(self, items: list[Item], active: tuple[int, ...], session: int) -> list[Item]:
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
            if track is not None and self.seconds([*items, Item(track, index, extra=True)]) <= ceiling:
                items = sorted([*items, Item(track, index, extra=True)], key=lambda i: (i.spec, i.extra))
                taken.add(track)
        return items

    def fill_doses(self, week: int, layouts: list[list[Item]]) -> list[str]:
        """Week 1, all sessions at once: more sets, then the optional slots (a walk), then longer doses.

        The sessions share each exercise's dose, so a change is taken only when every session
        holding the exercise still fits, and only while some session holding it is short. Returns what
        week 1's reasons should say about the lying-down relief (:mod:`planner.domain.plan.active_first`).
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
                # A walk apart starts at its own dose: it does not fill the session's minutes.
                for track in dict.fromkeys(i.track for items in layouts for i in items if i.spec not in self.apart):
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
                # An optional slot already in the session is served: a second one would double it (two
                # back extensions in one warm-up), not fill it.
                if not spec.optional or self.seconds(items) >= self.target or any(i.spec == index for i in items):
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
                if self.seconds([*items, Item(track, index, extra=True)]) <= limit:
                    items.append(Item(track, index, extra=True))
                    items.sort(key=lambda i: (i.spec, i.extra))
        # 3. Only then a longer walk, and last of all bigger doses along each exercise's own ladder.
        grow(lambda s: step.state if is_walk(s.exercise) and (step := next_step(s, None))
             and (step.state.dose.minutes or 0) <= WALK_START_CAP else None)
        grow(lambda s: step.state if is_load(s.exercise) and (step := next_step(s, None)) else None)
        return settle_week(self, week, layouts, self.states)
