"""The live calendar file from the app: found in the palette, saved, then kept in step with check-offs."""

from __future__ import annotations

import stat
from pathlib import Path

from planner.app.screens.live_calendar import LiveCalendarDialog
from planner.app.screens.today import TodayScreen
from tests.app.conftest import make_app, settle


async def test_palette_sets_the_live_file_and_a_check_off_rewrites_it(seeded: Path, tmp_path: Path,
                                                                      run_planner) -> None:
    target = tmp_path / "live.ics"
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await settle(pilot)
        await pilot.press(*"live calendar")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, LiveCalendarDialog)
        app.screen.query_one("#path").value = str(target)
        app.screen.query_one("#remind").value = "nope"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "remind: 'nope'" in str(app.screen.query_one("#live-result").render())
        assert not target.exists()
        app.screen.query_one("#remind").value = "5"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "Wrote" in str(app.screen.query_one("#live-result").render())
        assert stat.S_IMODE(target.stat().st_mode) == 0o600
        assert "TRIGGER:-PT5M" in target.read_text()
        assert "✓ done" not in target.read_text()
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, TodayScreen)
        await pilot.press("d")  # all done
        await settle(pilot)
    assert "✓ done" in target.read_text()
    assert "5 min" in run_planner("calendar").stdout


async def test_on_a_phone_the_live_file_is_saved_from_the_palette(seeded: Path, tmp_path: Path) -> None:
    """At 40×16 the palette opens the dialog in its compact form: every field, button and answer in view."""
    target = tmp_path / "live.ics"
    app = make_app()
    async with app.run_test(size=(40, 16)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await settle(pilot)
        await pilot.press(*"live calendar")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, LiveCalendarDialog)
        for widget in app.screen.query("Input, Button"):
            assert widget.region.right <= 40 and widget.region.bottom <= 16, widget
        app.screen.query_one("#path").value = str(target)
        await pilot.press("ctrl+s")
        await settle(pilot)
        result = app.screen.query_one("#live-result")
        assert "Wrote" in str(result.render()) and target.exists()
        assert result.region.bottom <= 16
