"""What a plan file's models alone cannot see: the calendar, the library, each exercise's kind and the
meaning of every ``[adaptation]`` value.

pydantic checks each field's type and range (:mod:`planner.domain.exchange.plan_file`); these checks read
the file as a whole, so a week with a session on the wrong day, an unknown exercise or a factor of nan is
named at its line, all at once, before anything is imported.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import TYPE_CHECKING, Any

from planner.domain.date_range import EARLIEST, LATEST
from planner.domain.errors import Problem
from planner.domain.files.control import leaves
from planner.domain.files.toml_lines import locate
from planner.domain.library.models import MAX_SETS, PRIMARY_FIELD
from planner.domain.pain.adaptation import AdaptationState
from planner.domain.pain.warning_signs import SIGN_NAMES
from planner.domain.plan.builder import session_dates
from planner.domain.plan.doses import holds_added, set_reps
from planner.domain.plan.model import DAY_NAMES, WEEKDAYS

if TYPE_CHECKING:
    from planner.domain.exchange.plan_file import ExerciseEntry, PlanFile
    from planner.domain.library.loading import Library

DOSE_FIELDS = ("reps", "hold_seconds", "minutes")


def dates_out_of_range(data: dict[str, Any], path: str, text: str) -> list[Problem]:
    """A date planner cannot count weeks from (year 1, year 9999) is refused before anything uses it."""
    return [Problem(path, locate(text, loc), ".".join(str(p) for p in loc),
                    f"{value.isoformat()} is out of range; use a date from {EARLIEST.isoformat()} "
                    f"to {LATEST.isoformat()}")
            for loc, value, _ in leaves(data)
            if isinstance(value, dt.date) and not EARLIEST <= _day(value) <= LATEST]


def _day(value: dt.date) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value


def check_weeks(plan_file: PlanFile, text: str, path: str, library: Library) -> list[Problem]:
    """What the models alone cannot see: the calendar, the library, and each exercise's kind."""
    problems: list[Problem] = []

    def problem(loc: tuple[str | int, ...], message: str) -> None:
        problems.append(Problem(path, locate(text, loc), ".".join(str(p) for p in loc), message))

    inputs = plan_file.plan
    if inputs.program not in library.programs:
        problem(("plan", "program"), f"no program has id '{inputs.program}'"
                f"{library.suggest(inputs.program, library.programs)}")
    if len(set(inputs.days)) != len(inputs.days):
        problem(("plan", "days"), "names a weekday twice")
    if len(plan_file.weeks) != inputs.weeks:
        problem(("plan", "weeks"), f"says {inputs.weeks} weeks, but the file has {len(plan_file.weeks)} [[weeks]]")
    if plan_file.adjustments == [] and plan_file.adaptation != AdaptationState():
        problem(("adaptation",), "is set, but there are no [[adjustments]] that led to it; keep them, "
                "or remove [adaptation] to start without pain-guided changes")
    days_text = ", ".join(DAY_NAMES[WEEKDAYS.index(d)] for d in inputs.days)
    for w, week in enumerate(plan_file.weeks):
        if week.number != w + 1:
            problem(("weeks", w, "number"), f"is {week.number}, but weeks are numbered 1, 2, 3, … in order; "
                    f"this one should be {w + 1}")
            continue
        first = inputs.start + dt.timedelta(days=7 * w)
        last = first + dt.timedelta(days=6)
        previous: dt.date | None = None
        expected = set(session_dates(inputs, w))
        for s, session in enumerate(week.sessions):
            day = session.date
            if not first <= day <= last:
                problem(("weeks", w, "sessions", s, "date"),
                        f"{day.isoformat()} is outside week {week.number} ({first.isoformat()} to {last.isoformat()})")
            elif WEEKDAYS[day.weekday()] not in inputs.days_in_week(w):
                shown = ", ".join(DAY_NAMES[WEEKDAYS.index(d)] for d in inputs.days_in_week(w))
                problem(("weeks", w, "sessions", s, "date"),
                        f"{day.isoformat()} is a {DAY_NAMES[day.weekday()]}; the plan's days "
                        f"{'are' if shown == days_text else f'in week {w + 1} are'} {shown}")
            elif previous is not None and day <= previous:
                problem(("weeks", w, "sessions", s, "date"),
                        f"{day.isoformat()} comes after {previous.isoformat()} in the file; "
                        "give each session its own date, in order")
            else:
                expected.discard(day)
                previous = day
            seen: set[str] = set()
            for e, entry in enumerate(session.exercises):
                problems_before = len(problems)
                _check_exercise(entry, ("weeks", w, "sessions", s, "exercises", e), library, problem)
                if entry.id in seen and len(problems) == problems_before:
                    problem(("weeks", w, "sessions", s, "exercises", e, "id"),
                            f"'{entry.id}' is already in this session; list each exercise once")
                seen.add(entry.id)
        if expected and len(expected) + len(week.sessions) == len(inputs.days):
            missing = ", ".join(f"{DAY_NAMES[d.weekday()]} {d.isoformat()}" for d in sorted(expected))
            problem(("weeks", w), f"week {week.number} has no session on {missing}; every plan day needs one "
                    "(to rest a day, skip it with 'planner skip' when it comes)")
    return problems


# Below this a plan is not cut but gone: no rules reach it (a restart after a pause, cut twice at the
# strictest settings, is 0.04), so a smaller factor is a damaged or forged file, not a state.
MIN_FACTOR = 0.01


def check_adaptation(plan_file: PlanFile, text: str, path: str, library: Library,
                      today: dt.date | None) -> list[Problem]:
    """Every ``[adaptation]`` value within its meaning: a file may carry where pain left the plan, never
    an impossible state (a factor of nan or 1e308, a week before the first, a date in the future)."""
    problems: list[Problem] = []
    state = plan_file.adaptation
    weeks = len(plan_file.weeks)
    start = plan_file.plan.start

    def problem(name: str | tuple[str, ...], message: str) -> None:
        loc = ("adaptation", *((name,) if isinstance(name, str) else name))
        problems.append(Problem(path, locate(text, loc), ".".join(loc), message))

    for name in ("factor", "ceiling"):
        value = getattr(state, name)
        if value is None:
            continue
        if not math.isfinite(value) or not MIN_FACTOR <= value <= 1:
            problem(name, f"{value} is out of range; use a fraction of the planned volume from {MIN_FACTOR} "
                    "to 1 (e.g. 0.7 for 70%)")
    if state.frozen_week is not None and not 1 <= state.frozen_week <= weeks:
        problem("frozen_week", f"{state.frozen_week} is not a week of this plan; use 1 to {weeks}")
    if not 0 <= state.lag_weeks <= weeks:
        problem("lag_weeks", f"{state.lag_weeks} is out of range; use 0 to {weeks} (weeks the plan runs behind)")
    earliest = start - dt.timedelta(days=7)
    for name in ("growing_since", "gap_after", "cut_for"):
        day = getattr(state, name)
        if day is None:
            continue
        if today is not None and day > today:
            problem(name, f"{day.isoformat()} is in the future; it records something that already happened")
        elif day < earliest:
            problem(name, f"{day.isoformat()} is long before the plan starts ({start.isoformat()})")
    for track, variant in state.regressed.items():
        if variant not in library.exercises:
            problem(("regressed", track), f"no exercise has id '{variant}'")
    for name in state.symptoms:
        if name not in SIGN_NAMES:
            problem("symptoms", f"'{name}' is not a warning sign; use {', '.join(SIGN_NAMES)}")
        elif state.pause != "red-flag":
            problem("symptoms", "lists warning signs, but pause is not \"red-flag\"; a warning sign pauses the plan")
            break
    for track in state.dropped:
        if track not in library.exercises:
            problem("dropped", f"no exercise has id '{track}'")
    for track, other in state.replaced.items():
        if other not in library.exercises:
            problem(("replaced", track), f"no exercise has id '{other}'")
        elif track not in state.dropped:
            problem(("replaced", track), f"'{track}' is not in dropped; only a dropped exercise is replaced")
    return problems


def _check_exercise(entry: ExerciseEntry, loc: tuple[str | int, ...], library: Library, problem: Any) -> None:
    exercise = library.exercises.get(entry.id)
    if exercise is None:
        problem((*loc, "id"), f"no exercise has id '{entry.id}'{library.suggest(entry.id, library.exercises)}")
        return
    if entry.name is not None and entry.name != exercise.name:
        problem((*loc, "name"), f"'{entry.name}' is not the name of '{entry.id}' ({exercise.name}); "
                "the name follows the id, so fix one or remove the name")
    if isinstance(entry.sets, list):
        _check_descending(entry, loc, exercise, problem)
        return
    primary = PRIMARY_FIELD[exercise.kind]
    if getattr(entry, primary) is None:
        problem((*loc, primary), f"is required: '{entry.id}' is a {exercise.kind.value} exercise")
    for other in DOSE_FIELDS:
        if other != primary and getattr(entry, other) is not None:
            problem((*loc, other), f"does not apply to '{entry.id}', a {exercise.kind.value} exercise "
                    f"(use {primary})")


def _check_descending(entry: ExerciseEntry, loc: tuple[str | int, ...], exercise: Any, problem: Any) -> None:
    """``sets = [6, 4, 2]``: only for an exercise done in descending sets, 2 fewer reps each set (or one
    fewer on the last sets that have their one hold more: ``[6, 5, 3]``)."""
    sets = entry.sets
    assert isinstance(sets, list)
    if not exercise.dose.descending:
        problem((*loc, "sets"), f"a list of sets is only for exercises done in descending sets; '{entry.id}' "
                f"takes a number of sets, e.g. sets = {len(sets) or 1}")
        return
    if not 1 <= len(sets) <= MAX_SETS:
        problem((*loc, "sets"), f"has {len(sets)} sets; use 1 to {MAX_SETS}")
        return
    expected = set_reps(len(sets), sets[0], True)
    if holds_added(sets) is None:
        problem((*loc, "sets"), f"{sets} does not go down 2 reps a set (or 1 on the last sets that have one "
                f"more hold); use {expected}")
    if entry.reps is not None:
        problem((*loc, "reps"), "does not apply with a list of sets (the list gives each set's reps)")
    if entry.minutes is not None:
        problem((*loc, "minutes"), f"does not apply to '{entry.id}', a {exercise.kind.value} exercise")
    if entry.hold_seconds is None:
        problem((*loc, "hold_seconds"), f"is required with a list of sets: how long each rep is held, "
                f"e.g. hold_seconds = {exercise.dose.seconds_per_rep}")
