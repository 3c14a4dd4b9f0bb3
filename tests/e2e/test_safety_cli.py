"""Warning signs, pauses that hold, screening and correctable records, through the real `planner` command."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from planner.domain.plan.model import PlanInputs
from planner.domain.records import Adjustment, PainReport
from planner.store.store import Store
from tests.conftest import TODAY, RunPlanner


@pytest.fixture
def run_planner(run_cli: RunPlanner) -> RunPlanner:
    """The rules here are checked through ``planner.cli.main`` in process; the subprocess path for each
    command is tested once elsewhere (test_readme_examples, test_quick_imports, test_races)."""
    return run_cli


def as_json(result) -> dict:
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_an_old_numbness_pause_stays_paused_and_reads_as_urgent(run_planner: RunPlanner, tmp_path: Path) -> None:
    """A database from before the three levels paused on 'numbness': it stays paused until confirmed."""
    day = dt.date.fromisoformat(TODAY)
    inputs = PlanInputs(program="core-foundation", days=["mon", "wed", "fri"], minutes=20, level=1, weeks=4,
                        start=day)
    with Store(tmp_path / "data") as store:
        record = store.save_plan(inputs, "Core foundation")
        store.record_pain(record.id, PainReport(day, "after", 3, flags=("numbness",)), [
            Adjustment(day, "red-flag", "Red-flag symptom reported (numbness or tingling in a leg).",
                       {"pause": "red-flag", "factor": 1.0, "lag_weeks": 0, "regressed": {}})])
    today = as_json(run_planner("today", "--json"))
    assert today["status"] == "paused"
    assert today["alert"]["level"] == "urgent" and today["alert"]["symptoms"] == ["numbness"]
    run_planner("pain", "0")
    assert as_json(run_planner("today", "--json"))["status"] == "paused"
    assert run_planner("resume", "--confirm").returncode == 0
    assert as_json(run_planner("today", "--json"))["alert"] is None


def test_a_new_plan_does_not_lift_a_warning_sign_pause(run_planner: RunPlanner) -> None:
    assert run_planner("plan", "new", "--program", "core-foundation").returncode == 0
    run_planner("pain", "3", "--flag", "weakness")
    made = run_planner("plan", "new", "--program", "flexibility")
    assert made.returncode == 0 and "starts paused" in made.stdout
    today = as_json(run_planner("today", "--json"))
    assert today["status"] == "paused" and today["exercises"] == []
    assert today["alert"]["level"] == "urgent" and today["alert"]["symptoms"] == ["weakness"]
    assert run_planner("done").returncode == 1
    assert [a["kind"] for a in as_json(run_planner("adjustments", "--json"))] == ["red-flag"]
    assert run_planner("plan", "days", "tue,thu,sat").returncode == 0
    assert as_json(run_planner("today", "--json"))["status"] == "paused"
    screened = run_planner("screen", "--none").stdout  # a clear screening says the pause stands, not "build a plan"
    assert "stays paused" in screened and "resume --confirm" in screened and "You can build" not in screened
    assert as_json(run_planner("today", "--json"))["status"] == "paused"
    assert run_planner("resume", "--confirm").returncode == 0
    assert as_json(run_planner("today", "--json"))["status"] == "planned"


def test_a_sign_reported_after_part_of_the_session_leads_every_line(run_planner: RunPlanner) -> None:
    """Part of the session done, then an emergency sign: the day stays "partial" in the record, but the status
    bar leads with the emergency (it said "core 24m left (9 to go)"), and a later check-off says the pause."""
    assert run_planner("plan", "new", "--program", "core-foundation").returncode == 0
    assert run_planner("done", "cat-cow").returncode == 0
    run_planner("pain", "3", "--flag", "saddle")
    assert run_planner("status", "--line").stdout.strip() == "EMERGENCY — see Today"
    late = run_planner("done", "curl-up-head-supported")  # done before the report, ticked after it: kept
    assert late.returncode == 0 and "paused after a warning sign" in late.stdout
    assert as_json(run_planner("today", "--json"))["alert"]["level"] == "emergency"
    run_planner("pain", "2", "--flag", "fever", "--date", TODAY)
    assert run_planner("status", "--line").stdout.strip() == "EMERGENCY — see Today"


def test_deleting_adaptation_from_a_file_keeps_a_relief_pause(run_planner: RunPlanner, tmp_path: Path) -> None:
    run_planner("plan", "new", "--program", "core-foundation")
    run_planner("pain", "8")
    text = run_planner("export").stdout
    cut = re.sub(r"\[adaptation\]\n(?:.+\n)*\n", "", text)
    cut = re.sub(r"\[\[adjustments\]\]\n(?:.+\n)*\n", "", cut)
    (tmp_path / "cut.toml").write_text(cut, encoding="utf-8")
    imported = run_planner("import", "cut.toml")
    assert imported.returncode == 0 and "relief routine" in imported.stdout
    assert as_json(run_planner("today", "--json"))["status"] == "paused"
    run_planner("pain", "1")
    run_planner("pain", "1", "--settled", env={"PLANNER_TODAY": "2026-03-03"})
    assert as_json(run_planner("today", "--json", "--date", "2026-03-04"))["status"] == "planned"


def test_impossible_adaptation_values_are_refused_line_by_line(run_planner: RunPlanner, tmp_path: Path) -> None:
    run_planner("plan", "new", "--program", "core-foundation")
    run_planner("pain", "6")
    text = run_planner("export").stdout
    before = run_planner("today", "--json").stdout
    for field, value, words in (("factor", "nan", "out of range"), ("factor", "-5.0", "out of range"),
                                ("factor", "1e308", "out of range"), ("frozen_week", "-3", "not a week"),
                                ("ceiling", "-1.0", "out of range"), ("gap_after", "2099-12-31", "in the future"),
                                ("gap_after", "9999-12-31", "out of range")):
        edited = re.sub(rf"^{field} = .*$", f"{field} = {value}", text, flags=re.M)
        if edited == text:
            edited = text.replace("[adaptation]\n", f"[adaptation]\n{field} = {value}\n", 1)
        (tmp_path / "bad.toml").write_text(edited, encoding="utf-8")
        result = run_planner("import", "bad.toml")
        assert result.returncode == 1, (field, value)
        assert re.search(rf"^bad\.toml:\d+: adaptation\.{field}: .*{words}", result.stderr, re.M), result.stderr
        assert run_planner("today", "--json").stdout == before


def test_plan_new_needs_a_screening_first(run_planner: RunPlanner) -> None:
    refused = run_planner("plan", "new", "--program", "core-foundation", screened=False)
    assert refused.returncode == 1 and refused.stdout == ""
    assert len(refused.stderr.strip().splitlines()) == 1 and "planner screen" in refused.stderr
    assert run_planner("today", "--json", screened=False).returncode == 0
    assert as_json(run_planner("today", "--json"))["status"] == "no-plan"
    done = run_planner("screen", "--none")
    assert done.returncode == 0 and "none of the warning signs" in done.stdout
    assert run_planner("plan", "new", "--program", "core-foundation", screened=False).returncode == 0


def test_screen_takes_none_or_yes_but_not_both(run_planner: RunPlanner) -> None:
    for args in ([], ["--none", "--yes", "fever"], ["--yes", "headache"], ["--yes"]):
        result = run_planner("screen", *args)
        assert result.returncode == 2, args
        assert len(result.stderr.strip().splitlines()) == 1


def test_a_yes_at_the_screening_builds_no_plan_and_pauses_until_confirmed(run_planner: RunPlanner) -> None:
    answered = as_json(run_planner("screen", "--yes", "fever", "--json"))
    assert answered["date"] == TODAY and answered["yes"] == ["fever"]
    assert answered["alert"]["level"] == "urgent" and "See a doctor today" in answered["alert"]["message"]
    refused = run_planner("plan", "new", "--program", "core-foundation", screened=False)
    assert refused.returncode == 1 and "fever" in refused.stderr and "planner screen --none" in refused.stderr
    today = as_json(run_planner("today", "--json"))
    assert today["status"] == "no-plan" and today["alert"]["level"] == "urgent"
    run_planner("screen", "--none")
    assert run_planner("plan", "new", "--program", "core-foundation", screened=False).returncode == 0
    assert as_json(run_planner("today", "--json"))["status"] == "paused", "a new screening lifts no pause"
    assert run_planner("resume", "--confirm").returncode == 0
    assert as_json(run_planner("today", "--json"))["status"] == "planned"


def test_an_emergency_yes_at_the_screening_says_go_now(run_planner: RunPlanner) -> None:
    out = run_planner("screen", "--yes", "both-legs", "numbness")
    assert "EMERGENCY" in out.stdout and "emergency department now" in out.stdout


def test_a_tingling_yes_gives_advice_and_no_pause(run_planner: RunPlanner) -> None:
    answered = as_json(run_planner("screen", "--yes", "numbness", "--json"))
    assert answered["alert"]["level"] == "advice"
    # Issue 26: tingling in one leg builds the plan (without the nerve-loading stretches), and pauses nothing.
    assert run_planner("plan", "new", "--program", "core-foundation", screened=False).returncode == 0
    assert as_json(run_planner("today", "--json"))["status"] == "planned"


def test_the_screening_is_asked_again_after_six_months(run_planner: RunPlanner) -> None:
    run_planner("screen", "--none")
    later = {"PLANNER_TODAY": "2026-08-31"}
    assert run_planner("plan", "new", "--program", "core-foundation", env=later, screened=False).returncode == 0
    stale = run_planner("plan", "new", "--program", "core-foundation", env={"PLANNER_TODAY": "2026-09-03"},
                        screened=False)
    assert stale.returncode == 1 and "six months" in stale.stderr and "planner screen" in stale.stderr


def test_records_refuse_dates_after_today_or_before_the_plan(run_planner: RunPlanner) -> None:
    run_planner("plan", "new", "--program", "core-foundation")
    for args in (["pain", "3", "--date", "2026-03-03"], ["done", "--date", "2026-03-04"],
                 ["skip", "--date", "2026-03-04"], ["pain", "3", "--date", "2020-01-01"],
                 ["done", "--date", "2026-03-01"]):
        result = run_planner(*args)
        assert result.returncode == 2, args
        assert len(result.stderr.strip().splitlines()) == 1 and "--date" in result.stderr
    assert as_json(run_planner("history", "--json"))["sessions"][0]["pain"] == []


def test_undo_pain_takes_back_the_latest_report_and_its_change(run_planner: RunPlanner) -> None:
    run_planner("plan", "new", "--program", "core-foundation")
    before = as_json(run_planner("today", "--json", "--date", "2026-03-04"))
    run_planner("pain", "7")
    assert [a["kind"] for a in as_json(run_planner("adjustments", "--json"))] == ["reduce"]
    undone = run_planner("undo", "--pain")
    assert undone.returncode == 0 and "pain report of 7" in undone.stdout
    assert as_json(run_planner("adjustments", "--json")) == []
    assert as_json(run_planner("today", "--json", "--date", "2026-03-04")) == before
    assert run_planner("undo", "--pain").returncode == 2


def test_undo_pain_never_lifts_a_warning_sign_pause(run_planner: RunPlanner) -> None:
    run_planner("plan", "new", "--program", "core-foundation")
    run_planner("pain", "2", "--flag", "saddle")
    refused = run_planner("undo", "--pain")
    assert refused.returncode == 1 and "resume --confirm" in refused.stderr
    assert as_json(run_planner("today", "--json"))["status"] == "paused"


def test_the_exports_carry_the_warning_signs(run_planner: RunPlanner) -> None:
    run_planner("plan", "new", "--program", "core-foundation")
    markdown = run_planner("export", "--format", "md").stdout
    assert "## Warning signs" in markdown
    for heading in ("EMERGENCY: go to an emergency department now", "URGENT: see a doctor today",
                    "ADVICE: stop the exercise that brings it on"):
        assert heading in markdown
    # Unfold the 75-octet lines (text mode has already turned CRLF into LF).
    calendar = re.sub(r"\r?\n ", "", run_planner("export", "--format", "ics").stdout)
    assert calendar.count("emergency department now") == calendar.count("BEGIN:VEVENT") > 0
