"""Pictures of every screen at 60×20, 80×24 and 120×36, with the date pinned to Monday 2 March 2026.

Each run_before waits for the store workers and turns cursor blink off, so
the pictures depend on nothing but the code.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot

import planner.app.screens.session_runner
from tests.app.conftest import keys, make_app, settle

SIZES = [(80, 24), (120, 36), (60, 20)]  # size2, 60×20, added last so older baselines keep their names
# Pain 1, Enter on to the warning signs (where, then the exercises, then the first sign's No), No to the five
# emergency signs, Yes to a leg getting weaker (urgent), record: the keys a person presses.
RED_FLAG = ["r", "1", "enter", "enter", "enter", "n", "n", "n", "n", "n", "y", "ctrl+s"]


@pytest.mark.parametrize("size", SIZES)
class TestBuilder:
    def test_first_run_opens_the_builder(self, snap_compare, data_dir: Path, size) -> None:
        """First run with no plan shows the builder with the program's goal and a two-week preview."""
        assert snap_compare(make_app(), terminal_size=size, run_before=keys())

    def test_builder_says_what_to_fix(self, snap_compare, data_dir: Path, size) -> None:
        """A level outside 1–5 replaces the preview with a sentence saying which field to fix."""
        async def run_before(pilot: Pilot) -> None:
            await settle(pilot)
            pilot.app.screen.query_one("#level").value = "9"
            await settle(pilot)

        assert snap_compare(make_app(), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
class TestToday:
    def test_today_lists_the_session(self, snap_compare, seeded: Path, size) -> None:
        """Today shows the week strip, the session with doses, and how to start it."""
        assert snap_compare(make_app(), terminal_size=size, run_before=keys())

    def test_today_after_checking_off(self, snap_compare, seeded: Path, size) -> None:
        """Space checks off the highlighted exercise and moves down: two marked, session partial."""
        assert snap_compare(make_app(), terminal_size=size, run_before=keys("space", "space"))

    def test_week_strip_marks_done_missed_and_partial(self, snap_compare, lived_in: Path, size) -> None:
        """A week in: last week's streak and adherence, and the held doses with the pain-4 reason."""
        assert snap_compare(make_app(), terminal_size=size, run_before=keys())

    def test_rest_day_names_the_next_session(self, snap_compare, seeded: Path, size, monkeypatch) -> None:
        """On Tuesday there is nothing to do: the rest-day note and Wednesday's session are named."""
        monkeypatch.setenv("PLANNER_TODAY", "2026-03-03")
        assert snap_compare(make_app(), terminal_size=size, run_before=keys())

    def test_red_flag_pause_shows_how_to_resume(self, snap_compare, paused: Path, size) -> None:
        """After a red flag, Today is empty, paused, and names the one way to resume."""
        assert snap_compare(make_app(), terminal_size=size, run_before=keys())


@pytest.mark.parametrize("size", SIZES)
class TestSessionRunner:
    def test_runner_opens_on_the_first_exercise(self, snap_compare, seeded: Path, size) -> None:
        """The runner lists the exercises and shows the first one's dose, cues and cautions."""
        assert snap_compare(make_app(), terminal_size=size, run_before=keys("enter"))

    def test_rest_countdown_after_a_set(self, snap_compare, seeded: Path, size, monkeypatch) -> None:
        """After a set, one box is filled and the rest countdown shows (paused, for a stable picture)."""
        # The clock's seconds come an hour apart here, so no tick lands before the pause however slow the machine.
        monkeypatch.setattr(planner.app.screens.session_runner, "TICK_SECONDS", 3600.0)
        # Two one-set warm-ups, then a set of three: its rest starts, and p pauses it.
        assert snap_compare(make_app(), terminal_size=size, run_before=keys("enter", "space", "space", "space", "p"))


@pytest.mark.parametrize("size", SIZES)
class TestPainCheckIn:
    def test_pain_check_in_form(self, snap_compare, seeded: Path, size) -> None:
        """The check-in asks for a score, when, where, and the red-flag questions in plain words."""
        assert snap_compare(make_app(), terminal_size=size, run_before=keys("r"))

    def test_pain_six_explains_the_reduction(self, snap_compare, seeded: Path, size) -> None:
        """A 6 shows at once that the next sessions drop to 70% and why."""
        assert snap_compare(make_app(), terminal_size=size, run_before=keys("d", "r", "6", "ctrl+s"))

    def test_red_flag_shows_the_urgent_message(self, snap_compare, seeded: Path, size) -> None:
        """A ticked red flag shows the urgent-care message and that the program is paused."""
        assert snap_compare(make_app(), terminal_size=size, run_before=keys(*RED_FLAG))


@pytest.mark.parametrize("size", SIZES)
class TestPlanView:
    def test_weeks_as_a_calendar(self, snap_compare, lived_in: Path, size) -> None:
        """Weeks as rows with day marks, easier weeks and the adjustment noted; this week's sessions below."""
        assert snap_compare(make_app(), terminal_size=size, run_before=keys("w"))

    def test_changing_training_days(self, snap_compare, lived_in: Path, size) -> None:
        """d opens the weekday ticks with the rule in words: same count, from next week, past dates kept."""
        assert snap_compare(make_app(), terminal_size=size, run_before=keys("w", "d"))

    def test_moving_to_an_easier_week(self, snap_compare, lived_in: Path, size) -> None:
        """Three weeks on, the easier week's sessions and its reason are listed (week 1, mostly not done,
        repeats in week 2, so the person's easier week falls in calendar week 5)."""
        assert snap_compare(make_app(), terminal_size=size, run_before=keys("w", "right", "right", "right"))


@pytest.mark.parametrize("size", SIZES)
class TestLibrary:
    def test_library_lists_and_details(self, snap_compare, seeded: Path, size) -> None:
        """Every exercise is listed; the highlighted one shows dose, chain, cues and cautions."""
        assert snap_compare(make_app(), terminal_size=size, run_before=keys("l"))

    def test_library_search(self, snap_compare, seeded: Path, size) -> None:
        """Typing 'bridge' leaves only bridges, with the bridge chain in the detail."""
        assert snap_compare(make_app(), terminal_size=size, run_before=keys("l", "slash", *"bridge", "enter"))


@pytest.mark.parametrize("size", SIZES)
class TestHistory:
    def test_history_with_sessions(self, snap_compare, lived_in: Path, size) -> None:
        """Adherence, streak, charts of sessions, pain and work, and the hold adjustment with its reason."""
        assert snap_compare(make_app(), terminal_size=size, run_before=keys("h"))

    def test_history_empty(self, snap_compare, seeded: Path, size) -> None:
        """A plan begun today has no history yet, and says what will appear."""
        assert snap_compare(make_app(), terminal_size=size, run_before=keys("h"))


@pytest.mark.parametrize("size", SIZES)
class TestRelief:
    def test_relief_routine_timer_and_red_flags(self, snap_compare, data_dir: Path, size) -> None:
        """Relief works without a plan: the routine, the heat/cold timer and the red-flag list."""
        assert snap_compare(make_app(), terminal_size=size, run_before=keys("exclamation_mark"))


@pytest.mark.parametrize("size", SIZES)
class TestHelp:
    def test_help_says_what_planner_is_not(self, snap_compare, seeded: Path, size) -> None:
        """Help opens with what planner does, that it is not a clinician, and the red flags."""
        assert snap_compare(make_app(), terminal_size=size, run_before=keys("question_mark"))

    def test_help_ends_with_how_the_plan_adapts(self, snap_compare, seeded: Path, size) -> None:
        """End scrolls to the bottom: the last key table and the pain bands in plain words."""
        assert snap_compare(make_app(), terminal_size=size, run_before=keys("question_mark", "end"))


@pytest.mark.parametrize("size", SIZES)
class TestExport:
    def test_export_dialog_for_a_calendar(self, snap_compare, seeded: Path, size, monkeypatch) -> None:
        """Export offers the three formats, a file name in the home folder, and a time for calendar events."""
        monkeypatch.setenv("HOME", "/home/you")

        async def run_before(pilot: Pilot) -> None:
            await keys("w", "e")(pilot)
            pilot.app.screen.query_one("#format").value = "ics"
            await settle(pilot)

        assert snap_compare(make_app(), terminal_size=size, run_before=run_before)


class TestLightTheme:
    def test_today_reads_in_the_light_theme(self, snap_compare, lived_in: Path) -> None:
        """The palette's theme switch: Today in textual-light keeps every mark and the highlight readable."""
        async def run_before(pilot: Pilot) -> None:
            await settle(pilot)
            pilot.app.theme = "textual-light"
            await settle(pilot)

        assert snap_compare(make_app(), terminal_size=(80, 24), run_before=run_before)


class TestTooSmall:
    def test_tiny_terminal_says_too_small(self, snap_compare, seeded: Path) -> None:
        """Below 60×20 the app says the terminal is too small instead of drawing a cramped screen."""
        assert snap_compare(make_app(), terminal_size=(50, 15), run_before=keys())
