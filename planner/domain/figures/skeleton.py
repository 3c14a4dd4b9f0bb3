"""Forward kinematics: a pose's joint angles become line segments and a head circle.

Lengths are in trunk lengths (pelvis to shoulders = 1) and y grows upwards from the floor. The body is
a stick figure: trunk, head, upper and lower arms, thighs, shins and feet. In the side view the left
side is the near one (drawn in front); in the front view the person faces the viewer, so their left
is on the viewer's right.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

from planner.domain.library.figure import ANGLE_FIELDS, Figure, Pose, Prop, PropKind, View

UPPER_ARM, FOREARM = 0.55, 0.52
THIGH, SHIN, FOOT = 0.9, 0.85, 0.24
NECK, HEAD = 0.1, 0.15
SHOULDER_HALF, HIP_HALF = 0.2, 0.12  # front view only
SEAT = 0.55  # a chair's or box's seat depth
RAISED = 45  # front view: an arm out further than this bends its elbow upwards


@dataclass(frozen=True)
class Segment:
    x1: float
    y1: float
    x2: float
    y2: float
    part: str  # "body", "far" (the far side, in the side view) or "prop"


@dataclass(frozen=True)
class Circle:
    x: float
    y: float
    r: float
    part: str


@dataclass(frozen=True)
class Drawing:
    """What one pose looks like, ready for a surface to scale and draw."""

    segments: tuple[Segment, ...]
    circles: tuple[Circle, ...]

    def bounds(self) -> tuple[float, float, float, float]:
        xs = [v for s in self.segments for v in (s.x1, s.x2)] + [v for c in self.circles for v in (c.x - c.r, c.x + c.r)]
        ys = [v for s in self.segments for v in (s.y1, s.y2)] + [v for c in self.circles for v in (c.y - c.r, c.y + c.r)]
        return min(xs), min(ys), max(xs), max(ys)


def _toward(x: float, y: float, angle: float, length: float) -> tuple[float, float]:
    rad = math.radians(angle)
    return x + length * math.cos(rad), y + length * math.sin(rad)


@dataclass(frozen=True)
class Body:
    """Named points of the body for one pose, before the figure is set on the floor."""

    points: dict[str, tuple[float, float]]
    bones: tuple[tuple[str, str, str], ...]  # (from, to, part)
    head: tuple[float, float]

    def lowest(self) -> float:
        return min(min(y for _, y in self.points.values()), self.head[1] - HEAD)

    def shifted(self, dy: float) -> Body:
        return Body({k: (x, y + dy) for k, (x, y) in self.points.items()}, self.bones, (self.head[0], self.head[1] + dy))


def body(pose: Pose, view: View) -> Body:
    """The body's points with the pelvis at (pose.x, 0)."""
    trunk = pose.trunk
    pelvis = (pose.x, 0.0)
    mid = _toward(*pelvis, trunk, 0.5)
    upper = trunk - pose.back  # the upper back bends forward (+) or back (-) at mid-back
    neck_base = _toward(*mid, upper, 0.5)
    side = view is View.SIDE
    head_dir = upper - pose.neck
    head = _toward(*_toward(*neck_base, head_dir, NECK), head_dir, HEAD)
    points = {"pelvis": pelvis, "mid": mid, "neck": neck_base, "head_base": _toward(*neck_base, head_dir, NECK)}
    bones: list[tuple[str, str, str]] = [("pelvis", "mid", "body"), ("mid", "neck", "body"),
                                         ("neck", "head_base", "body")]
    trunk = upper  # the arms hang from the upper back
    hip_base = pose.trunk
    for name in ("left", "right"):
        sign = 1 if (side or name == "left") else -1
        part = "far" if side and name == "right" else "body"
        angles = {joint: getattr(pose, f"{name}_{joint}") for joint in ("shoulder", "elbow", "hip", "knee", "ankle")}
        get = angles.__getitem__
        if side:
            shoulder, hip = neck_base, pelvis
        else:
            shoulder = _toward(*neck_base, trunk - 90 * sign, SHOULDER_HALF)
            hip = _toward(*pelvis, hip_base - 90 * sign, HIP_HALF)
            bones += [("neck", f"{name}_shoulder", part), ("pelvis", f"{name}_hip", part)]
        arm = trunk + 180 + sign * get("shoulder")
        elbow = _toward(*shoulder, arm, UPPER_ARM)
        # Seen from the front, a raised arm bends up (the doorway stretch's goal posts) and a lowered one
        # bends in towards the body (hands on the hips, arms folded).
        bend = sign if side or get("shoulder") > RAISED else -sign
        forearm = arm + bend * get("elbow")
        hand = _toward(*elbow, forearm, FOREARM)
        thigh = hip_base + 180 + sign * get("hip")
        knee = _toward(*hip, thigh, THIGH)
        if side or view is View.ABOVE:  # the knee bends in the picture's plane
            shin, shin_length = thigh - get("knee"), SHIN
        else:  # seen from the front a bent knee takes the shin out of the picture: it only looks shorter
            shin, shin_length = thigh, SHIN * math.cos(math.radians(get("knee")))
        ankle = _toward(*knee, shin, shin_length)
        foot = shin + sign * (90 - get("ankle"))
        toe = _toward(*ankle, foot, FOOT if side else FOOT / 2)
        points.update({f"{name}_shoulder": shoulder, f"{name}_elbow": elbow, f"{name}_hand": hand,
                       f"{name}_hip": hip, f"{name}_knee": knee, f"{name}_ankle": ankle, f"{name}_toe": toe})
        bones += [(f"{name}_shoulder", f"{name}_elbow", part), (f"{name}_elbow", f"{name}_hand", part),
                  (f"{name}_hip", f"{name}_knee", part), (f"{name}_knee", f"{name}_ankle", part),
                  (f"{name}_ankle", f"{name}_toe", part)]
    return Body(points, tuple(bones), head)


def placed(pose: Pose, view: View) -> Body:
    """The body set on the floor: the pelvis at ``pose.height``, or else the lowest point on the floor."""
    shape = body(pose, view)
    if pose.height is not None:
        return shape.shifted(pose.height)
    return shape.shifted(-shape.lowest())


def between(start: Pose, end: Pose, t: float, view: View) -> Pose:
    """The pose a fraction ``t`` of the way from ``start`` to ``end`` (angles and place move together)."""
    values = {name: getattr(start, name) + (getattr(end, name) - getattr(start, name)) * t for name in ANGLE_FIELDS}
    values["x"] = start.x + (end.x - start.x) * t
    if start.height is None and end.height is None:
        values["height"] = None
    else:
        low = -body(start, view).lowest() if start.height is None else start.height
        high = -body(end, view).lowest() if end.height is None else end.height
        values["height"] = low + (high - low) * t
    return replace(start, **values)


def draw(figure: Figure, pose: Pose | None = None) -> Drawing:
    """The figure in ``pose`` (its first key pose when left out), with its props."""
    first = figure.poses[0][1]
    shape = placed(pose or first, figure.view)
    anchor = placed(first, figure.view)
    segments = [Segment(*shape.points[a], *shape.points[b], part) for a, b, part in shape.bones]
    circles = [Circle(*shape.head, HEAD, "body")]
    extra_segments, extra_circles = _props(figure.props, shape, anchor)
    segments += extra_segments
    circles += extra_circles
    # Near side last, so it is drawn over the far side.
    segments.sort(key=lambda s: {"prop": 0, "far": 1, "body": 2}[s.part])
    drawing = Drawing(tuple(segments), tuple(circles))
    if any(p.kind is PropKind.FLOOR for p in figure.props):
        low, _, high, _ = drawing.bounds()
        drawing = Drawing((Segment(low - 0.2, 0, high + 0.2, 0, "prop"), *drawing.segments), drawing.circles)
    return drawing


def _hands(prop: Prop, shape: Body) -> list[tuple[float, float]]:
    sides = ("left", "right") if prop.side == "both" else (prop.side,)
    return [shape.points[f"{s}_hand"] for s in sides]


def _rect(x1: float, y1: float, x2: float, y2: float) -> list[Segment]:
    return [Segment(x1, y1, x2, y1, "prop"), Segment(x2, y1, x2, y2, "prop"),
            Segment(x2, y2, x1, y2, "prop"), Segment(x1, y2, x1, y1, "prop")]


def _props(props: list[Prop], shape: Body, anchor: Body) -> tuple[list[Segment], list[Circle]]:
    """Props are placed from the first pose (``anchor``) unless given x/y; hand-held ones follow the hands."""
    segments: list[Segment] = []
    circles: list[Circle] = []
    pelvis = anchor.points["pelvis"]
    for prop in props:
        kind = prop.kind
        if kind is PropKind.WALL:
            hands = [anchor.points["left_hand"][0], anchor.points["right_hand"][0]]
            x = prop.x if prop.x is not None else max(hands) + 0.03
            segments.append(Segment(x, 0, x, 2.3, "prop"))
        elif kind in (PropKind.CHAIR, PropKind.BOX):
            x = prop.x if prop.x is not None else pelvis[0] - 0.1
            y = prop.y if prop.y is not None else max(pelvis[1] - 0.05, 0.1)
            back, front = x - SEAT / 2, x + SEAT / 2
            if kind is PropKind.BOX:
                segments += _rect(back, 0, front, y)
            else:
                segments += [Segment(back, y, front, y, "prop"), Segment(back, 0, back, y + 0.9, "prop"),
                             Segment(front, 0, front, y, "prop")]
        elif kind is PropKind.STRAP:
            sides = ("left", "right") if prop.side == "both" else (prop.side,)
            for side in sides:
                segments.append(Segment(*shape.points[f"{side}_hand"], *shape.points[f"{side}_toe"], "prop"))
        elif kind is PropKind.WEIGHT:
            for x, y in _hands(prop, shape):
                circles.append(Circle(x, y - 0.13, 0.12, "prop"))
        elif kind is PropKind.BAND:
            x = prop.x if prop.x is not None else pelvis[0] + 2.0
            for hx, hy in _hands(prop, shape):
                segments.append(Segment(hx, hy, x, hy, "prop"))
            segments.append(Segment(x, 0, x, 2.3, "prop"))
        elif kind is PropKind.BROOMSTICK:
            (px, py), (nx, ny) = shape.points["pelvis"], shape.points["neck"]
            angle = math.degrees(math.atan2(ny - py, nx - px))
            bx, by = _toward(px, py, angle + 90, 0.09)
            segments.append(Segment(*_toward(bx, by, angle, -0.25), *_toward(bx, by, angle, 1.45), "prop"))
        elif kind is PropKind.PILLOW:
            knees = [anchor.points["left_knee"], anchor.points["right_knee"]]
            x = prop.x if prop.x is not None else sum(k[0] for k in knees) / 2
            y = prop.y if prop.y is not None else 0.0
            segments += _rect(x - 0.3, y, x + 0.3, y + 0.22)
        elif kind is PropKind.PACK:
            (px, py), (nx, ny) = shape.points["pelvis"], shape.points["neck"]
            cx, cy = px + (nx - px) * 0.25, py + (ny - py) * 0.25
            angle = math.degrees(math.atan2(ny - py, nx - px))
            ox, oy = _toward(cx, cy, angle + 90, 0.06)  # behind the back (the person faces angle - 90)
            circles.append(Circle(ox, oy, 0.06, "prop"))
    return segments, circles


def key_drawings(figure: Figure) -> list[tuple[str, Drawing]]:
    return [(name, draw(figure, pose)) for name, pose in figure.poses]


def frame(figure: Figure, t: float) -> Drawing:
    """The figure at time ``t`` seconds into its movement: start to end and back, ``tempo`` each way."""
    if figure.hold is not None:
        return draw(figure)
    assert figure.start is not None and figure.end is not None
    phase = (t / figure.tempo) % 2
    fraction = phase if phase <= 1 else 2 - phase
    return draw(figure, between(figure.start, figure.end, fraction, figure.view))


def shared_bounds(drawings: list[Drawing]) -> tuple[float, float, float, float]:
    """The box around every drawing: one scale for all the poses of a figure."""
    boxes = [d.bounds() for d in drawings]
    return (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))
