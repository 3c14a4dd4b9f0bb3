"""A person exports their plan, reads it, edits it, imports it back, prints it and puts it in a calendar."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import icalendar
import jsonschema
import pytest

from planner.domain.pain.warning_signs import DISCLAIMER
from planner.store.store import Store
from tests.conftest import SCREEN_NONE, builds_a_plan

START = "2026-03-02"  # a Monday


class Planner:
    def __init__(self, data: Path, cwd: Path):
        self.data = data
        self.cwd = cwd
        self.today = START

    def run(self, *args: str, code: int = 0) -> subprocess.CompletedProcess[str]:
        env = {**os.environ, "PLANNER_DATA_DIR": str(self.data), "PLANNER_TODAY": self.today}
        env.pop("PLANNER_LIBRARY", None)
        if builds_a_plan(args):
            self.run(*SCREEN_NONE)
        result = subprocess.run([sys.executable, "-m", "planner", *args], capture_output=True, text=True,
                                env=env, cwd=self.cwd, timeout=60, stdin=subprocess.DEVNULL)
        assert "Traceback" not in result.stderr, result.stderr
        assert result.returncode == code, result.stdout + result.stderr
        return result

    def json(self, *args: str) -> dict | list:
        return json.loads(self.run(*args, "--json").stdout)

    def export(self, *args: str) -> str:
        return self.run("export", *args).stdout

    def snapshot(self) -> tuple:
        """What the person sees of their plan: the plan, today, and the adjustments."""
        return self.json("plan", "show"), self.json("today"), self.json("adjustments")


@pytest.fixture
def planner(tmp_path: Path) -> Planner:
    return Planner(tmp_path / "data", tmp_path)


def program_ids() -> list[str]:
    env = {**os.environ, "PLANNER_DATA_DIR": "/nonexistent-planner-data"}
    env.pop("PLANNER_LIBRARY", None)
    out = subprocess.run([sys.executable, "-m", "planner", "programs", "--json"], capture_output=True,
                         text=True, env=env, check=True).stdout
    return [p["id"] for p in json.loads(out)]


def new_plan(planner: Planner, program: str, *extra: str) -> None:
    planner.run("plan", "new", "--program", program, "--start", START, *extra)


def as_json_values(value):
    """TOML dates become ISO strings, as JSON Schema expects them."""
    if isinstance(value, dict):
        return {k: as_json_values(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_json_values(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def assert_round_trip(planner: Planner) -> str:
    """export → import → export gives the same bytes, and nothing the person sees changes."""
    before = planner.snapshot()
    first = planner.export()
    (planner.cwd / "plan.toml").write_text(first, encoding="utf-8")
    planner.run("import", "plan.toml")
    assert planner.export() == first
    assert planner.snapshot() == before
    return first


class TestRoundTrip:
    @pytest.mark.parametrize("program", program_ids()[:4])
    def test_every_program_round_trips_byte_for_byte(self, planner: Planner, program: str) -> None:
        """A fresh plan of each program survives export and import unchanged."""
        new_plan(planner, program)
        assert_round_trip(planner)

    def test_other_days_minutes_and_level_round_trip(self, planner: Planner) -> None:
        new_plan(planner, program_ids()[0], "--days", "tue,thu,sat", "--minutes", "30", "--level", "3",
                 "--weeks", "5")
        text = assert_round_trip(planner)
        assert tomllib.loads(text)["plan"]["days"] == ["tue", "thu", "sat"]

    def test_a_plan_reduced_for_pain_round_trips_and_stays_reduced(self, planner: Planner) -> None:
        """After 'pain 6' the export carries the reduction, and the imported plan keeps it."""
        new_plan(planner, "core-foundation")
        planner.run("pain", "6")
        text = assert_round_trip(planner)
        data = tomllib.loads(text)
        assert [a["kind"] for a in data["adjustments"]] == ["reduce"]
        assert data["adaptation"]["factor"] < 1

    def test_a_paused_plan_round_trips_and_stays_paused(self, planner: Planner) -> None:
        new_plan(planner, "core-foundation")
        planner.run("pain", "9")
        text = assert_round_trip(planner)
        assert tomllib.loads(text)["adaptation"]["pause"] == "relief"
        assert planner.json("today")["status"] == "paused"

    def test_a_second_import_still_round_trips(self, planner: Planner) -> None:
        """Importing an imported plan's export again gives the same file: nothing drifts."""
        new_plan(planner, "core-foundation")
        planner.run("pain", "6")
        first = assert_round_trip(planner)
        assert assert_round_trip(planner) == first

    def test_an_imported_plan_adapts_to_pain_like_any_other(self, planner: Planner) -> None:
        new_plan(planner, "core-foundation")
        assert_round_trip(planner)
        planner.run("pain", "9")
        assert planner.json("today")["status"] == "paused"
        assert "pause" in [a["kind"] for a in planner.json("adjustments")]


class TestIndependentChecks:
    def test_export_parses_with_tomllib_and_matches_the_plan(self, planner: Planner) -> None:
        new_plan(planner, "core-foundation")
        data = tomllib.loads(planner.export())
        shown = planner.json("plan", "show")
        assert data["schema_version"] == 1
        assert data["plan"]["program"] == shown["program"]
        assert data["plan"]["start"] == dt.date.fromisoformat(shown["start"])
        assert len(data["weeks"]) == len(shown["weeks"])
        for week, shown_week in zip(data["weeks"], shown["weeks"], strict=True):
            assert week["deload"] == shown_week["deload"]
            for session, shown_session in zip(week["sessions"], shown_week["sessions"], strict=True):
                assert session["date"].isoformat() == shown_session["date"]
                for item, shown_item in zip(session["exercises"], shown_session["exercises"], strict=True):
                    if isinstance(item["sets"], list):  # descending held reps: sets = [6, 4, 2], hold_seconds
                        assert "-" in shown_item.get("dose", "-") and len(item["sets"]) == shown_item["sets"]
                        item |= {"sets": len(item["sets"]), "reps": item["sets"][0], "hold_seconds": None}
                    for key in ("id", "sets", "reps", "hold_seconds", "minutes", "rest_seconds"):
                        assert item.get(key) == shown_item[key]

    @pytest.mark.parametrize("pain", [None, "6", "9"])
    def test_export_is_valid_against_the_published_schema(self, planner: Planner, pain: str | None) -> None:
        new_plan(planner, "core-foundation")
        if pain:
            planner.run("pain", pain)
        planner.run("schema", "-o", "schemas")
        schema = json.loads((planner.cwd / "schemas" / "plan.schema.json").read_text())
        validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
        data = as_json_values(tomllib.loads(planner.export()))
        assert list(validator.iter_errors(data)) == []
        data["weeks"][0]["sessions"][0]["exercises"][0]["sets"] = -3
        assert list(validator.iter_errors(data)), "the schema refuses a negative dose"


class TestEditedFiles:
    def edit(self, planner: Planner, old: str, new: str, occurrence: int = 1) -> int:
        """Export, replace the n-th ``old`` line fragment with ``new``, save; return the edited line."""
        text = planner.export()
        lines = text.splitlines(keepends=True)
        hits = [i for i, line in enumerate(lines) if old in line]
        index = hits[occurrence - 1]
        lines[index] = lines[index].replace(old, new)
        (planner.cwd / "edited.toml").write_text("".join(lines), encoding="utf-8")
        return index + 1

    def test_every_problem_at_once_counted_as_a_person_counts(self, planner: Planner) -> None:
        """A wrong type in week 5 and a control character in week 1 are both reported, in one go, as
        "week 5" (not "weeks.4")."""
        new_plan(planner, "core-foundation")
        self.edit(planner, "number = 5", 'number = "five"')
        text = (planner.cwd / "edited.toml").read_text().replace('reasons = [\n    "', 'reasons = [\n    "\\u001b', 1)
        (planner.cwd / "edited.toml").write_text(text)
        result = planner.run("import", "edited.toml", code=1)
        problems = [p for p in result.stderr.splitlines() if p.startswith("edited.toml:")]
        assert any(": week 5, number: " in p for p in problems), result.stderr
        assert any(": week 1, reason 1: contains the control character U+001B" in p for p in problems), result.stderr
        assert "weeks.4" not in result.stderr

    def test_an_edited_dose_is_what_the_plan_says_afterwards(self, planner: Planner) -> None:
        new_plan(planner, "core-foundation")
        text = planner.export()
        first = tomllib.loads(text)["weeks"][0]["sessions"][0]["exercises"][0]
        field = next(k for k in ("reps", "hold_seconds", "minutes") if k in first)
        new_value = first[field] + 1
        self.edit(planner, f"{field} = {first[field]}", f"{field} = {new_value}")
        planner.run("import", "edited.toml")
        shown = planner.json("plan", "show")["weeks"][0]["sessions"][0]["exercises"][0]
        assert shown[field] == new_value
        assert planner.json("today")["exercises"][0][field] == new_value
        assert planner.export() == (planner.cwd / "edited.toml").read_text()

    @pytest.mark.parametrize(("old", "new", "field", "words"), [
        ("date = 2026-03-04", "date = 2026-03-05", "week 1, session 2, date", "Thursday"),
        ("date = 2026-03-04", "date = 2026-03-11", "week 1, session 2, date", "outside week 1"),
        ('id = "cat-cow"', 'id = "cat-cwo"', "week 1, session 1, exercise 1, id",
         "did you mean cat-cow"),
        ("reps = ", "reps = -3 # ", "reps", "greater than or equal to 1"),
        ("rest_seconds = ", "rest_secs = ", "rest_secs", "did you mean 'rest_seconds'"),
        ("number = 2", "number = 3", "week 2, number", "should be 2"),
    ])
    def test_mistakes_are_refused_line_by_line_and_nothing_changes(
        self, planner: Planner, old: str, new: str, field: str, words: str
    ) -> None:
        new_plan(planner, "core-foundation")
        before = planner.snapshot()
        line = self.edit(planner, old, new)
        result = planner.run("import", "edited.toml", code=1)
        problems = [p for p in result.stderr.splitlines() if p.startswith("edited.toml:")]
        assert len(problems) == 1, result.stderr
        match = re.match(r"^edited\.toml:(\d+): ([^:]+): (.*)$", problems[0])
        assert match, problems[0]
        assert int(match.group(1)) == line
        assert match.group(2).endswith(field)
        assert words in match.group(3)
        assert "nothing was changed" in result.stderr
        assert planner.snapshot() == before
        assert len(Store(planner.data).plans()) == 1

    def test_every_mistake_is_listed_at_once(self, planner: Planner) -> None:
        new_plan(planner, "core-foundation")
        text = planner.export().replace("date = 2026-03-04", "date = 2026-03-05", 1)
        text = text.replace('id = "curl-up-head-supported"', 'id = "curl-up-head-supportd"', 1)
        (planner.cwd / "edited.toml").write_text(text, encoding="utf-8")
        result = planner.run("import", "edited.toml", code=1)
        assert "2 problems" in result.stderr

    def test_a_dose_field_that_does_not_fit_the_exercise_is_refused(self, planner: Planner) -> None:
        new_plan(planner, "core-foundation")
        data = tomllib.loads(planner.export())
        hold = next(e for e in data["weeks"][0]["sessions"][0]["exercises"] if "hold_seconds" in e)
        self.edit(planner, f"hold_seconds = {hold['hold_seconds']}", f"reps = {hold['hold_seconds']}")
        result = planner.run("import", "edited.toml", code=1)
        assert "hold_seconds: is required" in result.stderr

    def test_a_file_that_is_not_toml_is_refused(self, planner: Planner) -> None:
        new_plan(planner, "core-foundation")
        (planner.cwd / "edited.toml").write_text("schema_version = \n", encoding="utf-8")
        result = planner.run("import", "edited.toml", code=1)
        assert re.search(r"^edited\.toml:1: toml: ", result.stderr, re.M)
        assert planner.run("import", "missing.toml", code=1).stderr.startswith("missing.toml: file: does not exist")

    def test_a_bad_file_creates_no_history(self, planner: Planner) -> None:
        (planner.cwd / "edited.toml").write_text("schema_version = 1\n", encoding="utf-8")
        planner.run("import", "edited.toml", code=1)
        assert not planner.data.exists()

    def test_deleting_the_pause_does_not_lift_a_red_flag(self, planner: Planner) -> None:
        """Only 'planner resume --confirm' lifts a red-flag pause; an edited import cannot."""
        new_plan(planner, "core-foundation")
        planner.run("pain", "3", "--flag", "weakness")
        text = planner.export()
        cut = re.sub(r"\[adaptation\]\n(?:.+\n)*\n", "", text)
        cut = re.sub(r"\[\[adjustments\]\]\n(?:.+\n)*\n", "", cut)
        assert "pause" not in cut.split("[[weeks]]")[0]
        (planner.cwd / "edited.toml").write_text(cut, encoding="utf-8")
        result = planner.run("import", "edited.toml")
        assert "stays paused" in result.stdout
        assert planner.json("today")["status"] == "paused"


class TestHistory:
    def test_import_keeps_the_previous_plan_and_its_history(self, planner: Planner) -> None:
        new_plan(planner, "core-foundation")
        planner.run("done")
        planner.run("pain", "6")
        (planner.cwd / "plan.toml").write_text(planner.export(), encoding="utf-8")
        planner.run("import", "plan.toml")
        with Store(planner.data) as store:
            old, new = store.plans()
            assert old.archived_at is not None and new.archived_at is None
            assert (old.source, new.source) == ("built", "imported")
            assert store.history(old.id).completions and store.history(old.id).pain
            # Copied, not moved: the archived plan keeps its own record whole.
            assert store.history(new.id).completions == store.history(old.id).completions
        assert planner.json("today")["status"] == "done", "today's check-off comes along with the plan"


class TestWritingFiles:
    def test_export_refuses_to_overwrite_without_force(self, planner: Planner) -> None:
        new_plan(planner, "core-foundation")
        target = planner.cwd / "plan.toml"
        target.write_text("mine\n", encoding="utf-8")
        result = planner.run("export", "-o", "plan.toml", code=1)
        assert "already exists; add --force" in result.stderr
        assert target.read_text() == "mine\n"
        planner.run("export", "-o", "plan.toml", "--force")
        assert target.read_text() == planner.export()
        assert sorted(p.name for p in planner.cwd.iterdir() if p.is_file()) == ["plan.toml"], "no temporary files"

    def test_export_without_a_plan_says_what_to_do(self, planner: Planner) -> None:
        result = planner.run("export", code=1)
        assert "planner plan new" in result.stderr

    @pytest.mark.parametrize("fmt", ["toml", "md", "ics"])
    def test_every_format_writes_a_file(self, planner: Planner, fmt: str) -> None:
        new_plan(planner, "core-foundation")
        planner.run("export", "--format", fmt, "-o", f"plan.{fmt}")
        assert (planner.cwd / f"plan.{fmt}").stat().st_size > 0


class TestPrintable:
    def test_markdown_has_weeks_tables_cues_and_the_safety_note(self, planner: Planner) -> None:
        new_plan(planner, "core-foundation")
        text = planner.export("--format", "md")
        shown = planner.json("plan", "show")
        assert text.count("\n## Week ") == len(shown["weeks"])
        sessions = sum(len(w["sessions"]) for w in shown["weeks"])
        assert text.count("| Done | Exercise | Dose | Rest | Key cue |") == sessions
        assert "From hands and knees, round the back up towards the ceiling." in text, "cues come from the library"
        assert "This bends the lower back towards the end of its range" not in text or "Take care" in text
        assert text.count("- What limits this week: ") == len(shown["weeks"]) - 1, "each week says what limits it"
        assert "4-2×10s each side" in text, "one-sided doses say so"
        assert DISCLAIMER in text


class TestCalendar:
    def events(self, text: str) -> list:
        """The sessions' events (the walks on the days between have their own, see test_walk_days_cli)."""
        return [e for e in icalendar.Calendar.from_ical(text).walk("VEVENT") if ": week " in str(e["SUMMARY"])]

    def test_one_event_per_session_at_the_chosen_time_with_stable_uids(self, planner: Planner) -> None:
        new_plan(planner, "core-foundation")
        shown = planner.json("plan", "show")
        sessions = [s for w in shown["weeks"] for s in w["sessions"]]
        first = self.events(planner.export("--format", "ics", "--time", "18:30"))
        second = self.events(planner.export("--format", "ics", "--time", "18:30"))
        assert len(first) == len(sessions)
        assert [str(e["UID"]) for e in first] == [str(e["UID"]) for e in second]
        assert len({str(e["UID"]) for e in first}) == len(first)
        for event, session in zip(first, sessions, strict=True):
            start = event.decoded("DTSTART")
            assert start == dt.datetime.combine(dt.date.fromisoformat(session["date"]), dt.time(18, 30))
            assert start.tzinfo is None, "a floating local time"
            assert event.decoded("DURATION") == dt.timedelta(minutes=session["estimated_minutes"])
            description = str(event["DESCRIPTION"])
            assert all(e["name"] in description for e in session["exercises"])

    def test_default_time_is_seven(self, planner: Planner) -> None:
        new_plan(planner, "core-foundation")
        event = self.events(planner.export("--format", "ics"))[0]
        assert event.decoded("DTSTART").time() == dt.time(7, 0)

    @pytest.mark.parametrize("bad", ["7am", "25:00", "07:60", ""])
    def test_a_bad_time_is_a_usage_error(self, planner: Planner, bad: str) -> None:
        new_plan(planner, "core-foundation")
        result = planner.run("export", "--format", "ics", "--time", bad, code=2)
        assert "--time" in result.stderr and "HH:MM" in result.stderr


def test_a_plan_imported_back_keeps_what_was_recorded(planner: Planner, tmp_path: Path) -> None:
    """Check-offs, skips and pain reports used to start afresh on import: an exported plan imported back
    showed its done sessions as missed, with the streak and adherence at zero."""
    new_plan(planner, "core-foundation", "--days", "mon,wed,fri")
    planner.run("done", "--date", "2026-03-02")
    planner.today = "2026-03-06"
    planner.run("skip", "--date", "2026-03-04")
    planner.run("done", "--date", "2026-03-06")
    planner.run("pain", "3", "--date", "2026-03-06")
    before = planner.json("history")
    assert [s["status"] for s in before["sessions"]] == ["done", "skipped", "done"]
    exported = tmp_path / "plan.toml"
    planner.export("-o", str(exported))
    out = planner.run("import", str(exported)).stdout
    assert "what you recorded from 2026-03-02 on (check-offs, skips, pain) comes along" in out
    after = planner.json("history")
    assert after["sessions"] == before["sessions"], "the same days, the same record"
    assert (after["adherence"], after["current_streak"]) == (before["adherence"], before["current_streak"])
    assert [p["score"] for s in after["sessions"] for p in s["pain"]] == [3]
