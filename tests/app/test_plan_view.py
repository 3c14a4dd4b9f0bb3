"""The plan view tells the truth after an adjustment, and its detail scrolls from the weeks table."""

from __future__ import annotations

import datetime as dt
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
        held = "".join(f" (week {w}'s doses)" for w in {v.week for v in sessions} - {2})  # the pain held it back
        assert detail.startswith(f"Week 2{held} · {adapted} min of work")
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


def seed_a_flare(data_dir: Path, today: str) -> None:
    """core-foundation Mon/Wed/Sat, 20 min, 12 weeks from Monday 2 March; every session done with pain 2
    after it, but for one flare in week 3 (7, 6, then 5: a cut, a deeper cut, a hold) until ``today``."""
    import argparse
    import datetime as dt

    from planner.app.data import AppData
    from planner.context import Context
    from planner.domain.pain.screening import Screening
    from planner.domain.plan.builder import build_plan
    from planner.domain.plan.model import PlanInputs
    from planner.domain.records import PainReport
    from planner.store.store import Store

    context = Context.from_args(argparse.Namespace(data_dir=str(data_dir)))
    start = dt.date(2026, 3, 2)
    inputs = PlanInputs(program="core-foundation", days=["mon", "wed", "sat"], minutes=20, level=1, weeks=12,
                        start=start)
    with Store(data_dir) as store:
        store.record_screening(Screening(start))
        store.save_plan(inputs, build_plan(inputs, context.library).program_name)
    data = AppData(context)
    flare = {"2026-03-16": 7, "2026-03-18": 6, "2026-03-21": 5}
    day = start
    while day < dt.date.fromisoformat(today):
        context.today = day
        view = data.load().snapshot.day() if day.weekday() in (0, 2, 5) else None
        if view is not None and view.planned and view.exercises:
            data.record(view.exercises, "done")
            data.report_pain(PainReport(day, "after", flare.get(day.isoformat(), 2), ""))
        day += dt.timedelta(days=1)


async def test_easier_week_follows_the_doses_after_a_flare(data_dir: Path, monkeypatch) -> None:
    """After a flare the easier week's doses come later than the calendar's easier week: the label moves
    with them (it said "easier week" over the calendar's week 8, with more work than week 7, and nothing
    over the week that was eased)."""
    seed_a_flare(data_dir, "2026-04-15")
    monkeypatch.setenv("PLANNER_TODAY", "2026-04-15")
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("w")
        await settle(pilot)
        screen, snapshot = app.screen, app.snapshot
        assert isinstance(screen, PlanViewScreen)
        table = screen.query_one("#weeks")
        rows = [table.get_row_at(i) for i in range(table.row_count)]
        minutes = [int(row[-2].removesuffix("m")) for row in rows]
        labelled = [i for i, row in enumerate(rows) if "easier" in row[-1]]
        doses = [{snapshot.day(d).week for d in week_dates(snapshot, i) if snapshot.day(d).planned}
                 for i in range(len(rows))]
        first_easier = next(w.number for w in snapshot.plan.weeks if w.deload)
        eased = next(i for i, weeks in enumerate(doses) if first_easier in weeks and i + 1 != first_easier)
        assert eased in labelled, "the week with the easier week's doses is labelled"
        moved = [i for i, w in enumerate(snapshot.plan.weeks) if w.deload and i > eased and
                 not any(snapshot.plan.weeks[n - 1].deload for n in doses[i])]
        assert moved and not set(moved) & set(labelled), "a calendar easier week with full doses is not"
        assert all(minutes[i] < minutes[i - 1] for i in labelled if i), (labelled, minutes)
        # One mark, read by every face: a week is labelled exactly when a session of it has an easier week's
        # doses (a held week in the calendar's easier week, cut by pain, is not one).
        marked = [i for i in range(len(rows)) if any(snapshot.day(d).easier for d in week_dates(snapshot, i)
                                                     if snapshot.day(d).planned)]
        assert labelled == marked, (labelled, marked)
        held = [i for i, w in enumerate(snapshot.plan.weeks) if w.deload and i < eased and i not in labelled]
        assert held, "the calendar's first easier week fell in the hold and is not labelled"
        table.move_cursor(row=eased)
        await settle(pilot)
        heading = screen.query_one("#week-sessions").text.splitlines()[0]
        assert heading.startswith(f"Week {eased + 1} (week {first_easier}'s doses) · easier week"), heading
        await pilot.press("h")
        await settle(pilot)
        shaded = {monday for monday, _ in app.screen.charted["per-week"].easier}
        start = snapshot.plan.inputs.start
        assert shaded and shaded == {start + dt.timedelta(days=7 * i) for i in labelled
                                     if i * 7 <= (snapshot.today - start).days}, "History shades the same weeks"
