"""The activities you want back (PSFS) through the real command: set, rate, re-rate, rename, retire,
the two-week prompt in Today, `function --json`, the report and the plan file."""

from __future__ import annotations

import json
import subprocess

from tests.conftest import RunPlanner


def ok(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 0, result.stderr
    return result.stdout


def on(day: str) -> dict[str, str]:
    return {"PLANNER_TODAY": day}


def test_set_rate_rerate_and_rename_keep_every_score_and_flag_important_changes(run_planner: RunPlanner) -> None:
    ok(run_planner("function", "set", "Putting on socks", "Sitting through a film", "Lifting my child"))
    ok(run_planner("function", "rate", "3", "5", "2"))
    ok(run_planner("function", "rate", "5", "6", "4", env=on("2026-03-16")))
    first = json.loads(ok(run_planner("function", "--json", env=on("2026-03-16"))))
    assert first["average"]["scores"] == [{"date": "2026-03-02", "score": 3.3}, {"date": "2026-03-16", "score": 5.0}]
    assert first["average"]["change"] == 1.7 and first["average"]["important_change"] is False
    assert [a["important_change"] for a in first["activities"]] == [False, False, False]

    ok(run_planner("function", "rename", "2", "Sitting through a long film", env=on("2026-03-20")))
    ok(run_planner("function", "rate", "7", "8", "5", env=on("2026-03-30")))
    result = json.loads(ok(run_planner("function", "--json", env=on("2026-03-30"))))
    socks, film, child = result["activities"]
    assert film["name"] == "Sitting through a long film" and film["number"] == 2
    assert [r["score"] for r in film["ratings"]] == [5, 6, 8], "renaming kept its scores"
    assert (socks["change"], socks["important_change"]) == (4, True)
    assert (film["change"], film["important_change"]) == (3, True)
    assert (child["change"], child["important_change"]) == (3, True)
    assert result["average"]["latest"] == 6.7 and result["average"]["change"] == 3.4
    assert result["average"]["important_change"] is True
    assert result["minimal_important_change"] == {"average": 2.0, "activity": 3}
    shown = ok(run_planner("function", env=on("2026-03-30")))
    assert "1. Putting on socks: 3 → 5 → 7 (+4) important change" in shown


def test_retiring_keeps_the_scores_and_a_new_activity_takes_its_place(run_planner: RunPlanner) -> None:
    ok(run_planner("function", "set", "Putting on socks", "Gardening"))
    ok(run_planner("function", "rate", "3", "4"))
    ok(run_planner("function", "retire", "2", env=on("2026-03-10")))
    ok(run_planner("function", "set", "Driving an hour", env=on("2026-03-10")))
    refused = run_planner("function", "rate", "5", env=on("2026-03-10"))
    assert refused.returncode == 2 and "give 2 scores" in refused.stderr and "2. Driving an hour" in refused.stderr
    ok(run_planner("function", "rate", "5", "6", env=on("2026-03-10")))
    result = json.loads(ok(run_planner("function", "--json", env=on("2026-03-10"))))
    names = [(a["number"], a["name"], a["retired"]) for a in result["activities"]]
    assert names == [(1, "Putting on socks", None), (2, "Driving an hour", None), (None, "Gardening", "2026-03-10")]
    assert [r["score"] for r in result["activities"][2]["ratings"]] == [4]


def test_bad_input_is_one_line_naming_what_is_allowed(run_planner: RunPlanner) -> None:
    ok(run_planner("function", "set", "a", "b", "c", "d", "e"))
    for args, words in ((("function", "set", "f"), "at most 5 activities"),
                        (("function", "rate", "1", "2", "3", "4", "11"), "'11' is not a whole number from 0 to 10"),
                        (("function", "rename", "9", "x"), "'9' is not the number of a current activity"),
                        (("function", "retire", "zero"), "'zero' is not the number")):
        result = run_planner(*args)
        assert result.returncode == 2 and words in result.stderr, (args, result.stderr)
        assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr


def test_today_asks_for_a_rating_every_two_weeks(run_planner: RunPlanner) -> None:
    ok(run_planner("plan", "new", "--program", "core-foundation"))
    ok(run_planner("function", "set", "Putting on socks", "Sitting through a film"))
    assert "planner function rate N N" in ok(run_planner("today")), "never rated: asked at once"
    ok(run_planner("function", "rate", "3", "5"))
    for day in ("2026-03-02", "2026-03-09", "2026-03-15"):
        assert "planner function rate" not in ok(run_planner("today", env=on(day))), day
        assert json.loads(ok(run_planner("today", "--json", env=on(day))))["function_prompt"] is None
    prompt = [line for line in ok(run_planner("today", env=on("2026-03-16"))).splitlines() if "function rate" in line]
    assert len(prompt) == 1 and "Two weeks since you last rated" in prompt[0], prompt
    assert "function rate N N" in json.loads(ok(run_planner("today", "--json", env=on("2026-03-16"))))["function_prompt"]
    ok(run_planner("function", "rate", "4", "6", env=on("2026-03-16")))
    assert "function rate" not in ok(run_planner("today", env=on("2026-03-16"))), "answered: the prompt goes"


def test_the_report_and_the_plan_file_carry_the_activities(run_planner: RunPlanner, tmp_path) -> None:
    ok(run_planner("plan", "new", "--program", "core-foundation"))
    ok(run_planner("function", "set", "Putting on socks", "Lifting my child"))
    ok(run_planner("function", "rate", "2", "3"))
    ok(run_planner("function", "rate", "5", "6", env=on("2026-03-16")))
    report = ok(run_planner("report", env=on("2026-03-16")))
    assert "## Activities the person wants back" in report
    assert "- Putting on socks: 2 (2026-03-02), 5 (2026-03-16); change +3 (important)" in report
    assert "average 2.5 of 10 on 2026-03-02, 5.5 on 2026-03-16 (+3: an important change)" in report
    html = ok(run_planner("report", "--format", "html", env=on("2026-03-16")))
    assert "Lifting my child: 3 (2026-03-02), 6 (2026-03-16)" in html

    ok(run_planner("export", "-o", "plan.toml", env=on("2026-03-16")))
    text = (tmp_path / "plan.toml").read_text(encoding="utf-8")
    assert '[[activities]]\nname = "Putting on socks"' in text
    other = {"PLANNER_DATA_DIR": str(tmp_path / "other"), "PLANNER_TODAY": "2026-03-16"}
    ok(run_planner("screen", "--none", env=other))
    imported = ok(run_planner("import", "plan.toml", env=other))
    assert "2 activities you want back came with the plan" in imported
    again = json.loads(ok(run_planner("function", "--json", env=other)))
    assert [[r["score"] for r in a["ratings"]] for a in again["activities"]] == [[2, 5], [3, 6]]
    ok(run_planner("export", "-o", "again.toml", env=other))
    assert (tmp_path / "again.toml").read_text(encoding="utf-8") == text, "export → import → export is stable"
