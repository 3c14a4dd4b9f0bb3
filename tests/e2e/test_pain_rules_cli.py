"""Pain rules as a file, and ``planner simulate``, through the real command.

An edited copy of the rules changes the projection and real adaptation in the same way; a copy that
loosens the safety floor is refused; simulate changes nothing and never shows more volume for more pain.
"""

from __future__ import annotations

import hashlib
import json
import time
from pathlib import Path

import pytest

from planner.locations import built_in_library
from tests.conftest import RunPlanner


@pytest.fixture
def run_planner(run_cli: RunPlanner) -> RunPlanner:
    """These rules are checked through ``planner.cli.main`` in process (tests/conftest.py ``run_cli``);
    the subprocess path of each command is tested once elsewhere."""
    return run_cli

BUILT_IN = (built_in_library() / "pain-rules" / "default.toml").read_text()


def copy_rules(tmp_path: Path, **changes: str) -> Path:
    """The built-in file copied into a library folder, with some lines replaced (``hold_max="3"``)."""
    lines = []
    for row in BUILT_IN.splitlines():
        key = row.split(" =")[0]
        lines.append(f"{key} = {changes[key]}" if key in changes and " =" in row else row)
    folder = tmp_path / "physio" / "pain-rules"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "default.toml").write_text("\n".join(lines) + "\n")
    return tmp_path / "physio"


def simulate(run_planner: RunPlanner, *args: str, library: Path | None = None) -> dict:
    options = ["--library", str(library)] if library else []
    result = run_planner(*options, "simulate", *args, "--json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def database_bytes(tmp_path: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted((tmp_path / "data").glob("planner.db*"))}


def test_simulate_changes_nothing_in_the_database(run_planner: RunPlanner, tmp_path: Path) -> None:
    assert run_planner("plan", "new", "--program", "core-flexibility").returncode == 0
    assert run_planner("done").returncode == 0
    assert run_planner("pain", "3").returncode == 0
    before = database_bytes(tmp_path)
    assert before
    for args in (["--pain", "6"], ["--pain", "9", "--morning", "9", "--weeks", "12"], ["--pain", "0"]):
        simulate(run_planner, *args)
        assert run_planner("simulate", *args).returncode == 0
    assert database_bytes(tmp_path) == before
    history = json.loads(run_planner("adjustments", "--json").stdout)
    assert all(a["kind"] not in ("pause", "reduce") for a in history)


def test_more_pain_never_shows_more_volume_in_any_week(run_planner: RunPlanner) -> None:
    assert run_planner("plan", "new", "--program", "core-flexibility").returncode == 0
    weeks = [simulate(run_planner, "--pain", str(n))["projection"] for n in range(11)]
    volumes = [[w["volume_seconds"] for w in projection] for projection in weeks]
    for less, more in zip(weeks, weeks[1:], strict=False):
        for index, (lo, hi) in enumerate(zip(less, more, strict=True)):
            # A planned easier week is lighter by design and a hold moves it later: there, more pain is
            # compared with the lesser pain's week before it too (see tests/domain/test_pain_rules.py).
            bound = max(lo["volume_seconds"], less[index - 1]["volume_seconds"] if lo["easier_week"] and index else 0)
            assert hi["volume_seconds"] <= bound, (index, [w["volume_seconds"] for w in less],
                                                   [w["volume_seconds"] for w in more])
    assert volumes[0][0] > volumes[6][0] > volumes[8][0] > 0
    # Pain of 6 after every session cuts, then pauses once cuts stop helping (lowest_factor): no 1×1 doses.
    assert volumes[0][1] > volumes[5][1] > volumes[6][1] == volumes[8][1] == 0


def test_simulate_says_what_each_week_does_and_why(run_planner: RunPlanner) -> None:
    assert run_planner("plan", "new", "--program", "core-flexibility").returncode == 0
    result = run_planner("simulate", "--pain", "8", "--weeks", "2")
    assert result.returncode == 0, result.stderr
    assert "From Monday 2026-03-02 (week 1 of 12): paused: relief routine only\n" in result.stdout
    assert "the program is paused; do only the relief routine" in result.stdout
    assert "nothing is recorded" in result.stdout
    data = simulate(run_planner, "--pain", "6", "--weeks", "3")
    assert [w["outcome"] for w in data["projection"]][0] == "cut"
    assert data["rules"] == "built-in" and len(data["projection"]) == 3
    first = data["projection"][0]["sessions"][0]["exercises"][0]
    assert {"id", "name", "sets", "reps", "hold_seconds", "minutes", "volume_seconds"} <= set(first)


@pytest.mark.parametrize(("args", "words"), [
    (["--pain", "11"], "--pain: '11' is not a pain score; use a whole number from 0 to 10"),
    (["--pain", "x"], "--pain: 'x' is not a pain score"),
    (["--pain", "3", "--morning", "-1"], "--morning: '-1' is not a pain score"),
    (["--pain", "3", "--weeks", "0"], "--weeks: '0' is not a number of weeks; use a whole number from 1 to 26"),
    ([], "the following arguments are required: --pain"),
])
def test_bad_arguments_are_one_line_and_exit_2(run_planner: RunPlanner, args: list[str], words: str) -> None:
    assert run_planner("plan", "new", "--program", "core-flexibility").returncode == 0
    result = run_planner("simulate", *args)
    assert result.returncode == 2 and result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1 and words in result.stderr, result.stderr


def test_without_a_plan_simulate_says_so_in_one_line(run_planner: RunPlanner, tmp_path: Path) -> None:
    result = run_planner("simulate", "--pain", "4")
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        "planner: no plan yet: build one with 'planner plan new --program ID' (see 'planner programs')"]
    assert not (tmp_path / "data" / "planner.db").exists()


def test_an_edited_rules_file_changes_simulate_and_real_adaptation_alike(run_planner: RunPlanner,
                                                                         tmp_path: Path) -> None:
    physio = copy_rules(tmp_path, hold_max="3", reduce_factor="0.6")
    assert run_planner("--library", str(physio), "validate").returncode == 0
    assert run_planner("plan", "new", "--program", "core-flexibility").returncode == 0
    assert run_planner("done").returncode == 0
    built_in = simulate(run_planner, "--pain", "4")
    strict = simulate(run_planner, "--pain", "4", library=physio)
    assert built_in["projection"][0]["outcome"] == "progresses"
    assert strict["projection"][0]["outcome"] == "cut"
    assert strict["rules"] == "physio/pain-rules/default.toml"
    wednesday = strict["projection"][0]["sessions"][1]
    assert wednesday["volume_seconds"] < built_in["projection"][0]["sessions"][1]["volume_seconds"]

    reported = run_planner("--library", str(physio), "pain", "4", "--json")
    assert reported.returncode == 0, reported.stderr
    assert "overrides built-in pain rules 'default'" in reported.stderr
    [adjustment] = json.loads(run_planner("adjustments", "--json").stdout)[-1:]
    assert adjustment["kind"] == "reduce" and "drop to 60%" in adjustment["reason"]
    assert adjustment["reason"] == strict["projection"][0]["reasons"][0]
    today = run_planner("--library", str(physio), "today", "--json", env={"PLANNER_TODAY": wednesday["date"]})
    doses = [{k: e[k] for k in ("id", "sets", "reps", "hold_seconds", "minutes")}
             for e in json.loads(today.stdout)["exercises"]]
    assert doses == [{k: e[k] for k in ("id", "sets", "reps", "hold_seconds", "minutes")}
                     for e in wednesday["exercises"]]


def test_with_the_built_in_rules_pain_4_is_acceptable(run_planner: RunPlanner) -> None:
    assert run_planner("plan", "new", "--program", "core-flexibility").returncode == 0
    assert run_planner("done").returncode == 0
    assert run_planner("pain", "4").returncode == 0
    assert all(a["kind"] != "reduce" for a in json.loads(run_planner("adjustments", "--json").stdout))


@pytest.mark.parametrize(("change", "field", "why"), [
    ({"reduce_max": "9"}, "reduce_max", "pain of 8 or more always pauses to the relief routine"),
    ({"hold_max": "6"}, "hold_max", "pain above 5 always cuts the volume"),
    ({"reduce_factor": "1.1"}, "reduce_factor", "a cut must leave less volume than before"),
])
def test_a_file_that_loosens_the_floor_is_refused_and_not_used(
        run_planner: RunPlanner, tmp_path: Path, change: dict[str, str], field: str, why: str) -> None:
    physio = copy_rules(tmp_path, **change)
    result = run_planner("--library", str(physio), "validate")
    assert result.returncode == 1
    [line] = [row for row in result.stderr.splitlines() if not row.startswith("planner:")]
    line_number = next(i for i, row in enumerate((physio / "pain-rules" / "default.toml").read_text().splitlines(), 1)
                       if row.startswith(f"{field} ="))
    assert line.startswith(f"physio/pain-rules/default.toml:{line_number}: {field}: ") and why in line, line
    assert "these pain rules are not used" in result.stderr
    assert run_planner("plan", "new", "--program", "core-flexibility").returncode == 0
    assert run_planner("done").returncode == 0
    refused = run_planner("--library", str(physio), "pain", "8")
    assert refused.returncode == 0 and "these pain rules are not used" in refused.stderr
    assert json.loads(run_planner("adjustments", "--json").stdout)[-1]["kind"] == "pause"


def test_schema_writes_the_pain_rules_schema(run_planner: RunPlanner, tmp_path: Path) -> None:
    assert run_planner("schema", "-o", "schemas").returncode == 0
    schema = json.loads((tmp_path / "schemas" / "pain-rules.schema.json").read_text())
    assert schema["properties"]["reduce_max"]["maximum"] == 7
    assert schema["additionalProperties"] is False


@pytest.mark.parametrize("hold_max", ["3", "6"])
def test_a_rules_file_costs_the_quick_commands_no_pydantic_once_checked(run_planner: RunPlanner, tmp_path: Path,
                                                                        hold_max: str) -> None:
    """Like the library, the rules (and a refused file's problems) are cached once pydantic has checked them."""
    from tests.e2e.test_quick_imports import HEAVY, imported

    physio = copy_rules(tmp_path, hold_max=hold_max)
    time.sleep(2.1)  # a file changed in the last two seconds is never cached (its next edit could look the same)
    first = run_planner("--library", str(physio), "plan", "new", "--program", "core-flexibility",
                        env={"PYTHONPROFILEIMPORTTIME": "1"})
    assert first.returncode == 0, first.stderr
    for args in (["today"], ["done"], ["pain", "4"], ["undo", "--pain"]):
        result = run_planner("--library", str(physio), *args, env={"PYTHONPROFILEIMPORTTIME": "1"})
        assert result.returncode == 0, result.stderr
        assert not {m for m in imported(result) if m.split(".")[0] in HEAVY}, args
        if args == ["pain", "4"]:
            refused = "these pain rules are not used" in result.stderr
            assert refused == (hold_max == "6")
            assert ("drop to 70%" in result.stdout) == (hold_max == "3"), result.stdout


def test_simulate_after_a_warning_sign_offers_no_relief_routine(run_planner: RunPlanner) -> None:
    """A warning-sign pause means no exercise until assessed: the projection must not suggest a routine."""
    assert run_planner("plan", "new", "--program", "core-foundation").returncode == 0
    assert run_planner("pain", "2", "--flag", "fever").returncode == 0
    result = run_planner("simulate", "--pain", "0", "--weeks", "2")
    assert result.returncode == 0 and "relief routine" not in result.stdout
    assert "paused after a warning sign: no exercise until you are assessed" in result.stdout


def test_a_lower_acceptable_band_changes_the_lessons_number(run_planner: RunPlanner, tmp_path: Path) -> None:
    """The lesson quotes the rules in force: a physiotherapist's stricter file changes its words."""
    physio = copy_rules(tmp_path, hold_max="3", progress_max="1")
    built_in = run_planner("lesson", "hurt-is-not-harm")
    strict = run_planner("--library", str(physio), "lesson", "hurt-is-not-harm")
    assert built_in.returncode == 0 and strict.returncode == 0, strict.stderr
    flat = " ".join(strict.stdout.split())
    assert "up to 3 out of 10 is acceptable" in flat and "pain up to 1 out of 10 lets the plan grow" in flat
    assert "up to 5 out of 10 is acceptable" in " ".join(built_in.stdout.split())
