"""A session in progress as plain data: which exercise, set, side and hold, and what each key or second does.

Every function here takes a :class:`SessionRun` and an event (a key the person
pressed, or seconds that passed) and returns a :class:`Step`: the next run,
the changes worth a bell and a flash (``cues``), and the completions to record
(``saves``). Nothing here knows about screens, timers or the store, so the
whole flow of a session (holds counted one by one, the pause between two
holds, the time to roll over to the other side, the rest between sets) is
tested without a terminal. The session runner screen draws the run and
forwards its keys and its clock's ticks.

A set is counted unit by unit: a descending set of holds ("6-4-2×10s") is
6 holds of 10 s with a short relax between them, then 4, then 2; a set of
reps is its reps at the exercise's tempo; a hold is one hold; a duration is
its minutes. A set ends by itself when its units are counted; ending it early
(or doing it without the timer) is one key.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from planner.domain.library.models import Kind
from planner.domain.plan.doses import RELAX_SECONDS, SWITCH_SECONDS, set_reps
from planner.domain.plan.model import Prescription

# RELAX_SECONDS: between two holds of a descending set (let go, breathe, brace again); SWITCH_SECONDS: to roll
# over to the other side (the person's own choice is a setting). Both are counted in the plan's estimates.
SWITCH_CHOICES = (0, 3, 5, 10, 15)


class Phase(StrEnum):
    READY = "ready"  # waiting: the timer is not counting
    WORK = "work"  # a hold, a rep or the whole duration being counted
    RELAX = "relax"  # the short let-go between two holds of a descending set
    SWITCH = "switch"  # time to roll over before the other side starts
    REST = "rest"  # between two sets


TIMED = frozenset({Phase.WORK, Phase.RELAX, Phase.SWITCH, Phase.REST})


class Mark(StrEnum):
    """How an exercise of the session was closed; the same words the store records."""

    DONE = "done"
    PARTIAL = "partial"
    SKIPPED = "skipped"


class Side(StrEnum):
    LEFT = "left"
    RIGHT = "right"


@dataclass(frozen=True, kw_only=True)
class Progress:
    """One exercise of the session: sets done so far, and how it was closed (None while open)."""

    sets_done: int = 0
    mark: Mark | None = None


@dataclass(frozen=True, kw_only=True)
class Save:
    """A completion to record: ``sets`` of ``item`` done, closed as ``status``."""

    item: Prescription
    status: Mark
    sets: int


@dataclass(frozen=True, kw_only=True)
class SessionRun:
    items: tuple[Prescription, ...]
    sided: tuple[bool, ...]  # one side at a time (the library's per_side), per item
    progress: tuple[Progress, ...]
    current: int = 0
    side: Side | None = None
    phase: Phase = Phase.READY
    counted: int = 0  # holds or reps finished in this set (on this side); the one under way is counted + 1
    remaining: int = 0  # seconds left in a timed phase
    total: int = 0  # that phase's length
    paused: bool = False
    timed: bool = False  # the person uses the timer: after a rest or a side switch, the count goes on by itself
    switch_seconds: int = SWITCH_SECONDS

    @property
    def item(self) -> Prescription:
        return self.items[self.current]

    @property
    def here(self) -> Progress:
        return self.progress[self.current]

    @property
    def timing(self) -> bool:
        """The clock counts: a timed phase that is not paused."""
        return self.phase in TIMED and not self.paused

    @property
    def units(self) -> int:
        """Holds or reps in the set under way (1 for a single hold or a duration)."""
        return units_in_set(self.item, self.here.sets_done)

    @property
    def descending(self) -> bool:
        return self.item.kind is Kind.REPS and self.item.descending


@dataclass(frozen=True)
class Step:
    run: SessionRun
    cues: tuple[str, ...] = ()
    saves: tuple[Save, ...] = ()

    def then(self, step: Step) -> Step:
        return Step(step.run, self.cues + step.cues, self.saves + step.saves)


# What a set is made of ---------------------------------------------------------------------------------


def reps_in_set(item: Prescription, done: int) -> int:
    """The reps of the set after ``done`` sets: the same each set, or fewer each set when descending (6-4-2)."""
    counts = set_reps(item.sets, item.reps or 1, item.descending, item.extra_holds)
    return counts[min(done, len(counts) - 1)] if counts else item.reps or 1


def units_in_set(item: Prescription, done: int) -> int:
    return reps_in_set(item, done) if item.kind is Kind.REPS else 1


def unit_seconds(item: Prescription) -> int:
    """One hold of a descending set, one rep at its tempo, a whole hold or a whole duration."""
    if item.kind is Kind.HOLD:
        return item.hold_seconds or 1
    if item.kind is Kind.DURATION:
        return (item.minutes or 1) * 60
    return max(1, item.seconds_per_rep)


def work_seconds(item: Prescription, done: int = 0) -> int:
    """The working time of the set after ``done`` sets (without the relax between holds)."""
    return units_in_set(item, done) * unit_seconds(item)


# Starting --------------------------------------------------------------------------------------------


def begin(items: Sequence[Prescription], sided: Sequence[bool], recorded: Mapping[str, tuple[str, int | None]],
          switch_seconds: int = SWITCH_SECONDS) -> SessionRun:
    """A run over ``items``, picking up what was recorded today (``id -> (status, sets)``): the first
    exercise still open comes first."""
    progress = []
    for item in items:
        status, sets = recorded.get(item.id, ("", 0))
        if status == Mark.DONE:
            progress.append(Progress(sets_done=item.sets, mark=Mark.DONE))
        elif status == Mark.SKIPPED:
            progress.append(Progress(mark=Mark.SKIPPED))
        else:  # partial, or nothing yet: open, with the sets kept
            progress.append(Progress(sets_done=min(sets or 0, item.sets)))
    run = SessionRun(items=tuple(items), sided=tuple(sided), progress=tuple(progress),
                     switch_seconds=max(0, switch_seconds))
    first = next((i for i, p in enumerate(progress) if p.mark is None), 0)
    return _at(run, first) if items else run


def _at(run: SessionRun, index: int) -> SessionRun:
    """``index`` becomes the exercise under way, waiting, on its first side."""
    side = Side.LEFT if run.items and run.sided[index] else None
    return dataclasses.replace(run, current=index, side=side, phase=Phase.READY, counted=0, remaining=0, total=0,
                               paused=False)


def _phase(run: SessionRun, phase: Phase, seconds: int, **changes: object) -> SessionRun:
    seconds = max(1, seconds)
    return dataclasses.replace(run, phase=phase, remaining=seconds, total=seconds, paused=False,
                               **changes)  # type: ignore[arg-type]


def _with_progress(run: SessionRun, index: int, progress: Progress) -> SessionRun:
    changed = list(run.progress)
    changed[index] = progress
    return dataclasses.replace(run, progress=tuple(changed))


# Events ----------------------------------------------------------------------------------------------


def pick(run: SessionRun, index: int) -> Step:
    """Another exercise of the session chosen in the list: its timer waits."""
    if not 0 <= index < len(run.items) or index == run.current:
        return Step(run)
    return Step(_at(run, index))


def start(run: SessionRun) -> Step:
    """``s``: start counting the set (or the next set after a rest); while counting, end the set early."""
    if not run.items or run.here.mark is not None:
        return Step(run)
    if run.phase in (Phase.WORK, Phase.RELAX):
        return set_done(run)
    if run.phase is Phase.SWITCH:
        return Step(_phase(run, Phase.WORK, unit_seconds(run.item), counted=0), (f"Go: {run.side} side.",))
    return Step(_phase(run, Phase.WORK, unit_seconds(run.item), counted=0, timed=True), (_go_words(run),))


def _go_words(run: SessionRun) -> str:
    number = run.here.sets_done + 1
    side = f", {run.side} side" if run.side else ""
    if run.descending:
        return f"Set {number}{side}: hold 1 of {run.units}."
    if run.item.kind is Kind.REPS:
        return f"Set {number}{side}: rep 1 of {run.units}."
    return f"Set {number}{side}: go."


def set_done(run: SessionRun) -> Step:
    """space (or ``s`` while counting): this set, or this side of it, is done; a rest is ended early."""
    if not run.items:
        return Step(run)
    if run.phase is Phase.REST:
        return _after_rest(run)
    if run.phase is Phase.SWITCH:  # rolled over already: the other side starts now
        return start(run)
    item = run.item
    if run.here.mark is Mark.DONE:
        return Step(_at(run, _next_open(run)))
    was_timed = run.phase in TIMED
    if run.side is Side.LEFT:
        if was_timed and run.switch_seconds:
            switched = _phase(run, Phase.SWITCH, run.switch_seconds, side=Side.RIGHT, counted=0)
        elif was_timed:
            switched = _phase(run, Phase.WORK, unit_seconds(item), side=Side.RIGHT, counted=0)
        else:
            switched = dataclasses.replace(run, side=Side.RIGHT, phase=Phase.READY, counted=0, remaining=0,
                                           total=0, paused=False)
        return Step(switched, ("Now the right side.",))
    done = run.here.sets_done + 1
    if done >= item.sets:
        closed = _with_progress(run, run.current, Progress(sets_done=item.sets, mark=Mark.DONE))
        return Step(_at(closed, _next_open(closed)), (f"{item.name} done.",),
                    (Save(item=item, status=Mark.DONE, sets=item.sets),))
    counted = _with_progress(run, run.current, Progress(sets_done=done))
    counted = _at(counted, run.current)
    counted = dataclasses.replace(counted, timed=run.timed)
    save = (Save(item=item, status=Mark.PARTIAL, sets=done),)
    if item.rest_seconds:
        return Step(_phase(counted, Phase.REST, item.rest_seconds), ("Rest.",), save)
    if was_timed:
        return Step(counted, (), save).then(start(counted))
    return Step(counted, (f"Set {done + 1} next.",), save)


def _after_rest(run: SessionRun) -> Step:
    waiting = dataclasses.replace(run, phase=Phase.READY, remaining=0, total=0, paused=False)
    if run.timed:
        return start(waiting)
    return Step(waiting, (f"Set {run.here.sets_done + 1} starts: s counts it, space when done.",))


def tick(run: SessionRun, seconds: int = 1) -> Step:
    """``seconds`` passed on the clock: count down, and move on where a phase runs out."""
    step = Step(run)
    for _ in range(max(0, seconds)):
        if not step.run.timing:
            break
        now = step.run
        if now.remaining > 1:
            step = step.then(Step(dataclasses.replace(now, remaining=now.remaining - 1)))
        else:
            step = step.then(_ran_out(now))
    return step


def _ran_out(run: SessionRun) -> Step:
    item = run.item
    if run.phase is Phase.REST:
        return _after_rest(run)
    if run.phase is Phase.SWITCH:
        return Step(_phase(run, Phase.WORK, unit_seconds(item), counted=0), (f"Go: {run.side} side.",))
    if run.phase is Phase.RELAX:
        hold = run.counted + 1
        return Step(_phase(run, Phase.WORK, unit_seconds(item)), (f"Hold {hold} of {run.units}.",))
    counted = run.counted + 1
    if counted < run.units:
        if run.descending:
            return Step(_phase(run, Phase.RELAX, RELAX_SECONDS, counted=counted),
                        (f"Relax. {run.units - counted} to go.",))
        return Step(_phase(run, Phase.WORK, unit_seconds(item), counted=counted))  # the next rep, no bell
    return set_done(dataclasses.replace(run, counted=counted))


def toggle_pause(run: SessionRun) -> Step:
    if run.phase not in TIMED:
        return Step(run)
    return Step(dataclasses.replace(run, paused=not run.paused))


def skip(run: SessionRun) -> Step:
    """``x``: leave this exercise out today."""
    return _close(run, Mark.SKIPPED)


def partial(run: SessionRun) -> Step:
    """``m``: stop this exercise part-way; the sets done are kept."""
    return _close(run, Mark.PARTIAL)


def _close(run: SessionRun, mark: Mark) -> Step:
    if not run.items or run.here.mark is Mark.DONE:
        return Step(run)
    sets = 0 if mark is Mark.SKIPPED else run.here.sets_done
    closed = _with_progress(run, run.current, Progress(sets_done=sets, mark=mark))
    return Step(_at(closed, _next_open(closed)), (), (Save(item=run.item, status=mark, sets=sets),))


def stop(run: SessionRun) -> SessionRun:
    """The clock stops (finishing, leaving): nothing more is counted."""
    return dataclasses.replace(run, phase=Phase.READY, remaining=0, total=0, paused=False)


def _next_open(run: SessionRun) -> int:
    """The next exercise still open after the current one, going round; the current one when none is."""
    following = [i for i, p in enumerate(run.progress) if p.mark is None]
    if not following:
        return run.current
    return next((i for i in following if i > run.current), following[0])


# Reading the run -------------------------------------------------------------------------------------


def left_to_do(run: SessionRun) -> list[Prescription]:
    """Exercises not closed, leaving out a walk meant for any time of the day."""
    return [p for p, done in zip(run.items, run.progress, strict=True) if done.mark is None and not p.apart]


def count(run: SessionRun, mark: Mark, *, session_only: bool = False) -> int:
    """How many items carry ``mark``; ``session_only``: the session's own exercises, not its walk apart."""
    return sum(1 for item, p in zip(run.items, run.progress, strict=True)
               if p.mark is mark and not (session_only and item.apart))


def all_closed(run: SessionRun) -> bool:
    return all(p.mark is not None for p in run.progress)
