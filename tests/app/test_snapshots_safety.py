"""Pictures of the warning-sign alerts and the paused Today, at the project's sizes (date pinned)."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot

from tests.app.conftest import make_app, settle

SIZES = [(60, 20), (80, 24), (120, 36)]


def report(flag: str, close: bool = False, then: tuple[str, ...] = ()):
    """Open the check-in, score 1, tick ``flag``, record (and close, and press ``then``)."""
    async def run_before(pilot: Pilot) -> None:
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        await pilot.press("1")
        pilot.app.screen.query_one(f"#flag-{flag}").value = True
        await pilot.press("ctrl+s")
        await settle(pilot)
        for key in (("escape",) if close else ()) + then:
            await pilot.press(key)
            await settle(pilot)

    return run_before


@pytest.mark.parametrize("size", SIZES)
class TestAlerts:
    def test_emergency_alert_on_today(self, snap_compare, seeded: Path, size) -> None:
        """Saddle numbness: Today leads with a heavy-bordered EMERGENCY alert; Resume is offered."""
        assert snap_compare(make_app(), terminal_size=size, run_before=report("saddle", close=True))

    def test_urgent_alert_in_the_check_in(self, snap_compare, seeded: Path, size) -> None:
        """A fever: the check-in's result opens on the URGENT alert (see a doctor today)."""
        assert snap_compare(make_app(), terminal_size=size, run_before=report("fever"))

    def test_advice_result_in_the_check_in(self, snap_compare, seeded: Path, size) -> None:
        """Tingling in one leg: ADVICE, the plan holds, no pause."""
        assert snap_compare(make_app(), terminal_size=size, run_before=report("numbness"))

    def test_paused_today_asks_before_resuming(self, snap_compare, seeded: Path, size) -> None:
        """c on a paused Today: the confirmation says what resuming means; the safe choice has focus."""
        assert snap_compare(make_app(), terminal_size=size, run_before=report("weakness", close=True, then=("c",)))
