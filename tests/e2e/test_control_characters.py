"""Terminal control codes in a file or an argument are refused, or shown as ``\\u00NN``, never obeyed.

A name holding ``ESC ] 0 ; … BEL`` would retitle the window; ``ESC [ 2 J`` would wipe it.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

PWN = "\\u001b]0;pwned\\u0007"  # as written in TOML: the escape sequence, not the raw bytes
WIPE = "\\u001b[2J"
RAW = ("\x1b", "\x07", "\x9b", "\x7f", "\r")

EXERCISE = """\
name = "Wall sit{name}"
category = "core"
kind = "hold"
targets = ["quadriceps"]
level = 2
summary = "{summary}"
cues = ["Slide down the wall.{cue}"]
cautions = ["Come up if your knees complain.{caution}"]

[dose]
sets = 2
hold_seconds = 20
"""


def exercise(name: str = "", summary: str = "Sit.", cue: str = "", caution: str = "") -> str:
    return EXERCISE.format(name=name, summary=summary, cue=cue, caution=caution)


def no_raw_controls(text: str) -> None:
    for char in RAW:
        assert char not in text, f"{char!r} reached the terminal: {text!r}"


@pytest.mark.parametrize(("fields", "line", "field", "code"), [
    ({"name": PWN}, 1, "name", "U+001B"),
    ({"cue": WIPE}, 7, "cue 1", "U+001B"),
    ({"caution": "\\u0007"}, 8, "caution 1", "U+0007"),
    ({"name": "\\u009b2J"}, 1, "name", "U+009B"),
    ({"name": "\\u007f"}, 1, "name", "U+007F"),
    ({"name": "\\r"}, 1, "name", "U+000D"),
    ({"name": "\\n"}, 1, "name", "U+000A"),
    ({"summary": "a\\u001b[31mred"}, 6, "summary", "U+001B"),
])
def test_validate_refuses_control_characters_in_exercise_fields(tmp_path: Path, run_planner, fields: dict,
                                                                  line: int, field: str, code: str) -> None:
    (tmp_path / "wall-sit.toml").write_text(exercise(**fields))
    result = run_planner("validate", "wall-sit.toml")
    assert result.returncode == 1
    assert f"wall-sit.toml:{line}: {field}: contains the control character {code}" in result.stderr
    assert "Traceback" not in result.stderr
    no_raw_controls(result.stdout + result.stderr)


def test_newlines_and_tabs_are_fine_in_prose(tmp_path: Path, run_planner) -> None:
    (tmp_path / "wall-sit.toml").write_text(exercise(summary="Sit.\\n\\tThen stand."))
    result = run_planner("validate", "wall-sit.toml")
    assert result.returncode == 0, result.stdout + result.stderr


def test_program_fields_are_checked(tmp_path: Path, run_planner) -> None:
    program = (Path(__file__).parents[2] / "programs/programs/core-foundation.toml").read_text()
    program = program.replace('name = "', f'name = "{WIPE}', 1)
    (tmp_path / "mine.toml").write_text(program)
    result = run_planner("validate", "mine.toml")
    assert result.returncode == 1
    assert ": name: contains the control character U+001B" in result.stderr
    library = tmp_path / "lib"
    library.mkdir()
    (library / "mine.toml").write_text(program.replace("[[blocks]]", 'id = "mine"\n[[blocks]]', 0))
    listed = run_planner("programs", "--library", library)
    no_raw_controls(listed.stdout + listed.stderr)
    assert "mine" not in json.dumps([line for line in listed.stdout.splitlines() if "U+" not in line])


def test_a_bad_file_in_the_library_never_reaches_library_or_today(tmp_path: Path, run_planner) -> None:
    library = tmp_path / "lib"
    library.mkdir()
    (library / "wall-sit.toml").write_text(exercise(name=PWN, cue=WIPE))
    for command in (("library",), ("library", "--json"), ("programs",), ("today",),
                    ("plan", "new", "--program", "core-foundation", "--days", "mon,wed,fri")):
        result = run_planner(*command, "--library", library)
        no_raw_controls(result.stdout + result.stderr)
        assert "pwned" not in result.stdout
        assert "Traceback" not in result.stderr


def test_import_refuses_control_characters_and_changes_nothing(tmp_path: Path, run_planner) -> None:
    assert run_planner("plan", "new", "--program", "core-foundation", "--days", "mon,wed,fri").returncode == 0
    exported = run_planner("export").stdout
    before = run_planner("plan", "show", "--json").stdout
    for old, new in (('program_name = "', f'program_name = "{PWN}'),
                     ("reasons = [", f'reasons = ["{WIPE}", ')):
        bad = exported.replace(old, new, 1)
        assert bad != exported
        (tmp_path / "bad.toml").write_text(bad)
        result = run_planner("import", "bad.toml")
        assert result.returncode == 1, result.stderr
        assert "contains the control character U+001B" in result.stderr
        no_raw_controls(result.stdout + result.stderr)
    assert run_planner("plan", "show", "--json").stdout == before


def test_arguments_echoed_back_are_escaped(run_planner) -> None:
    run_planner("plan", "new", "--program", "core-foundation", "--days", "mon,wed,fri")
    for command in (("done", "bird\x1b]0;pwned\x07"), ("lib\x1b[2Jrary",), ("today", "--date", "\x9b2J"),
                    ("export", "--format", "md", "--time", "\x1b[2J")):
        result = run_planner(*command)
        assert result.returncode in (1, 2)
        no_raw_controls(result.stdout + result.stderr)
        assert "\\u001b" in result.stderr or "\\x1b" in result.stderr or "\\u009b" in result.stderr \
            or "\\x9b" in result.stderr, result.stderr


def test_text_recorded_from_arguments_is_escaped_when_printed(run_planner) -> None:
    run_planner("plan", "new", "--program", "core-foundation", "--days", "mon,wed,fri")
    run_planner("skip", "--why", "tired\x1b]0;pwned\x07")
    run_planner("pain", "4", "--where", "left\x1b[2Jside")
    for command in (("history",), ("history", "--json"), ("adjustments",), ("today",), ("export",),
                    ("export", "--format", "md")):
        result = run_planner(*command)
        assert result.returncode == 0, result.stderr
        no_raw_controls(result.stdout + result.stderr)
