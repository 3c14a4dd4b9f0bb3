"""Three weeks a clinician will read: every note, every dose in today's words, one flare-up, numbness as advice.

The story of issue 26: notes kept from the CLI and from the runner's store call, a flare of three reports
on consecutive sessions (7, 6, 5), one report of tingling in one leg, and a descending-hold exercise.
"""

from __future__ import annotations

import json
import re
from html import unescape
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from tests.conftest import RunPlanner


@pytest.fixture
def run_planner(run_cli: RunPlanner) -> RunPlanner:
    """These rules are checked through ``planner.cli.main`` in process (tests/conftest.py ``run_cli``);
    the subprocess path of each command is tested once elsewhere."""
    return run_cli

DAYS = ("2026-03-02", "2026-03-04", "2026-03-06", "2026-03-09", "2026-03-11", "2026-03-13",
        "2026-03-16", "2026-03-18")
FLARE = {"2026-03-09": "7", "2026-03-11": "6", "2026-03-13": "5"}
CLI_NOTES = {"2026-03-04": "left hip tight after bridges", "2026-03-11": "slept badly, <sore> & stiff"}
RUNNER_NOTE = ("2026-03-18", "felt strong on the curl-ups")


def ok(run_planner: RunPlanner, *args: str, today: str) -> str:
    result = run_planner(*args, env={"PLANNER_TODAY": today})
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    return result.stdout


@pytest.fixture
def story(run_planner: RunPlanner, tmp_path: Path) -> dict[str, list[str]]:
    """Lives the three weeks through the real command; returns each session's week and doses as ``today``
    words them (its heading's week words first)."""
    ok(run_planner, "plan", "new", "--program", "core-flexibility", "--days", "mon,wed,fri", "--start", DAYS[0],
       today=DAYS[0])
    ok(run_planner, "calendar", "--live", str(tmp_path / "live.ics"), today=DAYS[0])
    doses: dict[str, list[str]] = {}
    for day in DAYS:
        view = json.loads(ok(run_planner, "today", "--json", today=day))
        heading = ok(run_planner, "today", today=day).splitlines()[0]
        assert view["week_text"] in heading
        week = heading.split(" · ", 1)[1].rsplit(": ", 1)[0]  # "week 3 of 12 (week 2's doses)" as Today says it
        doses[day] = [week, *(f"{e['name']} {e['dose']}" for e in view["exercises"])]
        ok(run_planner, "done", today=day)
        if day in FLARE:
            ok(run_planner, "pain", FLARE[day], today=day)
        if day in CLI_NOTES:
            ok(run_planner, "note", CLI_NOTES[day], today=day)
    ok(run_planner, "pain", "3", "--flag", "numbness", today="2026-03-16")
    # The runner's own call: its note box saves through AppData.save_note (the action planner note shares).
    import argparse

    from planner.app.data import AppData
    from planner.context import Context

    context = Context.from_args(argparse.Namespace(data_dir=str(tmp_path / "data")))
    context.today = dt_date(RUNNER_NOTE[0])
    assert AppData(context).save_note(context.today, RUNNER_NOTE[1]).lines == ["Note kept with the session."]
    return doses


def dt_date(text: str):  # noqa: ANN201
    import datetime as dt

    return dt.date.fromisoformat(text)


def test_the_report_tells_a_clinician_what_happened(story: dict[str, list[str]], run_planner: RunPlanner,
                                                    tmp_path: Path) -> None:
    assert any(re.search(r"\d+-\d+(-\d+)*×\d+s", d) for d in story[DAYS[0]]), "a descending hold is in the story"
    assert any("'s doses)" in doses[0] for doses in story.values()), "the flare held the doses behind the calendar"
    markdown = ok(run_planner, "report", today="2026-03-20")
    ok(run_planner, "report", "-o", str(tmp_path / "r.html"), today="2026-03-20")
    html = unescape(re.sub(r"<[^>]+>", " ", (tmp_path / "r.html").read_text(encoding="utf-8")))
    # The Markdown as a clinician's viewer shows it: escaped characters read as themselves.
    shown = unescape(re.sub(r"<[^>]+>", "", MarkdownIt("commonmark").render(markdown)))
    for text in (shown, html):
        for note in [*CLI_NOTES.values(), RUNNER_NOTE[1]]:
            assert note in text, note
        for day, doses in story.items():
            line = next(x for x in text.splitlines() if x.strip().startswith(("- " + day, day)) and " · done: " in x)
            week, *items = doses
            assert f"{day} · {week} · done: " in line, (week, line)  # the week as Today numbered it
            for dose in items:
                assert dose in line, (day, dose, line)
        assert "Flare-ups (pain above 5, counted once until a report is back at 5 or less): 1." in text
        assert "paused" not in text.lower(), "nothing was paused"
    coming = json.loads(ok(run_planner, "today", "--json", today="2026-03-20"))
    assert f"Where the plan stands: the next session (2026-03-20) is {coming['week_text']}" in markdown
    assert "- What limits it: " in markdown, "the plan's position and what limited it"
    # simulate numbers the coming weeks as Today does (it said "Week 1" for the plan's weeks 3 and 4)
    projected = ok(run_planner, "simulate", "--pain", "2", "--weeks", "1", today="2026-03-20")
    assert f"From Friday 2026-03-20 (weeks {coming['week_text'].split()[1]}–4 of 12): " in projected
    advice = markdown.split("### Advice", 1)[1].split("\n## ", 1)[0]
    assert "2026-03-16: numbness or tingling in one leg" in advice
    assert "### Emergency" not in markdown and "### Urgent" not in markdown
    notes = json.loads(ok(run_planner, "note", "--json", today="2026-03-20"))["notes"]
    assert [n["date"] for n in notes] == ["2026-03-04", "2026-03-11", "2026-03-18"]
    # The live calendar numbers each session's week as Today did (it said "week 2" for week 3's held doses).
    from icalendar import Calendar

    live = Calendar.from_ical((tmp_path / "live.ics").read_bytes())
    summaries = {e.decoded("dtstart").date().isoformat(): str(e["summary"]) for e in live.walk("VEVENT")
                 if "walk" not in str(e["summary"])}
    for day, doses in story.items():
        assert summaries[day] == f"Core + flexibility: {doses[0]} ✓ done", (day, summaries[day])
    shown = {s["date"]: s["week_text"] for s in json.loads(ok(run_planner, "history", "--json", today="2026-03-20"))[
        "sessions"]}
    assert all(shown[day] == doses[0] for day, doses in story.items()), "history --json numbers weeks as today"
    history = ok(run_planner, "history", today="2026-03-20")
    assert CLI_NOTES["2026-03-04"] in history and RUNNER_NOTE[1] in history


def test_a_note_is_checked_and_kept(run_planner: RunPlanner) -> None:
    ok(run_planner, "plan", "new", "--program", "core-flexibility", "--start", "2026-03-02", today="2026-03-02")
    later = run_planner("note", "too soon", "--date", "2026-03-09", env={"PLANNER_TODAY": "2026-03-04"})
    assert later.returncode == 2 and later.stderr.count("\n") == 1 and "after today" in later.stderr
    empty = run_planner("note", env={"PLANNER_TODAY": "2026-03-04"})
    assert empty.returncode == 2 and "TEXT" in empty.stderr
    assert "Kept your note for 2026-03-03" in ok(run_planner, "note", "stiff", "--date", "2026-03-03",
                                                 today="2026-03-04")
    assert "stiff; better by lunch" in ok(run_planner, "note", "better by lunch", "--date", "2026-03-03",
                                          today="2026-03-04")
    exported = ok(run_planner, "export", "--format", "toml", today="2026-03-04")
    assert "stiff; better by lunch" in exported
    assert "stiff; better by lunch" in ok(run_planner, "export", "--format", "md", today="2026-03-04")


def test_numbness_at_the_screening_builds_a_plan_without_hamstring_stretches(run_planner: RunPlanner) -> None:
    screened = run_planner("screen", "--yes", "numbness")
    assert screened.returncode == 0 and "You can build a plan" in screened.stdout
    built = run_planner("plan", "new", "--program", "core-flexibility", "--start", "2026-03-02", screened=False)
    assert built.returncode == 0, built.stderr
    assert "leaves out Hamstring stretch with a strap" in built.stdout
    for day in ("2026-03-02", "2026-03-04", "2026-03-06", "2026-03-09"):
        view = json.loads(ok(run_planner, "today", "--json", "--date", day, today="2026-03-02"))
        assert view["status"] != "paused" and view["exercises"]
        assert not [e for e in view["exercises"] if e["id"].startswith("hamstring")]


def test_each_warning_sign_shows_its_own_pause_and_the_resume(run_planner: RunPlanner) -> None:
    """Two reports on one day, the second during the first's pause: each lists its own pause (both were
    listed under each), the resume that lifted it, and the first session after; nothing says "paused" now."""
    ok(run_planner, "plan", "new", "--program", "core-flexibility", "--days", "mon,wed,fri", "--start",
       "2026-03-02", today="2026-03-02")
    ok(run_planner, "done", today="2026-03-04")
    ok(run_planner, "pain", "4", "--flag", "saddle", "injury", today="2026-03-04")
    ok(run_planner, "pain", "3", "--flag", "fever", today="2026-03-04")
    ok(run_planner, "resume", "--confirm", today="2026-03-05")
    ok(run_planner, "done", today="2026-03-09")
    report = ok(run_planner, "report", today="2026-03-09")
    emergency = report.split("### Emergency", 1)[1].split("###", 1)[0]
    urgent = report.split("### Urgent", 1)[1].split("\n## ", 1)[0]
    for section, own, other in ((emergency, "Pain 4 after", "Pain 3 on"), (urgent, "Pain 3 on", "Pain 4 after")):
        assert section.count("(red-flag)") == 1 and own in section and other not in section, section
        assert "(resume)" in section and "first session done after resuming: 2026-03-09" in section
    summary = report.split("## Summary", 1)[1].split("\n## ", 1)[0]
    assert "paused" not in summary.lower() and "Where the plan stands" in summary
    assert "held back by pain, a pause, a break" in summary
