"""Random damage to valid files never produces a traceback, only Problem lines."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from planner.domain.errors import Problem
from planner.domain.library import Source, load_library
from planner.locations import built_in_library

FILES = sorted((built_in_library() / "exercises").glob("*.toml"))[:12] + sorted(
    (built_in_library() / "programs").glob("*.toml"))[:2]
VALUES = st.one_of(st.integers(-10**6, 10**6), st.floats(allow_nan=False), st.booleans(),
                   st.text(max_size=12).map(repr), st.just("[1, 2]"), st.just("{ step = -1 }"))


@st.composite
def damaged(draw) -> tuple[str, bytes]:
    path = draw(st.sampled_from(FILES))
    lines = path.read_text().splitlines()
    for _ in range(draw(st.integers(1, 3))):
        index = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["delete", "duplicate", "value", "rename", "truncate"]))
        line = lines[index]
        if action == "delete":
            lines.pop(index)
        elif action == "duplicate":
            lines.insert(index, line)
        elif action == "value" and "=" in line:
            lines[index] = line.split("=")[0] + "= " + str(draw(VALUES))
        elif action == "rename" and "=" in line:
            lines[index] = draw(st.sampled_from(["sets", "nmae", "hold_secs", "x"])) + " =" + line.split("=", 1)[1]
        elif action == "truncate":
            lines = lines[:index]
        if not lines:
            lines = [""]
    data = "\n".join(lines).encode()
    if draw(st.booleans()):
        at = draw(st.integers(0, len(data)))
        data = data[:at] + draw(st.binary(min_size=1, max_size=4)) + data[at:]
    return path.name, data


@settings(max_examples=150, deadline=None)
@given(case=damaged())
def test_damaged_files_give_problems_not_tracebacks(case: tuple[str, bytes]) -> None:
    name, data = case
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / name).write_bytes(data)
        library = load_library([Source(built_in_library(), built_in=True), Source(Path(folder))])
    for problem in library.problems:
        assert isinstance(problem, Problem) and problem.field and problem.message
