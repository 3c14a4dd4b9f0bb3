"""Lessons: validated like every file, listed in order, read one at a time, and recorded."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import RunPlanner


@pytest.fixture
def run_planner(run_cli: RunPlanner) -> RunPlanner:
    """These rules are checked through ``planner.cli.main`` in process (tests/conftest.py ``run_cli``);
    the subprocess path of each command is tested once elsewhere."""
    return run_cli

ROOT = Path(__file__).resolve().parents[2]
BODY = "body = '''\n" + ("A short paragraph in our own words about looking after a back. " * 5) + "\n'''\n"


def ok(run_planner: RunPlanner, *args: str) -> str:
    result = run_planner(*args)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    return result.stdout


def listed(run_planner: RunPlanner, *extra: str) -> list[dict]:
    return json.loads(ok(run_planner, *extra, "lessons", "--json"))


def test_built_in_lessons_validate_and_are_listed_in_order(run_planner: RunPlanner) -> None:
    files = sorted((ROOT / "programs" / "lessons").glob("*.toml"))
    assert len(files) >= 12
    out = ok(run_planner, "validate")
    assert out.startswith("ok: ") and f"and {len(files)} lessons" in out
    assert f"and {len(files)} lessons" in ok(run_planner, "validate", str(ROOT / "programs" / "lessons"))
    lessons = listed(run_planner)
    assert [x["id"] for x in lessons] == sorted((x["id"] for x in lessons),
                                                key=lambda i: next(x["order"] for x in lessons if x["id"] == i))
    assert {"why-backs-spasm", "hurt-is-not-harm", "when-to-see-someone", "staying-active"} <= {x["id"] for x in lessons}
    assert not any(x["read"] for x in lessons)
    # The lessons folder is not read as exercises.
    exercises = json.loads(ok(run_planner, "library", "--json"))
    assert not {x["id"] for x in exercises} & {x["id"] for x in lessons}


def test_red_flag_lesson_names_emergency_and_urgent_signs(run_planner: RunPlanner) -> None:
    text = ok(run_planner, "lesson", "when-to-see-someone").lower()
    for words in ("emergency department", "saddle", "bladder", "both legs", "sexual", "see a doctor today",
                  "fever", "cancer", "weight loss", "night"):
        assert words in text, words


def test_reading_lessons_in_order_records_each(run_planner: RunPlanner, tmp_path: Path) -> None:
    order = [x["id"] for x in listed(run_planner)]
    first = ok(run_planner, "lesson")
    assert first.startswith(listed(run_planner)[0]["title"]) and f"Next: planner lesson {order[1]}" in first
    second = ok(run_planner, "lesson")
    assert second.startswith(listed(run_planner)[1]["title"])
    ok(run_planner, "lesson", order[5])
    lessons = listed(run_planner)
    assert [x["id"] for x in lessons if x["read"]] == [order[0], order[1], order[5]]
    assert all(x["read_at"] for x in lessons if x["read"])
    text = ok(run_planner, "lessons")
    assert f"→  3. {order[2]}" in text and "3 of " in text and f"Next: planner lesson {order[2]}" in text
    again = ok(run_planner, "lesson", order[0])  # reading again keeps the record as it was
    assert again and [x["read_at"] for x in listed(run_planner)][0] == lessons[0]["read_at"]
    bad = run_planner("lesson", "why-backs-spasms")
    assert bad.returncode == 2 and bad.stderr.count("\n") == 1 and "why-backs-spasm" in bad.stderr


def test_own_lessons_come_from_the_library_folder(run_planner: RunPlanner, tmp_path: Path) -> None:
    mine = tmp_path / "mine" / "lessons"
    mine.mkdir(parents=True)
    (mine / "after-surgery.toml").write_text(
        'title = "After surgery"\norder = 5\nsummary = "What my surgeon said about the first weeks."\n' + BODY)
    (mine / "water.toml").write_text(
        'title = "Water, my way"\norder = 120\nsummary = "My own words on drinking enough water."\n' + BODY)
    lessons = listed(run_planner, "--library", str(tmp_path / "mine"))
    assert lessons[0]["id"] == "after-surgery" and lessons[0]["source"].endswith("after-surgery.toml")
    assert next(x for x in lessons if x["id"] == "water")["title"] == "Water, my way"
    assert ok(run_planner, "--library", str(tmp_path / "mine"), "lesson").startswith("After surgery")


def test_a_bad_lesson_is_reported_as_path_line_field_message(run_planner: RunPlanner, tmp_path: Path) -> None:
    folder = tmp_path / "lib" / "lessons"
    folder.mkdir(parents=True)
    (folder / "draft.toml").write_text('title = "Draft"\norder = 0\nsumary = "typo"\n' + BODY)
    result = run_planner("validate", str(tmp_path / "lib"))
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert "lib/lessons/draft.toml:2: order: input should be greater than or equal to 1; got 0" in lines
    assert any(line.startswith("lib/lessons/draft.toml:3: sumary: unknown field; did you mean 'summary'?")
               for line in lines), lines
    assert "lib/lessons/draft.toml: summary: is required but missing" in lines
    single = run_planner("validate", str(folder / "draft.toml"))
    assert single.returncode == 1 and "draft.toml:2: order:" in single.stderr
    # Listing skips the bad file and says so, and the good lessons still load.
    result = run_planner("--library", str(tmp_path / "lib"), "lessons")
    assert result.returncode == 0 and "1 lesson file with problems skipped" in result.stderr


def test_schema_writes_the_lesson_schema(run_planner: RunPlanner, tmp_path: Path) -> None:
    ok(run_planner, "schema", "-o", "schemas")
    schema = json.loads((tmp_path / "schemas" / "lesson.schema.json").read_text())
    assert schema["title"] == "planner lesson file"
    assert set(schema["required"]) == {"title", "order", "summary", "body"}
    assert schema["additionalProperties"] is False
