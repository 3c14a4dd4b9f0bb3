"""The report from History: p opens the dialog, ctrl+s writes the same report as the CLI, privately."""

from __future__ import annotations

import stat
from pathlib import Path

from planner.app.screens.history import HistoryScreen
from planner.app.screens.report import ReportDialog
from tests.app.conftest import make_app, settle


async def test_history_writes_the_report_and_asks_before_replacing(lived_in: Path, tmp_path: Path,
                                                                   run_planner, monkeypatch) -> None:
    target = tmp_path / "for-physio.html"
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("h")
        await settle(pilot)
        assert isinstance(app.screen, HistoryScreen)
        await pilot.press("p")
        await settle(pilot)
        assert isinstance(app.screen, ReportDialog)
        app.screen.query_one("#path").value = str(target)
        app.screen.query_one("#since").value = "soon"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "Since: 'soon' is not a date" in str(app.screen.query_one("#report-result").render())
        assert not target.exists()
        app.screen.query_one("#since").value = ""
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "Wrote" in str(app.screen.query_one("#report-result").render())
        assert stat.S_IMODE(target.stat().st_mode) == 0o600
        first = target.read_text()
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "already exists" in str(app.screen.query_one("#report-result").render())
        app.screen.query_one("#format").value = "md"
        await settle(pilot)
        assert app.screen.query_one("#path").value == str(tmp_path / "for-physio.md")
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, HistoryScreen)
    today = app.data.today.isoformat()
    cli = run_planner("report", "--format", "html", env={"PLANNER_TODAY": today}).stdout
    assert first == cli


async def test_on_a_phone_the_report_is_written_from_the_palette(lived_in: Path, tmp_path: Path) -> None:
    """At 40×16 (History asks for a wider terminal there) the palette opens the report in its compact
    form: written, its answer in view."""
    target = tmp_path / "report.md"
    app = make_app()
    async with app.run_test(size=(40, 16)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await settle(pilot)
        await pilot.press(*"report for")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ReportDialog), "no 'wider terminal needed' over the dialog"
        app.screen.query_one("#format").value = "md"
        app.screen.query_one("#path").value = str(target)
        await pilot.press("ctrl+s")
        await settle(pilot)
        result = app.screen.query_one("#report-result")
        assert "Wrote" in str(result.render()) and target.exists()
        assert result.region.bottom <= 16 and result.region.right <= 40
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(app.screen, ReportDialog)
