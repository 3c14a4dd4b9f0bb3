"""Pictures of every screen at 80×24 and 120×36, with the date pinned to 2026-03-02."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.app.conftest import make_app

SIZES = [(80, 24), (120, 36)]


@pytest.mark.parametrize("size", SIZES)
class TestBuilder:
    def test_first_run_opens_the_builder(self, snap_compare, data_dir: Path, size) -> None:
        """First run with no plan shows the builder with a week-1 preview."""
        assert snap_compare(make_app(), terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
class TestToday:
    def test_today_lists_the_session(self, snap_compare, seeded: Path, size) -> None:
        """Today shows the session with doses, nothing checked off yet."""
        assert snap_compare(make_app(), terminal_size=size)

    def test_today_after_checking_off(self, snap_compare, seeded: Path, size) -> None:
        """Checking off the first two exercises marks them and the session as partial."""
        assert snap_compare(make_app(), terminal_size=size, press=["space", "down", "space"])


@pytest.mark.parametrize("size", SIZES)
class TestPainCheckIn:
    def test_pain_check_in_form(self, snap_compare, seeded: Path, size) -> None:
        """The check-in asks for a score, when, where, and the red-flag questions in plain words."""
        assert snap_compare(make_app(), terminal_size=size, press=["r"])

    def test_pain_six_explains_the_reduction(self, snap_compare, seeded: Path, size) -> None:
        """A 6 shows at once that the next sessions drop to 70% and why."""
        assert snap_compare(make_app(), terminal_size=size, press=["r", "6", "enter"])


@pytest.mark.parametrize("size", SIZES)
class TestHelp:
    def test_help_lists_keys_and_says_it_is_not_a_clinician(self, snap_compare, seeded: Path, size) -> None:
        """Help shows every binding from the one table and the not-a-clinician note."""
        assert snap_compare(make_app(), terminal_size=size, press=["question_mark"])
