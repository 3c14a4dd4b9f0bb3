"""An exercise's drawn figure, as written in its ``[figure]`` table: a view, props and key poses.

Only the data lives here (plain frozen dataclasses, like :mod:`planner.domain.library.models`), so a
library read from the cache can hold figures without importing the drawing code. Turning a pose into
lines is :mod:`planner.domain.figures`; the rule that needs that geometry (no pose goes through the
floor) is checked there, when files are read.

Angles are degrees. ``trunk`` is the direction from the pelvis to the shoulders (0 points right, 90 up,
180 left); every other joint is relative to the segment above it, as a physiotherapist measures it:
flexion is positive (hip and shoulder forward, knee and elbow bent, chin to chest, foot pointed).
In the front view the shoulders and hips swing out to the side (abduction) instead, and a bent knee
only shortens the shin (it points away from the viewer). The view from above is for lying on the
back, seen from the ceiling: hips and shoulders swing out to the side as in the front view, and a
bent knee turns the shin across the picture (both legs the same way round).
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from enum import StrEnum
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:  # read by pydantic, from planner.domain.files.validation
    from typing import Annotated

    from pydantic import Field

FILE_RULES = {"extra": "forbid", "str_strip_whitespace": True}

# The joints a pose may set, with the range a body can reach (degrees); one table for the schema,
# the validator and the docs. A number outside it is a typo or a pose no one should copy.
JOINT_RANGES: dict[str, tuple[float, float]] = {
    "trunk": (-180, 180),
    "back": (-45, 60),
    "neck": (-60, 80),
    "shoulder": (-90, 190),
    "elbow": (0, 160),
    "hip": (-40, 150),
    "knee": (0, 160),
    "ankle": (-40, 70),
}
SIDES = ("left", "right")
MAX_HEIGHT = 3.0  # pelvis height above the floor, in trunk lengths
MAX_SHIFT = 3.0


class View(StrEnum):
    SIDE = "side"
    FRONT = "front"
    ABOVE = "above"


class PropKind(StrEnum):
    FLOOR = "floor"
    WALL = "wall"
    CHAIR = "chair"
    BOX = "box"
    STRAP = "strap"
    WEIGHT = "weight"
    BROOMSTICK = "broomstick"
    BAND = "band"
    PILLOW = "pillow"
    PACK = "pack"


@dataclass(frozen=True, kw_only=True)
class Prop:
    """A thing drawn with the body. ``x``/``y`` place it (trunk lengths; the floor is y = 0); left out,
    it is placed from the first pose: a chair or box under the pelvis, a wall at the hands, a pillow
    under the knees, a pack on the low back. ``side`` says which hand holds a weight, strap or band."""

    __pydantic_config__ = FILE_RULES

    kind: PropKind
    x: Annotated[float | None, Field(ge=-MAX_SHIFT * 2, le=MAX_SHIFT * 2, description="Across, from the pelvis.")] = None
    y: Annotated[float | None, Field(ge=0, le=MAX_HEIGHT, description="Height above the floor.")] = None
    side: Literal["left", "right", "both"] = "left"


@dataclass(frozen=True, kw_only=True)
class Pose:
    """One key pose: joint angles in degrees (left out: 0, the anatomical position; trunk 90, upright)."""

    __pydantic_config__ = FILE_RULES

    height: Annotated[float | None, Field(
        ge=0, le=MAX_HEIGHT, description="Pelvis height above the floor in trunk lengths; left out, the "
                                         "lowest point of the body rests on the floor.")] = None
    x: Annotated[float, Field(ge=-MAX_SHIFT, le=MAX_SHIFT, description="Pelvis shift across, in trunk lengths.")] = 0
    trunk: Annotated[float, Field(ge=-180, le=180, description="Pelvis to shoulders: 0 right, 90 up, 180 left.")] = 90
    back: Annotated[float, Field(ge=-45, le=60, description="The spine's bend at mid-back: + rounds, - arches.")] = 0
    neck: Annotated[float, Field(ge=-60, le=80)] = 0
    left_shoulder: Annotated[float, Field(ge=-90, le=190)] = 0
    left_elbow: Annotated[float, Field(ge=0, le=160)] = 0
    left_hip: Annotated[float, Field(ge=-40, le=150)] = 0
    left_knee: Annotated[float, Field(ge=0, le=160)] = 0
    left_ankle: Annotated[float, Field(ge=-40, le=70)] = 0
    right_shoulder: Annotated[float, Field(ge=-90, le=190)] = 0
    right_elbow: Annotated[float, Field(ge=0, le=160)] = 0
    right_hip: Annotated[float, Field(ge=-40, le=150)] = 0
    right_knee: Annotated[float, Field(ge=0, le=160)] = 0
    right_ankle: Annotated[float, Field(ge=-40, le=70)] = 0


ANGLE_FIELDS = tuple(f.name for f in fields(Pose) if f.name not in ("height", "x"))


@dataclass(frozen=True, kw_only=True)
class Figure:
    """How an exercise is drawn: a movement from ``start`` to ``end`` and back at ``tempo``, or a ``hold``."""

    __pydantic_config__ = FILE_RULES

    view: Annotated[View, Field(description="side: seen from the person's left; front: facing the viewer; "
                                            "above: lying on the back, seen from the ceiling.")] = View.SIDE
    props: Annotated[list[Prop], Field(json_schema_extra={"default": []})] = field(default_factory=list)
    tempo: Annotated[float, Field(ge=0.5, le=10, description="Seconds to move from start to end (and again back).")] = 2
    start: Pose | None = None
    end: Pose | None = None
    hold: Pose | None = None

    def __post_init__(self) -> None:
        if self.hold is not None and (self.start is not None or self.end is not None):
            raise ValueError("hold: a figure either holds one pose or moves from start to end, not both")
        if self.hold is None and (self.start is None or self.end is None):
            given, missing = ("start", "end") if self.start is not None else ("end", "start")
            if self.start is None and self.end is None:
                raise ValueError("hold: a figure needs key poses: a [figure.hold], or [figure.start] and [figure.end]")
            raise ValueError(f"{given}: a moving figure needs [figure.{missing}] too (or one [figure.hold] instead)")

    @property
    def poses(self) -> list[tuple[str, Pose]]:
        """The key poses by name, in the order they are done."""
        if self.hold is not None:
            return [("hold", self.hold)]
        assert self.start is not None and self.end is not None
        return [("start", self.start), ("end", self.end)]


def figure_from_dict(data: dict) -> Figure:
    """A figure from :func:`dataclasses.asdict` output (the library cache), enums and poses made whole."""
    poses = {name: Pose(**data[name]) if data.get(name) else None for name in ("start", "end", "hold")}
    props = [Prop(**{**p, "kind": PropKind(p["kind"])}) for p in data.get("props", [])]
    return Figure(view=View(data["view"]), props=props, tempo=data["tempo"], **poses)
