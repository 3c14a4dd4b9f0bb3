"""The plan file writes descending held reps as a person reads them: ``sets = [6, 4, 2]``, ``hold_seconds = 10``."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from planner.domain.errors import InvalidFile
from planner.domain.exchange.plan_file import plan_file_schema, plan_from_toml, plan_to_toml
from planner.domain.library.loading import Source, load_library
from planner.domain.plan.builder import build_plan
from planner.domain.plan.model import PlanInputs
from planner.locations import built_in_library

LIBRARY = load_library([Source(built_in_library(), built_in=True)])
PLAN = build_plan(PlanInputs(program="core-flexibility", days=["mon", "wed", "fri"], minutes=30, weeks=4,
                             start=dt.date(2026, 3, 2)), LIBRARY)
DESCENDING = next(p for w in PLAN.weeks for s in w.sessions for p in s.exercises if p.descending)


def _block(text: str, exercise_id: str) -> str:
    return text.split(f'id = "{exercise_id}"', 1)[1].split("[[weeks", 1)[0]


def test_descending_sets_are_written_as_each_sets_reps_and_the_hold() -> None:
    text = plan_to_toml(PLAN)
    block = _block(text, DESCENDING.id)
    reps = "-".join(re.findall(r"\d+", DESCENDING.dose_text().split("×")[0]))
    assert f"sets = [{reps.replace('-', ', ')}]" in block, block
    assert f"hold_seconds = {DESCENDING.seconds_per_rep}" in block and "reps =" not in block
    again = plan_from_toml(text, "plan.toml", LIBRARY).to_plan(LIBRARY)
    assert plan_to_toml(again) == text, "export, import, export: the same bytes"
    first = next(p for w in again.weeks for s in w.sessions for p in s.exercises if p.id == DESCENDING.id)
    assert first.dose_text() == DESCENDING.dose_text()


def test_an_edited_hold_is_kept_and_old_files_still_read() -> None:
    text = plan_to_toml(PLAN)
    sets = f"[{', '.join(str(max(DESCENDING.reps - 2 * i, 1)) for i in range(DESCENDING.sets))}]"
    edited = text.replace(f"sets = {sets}\nhold_seconds = {DESCENDING.seconds_per_rep}",
                          f"sets = {sets}\nhold_seconds = 8", 1)
    plan = plan_from_toml(edited, "plan.toml", LIBRARY).to_plan(LIBRARY)
    assert any(p.dose_text().endswith("×8s" + (" each side" if p.per_side else "")) for w in plan.weeks
               for s in w.sessions for p in s.exercises if p.id == DESCENDING.id)
    old = text.replace(f"sets = {sets}\nhold_seconds = {DESCENDING.seconds_per_rep}",
                       f"sets = {DESCENDING.sets}\nreps = {DESCENDING.reps}")
    assert old != text
    plan = plan_from_toml(old, "plan.toml", LIBRARY).to_plan(LIBRARY)
    assert plan.weeks[0].sessions[0].exercises  # reads as before


def test_a_list_that_does_not_step_down_by_two_is_refused_with_the_fix() -> None:
    text = plan_to_toml(PLAN)
    sets = f"[{', '.join(str(max(DESCENDING.reps - 2 * i, 1)) for i in range(DESCENDING.sets))}]"
    bad = text.replace(f"sets = {sets}", "sets = [6, 5, 2]", 1)
    with pytest.raises(InvalidFile) as err:
        plan_from_toml(bad, "plan.toml", LIBRARY)
    assert "does not go down 2 reps a set" in str(err.value) and "use [6, 4, 2]" in str(err.value)


def test_the_schema_says_sets_may_list_each_sets_reps() -> None:
    schema = str(plan_file_schema())
    assert "[6, 4, 2]" in schema


@pytest.mark.parametrize(("written", "field", "message"), [
    ("0", "sets", "input should be greater than or equal to 1, or a valid list; got 0"),
    ('"three"', "sets", "input should be a valid integer, unable to parse string as an integer, or a valid list; "
                        "got 'three'"),
    ("[6, 0, 2]", "sets.1", "input should be greater than or equal to 1; got 0"),
])
def test_a_bad_sets_value_is_one_problem_in_the_files_words(written: str, field: str, message: str) -> None:
    """``sets`` is a number or a list of numbers; a bad one was two problems named after pydantic's types
    (``sets.constrained-int`` and ``sets.list[constrained-int]``)."""
    text = plan_to_toml(PLAN)
    sets = f"[{', '.join(str(max(DESCENDING.reps - 2 * i, 1)) for i in range(DESCENDING.sets))}]"
    bad = text.replace(f"sets = {sets}", f"sets = {written}", 1)
    with pytest.raises(InvalidFile) as err:
        plan_from_toml(bad, "plan.toml", LIBRARY)
    problems = err.value.problems
    assert len(problems) == 1, [str(p) for p in problems]
    assert problems[0].field.endswith(f".{field}") and problems[0].message == message
    assert problems[0].line == bad.splitlines().index(f"sets = {written}") + 1
