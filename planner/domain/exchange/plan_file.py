"""The plan file: a whole plan as TOML a person can read, edit and import back.

What the file holds, and what importing it means:

* ``[plan]`` is what the plan was built from; ``[[weeks]]`` are the sessions and
  doses themselves. On import the weeks are taken as written (an edited dose is
  what the person will do), so they are kept in the store, not rebuilt.
* ``[[adjustments]]`` are the changes pain reports made, with their reasons: a
  record carried along from plan to plan. The imported plan starts a fresh
  history (check-offs, pain reports, new adjustments), and the old plan with
  its history stays archived.
* ``[adaptation]`` is where those changes left the plan (a pause, reduced
  volume, easier variants). It is carried over, so importing never lifts a
  pause or undoes a reduction for pain.

Writing is deterministic, so export → import → export gives the same bytes.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
import re
import tomllib
from collections.abc import Sequence
from functools import cache
from typing import Annotated, Any, Literal

import tomli_w
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from planner.domain.errors import InvalidFile, PlannerError, Problem
from planner.domain.files.control import control_problems, leaves
from planner.domain.files.messages import problems_from_validation, toml_syntax_problem
from planner.domain.files.toml_lines import locate
from planner.domain.files.validation import RULE_NAMES, Slug, field_types
from planner.domain.function import Activity, Rating
from planner.domain.library.loading import TOO_DEEP, Library
from planner.domain.library.models import (
    MAX_HOLD_SECONDS,
    MAX_MINUTES,
    MAX_REPS,
    MAX_REST_SECONDS,
    MAX_SETS,
    PRIMARY_FIELD,
)
from planner.domain.pain.adaptation import AdaptationState
from planner.domain.pain.warning_signs import SIGN_NAMES
from planner.domain.plan.builder import session_dates
from planner.domain.plan.doses import set_reps
from planner.domain.plan.model import (
    DAY_NAMES,
    EARLIEST,
    LATEST,
    WEEKDAYS,
    Plan,
    PlanInputs,
    Prescription,
    Session,
    Week,
)
from planner.domain.records import Adjustment, SessionNote

SCHEMA_VERSION = 1
DOSE_FIELDS = ("reps", "hold_seconds", "minutes")

HEADER = (
    "# A planner plan. Edit dates, exercises and doses, then load it back with:\n"
    "#   planner import THIS_FILE\n"
    "# 'planner schema' writes plan.schema.json to check it in an editor.\n\n"
)


class FileModel(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class ExerciseEntry(FileModel):
    """One exercise of a session: the dose field that applies depends on the exercise's kind."""

    id: Slug
    name: str | None = Field(None, description="The exercise's name in the library (written for the reader).")
    sets: Annotated[int, Field(ge=1, le=MAX_SETS)] | list[Annotated[int, Field(ge=1, le=MAX_REPS)]] = Field(
        description="How many sets (e.g. 2); for descending sets of held reps, the reps of each set, "
                    "2 fewer each set, e.g. [6, 4, 2] with hold_seconds = 10.")
    reps: int | None = Field(None, ge=1, le=MAX_REPS, description="For rep exercises.")
    hold_seconds: int | None = Field(None, ge=1, le=MAX_HOLD_SECONDS,
                                     description="For holds; with descending sets, how long each rep is held.")
    minutes: int | None = Field(None, ge=1, le=MAX_MINUTES, description="For timed exercises.")
    rest_seconds: int | None = Field(
        None, ge=0, le=MAX_REST_SECONDS, description="Rest between sets (default: the library's)."
    )
    slot: Slug | None = Field(None, description="The program slot it fills, e.g. warm-up (written for the reader).")
    apart: bool | None = Field(None, description="true: a walk done at any time that day, apart from the session "
                                                 "and not counted in its minutes.")


class SessionEntry(FileModel):
    date: dt.date = Field(description="On one of the plan's days, within its week.")
    exercises: list[ExerciseEntry] = Field(min_length=1)


class WeekEntry(FileModel):
    number: int = Field(ge=1, le=52, description="1, 2, 3, … in order.")
    deload: bool = False
    reasons: list[str] = []
    sessions: list[SessionEntry] = []


class AdjustmentEntry(FileModel):
    date: dt.date
    kind: str = Field(min_length=1)
    reason: str = Field(min_length=1)


class NoteEntry(FileModel):
    """A note the person kept with a session; it comes along on import."""

    date: dt.date
    text: str = Field(min_length=1, max_length=500)


class RatingEntry(FileModel):
    date: dt.date
    score: int = Field(ge=0, le=10, description="0 = unable to do it, 10 = as before the problem.")


class ActivityEntry(FileModel):
    """An activity the person wants back, with its 0-10 ratings (the Patient-Specific Functional Scale)."""

    name: str = Field(min_length=1, max_length=80)
    added: dt.date
    retired: dt.date | None = Field(None, description="The day it was retired (no longer rated); its scores stay.")
    ratings: list[RatingEntry] = []

    def to_activity(self, number: int) -> Activity:
        return Activity(number, " ".join(self.name.split()), self.added, self.retired,
                        tuple(Rating(r.date, r.score) for r in sorted(self.ratings, key=lambda r: r.date)))


class PlanFile(FileModel):
    """The plan file as a whole."""

    schema_version: Literal[1] = Field(description="The plan file format; this planner writes 1.")
    program_name: str = Field(min_length=1, max_length=80)
    plan: PlanInputs
    adaptation: AdaptationState = AdaptationState()
    adjustments: list[AdjustmentEntry] = []
    notes: list[NoteEntry] = []
    activities: list[ActivityEntry] = Field([], description="The activities the person wants back, with their "
                                                            "ratings; on import they join the person's own.")
    weeks: list[WeekEntry] = Field(min_length=1)

    def state(self) -> AdaptationState:
        return self.adaptation

    def adjustment_records(self) -> tuple[Adjustment, ...]:
        """The carried adjustments, the last holding the adaptation state, as the store would return them."""
        records = [Adjustment(a.date, a.kind, a.reason) for a in self.adjustments]
        if records:
            last = records[-1]
            records[-1] = Adjustment(last.date, last.kind, last.reason, self.state().dump())
        return tuple(records)

    def to_plan(self, library: Library) -> Plan:
        """The plan these weeks describe; every exercise id must be in the library."""
        missing = sorted({e.id for w in self.weeks for s in w.sessions for e in s.exercises} - set(library.exercises))
        if missing:
            raise PlannerError(
                f"your imported plan uses exercise {', '.join(repr(m) for m in missing)}, which is not in the "
                "library any more; restore its file, or import or build a new plan"
            )
        weeks = []
        for week in self.weeks:
            sessions = [
                Session(date=s.date, slot=slot, exercises=[_prescription(e, library) for e in s.exercises])
                for slot, s in enumerate(week.sessions)
            ]
            weeks.append(Week(number=week.number, deload=week.deload, reasons=week.reasons, sessions=sessions))
        return Plan(inputs=self.plan, program_name=self.program_name, weeks=weeks)

    def to_toml(self) -> str:
        data: dict[str, Any] = {
            "schema_version": self.schema_version,
            "program_name": self.program_name,
            "plan": self.plan.as_dict(),
        }
        default = AdaptationState()
        adaptation = {f.name: value for f in dataclasses.fields(default)
                      if (value := getattr(self.adaptation, f.name)) != getattr(default, f.name)}
        if adaptation:
            data["adaptation"] = adaptation
        if self.adjustments:
            data["adjustments"] = [a.model_dump() for a in self.adjustments]
        if self.notes:
            data["notes"] = [n.model_dump() for n in self.notes]
        if self.activities:
            data["activities"] = [a.model_dump(exclude_none=True) for a in self.activities]
        data["weeks"] = [
            {
                "number": w.number,
                "deload": w.deload,
                "reasons": w.reasons,
                "sessions": [
                    {"date": s.date, "exercises": [e.model_dump(exclude_none=True) for e in s.exercises]}
                    for s in w.sessions
                ],
            }
            for w in self.weeks
        ]
        return HEADER + _one_line_sets(tomli_w.dumps(data))


_SETS_LIST = re.compile(r"^sets = \[\n((?:\s+\d+,\n)+)\]$", re.MULTILINE)


def _one_line_sets(text: str) -> str:
    """``sets = [6, 4, 2]`` on one line, as a person would write it (tomli_w spreads every array out)."""
    return _SETS_LIST.sub(lambda m: "sets = [" + ", ".join(re.findall(r"\d+", m.group(1))) + "]", text)


@cache
def _built(model: type[PlanFile]) -> type[PlanFile]:
    """The plan file model with its validator built, once: PlanInputs and AdaptationState are
    dataclasses whose rules pydantic reads as strings, resolved with the names they use."""
    model.model_rebuild(force=True, raise_errors=True, _types_namespace=RULE_NAMES)
    return model


def _dose_fields(entry: ExerciseEntry) -> tuple[int, int | None, int | None]:
    """(sets, reps, seconds per rep): ``sets = [6, 4, 2]`` with ``hold_seconds = 10`` is 3 descending
    sets from 6 reps, each held 10 s (the older ``sets = 3, reps = 6`` still reads)."""
    if isinstance(entry.sets, list):
        return len(entry.sets), entry.sets[0], entry.hold_seconds
    return entry.sets, entry.reps, None


def _prescription(entry: ExerciseEntry, library: Library) -> Prescription:
    exercise = library.exercises[entry.id]
    sets, reps, per_rep = _dose_fields(entry)
    if isinstance(entry.sets, list):
        return Prescription(
            id=entry.id, name=entry.name or exercise.name, track=library.chain(entry.id)[0],
            category=exercise.category, kind=exercise.kind, sets=sets, reps=reps, hold_seconds=None,
            minutes=None, rest_seconds=exercise.dose.rest_seconds if entry.rest_seconds is None else entry.rest_seconds,
            seconds_per_rep=per_rep or exercise.dose.seconds_per_rep, per_side=exercise.per_side, descending=True,
            slot=entry.slot, apart=bool(entry.apart))
    return Prescription(
        id=entry.id,
        name=entry.name or exercise.name,
        track=library.chain(entry.id)[0],
        category=exercise.category,
        kind=exercise.kind,
        sets=entry.sets,
        reps=entry.reps,
        hold_seconds=entry.hold_seconds,
        minutes=entry.minutes,
        rest_seconds=exercise.dose.rest_seconds if entry.rest_seconds is None else entry.rest_seconds,
        seconds_per_rep=exercise.dose.seconds_per_rep,
        per_side=exercise.per_side,
        descending=exercise.dose.descending,
        slot=entry.slot,
        apart=bool(entry.apart),
    )


def plan_file_from(plan: Plan, adjustments: tuple[Adjustment, ...] | list[Adjustment] = (),
                   state: AdaptationState | None = None, notes: Sequence[SessionNote] = (),
                   activities: Sequence[Activity] = ()) -> PlanFile:
    return _built(PlanFile)(
        schema_version=SCHEMA_VERSION,
        program_name=plan.program_name,
        plan=plan.inputs,
        adaptation=state or AdaptationState(),
        adjustments=[AdjustmentEntry(date=a.date, kind=a.kind, reason=a.reason) for a in adjustments],
        notes=[NoteEntry(date=n.date, text=n.text) for n in notes],
        activities=[ActivityEntry(name=a.name, added=a.added, retired=a.retired,
                                  ratings=[RatingEntry(date=r.date, score=r.score) for r in a.ratings])
                    for a in activities],
        weeks=[
            WeekEntry(
                number=w.number,
                deload=w.deload,
                reasons=list(w.reasons),
                sessions=[
                    SessionEntry(
                        date=s.date,
                        exercises=[
                            _entry(p)
                            for p in s.exercises
                        ],
                    )
                    for s in w.sessions
                ],
            )
            for w in plan.weeks
        ],
    )


def _entry(p: Prescription) -> ExerciseEntry:
    """A prescription as the file writes it: descending held reps as ``sets = [6, 4, 2]``, ``hold_seconds``."""
    if p.descending and p.kind.value == "reps":
        return ExerciseEntry(id=p.id, name=p.name, sets=set_reps(p.sets, p.reps or 0, True),
                             hold_seconds=p.seconds_per_rep, rest_seconds=p.rest_seconds, slot=p.slot,
                             apart=p.apart or None)
    return ExerciseEntry(id=p.id, name=p.name, sets=p.sets, reps=p.reps, hold_seconds=p.hold_seconds,
                         minutes=p.minutes, rest_seconds=p.rest_seconds, slot=p.slot, apart=p.apart or None)


def plan_to_toml(plan: Plan, adjustments: tuple[Adjustment, ...] | list[Adjustment] = (),
                 state: AdaptationState | None = None, notes: Sequence[SessionNote] = (),
                 activities: Sequence[Activity] = ()) -> str:
    """The plan file for ``plan``: its weeks, the adjustments made to it, where they left it, the
    notes kept with its sessions, and the activities the person wants back with their ratings."""
    return plan_file_from(plan, adjustments, state, notes, activities).to_toml()


def read_stored(text: str) -> PlanFile:
    """A plan file planner wrote itself into the store (already checked when it was imported)."""
    return _built(PlanFile).model_validate(tomllib.loads(text))


def plan_from_toml(text: str, path: str, library: Library, today: dt.date | None = None) -> PlanFile:
    """Parse and check a plan file; every problem is raised at once as ``PATH:LINE: FIELD: message``."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        raise InvalidFile([toml_syntax_problem(path, err)]) from None
    except RecursionError:
        raise InvalidFile([Problem(path, None, "toml", TOO_DEEP)]) from None
    refused = control_problems(data, path, text) + _dates_out_of_range(data, path, text)
    try:  # checked even when something is refused above, so every problem of this kind shows at once
        plan_file = _built(PlanFile).model_validate(data)
    except ValidationError as err:
        raise InvalidFile(sorted(refused + problems_from_validation(path, text, err, PlanFile, field_types))) from None
    if refused:
        raise InvalidFile(refused)
    problems = _check(plan_file, text, path, library) + sorted(_check_adaptation(plan_file, text, path, library, today))
    if problems:
        raise InvalidFile(problems)
    return plan_file


def _dates_out_of_range(data: dict[str, Any], path: str, text: str) -> list[Problem]:
    """A date planner cannot count weeks from (year 1, year 9999) is refused before anything uses it."""
    return [Problem(path, locate(text, loc), ".".join(str(p) for p in loc),
                    f"{value.isoformat()} is out of range; use a date from {EARLIEST.isoformat()} "
                    f"to {LATEST.isoformat()}")
            for loc, value, _ in leaves(data)
            if isinstance(value, dt.date) and not EARLIEST <= _day(value) <= LATEST]


def _day(value: dt.date) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value


def _check(plan_file: PlanFile, text: str, path: str, library: Library) -> list[Problem]:
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


def _check_adaptation(plan_file: PlanFile, text: str, path: str, library: Library,
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
    """``sets = [6, 4, 2]``: only for an exercise done in descending sets, 2 fewer reps each set."""
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
    if sets != expected:
        problem((*loc, "sets"), f"{sets} does not go down 2 reps a set; use {expected}")
    if entry.reps is not None:
        problem((*loc, "reps"), "does not apply with a list of sets (the list gives each set's reps)")
    if entry.minutes is not None:
        problem((*loc, "minutes"), f"does not apply to '{entry.id}', a {exercise.kind.value} exercise")
    if entry.hold_seconds is None:
        problem((*loc, "hold_seconds"), f"is required with a list of sets: how long each rep is held, "
                f"e.g. hold_seconds = {exercise.dose.seconds_per_rep}")


def plan_file_schema() -> dict[str, Any]:
    """The JSON Schema of the plan file, for editors and for checking an export independently."""
    schema = _built(PlanFile).model_json_schema()
    schema["title"] = "planner plan file"
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return schema
