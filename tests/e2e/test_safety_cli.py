"""Warning signs, pauses that hold, screening and correctable records, through the real `planner` command."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from planner.domain.plan.model import PlanInputs
from planner.domain.records import Adjustment, PainReport
from planner.store.store import Store
from tests.conftest import TODAY, RunPlanner


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
