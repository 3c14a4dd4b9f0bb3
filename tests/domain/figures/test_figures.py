"""Every built-in exercise is drawn, in braille and in SVG; a bad figure gets one clear line."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from planner.domain.figures.braille import BLANK, Canvas, render
from planner.domain.figures.skeleton import between, draw, frame, placed
from planner.domain.figures.svg import figure_svg
from planner.domain.figures.terminal import figure_text
from planner.domain.library.figure import Figure, Pose, View
from planner.domain.library.loading import Source, load_library
from planner.locations import built_in_library

LIBRARY = load_library([Source(built_in_library(), built_in=True)])
IDS = sorted(LIBRARY.exercises)


def test_the_built_in_library_loads_without_a_problem() -> None:
    assert [str(p) for p in LIBRARY.problems if "figure" in p.field] == []


@pytest.mark.parametrize("exercise_id", IDS)
def test_every_built_in_exercise_is_drawn_in_braille_and_svg(exercise_id: str) -> None:
    exercise = LIBRARY.exercises[exercise_id]
    assert exercise.figure is not None, f"{exercise_id} has no [figure]"
    lines = figure_text(exercise.figure)
    assert lines[0].split() == [name for name, _ in exercise.figure.poses]
    assert any(ch not in (BLANK, " ") for line in lines[1:] for ch in line), "the drawing is empty"
    root = ET.fromstring(figure_svg(exercise.figure, exercise.name))
    ns = "{http://www.w3.org/2000/svg}"
    assert root.tag == f"{ns}svg"
    assert root.find(f"{ns}title").text == exercise.name
    assert len(root.findall(f".//{ns}line")) >= 10, "a body has at least ten bones"


def test_no_key_pose_of_a_built_in_goes_through_the_floor() -> None:
    for exercise in LIBRARY.exercises.values():
        assert exercise.figure is not None
        for name, pose in exercise.figure.poses:
            shape = placed(pose, exercise.figure.view)
            assert min(y for _, y in shape.points.values()) > -0.06, (exercise.id, name)


def test_standing_upright_puts_the_head_on_top_and_the_feet_on_the_floor() -> None:
    shape = placed(Pose(), View.SIDE)
    assert shape.head[1] > shape.points["neck"][1] > shape.points["pelvis"][1] > shape.points["left_knee"][1]
    assert min(shape.points["left_toe"][1], shape.points["left_ankle"][1]) == pytest.approx(0, abs=1e-9)


def test_a_bent_knee_lying_on_the_back_points_up() -> None:
    """Lying on the back (trunk 180), a flexed hip lifts the knee off the floor and the foot stays near it."""
    shape = placed(Pose(trunk=180, left_hip=50, left_knee=100, left_ankle=40), View.SIDE)
    assert shape.points["left_knee"][1] > 0.6
    assert shape.points["left_ankle"][1] < 0.25


def test_a_moving_figure_passes_through_the_middle_and_comes_back() -> None:
    start, end = Pose(trunk=90), Pose(trunk=90, left_shoulder=180)
    figure = Figure(start=start, end=end, tempo=2)
    assert between(start, end, 0.5, View.SIDE).left_shoulder == 90
    assert frame(figure, 0) == draw(figure, start)
    assert frame(figure, 2) == draw(figure, end)
    assert frame(figure, 4) == draw(figure, start)


def test_bresenham_draws_every_dot_of_a_diagonal() -> None:
    canvas = Canvas(2, 1)
    canvas.line(0, 0, 3, 3)
    assert canvas.rows_text() == [chr(0x2800 + 0x01 + 0x10) + chr(0x2800 + 0x04 + 0x80)]


def test_braille_fits_the_cells_asked_for() -> None:
    lines = render(draw(Figure(hold=Pose())), 12, 5)
    assert len(lines) == 5 and all(len(line) == 12 for line in lines)


BAD = {
    "unknown joint": ("[figure.hold]\nleft_wrist = 10\n", "figure.hold.left_wrist: unknown field"),
    "angle out of range": ("[figure.hold]\nleft_knee = 200\n",
                           "figure.hold.left_knee: input should be less than or equal to 160; got 200"),
    "through the floor": ("[figure.hold]\nheight = 0.2\n", "figure.hold.height: 0.2 puts the left"),
    "start without end": ("[figure.start]\ntrunk = 90\n", "figure.start: a moving figure needs [figure.end] too"),
    "unknown prop": ('[figure]\nprops = [{ kind = "sofa" }]\n[figure.hold]\n', "figure.prop 1, kind: input should be"),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_each_bad_figure_gets_one_clear_line(case: str, tmp_path: Path) -> None:
    text, expected = BAD[case]
    base = (built_in_library() / "exercises" / "glute-bridge.toml").read_text().split("\n[figure]")[0]
    path = tmp_path / "my-bridge.toml"
    path.write_text(base + "\n" + text, encoding="utf-8")
    library = load_library([Source(tmp_path)])
    problems = [str(p) for p in library.problems]
    assert len(problems) == 1, problems
    assert expected in problems[0]
    assert problems[0].startswith(f"{path}:") and problems[0].split(":")[1].isdigit(), "PATH:LINE: first"
    assert "my-bridge" not in library.exercises


def test_the_contact_sheet_names_and_draws_every_exercise() -> None:
    from planner.app.figure_sheet import contact_sheet

    root = ET.fromstring(contact_sheet(LIBRARY))
    ns = "{http://www.w3.org/2000/svg}"
    labels = [t.text or "" for t in root.iter(f"{ns}text")]
    assert len(labels) == len(IDS) and all(f"({i})" in label or label.endswith("…") for i, label in zip(IDS, labels, strict=True))
    assert len(root.findall(f"{ns}svg")) == len(IDS)
