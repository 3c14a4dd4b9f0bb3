"""A one-hold dose (6-5-3, not only 6-4-2) tells the same story on every face: the JSON a script reads, the
exports, and the report's record of what was done (the sets done of a descending dose are its first sets).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from planner.actions import files, pain, plans, screening, sessions
from planner.context import Context
from planner.domain.exchange.plan_file import plan_to_toml
from planner.domain.library.loading import Library
from planner.domain.plan.builder import build_plan
from planner.domain.records import PainReport
from tests.actions.conftest import MONDAY, inputs

CURL_UP = "curl-up-head-supported"
WEDNESDAY, FRIDAY = MONDAY + dt.timedelta(days=2), MONDAY + dt.timedelta(days=4)


@pytest.fixture
def one_hold(at, library: Library, tmp_path: Path) -> Context:
    """Screened, with an imported plan whose first week has the curl-up at 6-5-3×10s (two one-hold steps)."""
    context = at()
    screening.screen(context, ())
    text = plan_to_toml(build_plan(inputs("core-foundation"), library))
    assert "sets = [6, 4, 2]" in text
    path = tmp_path / "plan.toml"
    path.write_text(text.replace("sets = [6, 4, 2]", "sets = [6, 5, 3]"), encoding="utf-8")
    plans.import_plan(context, path)
    return context


def test_the_json_gives_each_set_s_holds(one_hold: Context, run_cli) -> None:  # noqa: ANN001
    today = json.loads(run_cli("today", "--json").stdout)
    curl_up = next(e for e in today["exercises"] if e["id"] == CURL_UP)
    assert (curl_up["dose"], curl_up["holds"], curl_up["reps"], curl_up["descending"]) == (
        "6-5-3×10s", [6, 5, 3], 6, True)  # "reps" and "descending" kept as they were: 6, True
    assert all(e["holds"] is None for e in today["exercises"] if not e["descending"])
    shown = json.loads(run_cli("plan", "show", "--json").stdout)
    first = shown["weeks"][0]["sessions"][0]["exercises"]
    assert next(e["holds"] for e in first if e["id"] == CURL_UP) == [6, 5, 3]
    projection = json.loads(run_cli("simulate", "--pain", "2", "--json").stdout)["projection"]
    projected = projection[0]["sessions"][0]["exercises"]
    assert next(e["holds"] for e in projected if e["id"] == CURL_UP) == [6, 5, 3]
    library = json.loads(run_cli("show", CURL_UP, "--json").stdout)
    assert library["dose"]["holds"] == [6, 4, 2]  # the library's starting dose
    run_cli("export", "--format", "md", "-o", "plan.md")
    assert "6-5-3×10s" in (one_hold.data_dir.parent / "plan.md").read_text(encoding="utf-8")


def test_the_report_says_what_was_done_of_a_one_hold_dose(one_hold: Context, at) -> None:  # noqa: ANN001
    sessions.check_off(at(MONDAY), MONDAY, [CURL_UP], "partial", sets=2)  # the runner's "m" after two sets
    sessions.check_off(at(WEDNESDAY), WEDNESDAY, [CURL_UP], "done", sets=2)
    sessions.check_off(at(FRIDAY), FRIDAY, [CURL_UP])
    pain.report_pain(at(FRIDAY), PainReport(FRIDAY, "after", 6))
    report = files.report_text(at(FRIDAY), "md", None)
    said = re.findall(r"Curl-up, head supported 6-5-3×10s: ([^;]*);", report)
    # Of 6-5-3, two sets are 6-5 (not 6-4: the one hold more was on set 2); in full it is simply "done".
    assert said == ["partly done, 6-5×10s", "done as 6-5×10s", "done"], report
    before = report.split("Sessions in the 48 hours before:")[1].split("##")[0]
    assert re.findall(r"Curl-up, head supported (\S+)", before) == ["6-5×10s", "6-5-3×10s"], before
