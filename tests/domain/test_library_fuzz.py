"""Random damage to valid files never produces a traceback, only Problem lines a person can act on."""

from __future__ import annotations

import datetime as dt
import json
import tempfile
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from planner.domain.errors import Problem, UsageError, readable_field
from planner.domain.library.loading import Library, Source, load_library
from planner.domain.plan.builder import build_plan
from planner.domain.plan.model import PlanInputs
from planner.locations import built_in_library
from tests.fuzzing import fuzz_settings

EXERCISES = sorted((built_in_library() / "exercises").glob("*.toml"))
PROGRAMS = sorted((built_in_library() / "programs").glob("*.toml"))
KEYS = ["name", "nmae", "category", "kind", "level", "sets", "reps", "hold_seconds", "hold_secs", "minutes",
        "easier", "harder", "cap", "step", "targets", "id", "blocks", "count", "dose", "x-y", '"quoted key"']

toml_values = st.one_of(
    st.integers(-(2**63), 2**63 - 1).map(str),
    st.floats().map(repr),
    st.booleans().map(lambda b: str(b).lower()),
    st.text(max_size=20).map(lambda s: json.dumps(s, ensure_ascii=False)),
    st.text(max_size=12).map(repr),
    st.sampled_from(["[]", "[1, 2]", '["a", 3]', "{}", "{ step = -1, cap = 0 }", '"core"', '"hold"',
                     '"front-plank"', '"glute-bridge"', "1979-05-27", "[[1]]", "", "=", '"""']),
)


@st.composite
def damaged(draw: st.DrawFn, files: list[Path]) -> tuple[str, bytes]:
    """A valid file with one to four random edits of the kinds people (and disks) make."""
    path = draw(st.sampled_from(files))
    lines = path.read_text().splitlines()
    for _ in range(draw(st.integers(1, 4))):
        index = draw(st.integers(0, max(len(lines) - 1, 0)))
        line = lines[index] if lines else ""
        action = draw(st.sampled_from(["delete", "duplicate", "value", "rename", "truncate"]))
        if action == "delete" and lines:
            lines.pop(index)
        elif action == "duplicate":
            lines.insert(index, line)
        elif action == "value" and "=" in line:
            lines[index] = line.split("=", 1)[0] + "= " + draw(toml_values)
        elif action == "rename" and "=" in line:
            lines[index] = draw(st.sampled_from(KEYS)) + " =" + line.split("=", 1)[1]
        elif action == "truncate":
            lines = lines[:index]
    data = "\n".join(lines).encode()
    if draw(st.booleans()):
        at = draw(st.integers(0, len(data)))
        data = data[:at] + draw(st.binary(min_size=1, max_size=6)) + data[at:]
    if draw(st.integers(0, 9)) == 0:
        data = data[: draw(st.integers(0, len(data)))]
    return path.name, data


def load(name: str, data: bytes, *, with_built_ins: bool) -> tuple[Library, int]:
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / name).write_bytes(data)
        sources = [Source(built_in_library(), built_in=True)] if with_built_ins else []
        return load_library([*sources, Source(Path(folder))]), data.count(b"\n") + 1


def check_problems(library: Library, name: str, line_count: int) -> None:
    for problem in library.problems:
        assert isinstance(problem, Problem)
        assert problem.field.strip() and problem.message.strip(), problem
        assert problem.line is None or 1 <= problem.line <= line_count or problem.path.startswith("<built-in>")
        where = f"{problem.path}:{problem.line}" if problem.line else problem.path
        assert str(problem) == f"{where}: {readable_field(problem.field)}: {problem.message}"
        assert "\n" not in problem.field, problem
    sorted(library.problems)  # `planner validate` prints them sorted: a missing line must not break that


def check_chains(library: Library) -> None:
    """Links are two-way and acyclic, so every chain can be walked."""
    for low, high in library.harder_of.items():
        assert library.easier_of[high] == low
    for high, low in library.easier_of.items():
        assert library.harder_of[low] == high
    for exercise_id in library.exercises:
        seen = {exercise_id}
        node = exercise_id
        while node in library.harder_of:
            node = library.harder_of[node]
            assert node not in seen, f"loop through {node}"
            seen.add(node)
        chain = library.chain(exercise_id)
        assert exercise_id in chain and len(set(chain)) == len(chain)
        assert len({library.exercises[i].category for i in chain}) == 1


@fuzz_settings(100)
@given(case=damaged(EXERCISES + PROGRAMS))
def test_a_damaged_file_alone_gives_problems_not_tracebacks(case: tuple[str, bytes]) -> None:
    name, data = case
    library, line_count = load(name, data, with_built_ins=False)
    check_problems(library, name, line_count)
    loaded = library.exercises or library.programs
    assert loaded or any(p.path.endswith(name) for p in library.problems), "a file is never dropped in silence"
    check_chains(library)


@fuzz_settings(40)
@given(case=damaged(EXERCISES + PROGRAMS), days=st.sampled_from([["mon"], ["mon", "wed", "fri"], ["sat", "sun"]]))
def test_a_damaged_override_of_a_built_in_still_builds_plans(case: tuple[str, bytes], days: list[str]) -> None:
    """A person's broken copy of a built-in file may be refused, but it never breaks the plans."""
    name, data = case
    library, line_count = load(name, data, with_built_ins=True)
    check_problems(library, name, line_count)
    check_chains(library)
    for program in sorted(library.programs):
        try:
            plan = build_plan(PlanInputs(program=program, days=days, minutes=20, level=3, weeks=5,
                                         start=dt.date(2026, 3, 2)), library)
        except UsageError as err:
            assert "too short" in str(err)
            continue
        assert all(s.exercises and s.estimated_minutes <= 20 for w in plan.weeks for s in w.sessions)
