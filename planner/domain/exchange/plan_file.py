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
import re
import tomllib
from collections.abc import Sequence
from functools import cache
from typing import Annotated, Any, Literal

import tomli_w
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from planner.domain.errors import InvalidFile, PlannerError, Problem
from planner.domain.exchange.plan_file_checks import check_adaptation, check_weeks, dates_out_of_range
from planner.domain.files.control import control_problems
from planner.domain.files.messages import problems_from_validation, toml_syntax_problem
from planner.domain.files.validation import RULE_NAMES, Slug, field_types
from planner.domain.function import Activity, Rating
from planner.domain.library.loading import TOO_DEEP, Library
from planner.domain.library.models import (
    MAX_HOLD_SECONDS,
    MAX_MINUTES,
    MAX_REPS,
    MAX_REST_SECONDS,
    MAX_SETS,
)
from planner.domain.pain.adaptation import AdaptationState
from planner.domain.plan.doses import holds_added, set_reps
from planner.domain.plan.model import (
    Plan,
    PlanInputs,
    Prescription,
    Session,
    Week,
)
from planner.domain.records import Adjustment, SessionNote

SCHEMA_VERSION = 1

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
            extra_holds=holds_added(entry.sets) or 0, slot=entry.slot, apart=bool(entry.apart))
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
        return ExerciseEntry(id=p.id, name=p.name, sets=set_reps(p.sets, p.reps or 0, True, p.extra_holds),
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
    refused = control_problems(data, path, text) + dates_out_of_range(data, path, text)
    try:  # checked even when something is refused above, so every problem of this kind shows at once
        plan_file = _built(PlanFile).model_validate(data)
    except ValidationError as err:
        raise InvalidFile(sorted(refused + problems_from_validation(path, text, err, PlanFile, field_types))) from None
    if refused:
        raise InvalidFile(refused)
    problems = check_weeks(plan_file, text, path, library) + sorted(
        check_adaptation(plan_file, text, path, library, today))
    if problems:
        raise InvalidFile(problems)
    return plan_file




def plan_file_schema() -> dict[str, Any]:
    """The JSON Schema of the plan file, for editors and for checking an export independently."""
    schema = _built(PlanFile).model_json_schema()
    schema["title"] = "planner plan file"
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return schema
