"""The report for a physiotherapist: its figures are history's, its HTML fetches nothing, its file is private."""

from __future__ import annotations

import json
import re
import stat
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.conftest import RunPlanner


@pytest.fixture
def run_planner(run_cli: RunPlanner) -> RunPlanner:
    """These rules are checked through ``planner.cli.main`` in process (tests/conftest.py ``run_cli``);
    the subprocess path of each command is tested once elsewhere."""
    return run_cli


def ok(run_planner: RunPlanner, *args: str, today: str = "2026-03-02") -> str:
    result = run_planner(*args, env={"PLANNER_TODAY": today})
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    return result.stdout


def aggravator(run_planner: RunPlanner) -> dict:
    """An exercise of 2026-03-02's session past the warm-up (sets of 2 or more), from the data, not hard-coded."""
    view = json.loads(ok(run_planner, "today", "--json", "--date", "2026-03-02"))
    return next(e for e in view["exercises"] if e["sets"] >= 2)


@pytest.fixture
def lived(run_planner: RunPlanner) -> RunPlanner:
    """Two weeks: sessions done and missed, a hold, a flare-up, a red flag, a confirmed resume."""
    ok(run_planner, "plan", "new", "--program", "core-flexibility", "--days", "mon,wed,fri", "--start", "2026-03-02")
    ok(run_planner, "done", today="2026-03-02")
    ok(run_planner, "pain", "3", today="2026-03-02")
    ok(run_planner, "done", today="2026-03-04")
    run_planner.worse = aggravator(run_planner)  # chosen before the flare-up changes the doses
    ok(run_planner, "pain", "6", "--where", "<b>low</b> back & hip", "--aggravated", run_planner.worse["id"],
       today="2026-03-04")
    ok(run_planner, "pain", "2", "--flag", "weakness", today="2026-03-09")  # urgent: pauses until confirmed
    ok(run_planner, "resume", "--confirm", today="2026-03-11")
    ok(run_planner, "done", today="2026-03-13")
    return run_planner


def section(text: str, title: str) -> str:
    return text.split(f"## {title}", 1)[1].split("\n## ", 1)[0]


def test_report_figures_match_history(lived: RunPlanner) -> None:
    history = json.loads(ok(lived, "history", "--json", today="2026-03-16"))
    report = ok(lived, "report", today="2026-03-16")
    summary = section(report, "Summary")
    due = [s for s in history["sessions"] if s["status"] not in ("planned", "paused")]
    done = [s for s in due if s["status"] == "done"]
    assert f"Sessions: {len(done)} of {len(due)} due were done in full ({history['adherence']}% adherence)" in summary
    assert f"current streak {history['current_streak']}, best {history['best_streak']}" in summary
    pain = [p for s in history["sessions"] for p in s["pain"]]
    assert f"Pain: {len(pain)} reports" in summary
    assert f"Plan changes: {len(history['adjustments'])} " in summary
    rows = [r for r in section(report, "Adherence by week").splitlines() if re.match(r"^\| \d", r)]
    assert sum(int(r.split("|")[4]) for r in rows) == len(done)
    assert sum(int(r.split("|")[7]) for r in rows) == len([s for s in due if s["status"] == "missed"])
    for adjustment in history["adjustments"]:
        assert adjustment["reason"] in section(report, "Changes to the plan, with reasons")
    flare = section(report, "Flare-ups (episodes from a report above 5 to the next report of 5 or less)")
    worse = lived.worse
    assert "### 2026-03-04: 6/10" in flare and "- 2026-03-02 (done): " in flare
    assert f"made worse by {worse['id']}" in flare and f"{worse['name']} {worse['dose']}" in flare, flare  # today's words
    assert "2026-03-02" not in flare.split("### 2026-03-04")[0]
    assert "one episode: 1 report above the acceptable band (6 after 04 Mar); back within the band on 2026-03-09" in flare
    red = section(report, "Warning signs and what followed")
    assert "### Urgent" in red and "### Emergency" not in red and "### Advice" not in red
    assert "2026-03-09: weakness in a leg that is getting worse or spreading" in red
    assert "(resume)" in red and "first session done after resuming: 2026-03-13" in red
    assert "▂▅▂" in section(report, "Pain over time")
    assert "None recorded." in section(report, "Session notes")


def test_report_since_counts_only_the_period(lived: RunPlanner) -> None:
    history = json.loads(ok(lived, "history", "--json", "--from", "2026-03-09", today="2026-03-16"))
    due = [s for s in history["sessions"] if s["status"] not in ("planned", "paused")]
    done = [s for s in due if s["status"] == "done"]
    report = ok(lived, "report", "--since", "2026-03-09", today="2026-03-16")
    assert f"Sessions: {len(done)} of {len(due)} due" in report
    assert "Period 2026-03-09 to 2026-03-16" in report
    assert "Pain: 1 reports" in report and "2026-03-04" not in report
    bad = lived("report", "--since", "next week", env={"PLANNER_TODAY": "2026-03-16"})
    assert bad.returncode == 2 and bad.stderr.count("\n") == 1 and "--since" in bad.stderr


class Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.links: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.links += [v or "" for k, v in attrs if k in ("src", "href", "xlink:href", "action", "data")]
        self.links += re.findall(r"url\(([^)]*)\)", " ".join(v or "" for _, v in attrs))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_html_report_is_self_contained_escaped_and_private(lived: RunPlanner, tmp_path: Path) -> None:
    target = tmp_path / "report.html"
    ok(lived, "report", "-o", str(target), today="2026-03-16")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    html = target.read_text(encoding="utf-8")
    page = Page()
    page.feed(html)
    assert "script" not in page.tags and "iframe" not in page.tags and "link" not in page.tags
    assert not [link for link in page.links if re.match(r"\s*(https?:)?//", link)], page.links
    assert not re.search(r"https?://", html.split("<style>")[1].split("</style>")[0])
    pain_part = Page()
    pain_part.feed(html.split("<h2>The exercises</h2>")[0])
    assert "svg" in pain_part.tags and pain_part.tags.count("circle") == 3, "a dot for each pain report"
    figures = re.findall(r'<figure class="exercise"><svg .*?</svg>', html)
    assert figures and all(ET.fromstring(f.removeprefix('<figure class="exercise">')) is not None for f in figures)
    assert "&lt;b&gt;low&lt;/b&gt; back &amp; hip" in html and "<b>low</b>" not in html
    text = "".join(page.text)
    history = json.loads(ok(lived, "history", "--json", today="2026-03-16"))
    due = [s for s in history["sessions"] if s["status"] not in ("planned", "paused")]
    done = [s for s in due if s["status"] == "done"]
    assert (len(done), len(due)) == (3, 6), "the resume day (Wednesday) is due, as Today showed it"
    assert "Sessions: 3 of 6 due were done in full" in text
    # Never over an existing file without --force; with it, replaced and still private.
    again = lived("report", "-o", str(target), env={"PLANNER_TODAY": "2026-03-16"})
    assert again.returncode == 1 and "already exists" in again.stderr and target.read_text() == html
    target.chmod(0o644)
    ok(lived, "report", "-o", str(target), "--format", "md", "--force", today="2026-03-16")
    assert target.read_text().startswith("# Exercise and back-pain report")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_report_without_a_plan_says_what_to_do(run_planner: RunPlanner, tmp_path: Path) -> None:
    result = run_planner("report", "-o", str(tmp_path / "r.md"))
    assert result.returncode == 1 and result.stderr.count("\n") == 1 and "planner plan new" in result.stderr
    assert not (tmp_path / "r.md").exists()


def test_tingling_on_a_second_day_is_filed_at_the_level_the_person_was_told(run_planner: RunPlanner) -> None:
    """The second report of one-leg tingling told the person to book someone this week ("soon"); the report
    filed both under "Advice", so a clinician could not see the escalation."""
    ok(run_planner, "plan", "new", "--program", "core-foundation", "--days", "mon,wed,fri", "--start", "2026-03-02")
    for day in ("2026-03-02", "2026-03-04"):
        ok(run_planner, "done", today=day)
        ok(run_planner, "pain", "2", "--flag", "numbness", today=day)
    report = ok(run_planner, "report", today="2026-03-05")
    red = report.split("## Warning signs and what followed", 1)[1].split("\n## ", 1)[0]
    advice, soon = red.split("### Advice", 1)[1].split("\n### ")[0], red.split("### Soon", 1)[1].split("\n### ")[0]
    assert "2026-03-02: numbness or tingling in one leg" in advice and "2026-03-04" not in advice
    assert "2026-03-04: numbness or tingling in one leg" in soon
