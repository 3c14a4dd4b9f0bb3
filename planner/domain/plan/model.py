"""A built plan: weeks of dated sessions, each exercise with its dose and volume.

The plan is fully determined by :class:`PlanInputs` and the library, so the
store keeps the inputs and rebuilds; these models are also the shape of the
exported TOML and of ``planner plan show --json``. How a dose is counted
(seconds, minutes) and said ("2×20s") is :mod:`planner.domain.plan.doses`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from planner.domain.errors import UsageError
from planner.domain.library.models import Category, Dose, Exercise, Kind
from planner.domain.plan.doses import dose_text, estimated_seconds, explain_dose, set_holds, volume_seconds

if TYPE_CHECKING:  # the rules for plan files, read by pydantic (see planner.domain.files.validation)
    from typing import Annotated

    from pydantic import Field

Weekday = Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
WEEKDAYS: tuple[Weekday, ...] = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@dataclass(frozen=True, kw_only=True)
class DayChange:
    """From week ``from_week`` on, the sessions fall on these weekdays instead."""

    __pydantic_config__ = {"extra": "forbid"}

    from_week: Annotated[int, Field(ge=2, le=52)]
    days: Annotated[list[Weekday], Field(min_length=1, max_length=7)]


Eases = Literal["forward", "back", "neither"]
WalkDays = Literal["all", "sessions"]


@dataclass(frozen=True, kw_only=True)
class EasesChange:
    """From week ``from_week`` on, the answer to "which eases your back?" is ``eases`` instead."""

    __pydantic_config__ = {"extra": "forbid"}

    from_week: Annotated[int, Field(ge=2, le=52)]
    eases: Eases


@dataclass(frozen=True, kw_only=True)
class PlanInputs:
    """What the person asked for; the same inputs always build the same plan."""

    __pydantic_config__ = {"extra": "forbid"}

    program: str
    days: Annotated[list[Weekday], Field(min_length=1, max_length=7)]
    minutes: Annotated[int, Field(ge=5, le=180)]
    level: Annotated[int, Field(ge=1, le=5)] = 1
    weeks: Annotated[int, Field(ge=1, le=52)]
    start: dt.date
    day_changes: Annotated[list[DayChange], Field(
        description="Training days changed part-way: each keeps the number of sessions a week, so only dates move.")
    ] = field(default_factory=list)
    eases: Annotated[Eases, Field(
        description="Which eases the back: bending forward (then leaning-back exercises wait four weeks), "
                    "leaning back (then bending-forward ones wait), or neither.")] = "neither"
    eases_changes: Annotated[list[EasesChange], Field(
        description="The answer changed part-way: from each from_week on, the new answer holds.")
    ] = field(default_factory=list)
    walk_days: Annotated[WalkDays, Field(
        description="all: the walk apart from the session is offered every day, session or not; sessions: on "
                    "session days only.")] = "all"

    def __post_init__(self) -> None:
        weeks = [c.from_week for c in self.day_changes]
        if weeks != sorted(set(weeks)):
            raise ValueError("day_changes: list each from_week once, in increasing order")
        weeks = [c.from_week for c in self.eases_changes]
        if weeks != sorted(set(weeks)):
            raise ValueError("eases_changes: list each from_week once, in increasing order")
        for change in self.day_changes:
            if len(set(change.days)) != len(self.days):
                raise ValueError(f"day_changes: week {change.from_week} names {len(set(change.days))} days; "
                                 f"the plan has {len(self.days)} sessions a week, so name {len(self.days)}")

    def to_json(self) -> str:
        """How the store keeps the inputs (the plan is rebuilt from them)."""
        return json.dumps(self.as_dict(), separators=(",", ":"), default=dt.date.isoformat)

    def as_dict(self) -> dict:
        """Plain values (the start stays a date); ``day_changes`` only when there are some."""
        data = dataclasses.asdict(self)
        if not self.day_changes:
            del data["day_changes"]
        if self.eases == "neither":
            del data["eases"]
        if not self.eases_changes:
            del data["eases_changes"]
        if self.walk_days == "all":
            del data["walk_days"]
        return data

    @classmethod
    def from_json(cls, text: str) -> PlanInputs:
        """Inputs the store wrote with :meth:`to_json`. They were checked when first made, so here only the
        kind and range of each value is checked again, without pydantic: a row edited by hand (a word for the
        minutes, an unknown day) is a ``ValueError`` here, which the store names as a damaged plan, instead of
        a ``TypeError`` wherever the plan is next built (``plan new`` included, which is the way out)."""
        data = json.loads(text)
        inputs = cls(**{**data, "start": dt.date.fromisoformat(data["start"]),
                        "day_changes": [DayChange(**c) for c in data.get("day_changes", ())],
                        "eases_changes": [EasesChange(**c) for c in data.get("eases_changes", ())]})
        inputs.check_stored()
        return inputs

    def check_stored(self) -> None:
        """The bounds of :class:`PlanInputs`' fields, for inputs read back from the store."""
        def whole(value: object, low: int, high: int, name: str) -> None:
            if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
                raise ValueError(f"{name}: {value!r} is not a whole number from {low} to {high}")

        if not isinstance(self.program, str):
            raise ValueError("program is not text")
        whole(self.minutes, 5, 180, "minutes")
        whole(self.level, 1, 5, "level")
        whole(self.weeks, 1, 52, "weeks")
        for days in (self.days, *(c.days for c in self.day_changes)):
            if not isinstance(days, list) or not 1 <= len(days) <= 7 or any(d not in WEEKDAYS for d in days):
                raise ValueError(f"days: {days!r} are not days of the week")
        for change in (*self.day_changes, *self.eases_changes):
            whole(change.from_week, 1, 52, "from_week")
        if self.eases not in ("forward", "back", "neither") or self.walk_days not in ("all", "sessions") or any(
                c.eases not in ("forward", "back", "neither") for c in self.eases_changes):
            raise ValueError("eases or walk_days is not one of the allowed words")
        if self.start > dt.date.max - dt.timedelta(weeks=self.weeks + 1):
            raise ValueError(f"start: {self.start} is too late for {self.weeks} weeks")

    def eases_in_week(self, number: int) -> tuple[Eases, int]:
        """The answer in force in week ``number`` (1 for the first), and the week it took effect."""
        eases, since = self.eases, 1
        for change in self.eases_changes:
            if change.from_week <= number:
                eases, since = change.eases, change.from_week
        return eases, since

    def with_eases_from(self, from_week: int, eases: Eases) -> PlanInputs:
        """These inputs with ``eases`` from ``from_week`` on; later changes are replaced by this one."""
        if from_week <= 1:
            return dataclasses.replace(self, eases=eases, eases_changes=[])
        kept = [c for c in self.eases_changes if c.from_week < from_week]
        return dataclasses.replace(self, eases_changes=[*kept, EasesChange(from_week=from_week, eases=eases)])

    def days_text(self) -> str:
        """The training days in words, with any change: "Mon, Wed, Fri (from week 3: Tue, Thu, Sat)"."""
        def short(days: list[Weekday]) -> str:
            return ", ".join(DAY_NAMES[WEEKDAYS.index(d)][:3] for d in days)

        changes = "; ".join(f"from week {c.from_week}: {short(c.days)}" for c in self.day_changes)
        return short(self.days) + (f" ({changes})" if changes else "")

    def days_in_week(self, index: int) -> list[Weekday]:
        """The weekdays of week ``index`` (0 for the first): the latest change that applies, else ``days``."""
        days = self.days
        for change in self.day_changes:
            if change.from_week <= index + 1:
                days = change.days
        return days

    def session_dates(self, week_index: int) -> list[dt.date]:
        """The dates of week ``week_index``'s sessions (0 for the first week), in order."""
        first = self.start + dt.timedelta(days=7 * week_index)
        wanted = {WEEKDAYS.index(d) for d in self.days_in_week(week_index)}
        return [d for d in (first + dt.timedelta(days=i) for i in range(7)) if d.weekday() in wanted]

    def with_days_from(self, from_week: int, days: list[Weekday]) -> PlanInputs:
        """These inputs with ``days`` from ``from_week`` on; later changes are replaced by this one."""
        kept = [c for c in self.day_changes if c.from_week < from_week]
        ordered = [d for d in WEEKDAYS if d in days]
        if from_week <= 1:
            return dataclasses.replace(self, days=ordered, day_changes=kept)
        return dataclasses.replace(self, day_changes=[*kept, DayChange(from_week=from_week, days=ordered)])


@dataclass(frozen=True, kw_only=True)
class Prescription:
    """One exercise in one session, with the dose to do."""

    id: str
    name: str
    track: str  # the easiest variant of the chain: the same slot across weeks
    category: Category
    kind: Kind
    sets: int
    reps: int | None = None
    hold_seconds: int | None = None
    minutes: int | None = None
    rest_seconds: int = 0
    seconds_per_rep: int = 3
    per_side: bool = False
    descending: bool = False
    extra_holds: int = 0  # descending sets: one more hold on each of the last this many sets (6-4-3)
    slot: str | None = None  # the program slot this exercise fills (None in an imported plan)
    apart: bool = False  # a walk done at any time that day, outside the session's minutes

    @property
    def volume_seconds(self) -> int:
        return volume_seconds(self.kind, self.sets, self.reps, self.hold_seconds, self.minutes, self.seconds_per_rep,
                              per_side=self.per_side, descending=self.descending, extra=self.extra_holds)

    @property
    def estimated_seconds(self) -> int:
        return estimated_seconds(self.volume_seconds, self.kind, self.sets, self.rest_seconds,
                                 per_side=self.per_side, reps=self.reps if self.descending else None,
                                 extra=self.extra_holds)

    def dose_text(self) -> str:
        return dose_text(self.kind, self.sets, self.reps, self.hold_seconds, self.minutes, self.seconds_per_rep,
                         per_side=self.per_side, descending=self.descending, extra=self.extra_holds)

    def holds(self) -> list[int] | None:
        """Each set's holds of a descending dose (``[6, 4, 3]``), ``None`` for any other: the sets in full."""
        return set_holds(self.kind, self.sets, self.reps, self.descending, self.extra_holds)

    def explain_dose(self) -> str:
        return explain_dose(self.kind, self.sets, self.reps, self.hold_seconds, self.minutes, self.seconds_per_rep,
                            per_side=self.per_side, descending=self.descending, extra=self.extra_holds)


@dataclass(frozen=True, kw_only=True)
class Session:
    date: dt.date
    slot: int  # position of the session within its week, from 0
    exercises: list[Prescription]

    @property
    def volume_seconds(self) -> int:
        return sum(p.volume_seconds for p in self.exercises)

    @property
    def estimated_minutes(self) -> int:
        """The session's own minutes: a walk apart from it is done at another time and not counted."""
        return session_minutes(self.exercises)

    @property
    def apart(self) -> list[Prescription]:
        """What is done apart from the session that day (a walk), shown beside it."""
        return [p for p in self.exercises if p.apart]


def session_minutes(items: list[Prescription]) -> int:
    """Minutes of the session itself, rounded up: what the person sets aside (walks apart not counted)."""
    return -(-sum(p.estimated_seconds for p in items if not p.apart) // 60)


def apart_text(items: list[Prescription], when: str = "any time that day") -> str:
    """"Also, any time that day: Easy walk 13 min" for the walks apart from a session ("" when none)."""
    walks = ", ".join(f"{p.name} {p.dose_text()}" for p in items if p.apart)
    return f"Also, {when}: {walks}" if walks else ""


@dataclass(frozen=True, kw_only=True)
class Week:
    number: int
    deload: bool = False
    sessions: list[Session]
    reasons: list[str] = field(default_factory=list)

    @property
    def volume_seconds(self) -> int:
        return sum(s.volume_seconds for s in self.sessions)


@dataclass(frozen=True, kw_only=True)
class Plan:
    inputs: PlanInputs
    program_name: str
    weeks: list[Week]

    def week_of(self, day: dt.date) -> Week | None:
        index = (day - self.inputs.start).days // 7
        if 0 <= index < len(self.weeks):
            return self.weeks[index]
        return None

    def session_on(self, day: dt.date) -> Session | None:
        week = self.week_of(day)
        if week is None:
            return None
        return next((s for s in week.sessions if s.date == day), None)

    @property
    def end(self) -> dt.date:
        return self.inputs.start + dt.timedelta(days=7 * self.inputs.weeks - 1)

    def sessions(self) -> list[Session]:
        return [s for w in self.weeks for s in w.sessions]


def doses_to_explain(items: list[Prescription], met: set[str]) -> list[str]:
    """The explanation of the descending-holds notation ("6-4-2×10s"), once, until the person has done one
    of today's descending exercises on an earlier day (``met``: the ids they have done before)."""
    descending = [p for p in items if p.descending and not p.apart]
    if not descending or any(p.id in met for p in descending):
        return []
    return [descending[0].explain_dose()]


def prescribe(exercise: Exercise, dose: Dose, track: str, slot: str | None = None, *, apart: bool = False) -> Prescription:
    return Prescription(
        id=exercise.id,
        name=exercise.name,
        track=track,
        category=exercise.category,
        kind=exercise.kind,
        sets=dose.sets,
        reps=dose.reps,
        hold_seconds=dose.hold_seconds,
        minutes=dose.minutes,
        rest_seconds=dose.rest_seconds,
        seconds_per_rep=dose.seconds_per_rep,
        per_side=exercise.per_side,
        descending=dose.descending,
        extra_holds=dose.extra_holds,
        slot=slot,
        apart=apart,
    )


def parse_days(text: str) -> list[Weekday]:
    """Accept mon,wed,fri or full names, in any order and case."""
    names = {d: d for d in WEEKDAYS} | {full.lower(): d for full, d in zip(DAY_NAMES, WEEKDAYS, strict=True)}
    days: list[str] = []
    for raw in text.replace(" ", ",").split(","):
        if not raw.strip():
            continue
        day = names.get(raw.strip().lower())
        if day is None:
            raise UsageError(f"'{raw.strip()}' is not a weekday; use mon, tue, wed, thu, fri, sat, sun", field="days")
        if day not in days:
            days.append(day)
    if not days:
        raise UsageError("give at least one weekday, e.g. mon,wed,fri", field="days")
    return sorted(days, key=WEEKDAYS.index)
