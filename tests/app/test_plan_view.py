"""The plan view tells the truth after an adjustment, and its detail scrolls from the weeks table."""

from __future__ import annotations

from pathlib import Path

from planner.app.screens.weeks import PlanViewScreen, week_dates
from tests.app.conftest import make_app, settle


async def test_week_minutes_match_the_adapted_sessions_after_a_reduction(seeded: Path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("d", "r")
        await settle(pilot)
        await pilot.press("6", "ctrl+s")
        await settle(pilot)
        await pilot.press("escape", "w", "right")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, PlanViewScreen)
        snapshot = app.snapshot
        sessions = [snapshot.day(d) for d in week_dates(snapshot, 1) if snapshot.day(d).planned]
        adapted = sum(p.volume_seconds for v in sessions for p in v.exercises) // 60
        built = snapshot.plan.weeks[1].volume_seconds // 60
        assert adapted < built
        table = screen.query_one("#weeks")
        assert table.get_row_at(1)[-2] == f"{adapted}m", "the Work column shows the week as it will be done"
        detail = screen.query_one("#week-sessions").text
        assert detail.startswith(f"Week 2 · {adapted} min of work")
        assert f"As built, before the adjustments for pain ({built} min):" in detail


async def test_the_week_detail_scrolls_without_leaving_the_table(lived_in: Path) -> None:
    app = make_app()
    async with app.run_test(size=(60, 20)) as pilot:
        await settle(pilot)
        await pilot.press("w")
        await settle(pilot)
        detail = app.screen.query_one("#week-detail")
        assert detail.max_scroll_y > 0
        await pilot.press("pagedown")
        await settle(pilot)
        assert detail.scroll_y > 0 and app.screen.focused is app.screen.query_one("#weeks")
        await pilot.press("pageup")
        await settle(pilot)
        assert detail.scroll_y == 0


async def test_each_session_shows_how_long_it_takes_as_plan_show_does(seeded: Path) -> None:
    """A session line gave its working minutes ("16 min") where `plan show` and Today give its length
    ("~24 min"), so a 30-minute plan looked half as long in the plan view."""
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("w", "right")
        await settle(pilot)
        snapshot = app.snapshot
        detail = app.screen.query_one("#week-sessions").text
        for session in snapshot.plan.weeks[1].sessions:
            view = snapshot.day(session.date)
            took = -(-sum(p.estimated_seconds for p in view.exercises if not p.apart) // 60)
            assert f"{session.date.strftime('%a %d %b')} · {view.status} · ~{took} min:" in detail, detail
            assert took == session.estimated_minutes, "nothing adjusted in week 2: the length as built"
