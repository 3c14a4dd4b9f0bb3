"""Exercise and program-template models: the shape of the TOML files people write.

Every model forbids unknown keys so a typo such as ``hold_secs`` is reported
instead of silently ignored. Defaults are chosen so a hand-written file needs
only a handful of lines.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
Slug = Annotated[str, Field(pattern=SLUG_PATTERN, min_length=1, max_length=60)]

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


class Kind(StrEnum):
    REPS = "reps"
    HOLD = "hold"
    DURATION = "duration"


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True, defer_build=True)


class Dose(Strict):
    """How much of an exercise: the fields that matter depend on the exercise kind."""

    sets: int = Field(1, ge=1, le=MAX_SETS, description="Rounds of the exercise.")
    reps: int | None = Field(None, ge=1, le=MAX_REPS, description="Repetitions per set (kind = reps).")
    hold_seconds: int | None = Field(
        None, ge=1, le=MAX_HOLD_SECONDS, description="Seconds per hold (kind = hold)."
    )
    minutes: int | None = Field(None, ge=1, le=MAX_MINUTES, description="Minutes in all (kind = duration).")
    rest_seconds: int = Field(30, ge=0, le=MAX_REST_SECONDS, description="Rest between sets.")
    seconds_per_rep: int = Field(3, ge=1, le=30, description="Used to estimate time for rep work.")


class Step(Strict):
    """One dose field's progression: add ``step`` each time until ``cap``."""

    step: int = Field(1, ge=1, le=30)
    cap: int = Field(ge=1)


class Progression(Strict):
    """Steps and caps per dose field; fields left out do not progress.

    The builder raises the first field in this order that is below its cap:
    the main field (reps, hold_seconds or minutes), then sets.
    """

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


class Exercise(Strict):
    """One exercise as written in an exercise TOML file."""

    id: Slug
    name: str = Field(min_length=1, max_length=80)
    category: Category
    kind: Kind
    targets: list[Slug] = Field(min_length=1, description="Body areas, e.g. lower-back, glutes.")
    level: int = Field(1, ge=1, le=5, description="1 = gentlest, 5 = hardest.")
    dose: Dose
    progression: Progression = Progression()
    easier: Slug | None = Field(None, description="Id of the next easier variant.")
    harder: Slug | None = Field(None, description="Id of the next harder variant.")
    equipment: list[str] = []
    summary: str = ""
    cues: list[str] = Field(min_length=1, description="How to do it well, one short line each.")
    cautions: list[str] = Field(min_length=1, description="When to stop or take care.")

    @model_validator(mode="after")
    def _dose_matches_kind(self) -> Exercise:
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
        for field in ("sets", primary):
            step = getattr(self.progression, field)
            if step is None:
                continue
            start = getattr(self.dose, field)
            if step.cap < start:
                raise ValueError(
                    f"progression.{field}.cap: {step.cap} is below the starting dose {start}"
                )
            if step.cap > FIELD_LIMITS[field]:
                raise ValueError(
                    f"progression.{field}.cap: {step.cap} is above the limit of {FIELD_LIMITS[field]}"
                )
        if self.easier is not None and self.easier == self.id:
            raise ValueError("easier: cannot name the exercise itself")
        if self.harder is not None and self.harder == self.id:
            raise ValueError("harder: cannot name the exercise itself")
        return self

    @property
    def primary_field(self) -> str:
        return PRIMARY_FIELD[self.kind]


class Block(Strict):
    """A part of every session: which exercises may fill it and how many per pass."""

    category: Category | None = None
    exercises: list[Slug] = Field([], description="Chains to draw from (any variant id names its chain).")
    count: int = Field(1, ge=1, le=6, description="Exercises taken from this block per pass.")

    @model_validator(mode="after")
    def _has_source(self) -> Block:
        if self.category is None and not self.exercises:
            raise ValueError("category: a block needs a category or a list of exercises")
        return self


class Program(Strict):
    """A program template as written in a program TOML file."""

    id: Slug
    name: str = Field(min_length=1, max_length=80)
    goal: str = Field(min_length=1, max_length=200)
    description: str = Field(min_length=1)
    weeks: int = Field(8, ge=1, le=52)
    blocks: list[Block] = Field(min_length=1)
    max_exercises: int = Field(6, ge=1, le=12, description="Most exercises in one session.")
    deload_every: int = Field(4, ge=2, le=12, description="Every Nth week is an easier week.")
    deload_factor: float = Field(0.65, ge=0.5, le=0.8, description="Deload volume vs the week before.")
    max_weekly_increase: float = Field(
        0.10, gt=0.0, le=0.2, description="Largest rise in weekly volume, as a fraction."
    )
    fill: float = Field(
        0.75, ge=0.4, le=1.0, description="Share of the minutes filled in week 1, leaving room to grow."
    )
    default_days: list[Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]] = ["mon", "wed", "fri"]
    default_minutes: int = Field(20, ge=5, le=120)
