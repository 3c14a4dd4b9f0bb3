"""Pictures of Learn, the lesson offered after a session, the report dialog and the live calendar dialog.

At 60×20, 80×24 and 120×36 (the two dialogs at 40×16 too, in their compact form), with the date pinned
and HOME set, so the pictures depend only on the code.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot

from planner.store.store import Store
from tests.app.conftest import keys, make_app, settle

SIZES = [(60, 20), (80, 24), (120, 36)]
DIALOG_SIZES = [*SIZES, (40, 16)]  # 40×16 added last so the older baselines keep their names


@pytest.mark.parametrize("size", SIZES)
class TestLearn:
    def test_learn_lists_lessons_and_shows_the_next_unread(self, snap_compare, seeded: Path, size) -> None:
        """i opens Learn: the lessons in order, two marked read, the reader on the next unread one."""
        with Store(seeded) as store:
            store.mark_lesson_read("why-backs-spasm")
            store.mark_lesson_read("what-to-expect")
        assert snap_compare(make_app(), terminal_size=size, run_before=keys("i"))

    def test_learn_reading_the_red_flag_lesson(self, snap_compare, data_dir: Path, size) -> None:
        """Learn works without a plan; Enter opens a lesson in the reader and marks it read."""
        assert snap_compare(make_app(), terminal_size=size, run_before=keys("i", "down", "down", "enter"))

    def test_next_lesson_is_named_after_a_session(self, snap_compare, seeded: Path, size) -> None:
        """Finishing a session and its check-in names the next unread lesson, and i to read it: the runner's
        f, y to finish with exercises left, pain 1 in the check-in, ctrl+s to save it, then Today."""
        async def run_before(pilot: Pilot) -> None:
            await keys("enter", "f", "y", "1")(pilot)
            await pilot.press("ctrl+s")
            await settle(pilot)
            await pilot.press("escape")
            await settle(pilot)
            await settle(pilot)

        assert snap_compare(make_app(), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", DIALOG_SIZES)
class TestReportAndLiveDialogs:
    def test_report_dialog_from_history(self, snap_compare, lived_in: Path, size, monkeypatch) -> None:
        """p on History: HTML or Markdown, a file in the home folder, and an optional start date; at 40×16
        (History needs 60×20, so the window shrinks with the dialog open) the fields fill the screen."""
        monkeypatch.setenv("HOME", "/home/you")

        async def run_before(pilot: Pilot) -> None:
            await pilot.resize_terminal(*max(size, (80, 24)))
            await keys("h", "p")(pilot)
            await pilot.resize_terminal(*size)
            await settle(pilot)

        assert snap_compare(make_app(), terminal_size=size, run_before=run_before)

    def test_live_calendar_dialog(self, snap_compare, seeded: Path, size, monkeypatch) -> None:
        """The palette's "Live calendar file": a path, the time of day and the reminder, off until saved; at
        40×16 one field a line over the whole screen."""
        monkeypatch.setenv("HOME", "/home/you")

        async def run_before(pilot: Pilot) -> None:
            await settle(pilot)
            await pilot.app.run_action("live_calendar")
            await settle(pilot)

        assert snap_compare(make_app(), terminal_size=size, run_before=run_before)
