"""The store reads what it can: a damaged row is left out and named once; a damaged plan can be replaced.

Rows are damaged the way a hand edit or a disk fault would leave them (SQL on the real file); the
store, the active plan and a new plan are then used in process, and one path goes through the real
``planner`` command, which must answer in one line and never with a traceback.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from planner.domain.library.loading import Library, Source, load_library
from planner.domain.plan.builder import build_plan
from planner.domain.plan.model import PlanInputs
from planner.domain.records import Completion, PainReport
from planner.locations import built_in_library
from planner.store import store as store_module
from planner.store.active_plan import load_active, standing_state, start_plan
from planner.store.store import DamagedPlan, Store
from tests.conftest import RunPlanner
from tests.tools.screenshots import seed_plan

DAY = dt.date(2026, 3, 2)


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library([Source(built_in_library(), built_in=True)])


@pytest.fixture
def data(tmp_path: Path, library: Library) -> Path:
    data = tmp_path / "data"
    seed_plan(data)
    with Store(data) as store:
        active = load_active(store, library)
        assert active is not None
        store.record_completions(active.record.id, [Completion(DAY, "cat-cow", "done", 1, 6)])
        store.record_pain(active.record.id, PainReport(DAY, "after", 3, "low back"), [])
        store.set_note(active.record.id, DAY, "felt fine")
    store_module.DAMAGE.clear()
    return data


def damage(data: Path, sql: str) -> None:
    connection = sqlite3.connect(data / "planner.db")
    connection.execute(sql)
    connection.commit()
    connection.close()


@pytest.mark.parametrize(("sql", "table"), [
    ("UPDATE completions SET date = 'garbage'", "completions"),
    # Text or a fraction in an INTEGER column (SQLite keeps what it is given): report and simulate crashed.
    ("UPDATE completions SET sets = 'x'", "completions"),
    ("UPDATE completions SET minutes = 2.5", "completions"),
    ("INSERT INTO session_records (plan_id, date, record) SELECT id, '2026-03-02', '{\"week\": 1, \"exercises\": "
     "[{\"id\": \"a\", \"name\": \"A\", \"track\": \"a\", \"category\": \"core\", \"kind\": \"reps\", "
     "\"sets\": \"x\"}]}' FROM plans", "session_records"),
    ("UPDATE pain_reports SET aggravated = '{bad'", "pain_reports"),
    ("UPDATE session_notes SET date = '2026-13-45'", "session_notes"),
    ("INSERT INTO adjustments (plan_id, date, kind, reason, state) SELECT id, '2026-03-02', 'hold', 'x', '[]' "
     "FROM plans", "adjustments"),
    ("INSERT INTO adjustments (plan_id, date, kind, reason, state) SELECT id, '2026-03-02', 'hold', 'x', "
     "'{\"factor\": \"lots\"}' FROM plans", "adjustments"),
])
def test_a_damaged_history_row_is_left_out_and_named(data: Path, library: Library, sql: str, table: str) -> None:
    damage(data, sql)
    with Store(data) as store:
        active = load_active(store, library)
        assert active is not None
    assert len(store_module.DAMAGE) == 1
    assert store_module.DAMAGE[0].startswith(f"a damaged row in {table} was left out (")
    kept = active.history
    assert len(kept.completions) + len(kept.pain) + len(kept.notes) >= 2, "the rest of the history is read"


@pytest.mark.parametrize(("sql", "part"), [
    ("UPDATE plans SET inputs = '{bad'", "its inputs"),
    ("UPDATE plans SET inputs = '[]'", "its inputs"),
    ("UPDATE plans SET inputs = '{\"program\": \"core-flexibility\"}'", "its inputs"),
    ("UPDATE plans SET plan_file = 'garbage [['", "its stored plan file"),
    # Inputs that read as JSON but hold what no plan was built from: these crashed every command with a
    # TypeError, OverflowError or ValueError, 'plan new' (the way out) included.
    ("UPDATE plans SET inputs = replace(inputs, '\"minutes\":25', '\"minutes\":\"x\"')", "its inputs"),
    ("UPDATE plans SET inputs = replace(inputs, '\"minutes\":25', '\"minutes\":true')", "its inputs"),
    ("UPDATE plans SET inputs = replace(inputs, '\"weeks\":', '\"weeks\":-')", "its inputs"),
    ("UPDATE plans SET inputs = replace(inputs, '\"mon\"', '\"xyz\"')", "its inputs"),
    ("UPDATE plans SET inputs = replace(inputs, '2026-03-02', '9999-12-31')", "its inputs"),
])
def test_a_damaged_plan_is_named_and_a_new_plan_replaces_it(data: Path, library: Library, sql: str,
                                                            part: str) -> None:
    damage(data, sql)
    with Store(data) as store:
        damaged_id = store.active_plan_id()
        with pytest.raises(DamagedPlan) as err:
            load_active(store, library)
        assert f"is damaged ({part} cannot be read); build a new plan with 'planner plan new" in str(err.value)
        assert standing_state(store).pause is None, "the damaged plan's history is still read for a pause"
        inputs = PlanInputs(program="core-foundation", days=["mon", "wed", "fri"], minutes=20, level=1,
                            weeks=8, start=DAY)
        start_plan(store, inputs, build_plan(inputs, library).program_name, DAY)
        active = load_active(store, library)
        assert active is not None and active.plan.inputs.program == "core-foundation"
        assert store.active_plan_id() != damaged_id, "the damaged plan is archived"
        assert [p.id for p in store.plans()][-1] == active.record.id


def test_two_notes_on_one_date_are_joined_not_a_unique_constraint(tmp_path: Path) -> None:
    with Store(tmp_path / "data") as store:
        inputs = PlanInputs(program="core-foundation", days=["mon"], minutes=20, level=1, weeks=4, start=DAY)
        record = store.save_plan(inputs, "Core foundation", source="imported", plan_file="",
                                 notes=[(DAY, "first"), (DAY, "second\x1b[2J"), (DAY, "  ")])
        assert [n.text for n in store.history(record.id).notes] == ["first / second[2J"]


def test_the_cli_answers_in_one_line_and_plan_new_is_the_way_out(data: Path, tmp_path: Path) -> None:
    env = {**os.environ, "PLANNER_DATA_DIR": str(data), "PLANNER_TODAY": DAY.isoformat()}
    env.pop("PLANNER_LIBRARY", None)

    def planner(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "planner", *args], capture_output=True, text=True, env=env,
                              cwd=tmp_path, timeout=120, stdin=subprocess.DEVNULL)

    damage(data, "UPDATE pain_reports SET date = 'garbage'")
    today = planner("today")
    assert today.returncode == 0 and "Monday 2026-03-02" in today.stdout
    assert today.stderr.splitlines() == ["planner: a damaged row in pain_reports was left out (1, 'garbage', "
                                         "'after', 3, 'low back', '[]', '[]', 0); the rest of your history was read"]
    damage(data, "UPDATE plans SET inputs = '{bad'")

    for args in (("status", "--line"), ("today",), ("history",)):
        result = planner(*args)
        assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
        assert result.stderr.splitlines()[0].endswith(
            "plan 1 is damaged (its inputs cannot be read); build a new plan with 'planner plan new --program ID' "
            "or 'planner import FILE', and the damaged one is archived"), result.stderr
    built = planner("plan", "new", "--program", "core-foundation")
    assert built.returncode == 0, built.stderr
    today = planner("today")
    assert today.returncode == 0 and "Traceback" not in today.stderr, today.stderr


@pytest.mark.parametrize(("sql", "table"), [
    ("INSERT INTO activities (name, added) VALUES ('Socks', 'garbage')", "activities"),
    ("INSERT INTO activities (name, added, retired) VALUES ('Socks', '2026-03-02', 'garbage')", "activities"),
    ("INSERT INTO activity_ratings (activity_id, date, score) VALUES (1, 'garbage', 4)", "activity_ratings"),
    ("INSERT INTO activity_ratings (activity_id, date, score) VALUES (1, '2026-03-03', 4.5)", "activity_ratings"),
])
def test_a_damaged_activity_or_rating_is_left_out_and_named(data: Path, sql: str, table: str) -> None:
    """Found by a damage matrix over every table: a bad date in activities crashed today, report, export,
    function and plan new with a ValueError."""
    with Store(data) as store:
        store.add_activities(["Walking the dog"], DAY)
        store.rate_activities([(1, 5)], DAY)
    damage(data, sql)
    with Store(data) as store:
        activities = store.activities()
    assert len(store_module.DAMAGE) == 1
    assert store_module.DAMAGE[0].startswith(f"a damaged row in {table} was left out (")
    assert [a.name for a in activities][0] == "Walking the dog" and activities[0].ratings, "the rest is read"


@pytest.mark.parametrize("sql", [
    "UPDATE screenings SET date = 'garbage'",
    "UPDATE screenings SET yes = 'not json'",
    # Answers that read as JSON but are not sign names: a traceback from 'plan new' and 'import' before.
    "UPDATE screenings SET yes = '[1, 2]'",
    "UPDATE screenings SET yes = '[[\"saddle-numbness\"]]'",
])
def test_a_damaged_screening_is_named_and_the_questions_are_asked_again(run_cli: RunPlanner, tmp_path: Path,
                                                                        sql: str) -> None:
    """A screening that cannot be read counts as not answered (safe: the questions come again), and the line
    after the command names the damaged row, as for any other table."""
    assert run_cli("screen", "--none").returncode == 0
    damage(tmp_path / "data", sql)
    built = run_cli("plan", "new", "--program", "core-foundation", screened=False)
    assert built.returncode != 0 and "Traceback" not in built.stderr, built.stderr
    lines = built.stderr.splitlines()
    assert len(lines) == 2, lines
    assert lines[0].startswith("planner: answer the safety questions before your first plan"), lines
    assert lines[1].startswith("planner: a damaged row in screenings was left out ("), lines
