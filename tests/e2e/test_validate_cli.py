"""`planner validate` and the library commands, on files a new user would plausibly write."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

GOOD = """name = "Wall sit"
category = "core"
kind = "hold"
targets = ["quadriceps"]
cues = ["Slide down the wall."]
cautions = ["Come up if the knees complain."]

[dose]
sets = 2
hold_seconds = 20
"""
LINE = re.compile(r"^(?P<path>[^:]+)(?::(?P<line>\d+))?: (?P<field>[\w.\[\]]+): (?P<message>.+)$")


def planner(*args: str, library: Path | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PLANNER_DATA_DIR": str((cwd or Path.cwd()) / "data")}
    env.pop("PLANNER_LIBRARY", None)
    if library is not None:
        env["PLANNER_LIBRARY"] = str(library)
    result = subprocess.run([sys.executable, "-m", "planner", *args], capture_output=True, text=True, env=env,
                            cwd=cwd, timeout=60)
    assert "Traceback" not in result.stderr
    return result


def write(folder: Path, name: str, text: str | bytes) -> Path:
    folder.mkdir(exist_ok=True)
    path = folder / name
    path.write_bytes(text if isinstance(text, bytes) else text.encode())
    return path


BAD = {
    "misspelt field": (GOOD.replace("hold_seconds", "hold_secs"), "dose.hold_secs", "hold_seconds", 10),
    "wrong type": (GOOD.replace("sets = 2", 'sets = "two"'), "dose.sets", "'two'", 9),
    "negative dose": (GOOD.replace("sets = 2", "sets = -1"), "dose.sets", "-1", 9),
    "absurd dose": (GOOD.replace("hold_seconds = 20", "hold_seconds = 5000"), "dose.hold_seconds", "5000", 10),
    "unknown category": (GOOD.replace('"core"', '"cardio"'), "category", "flexibility", 2),
    "missing name": (GOOD.replace('name = "Wall sit"\n', ""), "name", "required", None),
    "missing variant": (GOOD.replace('kind = "hold"', 'kind = "hold"\neasier = "nope"'), "easier", "nope", 4),
    "kind and dose disagree": (GOOD.replace('kind = "hold"', 'kind = "reps"'), "dose.reps", "reps", None),
    "bad toml": (GOOD.replace('name = "Wall sit"', 'name = "Wall sit'), "toml", "TOML", 1),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_each_mistake_gets_one_clear_line(tmp_path: Path, case: str) -> None:
    text, field, mention, line = BAD[case]
    write(tmp_path / "lib", "wall-sit.toml", text)
    result = planner("validate", library=tmp_path / "lib", cwd=tmp_path)
    assert result.returncode == 1
    lines = [m for m in map(LINE.match, result.stderr.splitlines()) if m]
    assert lines, result.stderr
    hit = next((m for m in lines if m["field"] == field), None)
    assert hit is not None, result.stderr
    assert hit["path"].endswith("wall-sit.toml")
    assert mention in hit["message"]
    if line is not None:
        assert int(hit["line"]) == line


def test_not_utf8_huge_and_missing_folder(tmp_path: Path) -> None:
    lib = tmp_path / "lib"
    write(lib, "latin.toml", GOOD.replace("Wall sit", "Wall s\xeet").encode("latin-1"))
    write(lib, "huge.toml", "# " + "x" * 1_100_000)
    result = planner("validate", library=lib, cwd=tmp_path)
    assert result.returncode == 1
    assert "latin.toml:1: file: is not UTF-8" in result.stderr
    assert "huge.toml: file: is 1,100,002 bytes" in result.stderr
    missing = planner("validate", "--library", str(tmp_path / "nowhere"), cwd=tmp_path)
    assert missing.returncode == 1 and "directory does not exist" in missing.stderr


def test_a_cycle_is_reported(tmp_path: Path) -> None:
    lib = tmp_path / "lib"
    write(lib, "a.toml", GOOD.replace('kind = "hold"', 'kind = "hold"\nharder = "b"'))
    write(lib, "b.toml", GOOD.replace('kind = "hold"', 'kind = "hold"\nharder = "a"'))
    result = planner("validate", library=lib, cwd=tmp_path)
    assert result.returncode == 1 and "loop" in result.stderr


def test_valid_file_overrides_built_in_and_shows_its_source(tmp_path: Path) -> None:
    lib = tmp_path / "lib"
    write(lib, "wall-sit.toml", GOOD)
    write(lib, "calf-stretch.toml", GOOD.replace("Wall sit", "My calf stretch").replace('"core"', '"flexibility"'))
    assert planner("validate", library=lib, cwd=tmp_path).returncode == 0
    listed = planner("--library", str(lib), "library", "--json", cwd=tmp_path)
    rows = {r["id"]: r for r in json.loads(listed.stdout)}
    assert "overrides built-in 'calf-stretch'" in listed.stderr
    assert rows["calf-stretch"]["name"] == "My calf stretch"
    assert rows["calf-stretch"]["source"].endswith("calf-stretch.toml")
    assert rows["glute-bridge"]["source"] == "built-in"
    assert set(rows["wall-sit"]) >= {"id", "name", "category", "kind", "level", "targets", "easier", "harder", "source"}
    after = planner("library", "--library", str(lib), "--category", "core", "--json", cwd=tmp_path)
    assert {r["category"] for r in json.loads(after.stdout)} == {"core"}


def test_built_in_library_and_schemas(tmp_path: Path) -> None:
    assert planner("validate", cwd=tmp_path).returncode == 0
    library = json.loads(planner("library", "--json", cwd=tmp_path).stdout)
    assert len(library) >= 40
    programs = json.loads(planner("programs", "--json", cwd=tmp_path).stdout)
    assert len(programs) >= 5 and all({"id", "name", "goal", "description", "weeks"} <= set(p) for p in programs)
    out = planner("schema", "-o", str(tmp_path / "schemas"), cwd=tmp_path)
    assert out.returncode == 0
    schema = json.loads((tmp_path / "schemas" / "exercise.schema.json").read_text())
    assert "id" not in schema["required"] and "name" in schema["required"]
    assert (tmp_path / "schemas" / "program.schema.json").exists()


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    for args in (["library", "--category", "cardio"], ["plan", "new", "--program", "nope"],
                 ["plan", "new", "--program", "core-foundation", "--days", "mon,wedn"],
                 ["plan", "new", "--program", "core-foundation", "--days", ","],
                 ["plan", "new", "--program", "core-foundation", "--minutes", "3"],
                 ["plan", "new", "--program", "core-foundation", "--start", "tomorrow"]):
        result = planner(*args, cwd=tmp_path)
        assert result.returncode == 2, args
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr
