"""Pictures of the compact layout a phone gets (40×16, and 45×25 from an SSH app in portrait).

Today in one column (the plan, checked off, a rest day, paused after a red flag), the pain check-in
and the relief routine: the screens that must work from a phone. Date pinned to Monday 2 March 2026.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.app.conftest import keys, make_app

PHONE_SIZES = [(40, 16), (45, 25)]


@pytest.mark.parametrize("size", PHONE_SIZES)
class TestTodayOnAPhone:
    def test_today_lists_the_session_in_one_column(self, snap_compare, seeded: Path, size) -> None:
        """Date and status first, the exercises with doses and tick boxes, the short footer."""
        assert snap_compare(make_app(), terminal_size=size, run_before=keys())

    def test_today_after_checking_off(self, snap_compare, seeded: Path, size) -> None:
        """Two exercises ticked with space: [x] marks them and the status reads partial."""
        assert snap_compare(make_app(), terminal_size=size, run_before=keys("space", "space"))

    def test_held_doses_show_the_reason(self, snap_compare, lived_in: Path, size) -> None:
        """The alert (pain 4 holds the doses) is under the list, scrollable when it does not fit."""
        assert snap_compare(make_app(), terminal_size=size, run_before=keys())

    def test_rest_day_names_the_next_session(self, snap_compare, seeded: Path, size, monkeypatch) -> None:
        monkeypatch.setenv("PLANNER_TODAY", "2026-03-03")
        assert snap_compare(make_app(), terminal_size=size, run_before=keys())

    def test_paused_after_a_red_flag(self, snap_compare, paused: Path, size) -> None:
        """Paused: the list is gone and the one way to resume is spelled out."""
        assert snap_compare(make_app(), terminal_size=size, run_before=keys())

    def test_more_lists_the_other_keys(self, snap_compare, seeded: Path, size) -> None:
        """m opens More: start, skip, the places, export, help and quit, each with its key."""
        assert snap_compare(make_app(), terminal_size=size, run_before=keys("m"))


@pytest.mark.parametrize("size", PHONE_SIZES)
class TestCheckInAndReliefOnAPhone:
    def test_pain_check_in_shows_every_red_flag_in_full(self, snap_compare, seeded: Path, size) -> None:
        assert snap_compare(make_app(), terminal_size=size, run_before=keys("r", "6"))

    def test_pain_check_in_answer(self, snap_compare, seeded: Path, size) -> None:
        """After ctrl+s the answer is scrolled into view."""
        assert snap_compare(make_app(), terminal_size=size, run_before=keys("r", "6", "ctrl+s"))

    def test_relief_routine_in_one_column(self, snap_compare, seeded: Path, size) -> None:
        assert snap_compare(make_app(), terminal_size=size, run_before=keys("exclamation_mark"))


class TestEveryPlaceOnAPhone:
    """Issue 29: no place waits for a wider terminal. Each at 40×16, its panes stacked and its rows wrapped."""

    def test_plan_calendar(self, snap_compare, seeded: Path) -> None:
        assert snap_compare(make_app(), terminal_size=(40, 16), run_before=keys("w"))

    def test_training_days_in_rows_of_four(self, snap_compare, seeded: Path) -> None:
        assert snap_compare(make_app(), terminal_size=(40, 16), run_before=keys("w", "d"))

    def test_library(self, snap_compare, seeded: Path) -> None:
        assert snap_compare(make_app(), terminal_size=(40, 16), run_before=keys("l"))

    def test_history_with_sessions(self, snap_compare, lived_in: Path) -> None:
        assert snap_compare(make_app(), terminal_size=(40, 16), run_before=keys("h"))

    def test_learn_reading_a_lesson(self, snap_compare, seeded: Path) -> None:
        assert snap_compare(make_app(), terminal_size=(40, 16), run_before=keys("i", "enter"))

    def test_help_fills_the_screen(self, snap_compare, seeded: Path) -> None:
        """Help on a phone: the whole screen, no frame, the text wrapped to 40 columns."""
        assert snap_compare(make_app(), terminal_size=(40, 16), run_before=keys("question_mark"))

    def test_builder_days_and_sizes_wrap(self, snap_compare, seeded: Path) -> None:
        """The days in rows of four, minutes, weeks and start one a line (scrolled down to them)."""
        assert snap_compare(make_app(), terminal_size=(40, 16), run_before=keys("n", *["tab"] * 9))


@pytest.mark.parametrize("size", [(40, 16), (60, 20), (80, 24), (120, 36)])
def test_safety_questions_read_whole(snap_compare, data_dir: Path, size) -> None:
    """The first run's safety questions: each sign wrapped in full, never cut with "…"; on a phone the
    whole screen, no frame."""
    assert snap_compare(make_app(), terminal_size=size, run_before=keys("ctrl+s"))
