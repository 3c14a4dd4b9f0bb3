"""A person moves their training days part-way through a plan: ``planner plan days``."""

from __future__ import annotations

import json
import tomllib

import jsonschema

from tests.e2e.test_export_import_cli import START, Planner, as_json_values, assert_round_trip, new_plan
from tests.e2e.test_export_import_cli import planner as planner  # noqa: F401  (the fixture)


def session_dates(planner: Planner, week: int) -> list[str]:
    return [s["date"] for s in planner.json("plan", "show", "--week", str(week))["weeks"][0]["sessions"]]




def test_days_move_from_next_week_and_recorded_sessions_keep_their_dates(planner: Planner) -> None:
    new_plan(planner, "core-foundation", "--days", "mon,wed,fri")
    week_two_before = planner.json("plan", "show", "--week", "2")["weeks"][0]
    planner.run("done")  # Monday 2 March
    result = planner.run("plan", "days", "tue,thu,sat")
    assert "from Mon, Wed, Fri to Tue, Thu, Sat from week 2" in result.stdout
    assert session_dates(planner, 1) == ["2026-03-02", "2026-03-04", "2026-03-06"]
    assert session_dates(planner, 2) == ["2026-03-10", "2026-03-12", "2026-03-14"]
    week_two = planner.json("plan", "show", "--week", "2")["weeks"][0]
    doses = [[(e["id"], e["sets"], e.get("reps"), e.get("hold_seconds")) for e in s["exercises"]]
             for s in week_two["sessions"]]
    assert doses == [[(e["id"], e["sets"], e.get("reps"), e.get("hold_seconds")) for e in s["exercises"]]
                     for s in week_two_before["sessions"]], "only the dates move"
    history = planner.json("history")
    assert history["sessions"][0]["date"] == START and history["sessions"][0]["status"] == "done"
    assert [a["kind"] for a in planner.json("adjustments")] == ["days"]


def test_the_change_survives_export_and_import_and_fits_the_schema(planner: Planner) -> None:
    new_plan(planner, "core-foundation")
    planner.run("plan", "days", "tue,thu,sat")
    text = assert_round_trip(planner)
    assert tomllib.loads(text)["plan"]["day_changes"] == [{"from_week": 2, "days": ["tue", "thu", "sat"]}]
    planner.run("schema", "-o", "schemas")
    schema = json.loads((planner.cwd / "schemas" / "plan.schema.json").read_text())
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    assert list(validator.iter_errors(as_json_values(tomllib.loads(text)))) == []


def test_a_different_number_of_days_is_refused_and_nothing_changes(planner: Planner) -> None:
    new_plan(planner, "core-foundation", "--days", "mon,wed,fri")
    before = planner.export()
    result = planner.run("plan", "days", "tue,thu", code=1)
    assert result.stderr.strip().splitlines() == [
        "planner: days: pick 3 weekdays (you picked 2); the plan keeps its number of sessions a week. "
        "To change that, build a new plan"]
    assert planner.run("plan", "days", "mon,wed,fri", code=1).stderr.startswith("planner: days: the plan already")
    assert planner.run("plan", "days", "someday", code=2).stderr.count("\n") == 1
    assert planner.export() == before


def test_an_imported_plan_is_refused_with_what_to_do(planner: Planner) -> None:
    new_plan(planner, "core-foundation")
    (planner.cwd / "plan.toml").write_text(planner.export(), encoding="utf-8")
    planner.run("import", "plan.toml")
    result = planner.run("plan", "days", "tue,thu,sat", code=1)
    assert "imported from a file" in result.stderr and "import it again" in result.stderr


def test_without_a_plan_it_says_how_to_make_one(planner: Planner) -> None:
    assert "planner plan new" in planner.run("plan", "days", "tue", code=1).stderr
