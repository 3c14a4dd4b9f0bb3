"""Exercise and program-template models: the shape of the TOML files people write.

They are plain frozen dataclasses, so the commands that only read (``planner
today``) never import pydantic. The rules for a file live in the annotations,
as strings that only pydantic reads when :mod:`planner.domain.files.validation`
checks a file against them (with ``Annotated``, ``Field`` and ``Slug`` in scope
there). Every model forbids unknown keys so a typo such as ``hold_secs`` is
reported instead of silently ignored. Defaults are chosen so a hand-written
file needs only a handful of lines.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, Literal

from planner.domain.library.figure import Figure
from planner.domain.library.slots import Slot

if TYPE_CHECKING:  # read by pydantic, from planner.domain.files.validation, never imported here at run time
    from typing import Annotated

    from pydantic import Field

    from planner.domain.files.validation import Slug

# What pydantic is told about every dataclass here: unknown keys are errors, text is trimmed.
FILE_RULES = {"extra": "forbid", "str_strip_whitespace": True}

# Hard bounds on any dose; anything outside is a typo or unsafe, never a plan.
MAX_SETS = 10
MAX_REPS = 50
MAX_HOLD_SECONDS = 300
MAX_MINUTES = 60
MAX_REST_SECONDS = 300


class Category(StrEnum):
    CORE = "core"
    FLEXIBILITY = "flexibility"
    MOBILITY = "mobility"
    RELIEF = "relief"


class Direction(StrEnum):
    """Which way an exercise moves or loads the lower back: bending forward, leaning back, or neither."""

    FLEXION = "flexion"
    EXTENSION = "extension"
    NEUTRAL = "neutral"


class Kind(StrEnum):
    REPS = "reps"
    HOLD = "hold"
    DURATION = "duration"


@dataclass(frozen=True, kw_only=True)
class Dose:
    """How much of an exercise: the fields that matter depend on the exercise kind."""

    __pydantic_config__ = FILE_RULES

    sets: Annotated[int, Field(ge=1, le=MAX_SETS, description="Rounds of the exercise.")] = 1
    reps: Annotated[int | None, Field(ge=1, le=MAX_REPS, description="Repetitions per set (kind = reps).")] = None
    hold_seconds: Annotated[
        int | None, Field(ge=1, le=MAX_HOLD_SECONDS, description="Seconds per hold (kind = hold).")] = None
    minutes: Annotated[
        int | None, Field(ge=1, le=MAX_MINUTES, description="Minutes in all (kind = duration).")] = None
    rest_seconds: Annotated[int, Field(ge=0, le=MAX_REST_SECONDS, description="Rest between sets.")] = 30
    seconds_per_rep: Annotated[int, Field(ge=1, le=30, description="Used to estimate time for rep work.")] = 3
    descending: Annotated[bool, Field(
        description="Descending sets of short holds (McGill's 6-4-2): each set has 2 reps fewer than the one "
                    "before, every rep a hold of seconds_per_rep seconds.")] = False
    extra_holds: Annotated[int, Field(
        ge=0, le=MAX_SETS,
        description="With descending sets: one more hold on each of this many sets, from the last set up (6-4-2 "
                    "with 1 is 6-4-3, with 2 is 6-5-3), fewer than the sets; the plan's one-hold steps.")] = 0


@dataclass(frozen=True, kw_only=True)
class Step:
    """One dose field's progression: add ``step`` each time until ``cap``."""

    __pydantic_config__ = FILE_RULES

    step: Annotated[int, Field(ge=1, le=30)] = 1
    cap: Annotated[int, Field(ge=1)]


@dataclass(frozen=True, kw_only=True)
class Progression:
    """Steps and caps per dose field; fields left out do not progress.

    The builder raises the first field in this order that is below its cap:
    the main field (reps, hold_seconds or minutes), then sets.
    """

    __pydantic_config__ = FILE_RULES

    reps: Step | None = None
    hold_seconds: Step | None = None
    minutes: Step | None = None
    sets: Step | None = None


PRIMARY_FIELD: dict[Kind, str] = {
    Kind.REPS: "reps",
    Kind.HOLD: "hold_seconds",
    Kind.DURATION: "minutes",
}

FIELD_LIMITS: dict[str, int] = {
    "sets": MAX_SETS,
    "reps": MAX_REPS,
    "hold_seconds": MAX_HOLD_SECONDS,
    "minutes": MAX_MINUTES,
}


@dataclass(frozen=True, kw_only=True)
class Exercise:
    """One exercise as written in an exercise TOML file."""

    __pydantic_config__ = FILE_RULES

    id: Slug
    name: Annotated[str, Field(min_length=1, max_length=80)]
    category: Category
    kind: Kind
    targets: Annotated[list[Slug], Field(min_length=1, description="Body areas, e.g. lower-back, glutes.")]
    level: Annotated[int, Field(ge=1, le=5, description="1 = gentlest, 5 = hardest.")] = 1
    per_side: Annotated[bool, Field(description="The dose is done on each side in turn (left, then right).")] = False
    direction: Annotated[Direction, Field(
        description="Which way it bends the lower back: flexion (forward: knees to chest, child's pose, seated "
                    "forward stretches), extension (back: lying on the elbows, standing back extension, cobra-type "
                    "moves) or neutral. A person whose back dislikes one direction has those left out at first.")
    ] = Direction.NEUTRAL
    dose: Dose
    progression: Annotated[Progression, Field(json_schema_extra={"default": {}})] = field(default_factory=Progression)
    easier: Annotated[Slug | None, Field(description="Id of the next easier variant.")] = None
    harder: Annotated[Slug | None, Field(description="Id of the next harder variant.")] = None
    equipment: Annotated[list[str], Field(json_schema_extra={"default": []})] = field(default_factory=list)
    slots: Annotated[list[Slot], Field(
        description="The movement slots of a program this exercise (and its chain) can fill.",
        json_schema_extra={"default": []})] = field(default_factory=list)
    replacement_only: Annotated[bool, Field(
        description="Never chosen when a plan is built: it only takes the place of an exercise of the same slot "
                    "that pain took out (e.g. a side-lying leg lift for a side plank that hurts).")] = False
    summary: str = ""
    cues: Annotated[list[str], Field(min_length=1, description="How to do it well, one short line each.")]
    cautions: Annotated[list[str], Field(min_length=1, description="When to stop or take care.")]
    figure: Annotated[Figure | None, Field(
        description="How the exercise is drawn: a view, props and key poses (see docs/figures.md).")] = None

    def __post_init__(self) -> None:
        """The rules that join fields (checked again when read from the cache: they are cheap)."""
        primary = PRIMARY_FIELD[self.kind]
        # A field of another kind comes first: it is the line the person wrote by mistake.
        for other in sorted(set(PRIMARY_FIELD.values()) - {primary}):
            if getattr(self.dose, other) is not None:
                raise ValueError(
                    f"dose.{other}: does not apply to a {self.kind.value} exercise (use dose.{primary})"
                )
            if getattr(self.progression, other) is not None:
                raise ValueError(
                    f"progression.{other}: does not apply to a {self.kind.value} exercise"
                )
        if getattr(self.dose, primary) is None:
            raise ValueError(f"dose.{primary}: a {self.kind.value} exercise needs it")
        for name in ("sets", primary):
            step = getattr(self.progression, name)
            if step is None:
                continue
            start = getattr(self.dose, name)
            if step.cap < start:
                raise ValueError(
                    f"progression.{name}.cap: {step.cap} is below the starting dose {start}"
                )
            if step.cap > FIELD_LIMITS[name]:
                raise ValueError(
                    f"progression.{name}.cap: {step.cap} is above the limit of {FIELD_LIMITS[name]}"
                )
        if self.dose.descending:
            if self.kind is not Kind.REPS:
                raise ValueError("dose.descending: only a reps exercise can have descending sets")
            top_sets = self.progression.sets.cap if self.progression.sets else self.dose.sets
            for reps, sets, where in ((self.dose.reps or 0, self.dose.sets, "dose.reps"),
                                      (self.progression.reps.cap if self.progression.reps else self.dose.reps or 0,
                                       top_sets, "progression.reps.cap")):
                if reps < 2 * sets - 1:
                    raise ValueError(f"{where}: {reps} is too few for {sets} descending sets "
                                     f"(each set has 2 fewer; use at least {2 * sets - 1})")
        if self.dose.extra_holds and (not self.dose.descending or self.dose.extra_holds >= self.dose.sets):
            raise ValueError(f"dose.extra_holds: {self.dose.extra_holds} needs descending sets and fewer than "
                             f"its {self.dose.sets} sets")
        if self.easier is not None and self.easier == self.id:
            raise ValueError("easier: cannot name the exercise itself")
        if self.harder is not None and self.harder == self.id:
            raise ValueError("harder: cannot name the exercise itself")

    @property
    def primary_field(self) -> str:
        return PRIMARY_FIELD[self.kind]


@dataclass(frozen=True, kw_only=True)
class SlotSpec:
    """One slot of a program's sessions, in the order the session runs: what kind of work, how much of it.

    The chains that can fill it are the library's chains whose exercises list the slot; ``chains``
    narrows them (in order of preference) and ``targets`` says which body areas the slot should
    cover first. Across the week the sessions rotate through the chosen chains.
    """

    __pydantic_config__ = FILE_RULES

    slot: Annotated[Slot, Field(description="What kind of work fills this place in the session.")]
    chains: Annotated[
        list[Slug], Field(description="Only these chains, in order of preference (any variant id names its chain).",
                          json_schema_extra={"default": []})
    ] = field(default_factory=list)
    targets: Annotated[
        list[Slug], Field(description="Body areas this slot should cover first, e.g. hip-flexors, hamstrings.",
                          json_schema_extra={"default": []})
    ] = field(default_factory=list)
    count: Annotated[int, Field(ge=1, le=4, description="Exercises from this slot in each session.")] = 1
    optional: Annotated[bool, Field(description="Left out first when the minutes are short.")] = False
    from_week: Annotated[int, Field(ge=1, le=52, description="The slot joins the plan in this week.")] = 1
    first_sessions: Annotated[
        int, Field(ge=0, le=14, description="Only in the plan's first N sessions (0: in every session).")] = 0
    after_sessions: Annotated[
        int, Field(ge=0, le=14, description="Only after the plan's first N sessions (0: from the start).")] = 0
    harder: Annotated[
        bool, Field(description="Whether its exercises may move on to their harder variants (false: each stays "
                                "at its own variant, as in the first days after a spasm).")] = True
    # Calendar days, not sessions: "cold on the first two days" must not run into day 5 of a
    # three-day week. Counted from the plan's start date, whatever the training days.
    first_days: Annotated[
        int, Field(ge=0, le=28, description="Only on the first N calendar days from the plan's start "
                                            "(0: every day).")] = 0
    after_days: Annotated[
        int, Field(ge=0, le=28, description="Only from calendar day N+1 after the plan's start "
                                            "(0: from the start).")] = 0
    apart: Annotated[bool, Field(
        description="A walk done apart from the session, at any time that day: it uses none of the session's "
                    "minutes and grows each full week by the weekly limit on its own minutes (at least one).")] = False

    def __post_init__(self) -> None:
        if self.first_days and self.after_days and self.first_days <= self.after_days:
            raise ValueError(f"first_days: {self.first_days} must be above after_days ({self.after_days}), "
                             "or the slot is never used")
        if self.first_sessions and self.after_sessions and self.first_sessions <= self.after_sessions:
            raise ValueError(f"first_sessions: {self.first_sessions} must be above after_sessions "
                             f"({self.after_sessions}), or the slot is never used")
        # An apart walk is its own thing: it takes no minutes, so it is never left out for lack of them.
        if self.apart and self.slot is not Slot.WALK:
            raise ValueError(f"apart: only a walk can be done apart from the session (this slot is "
                             f"'{self.slot.value}'; use slot = \"walk\")")
        if self.apart and self.optional:
            raise ValueError("apart: a walk apart from the session uses none of its minutes, so it cannot also be "
                             "optional (leave out optional = true)")

    def on_day(self, day: int, session: int) -> bool:
        """Whether the slot is used on calendar day ``day`` of the plan (0 for the start), in its ``session``-th
        session (0 for the first)."""
        return ((self.first_days == 0 or day < self.first_days) and day >= self.after_days
                and (self.first_sessions == 0 or session < self.first_sessions) and session >= self.after_sessions)


@dataclass(frozen=True, kw_only=True)
class Program:
    """A program template as written in a program TOML file."""

    __pydantic_config__ = FILE_RULES

    id: Slug
    name: Annotated[str, Field(min_length=1, max_length=80)]
    goal: Annotated[str, Field(min_length=1, max_length=200)]
    description: Annotated[str, Field(min_length=1)]
    weeks: Annotated[int, Field(ge=1, le=52)] = 8
    slots: Annotated[list[SlotSpec], Field(min_length=1, description="The session's slots, in the order done.")]
    max_exercises: Annotated[int, Field(ge=1, le=12, description="Most exercises in one session.")] = 9
    max_weeks: Annotated[
        int, Field(ge=1, le=52, description="A plan of this program lasts at most this many weeks.")] = 52
    max_level: Annotated[
        int, Field(ge=1, le=5, description="The highest level a plan of this program starts at (2 for a gentle "
                   "program: its easy forms are the point).")] = 5
    max_minutes: Annotated[
        int, Field(ge=5, le=180, description="Sessions of this program last at most this many minutes.")] = 180
    deload_every: Annotated[int, Field(ge=2, le=12, description="Every Nth week is an easier week.")] = 4
    deload_factor: Annotated[
        float, Field(ge=0.5, le=0.8, description="Deload volume vs the week before.")] = 0.65
    max_weekly_increase: Annotated[
        float, Field(gt=0.0, le=0.2, description="Largest rise in weekly volume, as a fraction.")] = 0.10
    harder_per_week: Annotated[
        int, Field(ge=0, le=12, description="Most exercises moved to a harder variant in one week, counting a "
                   "movement that joins (0: never a harder variant).")
    ] = 1
    fill: Annotated[
        float, Field(ge=0.75, le=1.0, description="Share of the minutes filled in week 1, leaving room to grow.")
    ] = 0.8
    default_days: Annotated[list[Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]],
                            Field(json_schema_extra={"default": ["mon", "wed", "fri"]})] = field(
        default_factory=lambda: ["mon", "wed", "fri"])
    default_minutes: Annotated[int, Field(ge=5, le=120)] = 20
    walk_step_minutes: Annotated[int, Field(
        ge=2, le=5, description="The most minutes a walk apart from the session (apart = true) adds in a "
                                "full week (it grows by max_weekly_increase of its minutes, at least one), up to "
                                "its cap (about 30 minutes); never in an easier week.")] = 3
