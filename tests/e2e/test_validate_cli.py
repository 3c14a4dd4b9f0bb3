"""`planner validate` and the library commands, on files a new user would plausibly write.

Every mistake must come back as one ``PATH:LINE: FIELD: message`` line on stderr that names
the bad field and value and says what is allowed, with exit code 1 and never a traceback.
"""

from __future__ import annotations

import json
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

import pytest

from planner.domain.errors import readable_field
from planner.locations import built_in_library
from tests.conftest import RunPlanner


@pytest.fixture
def run_planner(run_cli: RunPlanner) -> RunPlanner:
    """These rules are checked through ``planner.cli.main`` in process (tests/conftest.py ``run_cli``);
    the subprocess path of each command is tested once elsewhere."""
    return run_cli

GOOD = """name = "Wall sit"
category = "core"
kind = "hold"
targets = ["quadriceps", "glutes"]
cues = ["Slide down the wall until the knees are bent a little."]
cautions = ["Come up if the knees complain."]

[dose]
sets = 2
hold_seconds = 20

[progression.hold_seconds]
step = 5
cap = 40
"""
REPS = GOOD.replace('kind = "hold"', 'kind = "reps"').replace("hold_seconds", "reps")
LINE = re.compile(r"^(?P<path>[^:]+?)(?::(?P<line>\d+))?: (?P<field>[\w.\[\], ]+?): (?P<message>.+)$")
ALLOWED_CATEGORIES = ("'core'", "'flexibility'", "'mobility'", "'relief'")


@dataclass(frozen=True)
class Mistake:
    """A file as a person might write it, and the problem line `validate` must print for it."""

    text: str | bytes
    field: str
    line: int | None
    mentions: tuple[str, ...]
    name: str = "wall-sit.toml"
    count: int = 1


MISTAKES = {
    "misspelt field": Mistake(GOOD.replace("hold_seconds = 20", "hold_secs = 20"), "dose.hold_secs", 10,
                              ("did you mean 'hold_seconds'?", "allowed:", "rest_seconds")),
    "misspelt top-level field": Mistake(GOOD.replace("cautions", "caution"), "caution", 6,
                                        ("did you mean 'cautions'?",), count=2),
    "reps written as a word": Mistake(REPS.replace("reps = 20", 'reps = "ten"'), "dose.reps", 10,
                                      ("valid integer", "'ten'")),
    "negative sets": Mistake(GOOD.replace("sets = 2", "sets = -1"), "dose.sets", 9,
                             ("greater than or equal to 1", "-1")),
    "absurd reps": Mistake(REPS.replace("reps = 20", "reps = 500").replace("cap = 40", "cap = 50"),
                           "dose.reps", 10, ("less than or equal to 50", "500")),
    "absurd hold": Mistake(GOOD.replace("hold_seconds = 20", "hold_seconds = 5000"), "dose.hold_seconds", 10,
                           ("less than or equal to 300", "5000")),
    "cap above the limit": Mistake(GOOD.replace("cap = 40", "cap = 900"), "progression.hold_seconds.cap", 14,
                                   ("900", "limit of 300")),
    "cap below the start": Mistake(GOOD.replace("cap = 40", "cap = 10"), "progression.hold_seconds.cap", 14,
                                   ("10", "below the starting dose 20")),
    "unknown category": Mistake(GOOD.replace('"core"', '"cardio"'), "category", 2,
                                ("'cardio'", *ALLOWED_CATEGORIES)),
    "capitalised category": Mistake(GOOD.replace('"core"', '"Core"'), "category", 2,
                                    ("'Core'", *ALLOWED_CATEGORIES)),
    "unknown kind": Mistake(GOOD.replace('"hold"', '"timed"'), "kind", 3, ("'timed'", "'reps'", "'hold'",
                                                                           "'duration'")),
    "missing name": Mistake(GOOD.replace('name = "Wall sit"\n', ""), "name", None, ("required",)),
    "missing dose": Mistake(GOOD.split("[dose]")[0], "dose", None, ("required",)),
    "missing variant": Mistake(GOOD.replace('kind = "hold"\n', 'kind = "hold"\neasier = "nope"\n'),
                               "easier", 4, ("'nope'",)),
    "misspelt variant": Mistake(GOOD.replace('kind = "hold"\n', 'kind = "hold"\nharder = "front-plnak"\n'),
                                "harder", 4, ("'front-plnak'", "did you mean front-plank")),
    "hold exercise dosed in reps": Mistake(GOOD.replace("hold_seconds = 20", "reps = 10"), "dose.reps", 10,
                                           ("does not apply to a hold exercise", "dose.hold_seconds")),
    "reps exercise dosed in seconds": Mistake(GOOD.replace('kind = "hold"', 'kind = "reps"'),
                                              "dose.hold_seconds", 10,
                                              ("does not apply to a reps exercise", "dose.reps")),
    "target with spaces": Mistake(GOOD.replace('"glutes"', '"Lower Back"'), "targets.1", 4,
                                  ("'Lower Back'", "lowercase", "'lower-back'")),
    "file name is not an id": Mistake(GOOD, "id", None, ("'Wall Sit'", "file name", "'wall-sit'"),
                                      name="Wall Sit.toml"),
    "unterminated string": Mistake(GOOD.replace('cues = ["Slide', 'cues = ["Slide"down'), "toml", 5,
                                   ("not valid TOML",)),
    "key written twice": Mistake(GOOD.replace("sets = 2\n", "sets = 2\nsets = 3\n"), "toml", 10,
                                 ("not valid TOML",)),
    "saved as latin-1": Mistake(GOOD.replace("complain.", "se plaignent, \xe9videmment.").encode("latin-1"),
                                "file", 6, ("not UTF-8", "0xe9")),
    "over a megabyte": Mistake(GOOD + "# " + "x" * 1_100_000 + "\n", "file", None, ("limit is 1,000,000",)),
}


def write(folder: Path, name: str, text: str | bytes) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(text if isinstance(text, bytes) else text.encode())
    return path


def problem_lines(stderr: str) -> list[re.Match[str]]:
    return [m for m in map(LINE.match, stderr.splitlines()) if m and not m["path"].startswith("planner")]


def failed(result) -> str:
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == 1, result.stdout + result.stderr
    return result.stderr


@pytest.mark.parametrize("case", sorted(MISTAKES))
def test_each_mistake_gets_one_clear_line(run_planner: RunPlanner, tmp_path: Path, case: str) -> None:
    mistake = MISTAKES[case]
    write(tmp_path / "lib", mistake.name, mistake.text)
    result = run_planner("validate", "--library", "lib")
    stderr = failed(result)
    lines = problem_lines(stderr)
    assert len(lines) == mistake.count, stderr
    hit = next((m for m in lines if m["field"] == readable_field(mistake.field)), None)
    assert hit is not None, stderr
    assert hit["path"] == f"lib/{mistake.name}"
    assert hit["field"] == readable_field(mistake.field), stderr
    assert hit["line"] == (str(mistake.line) if mistake.line else None), stderr
    for words in mistake.mentions:
        assert words in hit["message"], stderr
    assert stderr.rstrip().endswith(f"planner: {mistake.count} problem{'s' if mistake.count > 1 else ''} found")
    assert "ok:" not in result.stdout


def test_a_bad_file_never_hides_the_good_ones(run_planner: RunPlanner, tmp_path: Path) -> None:
    write(tmp_path / "lib", "wall-sit.toml", GOOD)
    write(tmp_path / "lib", "broken.toml", GOOD.replace("sets = 2", "sets = -1").replace('"core"', '"cardio"'))
    result = run_planner("library", "--library", "lib", "--json")
    assert result.returncode == 0, result.stderr
    ids = {row["id"] for row in json.loads(result.stdout)}
    assert "wall-sit" in ids and "broken" not in ids
    assert "2 file problems skipped; run 'planner validate' for details" in result.stderr
    stderr = failed(run_planner("validate", "--library", "lib"))
    assert [(m["path"], m["field"]) for m in problem_lines(stderr)] == [
        ("lib/broken.toml", "category"), ("lib/broken.toml", "dose.sets")]


def test_a_missing_field_and_a_bad_value_in_one_file_are_both_reported(run_planner: RunPlanner,
                                                                       tmp_path: Path) -> None:
    """A problem with no line and one with a line in the same file sort together, file first."""
    write(tmp_path / "lib", "wall-sit.toml", GOOD.replace('name = "Wall sit"\n', "").replace('"core"', '"cardo"'))
    lines = problem_lines(failed(run_planner("validate", "--library", "lib")))
    assert [(m["field"], m["line"]) for m in lines] == [("name", None), ("category", "1")]


@pytest.mark.parametrize("links", [
    {"a": 'harder = "b"', "b": 'harder = "a"'},
    {"a": 'easier = "b"', "b": 'easier = "a"'},
    {"a": 'harder = "b"', "b": 'harder = "c"', "c": 'harder = "a"'},
], ids=["harder-harder", "easier-easier", "three-way"])
def test_variants_that_loop_are_reported(run_planner: RunPlanner, tmp_path: Path, links: dict[str, str]) -> None:
    for name, link in links.items():
        write(tmp_path / "lib", f"{name}.toml", GOOD.replace('kind = "hold"\n', f'kind = "hold"\n{link}\n'))
    lines = problem_lines(failed(run_planner("validate", "--library", "lib")))
    assert len(lines) == 1
    assert lines[0]["line"] == "4" and lines[0]["field"] in ("easier", "harder")
    assert "form a loop" in lines[0]["message"]
    assert all(f" {name} " in f" {lines[0]['message'].replace('(', ' ')} " for name in links)
    listed = run_planner("library", "--library", "lib", "--json")
    assert listed.returncode == 0, listed.stderr
    rows = {r["id"]: r for r in json.loads(listed.stdout) if r["id"] in links}
    assert len(rows) == len(links), "the files still load, only the link that closes the loop is dropped"


def test_an_override_that_loops_with_built_ins_is_reported(run_planner: RunPlanner, tmp_path: Path) -> None:
    built_in = (built_in_library() / "exercises" / "pelvic-tilt-bridge.toml").read_text()
    assert 'harder = "glute-bridge"' in built_in
    mine = GOOD.replace('kind = "hold"\n', 'kind = "hold"\nharder = "pelvic-tilt-bridge"\n')
    write(tmp_path / "lib", "glute-bridge.toml", mine)
    stderr = failed(run_planner("validate", "--library", "lib"))
    assert any(m["path"] == "lib/glute-bridge.toml" and m["line"] == "4" and "loop" in m["message"]
               for m in problem_lines(stderr)), stderr
    assert "planner: lib/glute-bridge.toml: overrides built-in 'glute-bridge'" in stderr


def test_a_library_folder_that_does_not_exist(run_planner: RunPlanner) -> None:
    for args, env in ((["validate", "--library", "nowhere"], {}), (["validate"], {"PLANNER_LIBRARY": "nowhere"})):
        stderr = failed(run_planner(*args, env=env))
        assert "nowhere: library: directory does not exist" in stderr.splitlines()


def test_validate_named_files_reports_only_those(run_planner: RunPlanner, tmp_path: Path) -> None:
    write(tmp_path / "lib", "broken.toml", GOOD.replace("sets = 2", "sets = 0"))
    good = write(tmp_path / "mine", "wall-sit.toml", GOOD)
    ok = run_planner("validate", good, env={"PLANNER_LIBRARY": "lib"})
    assert ok.returncode == 0, ok.stderr
    assert ok.stdout.startswith("ok: ")
    bad = failed(run_planner("validate", "lib/broken.toml"))
    assert [m["path"] for m in problem_lines(bad)] == ["lib/broken.toml"]
    missing = run_planner("validate", "typo.toml")
    assert "typo.toml: file: does not exist" in failed(missing).splitlines()
    assert missing.stdout == ""


def test_a_valid_file_passes(run_planner: RunPlanner, tmp_path: Path) -> None:
    write(tmp_path / "lib", "wall-sit.toml", GOOD)
    write(tmp_path / "lib", "wall-sit-deeper.toml", REPS.replace('"Wall sit"', '"Deeper wall sit"')
          .replace('kind = "reps"\n', 'kind = "reps"\neasier = "wall-squat"\n'))
    write(tmp_path / "lib", "wall-squat.toml", REPS.replace('"Wall sit"', '"Wall squat"'))
    result = run_planner("validate", "--library", "lib")
    assert (result.returncode, result.stderr) == (0, "")
    built_ins = len(list((built_in_library() / "exercises").glob("*.toml")))
    assert result.stdout.startswith(f"ok: {built_ins + 3} exercises and ")
    rows = {r["id"]: r for r in json.loads(run_planner("library", "--library", "lib", "--json").stdout)}
    assert rows["wall-squat"]["harder"] == "wall-sit-deeper"
    assert rows["wall-sit-deeper"]["easier"] == "wall-squat"


def test_a_user_file_overrides_the_built_in_with_the_same_id(run_planner: RunPlanner, tmp_path: Path) -> None:
    write(tmp_path / "lib", "calf-stretch.toml",
          GOOD.replace("Wall sit", "My calf stretch").replace('"core"', '"flexibility"'))
    validate = run_planner("validate", "--library", "lib")
    assert validate.returncode == 0, validate.stderr
    assert "planner: lib/calf-stretch.toml: overrides built-in 'calf-stretch'" in validate.stderr
    listed = run_planner("library", "--library", "lib", "--json")
    assert "planner: lib/calf-stretch.toml: overrides built-in 'calf-stretch'" in listed.stderr
    rows = [r for r in json.loads(listed.stdout) if r["id"] == "calf-stretch"]
    assert len(rows) == 1
    assert rows[0]["name"] == "My calf stretch"
    assert rows[0]["source"] == "lib/calf-stretch.toml"
    assert rows[0]["targets"] == ["quadriceps", "glutes"]


def test_a_later_library_overrides_an_earlier_one(run_planner: RunPlanner, tmp_path: Path) -> None:
    write(tmp_path / "first", "wall-sit.toml", GOOD)
    write(tmp_path / "second", "wall-sit.toml", GOOD.replace('"Wall sit"', '"Wall sit, my way"'))
    result = run_planner("library", "--library", "first", "--library", "second", "--json")
    row = next(r for r in json.loads(result.stdout) if r["id"] == "wall-sit")
    assert (row["name"], row["source"]) == ("Wall sit, my way", "second/wall-sit.toml")
    assert "second/wall-sit.toml: overrides first/wall-sit.toml 'wall-sit'" in result.stderr


def test_the_same_id_twice_in_one_folder_is_a_problem(run_planner: RunPlanner, tmp_path: Path) -> None:
    write(tmp_path / "lib", "wall-sit.toml", GOOD)
    write(tmp_path / "lib", "copy.toml", 'id = "wall-sit"\n' + GOOD)
    lines = problem_lines(failed(run_planner("validate", "--library", "lib")))
    assert [(m["path"], m["line"], m["field"]) for m in lines] == [("lib/wall-sit.toml", None, "id")]
    assert "'wall-sit' is already defined in lib/copy.toml" in lines[0]["message"]


def test_library_json_lists_every_exercise_with_its_links(run_planner: RunPlanner) -> None:
    result = run_planner("library", "--json")
    assert (result.returncode, result.stderr) == (0, "")
    rows = json.loads(result.stdout)
    files = sorted(p.stem for p in (built_in_library() / "exercises").glob("*.toml"))
    assert sorted(r["id"] for r in rows) == files
    by_id = {r["id"]: r for r in rows}
    for row in rows:
        assert {"id", "name", "category", "kind", "level", "targets", "easier", "harder", "source"} <= set(row)
        assert row["source"] == "built-in"
        assert row["category"] in ("core", "flexibility", "mobility", "relief")
        assert row["kind"] in ("reps", "hold", "duration")
        assert 1 <= row["level"] <= 5 and row["targets"]
        if row["harder"]:
            assert by_id[row["harder"]]["easier"] == row["id"]
            assert by_id[row["harder"]]["category"] == row["category"]
        if row["easier"]:
            assert by_id[row["easier"]]["harder"] == row["id"]


def test_library_category_filter(run_planner: RunPlanner) -> None:
    everything = json.loads(run_planner("library", "--json").stdout)
    core = json.loads(run_planner("library", "--category", "core", "--json").stdout)
    assert core == [r for r in everything if r["category"] == "core"]
    assert core and len(core) < len(everything)
    text = run_planner("library", "--category", "core").stdout.splitlines()
    assert [line.split()[0] for line in text] == [r["id"] for r in core]


@pytest.mark.parametrize("order", ["before", "after", "env"])
def test_global_options_go_before_or_after_the_command(run_planner: RunPlanner, tmp_path: Path,
                                                       order: str) -> None:
    write(tmp_path / "lib", "wall-sit.toml", GOOD.replace("sets = 2", "sets = 0"))
    args = {"before": ["--library", "lib", "validate"], "after": ["validate", "--library", "lib"],
            "env": ["validate"]}[order]
    stderr = failed(run_planner(*args, env={"PLANNER_LIBRARY": "lib"} if order == "env" else {}))
    assert [(m["path"], m["field"]) for m in problem_lines(stderr)] == [("lib/wall-sit.toml", "dose.sets")]


def test_an_option_after_the_command_wins_over_the_environment(run_planner: RunPlanner, tmp_path: Path) -> None:
    write(tmp_path / "bad", "wall-sit.toml", GOOD.replace("sets = 2", "sets = 0"))
    write(tmp_path / "good", "wall-sit.toml", GOOD)
    result = run_planner("validate", "--library", "good", env={"PLANNER_LIBRARY": "bad"})
    assert result.returncode == 0, result.stderr


def test_schemas_are_written_and_describe_the_files(run_planner: RunPlanner, tmp_path: Path) -> None:
    result = run_planner("schema", "-o", "schemas")
    assert result.returncode == 0, result.stderr
    assert "schemas/exercise.schema.json" in result.stdout.splitlines()
    exercise = json.loads((tmp_path / "schemas" / "exercise.schema.json").read_text())
    program = json.loads((tmp_path / "schemas" / "program.schema.json").read_text())
    for schema in (exercise, program):
        assert schema["type"] == "object" and schema["additionalProperties"] is False
        assert "id" not in schema["required"] and "name" in schema["required"]
    assert {"name", "category", "kind", "targets", "dose", "cues", "cautions"} <= set(exercise["required"])
    assert {"easier", "harder", "level", "progression"} <= set(exercise["properties"])
    assert "slots" in program["required"]
    assert "per_side" in exercise["properties"] and "slots" in exercise["properties"]
    assert "warm-up" in json.dumps(program), "the slot names are listed for an editor"


def test_schemas_to_a_place_that_is_not_a_folder(run_planner: RunPlanner, tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine\n")
    result = run_planner("schema", "-o", "notes.txt")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.strip() == "planner: cannot write schemas to notes.txt: File exists"
    assert (tmp_path / "notes.txt").read_text() == "mine\n"


def test_built_in_files_validate_against_the_schemas(run_planner: RunPlanner, tmp_path: Path) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    assert run_planner("schema", "-o", "schemas").returncode == 0
    for kind, folder in (("exercise", "exercises"), ("program", "programs")):
        schema = json.loads((tmp_path / "schemas" / f"{kind}.schema.json").read_text())
        jsonschema.Draft202012Validator.check_schema(schema)
        validator = jsonschema.Draft202012Validator(schema)
        files = sorted((built_in_library() / folder).glob("*.toml"))
        assert files
        for path in files:
            errors = list(validator.iter_errors(tomllib.loads(path.read_text())))
            assert not errors, f"{path.name}: {errors[0].message}"
    exercise = jsonschema.Draft202012Validator(json.loads((tmp_path / "schemas" / "exercise.schema.json").read_text()))
    for mistake in ("misspelt field", "negative sets", "unknown category", "missing name"):
        assert not exercise.is_valid(tomllib.loads(MISTAKES[mistake].text)), mistake


def test_programs_json(run_planner: RunPlanner) -> None:
    result = run_planner("programs", "--json")
    assert (result.returncode, result.stderr) == (0, "")
    rows = json.loads(result.stdout)
    files = sorted(p.stem for p in (built_in_library() / "programs").glob("*.toml"))
    assert [r["id"] for r in rows] == files
    for row in rows:
        assert {"id", "name", "goal", "description", "weeks"} <= set(row)
        assert row["name"] and row["goal"] and row["description"]
        assert isinstance(row["weeks"], int) and 1 <= row["weeks"] <= 52


@pytest.mark.parametrize("args", [
    ["validate", "--bogus"], ["--bogus", "library"], ["library", "--category", "cardio"], ["libary"],
    ["programs", "--json", "extra"], ["schema", "-o"],
])
def test_usage_errors_exit_2_with_one_line(run_planner: RunPlanner, args: list[str]) -> None:
    result = run_planner(*args)
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert result.stderr.startswith("planner") and "--help" in result.stderr
