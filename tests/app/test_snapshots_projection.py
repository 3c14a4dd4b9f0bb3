"""Pictures of the check-in's projection ("if it stays at 6…"), at the project's sizes (date pinned)."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Static

from tests.app.conftest import make_app, settle

SIZES = [(60, 20), (80, 24), (120, 36)]


def type_score(*digits: str):
    async def run_before(pilot: Pilot) -> None:
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        for digit in digits:
            await pilot.press(digit)
        await settle(pilot)

    return run_before


@pytest.mark.parametrize("size", SIZES)
def test_the_check_in_shows_what_the_coming_weeks_would_be(snap_compare, lived_in: Path, size) -> None:
    """Pain 6 typed in a week-old plan: this week and the next two, cut, with their share of the plan."""
    assert snap_compare(make_app(), terminal_size=size, run_before=type_score("6"))


async def test_the_projection_follows_the_score_and_goes_once_recorded(seeded: Path) -> None:
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await type_score("2")(pilot)
        box = app.screen.query_one("#projection", Static)
        assert box.display and "If your pain is 2 after each session from now on" in str(box.render())
        assert "This week: grows as planned: 100% of the plan" in str(box.render())
        await pilot.press("backspace", "9")
        await settle(pilot)
        assert "This week: paused: relief routine only" in str(box.render())
        await pilot.press("backspace")
        await settle(pilot)
        assert not box.display
        await pilot.press("8", "ctrl+s")
        await settle(pilot)
        assert not box.display
