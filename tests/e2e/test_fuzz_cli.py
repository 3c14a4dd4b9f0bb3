"""Property tests through the ``planner`` entry point: whatever comes in, the answer is an exit status of
0, 1 or 2 and lines a person can read; never a traceback, never a control code sent to the terminal, and
a refused file never changes the plan.

Most cases run in-process through ``planner.cli.main`` (the function the ``planner`` script calls), so
hundreds of cases take seconds; a handful go through a real subprocess as well. Example counts are
bounded so the suite stays quick in CI.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tomllib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
import tomli_w
from hypothesis import given
from hypothesis import strategies as st

from planner.cli import main
from planner.domain.errors import readable_field
from planner.locations import built_in_library
from tests.conftest import TODAY
from tests.fuzzing import LONG, fuzz_settings

SETTINGS = fuzz_settings(15, 400)  # make test: 15 files a test; make fuzz: 400
CONTROL = [chr(c) for c in [*range(0, 9), *range(11, 32), 127, *range(128, 160)]]
RAW_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


class Run:
    """``planner ARGS`` in-process, in one data folder and working folder, with what it printed."""

    def __init__(self, folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
        self.folder = folder
        self.capsys = capsys

    def __call__(self, *args: str) -> tuple[int, str, str]:
        self.capsys.readouterr()
        code = main([*args])
        out, err = self.capsys.readouterr()
        assert code in (0, 1, 2), (args, code, err)
        assert "Traceback" not in err and "Traceback" not in out, (args, err)
        assert not RAW_CONTROL.search(out + err), (args, out, err)
        if code == 2:  # a usage error: one line saying what is wrong (resume's refusal is on stdout)
            assert len(err.strip().splitlines()) <= 1 and (out + err).strip(), (args, out, err)
        return code, out, err

    def plan(self) -> str:
        return self("plan", "show", "--json")[1]


@contextmanager
def in_folder(folder: Path) -> Iterator[None]:
    """The data folder and working folder for a run (hypothesis reuses the test's fixtures)."""
    saved = os.getcwd(), {k: os.environ.get(k) for k in ("PLANNER_DATA_DIR", "PLANNER_TODAY", "PLANNER_LIBRARY",
                                                         "HOME")}
    os.chdir(folder)
    os.environ.update(PLANNER_DATA_DIR=str(folder / "data"), PLANNER_TODAY=TODAY, HOME=str(folder))
    os.environ.pop("PLANNER_LIBRARY", None)
    try:
        yield
    finally:
        os.chdir(saved[0])
        for key, value in saved[1].items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


@pytest.fixture
def run(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Iterator[Run]:
    with in_folder(tmp_path):
        runner = Run(tmp_path, capsys)
        assert runner("screen", "--none")[0] == 0  # 'plan new' needs the safety screening first
        assert runner("plan", "new", "--program", "core-foundation", "--days", "mon,wed,fri")[0] == 0
        yield runner


# Files: random bytes, and valid files bent out of shape --------------------------------------------

@SETTINGS
@given(st.binary(max_size=400))
def test_random_bytes_into_validate_and_import(run: Run, raw: bytes) -> None:
    before = run.plan()
    (run.folder / "x.toml").write_bytes(raw)
    assert run("validate", "x.toml")[0] in (0, 1)
    code, _, err = run("import", "x.toml")
    if code != 0:
        assert run.plan() == before, err


def leaves(data: Any, path: tuple = ()) -> Iterator[tuple]:
    if isinstance(data, dict):
        for key, value in data.items():
            yield (*path, key)
            yield from leaves(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield (*path, index)
            yield from leaves(value, (*path, index))


def replace(data: Any, path: tuple, value: Any) -> None:
    for part in path[:-1]:
        data = data[part]
    if value is DELETE:
        del data[path[-1]]
    else:
        data[path[-1]] = value


DELETE = object()
WRONG = st.one_of(
    st.just(DELETE), st.integers(-(2**63), 2**63 - 1), st.floats(allow_nan=False), st.booleans(),
    st.text(max_size=30), st.dates(), st.sampled_from([[], {}, [1, "a"], {"x": 1}, "", "core", "hold", "mon"]),
    st.lists(st.integers(-5, 100), max_size=3), st.sampled_from(CONTROL).map(lambda c: f"a{c}b"),
)


def exported(run: Run) -> dict[str, Any]:
    return tomllib.loads(run("export")[1])


@SETTINGS
@given(data=st.data())
def test_plan_files_bent_out_of_shape_are_refused_cleanly(run: Run, data: st.DataObject) -> None:
    original = run("export")[1]
    plan = tomllib.loads(original)
    before = run.plan()
    for _ in range(data.draw(st.integers(1, 3))):
        places = list(leaves(plan))
        if not places:
            break
        replace(plan, data.draw(st.sampled_from(places)), data.draw(WRONG))
    (run.folder / "bent.toml").write_text(tomli_w.dumps(plan))
    code, _, err = run("import", "bent.toml")
    if code != 0:
        assert run.plan() == before, err
        assert err.strip(), "a refusal says why"
    else:  # accepted: put the plan back, so every example (hypothesis reuses the fixture) bends the same file
        (run.folder / "original.toml").write_text(original)
        assert run("import", "original.toml")[0] == 0
        assert run("export")[1] == original


EXERCISES = sorted((built_in_library() / "exercises").glob("*.toml"))
PROGRAMS = sorted((built_in_library() / "programs").glob("*.toml"))


@SETTINGS
@given(data=st.data())
def test_library_files_bent_out_of_shape_give_problem_lines(run: Run, data: st.DataObject) -> None:
    source = data.draw(st.sampled_from(EXERCISES + PROGRAMS))
    item = tomllib.loads(source.read_text())
    for _ in range(data.draw(st.integers(1, 3))):
        replace(item, data.draw(st.sampled_from(list(leaves(item)))), data.draw(WRONG))
    (run.folder / "lib").mkdir(exist_ok=True)
    (run.folder / "lib" / source.name).write_text(tomli_w.dumps(item))
    code, out, err = run("validate", "lib")
    if code == 1:
        for line in err.strip().splitlines():
            assert re.match(r"^(lib/[\w.-]+(:\d+)?: [\w.\[\], -]+?: .+|planner: .+)$", line), line
    for command in (("library",), ("programs", "--json"), ("today",)):
        assert run(*command, "--library", "lib")[0] == 0


def text_fields(data: Any, path: tuple = ()) -> Iterator[tuple]:
    """Every string value, with its place."""
    if isinstance(data, str):
        yield path
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from text_fields(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from text_fields(value, (*path, index))


def with_control(data: Any, path: tuple, char: str) -> None:
    target = data
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = f"{target[path[-1]][:3]}{char}{target[path[-1]][3:]}"


@pytest.mark.parametrize("kind", ["exercise", "program", "plan"])
def test_a_control_character_in_any_text_field_is_refused(run: Run, kind: str) -> None:
    """Every text field of an exercise, a program and a plan file, each with a control character."""
    if kind == "plan":
        base = exported(run)
    else:
        base = tomllib.loads((EXERCISES if kind == "exercise" else PROGRAMS)[3].read_text())
    fields = list(text_fields(base))
    assert len(fields) > 5
    if not LONG:  # the everyday run: each kind of field once (week 1's reason stands for week 7's)
        kinds: dict[str, tuple] = {}
        for path in fields:
            kinds.setdefault(re.sub(r"\d+", "#", ".".join(map(str, path))), path)
        fields = list(kinds.values())
    before = run.plan()
    for number, path in enumerate(fields):
        if path[-1] == "id" or (len(path) > 1 and path[-2] in ("days", "targets")):
            continue  # ids and names from a fixed list are refused by their own pattern, checked elsewhere
        item = tomllib.loads(tomli_w.dumps(base))
        char = CONTROL[number % len(CONTROL)]
        with_control(item, path, char)
        (run.folder / "field.toml").write_text(tomli_w.dumps(item))
        code, _, err = run("import" if kind == "plan" else "validate", "field.toml")
        assert code == 1, (path, repr(char), err)
        shown = readable_field(".".join(str(p) for p in path))  # as a person counts: "week 1, reason 1"
        assert f": {shown}: contains the control character U+{ord(char):04X}" in err, (path, err)
    assert run.plan() == before


# Arguments ----------------------------------------------------------------------------------------

COMMANDS = ["validate", "library", "schema", "programs", "plan", "today", "done", "undo", "skip", "history",
            "pain", "resume", "adjustments", "export", "import", "nonsense", "-h", "--version"]
WORDS = ["new", "show", "days", "--program", "core-foundation", "gentle-return", "--days", "mon,wed,fri",
         "tue,thu", "--weeks", "--minutes", "--level", "--start", "--json", "--date", "--from", "--to",
         "--category", "core", "--week", "--when", "after", "--where", "--why", "--flag", "numbness",
         "--aggravated", "bird-dog", "--confirm", "--format", "md", "ics", "toml", "-o", "out.txt", "--force",
         "--time", "07:00", "25:61", "--output", "-", "--", "0", "10", "11", "-1", "1e9", "99999999999999999999",
         TODAY, "9999-12-31", "0001-01-01", "2026-02-30", "", " ", "x" * 300, "é", "\x1b[2J", "\x9b31m",
         "plan.toml", "/dev/null", "/dev/zero", ".", "..", "--help"]


@fuzz_settings(100)
@given(st.sampled_from(COMMANDS), st.lists(st.sampled_from(WORDS) | st.text(max_size=8), max_size=6))
def test_random_argument_vectors(run: Run, command: str, words: list[str]) -> None:
    run(command, *words)


def test_a_handful_of_argument_vectors_through_the_real_command(tmp_path: Path) -> None:
    env = {**os.environ, "PLANNER_DATA_DIR": str(tmp_path / "data"), "PLANNER_TODAY": TODAY}
    env.pop("PLANNER_LIBRARY", None)
    cases = [["today", "--date", "9999-12-31"], ["pain", "11"], ["plan", "new"], ["export", "-o", "x" * 300],
             ["history", "--from", "2026-02-30"], ["done", "\x1b]0;pwned\x07"],
             ["library", "--category", "nope"], ["plan", "new", "--program", "core-foundation", "--weeks", "-1"],
             ["--data-dir"], ["serve", "--port", "0"]]
    for args in cases:
        result = subprocess.run([sys.executable, "-m", "planner", *args], capture_output=True, text=True,
                                env=env, cwd=tmp_path, timeout=60, stdin=subprocess.DEVNULL)
        assert result.returncode in (1, 2), (args, result.stdout, result.stderr)
        assert "Traceback" not in result.stderr, (args, result.stderr)
        assert not RAW_CONTROL.search(result.stdout + result.stderr), args
        assert len(result.stderr.strip().splitlines()) == 1, (args, result.stderr)

